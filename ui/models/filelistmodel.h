#pragma once

#include <user/engine/peerengine.h>

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace mp2p {

// The files of one transfer (name, size, progress, priority). The priority column is editable
// (EditRole takes FilePriority 0/1/7) and the change goes straight to the engine. refresh()
// re-reads the engine; the details pane calls it about once a second while it is shown.
class FileListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Size, Progress, Priority, ColumnCount };
    enum Role {
        RawValueRole = Qt::UserRole + 1,  // numbers for sorting; progress 0..1; priority 0/1/7
        FileIndexRole,                    // the engine's file index
    };

    explicit FileListModel(QObject *parent = nullptr);

    void setEngine(PeerEngine *engine);
    void setInfoHash(const QString &infoHash);
    QString infoHash() const { return m_infoHash; }
    void refresh();
    // Rows as given (tests; the engine path uses refresh()).
    void setFiles(const QList<TransferFile> &files);
    // Sets one file's priority through the engine; false + the engine's message on failure.
    bool setPriority(int row, int priority, QString *error = nullptr);
    const TransferFile *fileAt(int row) const;

    static QString priorityText(int priority);
    static QList<int> priorities() { return {FilePriority::Skip, FilePriority::Normal, FilePriority::High}; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void priorityRefused(const QString &message);

private:
    QPointer<PeerEngine> m_engine;
    QString m_infoHash;
    QList<TransferFile> m_files;
};

} // namespace mp2p
