#include "transferstore.h"

#include "base/database.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

namespace mp2p {

namespace {
QList<Migration> migrations()
{
    return {
        {1,
         {QStringLiteral("CREATE TABLE transfers ("
                         "info_hash TEXT PRIMARY KEY, torrent BLOB NOT NULL, save_path TEXT NOT NULL, "
                         "tracker_url TEXT NOT NULL, resume_data BLOB, sequential INTEGER NOT NULL DEFAULT 0, "
                         "paused INTEGER NOT NULL DEFAULT 0, added_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)")},
         false},
    };
}
// Qt binds a null QString as SQL NULL; "no tracker" is stored as an empty string.
QString notNull(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}
} // namespace

TransferStore::TransferStore() = default;
TransferStore::~TransferStore() = default;

bool TransferStore::open(const QString &path, QString *error)
{
    DatabaseOptions options;
    options.path = path;
    // Resume data is rewritten every checkpoint; NORMAL (WAL) keeps a consistent file after a
    // crash and at worst loses the last checkpoint, which libtorrent recovers by re-checking.
    options.fullSync = false;
    m_db = std::make_unique<Database>(QStringLiteral("transfers"), options);
    if (!m_db->open(error) || !m_db->migrate(migrations(), error)) {
        m_db.reset();
        return false;
    }
    return true;
}

QList<StoredTransfer> TransferStore::loadAll(QString *error) const
{
    QList<StoredTransfer> rows;
    if (!m_db)
        return rows;
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT info_hash, torrent, save_path, tracker_url, resume_data, sequential, paused, "
                             "added_at FROM transfers ORDER BY added_at, info_hash"));
    if (!execQuery(q, error))
        return rows;
    while (q.next()) {
        StoredTransfer row;
        row.infoHash = q.value(0).toString();
        row.torrent = q.value(1).toByteArray();
        row.savePath = q.value(2).toString();
        row.trackerUrl = q.value(3).toString();
        row.resumeData = q.value(4).toByteArray();
        row.sequential = q.value(5).toBool();
        row.paused = q.value(6).toBool();
        row.addedAt = q.value(7).toLongLong();
        rows.append(row);
    }
    return rows;
}

bool TransferStore::insert(const StoredTransfer &row)
{
    return runWrite(QStringLiteral("save the transfer %1").arg(row.infoHash),
                    QStringLiteral("INSERT INTO transfers (info_hash, torrent, save_path, tracker_url, resume_data, "
                                   "sequential, paused, added_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                   "ON CONFLICT (info_hash) DO UPDATE SET torrent = excluded.torrent, "
                                   "save_path = excluded.save_path, tracker_url = excluded.tracker_url, "
                                   "sequential = excluded.sequential, paused = excluded.paused, "
                                   "updated_at = excluded.updated_at"),
                    {row.infoHash, row.torrent, notNull(row.savePath), notNull(row.trackerUrl),
                     row.resumeData.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray)) : QVariant(row.resumeData),
                     row.sequential ? 1 : 0, row.paused ? 1 : 0, row.addedAt, QDateTime::currentSecsSinceEpoch()});
}

bool TransferStore::saveResumeData(const QString &infoHash, const QByteArray &resumeData)
{
    return update(infoHash, QStringLiteral("resume_data"), resumeData);
}

bool TransferStore::setTrackerUrl(const QString &infoHash, const QString &trackerUrl)
{
    return update(infoHash, QStringLiteral("tracker_url"), notNull(trackerUrl));
}

bool TransferStore::setSequential(const QString &infoHash, bool sequential)
{
    return update(infoHash, QStringLiteral("sequential"), sequential ? 1 : 0);
}

bool TransferStore::setPaused(const QString &infoHash, bool paused)
{
    return update(infoHash, QStringLiteral("paused"), paused ? 1 : 0);
}

bool TransferStore::remove(const QString &infoHash)
{
    return runWrite(QStringLiteral("forget the transfer %1").arg(infoHash),
                    QStringLiteral("DELETE FROM transfers WHERE info_hash = ?"), {infoHash});
}

bool TransferStore::update(const QString &infoHash, const QString &column, const QVariant &value)
{
    // `column` is one of the fixed names above, never user input.
    return runWrite(QStringLiteral("update %1 of the transfer %2").arg(column, infoHash),
                    QStringLiteral("UPDATE transfers SET %1 = ?, updated_at = ? WHERE info_hash = ?").arg(column),
                    {value, QDateTime::currentSecsSinceEpoch(), infoHash});
}

bool TransferStore::runWrite(const QString &what, const QString &sql, const QVariantList &values)
{
    QString error;
    if (!m_db) {
        Q_EMIT writeFailed(QStringLiteral("cannot %1: the transfer store is not open").arg(what));
        return false;
    }
    QSqlDatabase db = m_db->connection();
    Transaction tx(db);
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!tx.isActive() || !execQuery(q, &error) || !tx.commit(&error)) {
        Q_EMIT writeFailed(QStringLiteral("cannot %1 in the transfer store: %2").arg(what, error));
        return false;
    }
    return true;
}

} // namespace mp2p
