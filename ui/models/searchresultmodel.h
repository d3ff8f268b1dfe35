#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace mp2p {

// One page of IXS query results (OCMP query: {"total", "page", "perPage", "items": [record]}).
// Seeds and peers come later, from each record's OMS (setSwarm); until then they show "–".
class SearchResultModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Title, Size, Seeds, Peers, Tags, Publisher, Date, ColumnCount };
    enum Role { RawValueRole = Qt::UserRole + 1, ContentIdRole, InfoHashRole };

    struct Item {
        QString id;
        QString title;
        QString description;
        qint64 size = 0;
        QStringList tags;
        QString owner;
        qint64 createdAt = 0;  // unix seconds
        QString infoHash;      // = the overlay id
        QString omsUrl;        // the OMS managing the overlay
        int seeds = -1;        // -1 = not known (yet)
        int leechers = -1;
    };

    explicit SearchResultModel(QObject *parent = nullptr);

    // Replaces the rows with the items of an IXS answer; malformed items are skipped.
    void setResults(const QJsonObject &answer);
    void clear();
    int total() const { return m_total; }
    const Item *itemAt(int row) const;
    // The OMS's counts for the overlay `infoHash`; every row with that info-hash is updated.
    void setSwarm(const QString &infoHash, int seeds, int leechers);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Item> m_items;
    int m_total = 0;
};

} // namespace mp2p
