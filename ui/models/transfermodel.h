#pragma once

#include <user/engine/transferstatus.h>

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPointer>

#include <optional>
#include <utility>

namespace mp2p {

class PeerEngine;

// The transfers of one PeerEngine as a table. It loads the engine's transfers once and then
// follows its signals (statsUpdated, transferAdded, transferRemoved); it never polls.
// DisplayRole gives formatted text, RawValueRole the number used for sorting.
class TransferModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Size, Progress, State, DownRate, UpRate, Eta, Peers, Ratio, ColumnCount };
    enum Role {
        RawValueRole = Qt::UserRole + 1,  // numbers for sorting; progress 0..1
        InfoHashRole,
        StateRole,                        // int(TransferState)
    };

    explicit TransferModel(QObject *parent = nullptr);

    // Follows `engine` (nullptr detaches). Safe to call before the engine started.
    void setEngine(PeerEngine *engine);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The updates the engine's signals drive (public so tests can feed snapshots).
    void updateTransfers(const QList<TransferStatus> &transfers);
    void addTransfer(const TransferStatus &status);
    void removeTransfer(const QString &infoHash);

    std::optional<TransferStatus> transferAt(int row) const;
    int rowOf(const QString &infoHash) const;
    qint64 totalDownloadRate() const;
    qint64 totalUploadRate() const;

    static QString stateText(TransferState state);
    static qint64 etaSeconds(const TransferStatus &t);  // -1 = unknown / not downloading
    static double ratio(const TransferStatus &t);
    // The first and last column whose shown value differs between two snapshots of one
    // transfer; first > last when nothing a view shows changed.
    static std::pair<int, int> changedColumns(const TransferStatus &a, const TransferStatus &b);

private:
    QVariant displayValue(const TransferStatus &t, int column) const;
    QVariant rawValue(const TransferStatus &t, int column) const;
    void reindex();

    QPointer<PeerEngine> m_engine;
    QList<TransferStatus> m_rows;
    QHash<QString, int> m_rowOf;
};

} // namespace mp2p
