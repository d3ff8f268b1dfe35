#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace mp2p {

class Database;

// One persisted transfer: what is needed to add it again after a restart.
struct StoredTransfer {
    QString infoHash;       // v1 hex (the engine's key)
    QByteArray torrent;     // the .torrent bytes as added
    QString savePath;
    QString trackerUrl;
    QByteArray resumeData;  // lt::write_resume_data_buf output; empty until the first save
    bool sequential = false;
    bool paused = false;
    qint64 addedAt = 0;     // seconds since the epoch
};

// The peer's transfers.db. The object lives on the engine's worker thread: every method runs
// there (the engine calls them through queued invocations), so the thread owning the Qt event
// loop never waits on SQLite. The Qt SQL connection is opened, used and closed on that thread.
// Peer-local store: SQLite only (BLOB columns), it never moves to a server database.
class TransferStore : public QObject {
    Q_OBJECT
public:
    TransferStore();
    ~TransferStore() override;

    bool open(const QString &path, QString *error);
    QList<StoredTransfer> loadAll(QString *error) const;

    bool insert(const StoredTransfer &row);
    bool saveResumeData(const QString &infoHash, const QByteArray &resumeData);
    bool setTrackerUrl(const QString &infoHash, const QString &trackerUrl);
    bool setSequential(const QString &infoHash, bool sequential);
    bool setPaused(const QString &infoHash, bool paused);
    bool remove(const QString &infoHash);

Q_SIGNALS:
    void writeFailed(const QString &message);

private:
    bool update(const QString &infoHash, const QString &column, const QVariant &value);
    bool runWrite(const QString &what, const QString &sql, const QVariantList &values);

    std::unique_ptr<Database> m_db;
};

} // namespace mp2p
