#include "pamsstore.h"

#include <QSqlQuery>
#include <QVariant>

namespace mp2p {

namespace {

QList<Migration> migrations()
{
    return {
        {1,
         {QStringLiteral("CREATE TABLE peers ("
                         "user_id TEXT PRIMARY KEY, type TEXT NOT NULL, "
                         "max_upload_bps BIGINT NOT NULL, max_download_bps BIGINT NOT NULL, "
                         "max_connections INTEGER NOT NULL, listen_address TEXT NOT NULL, "
                         "reachable INTEGER NOT NULL, registered_at BIGINT NOT NULL, "
                         "last_report_at BIGINT NOT NULL)"),
          QStringLiteral("CREATE TABLE peer_overlay_status ("
                         "user_id TEXT NOT NULL REFERENCES peers (user_id) ON DELETE CASCADE, "
                         "overlay_id TEXT NOT NULL, event TEXT NOT NULL, "
                         "uploaded BIGINT NOT NULL, downloaded BIGINT NOT NULL, left_bytes BIGINT NOT NULL, "
                         "upload_connections INTEGER NOT NULL, download_connections INTEGER NOT NULL, "
                         "reported_at BIGINT NOT NULL, PRIMARY KEY (user_id, overlay_id))"),
          // R1 asks by overlay: the primary key serves lookups by user, this one by overlay.
          QStringLiteral("CREATE INDEX peer_overlay_status_overlay ON peer_overlay_status (overlay_id)"),
          // Append-only; no foreign key, so the history outlives an unregistration until the
          // retention sweep removes it (demand statistics need it).
          QStringLiteral("CREATE TABLE report_history ("
                         "user_id TEXT NOT NULL, overlay_id TEXT NOT NULL, event TEXT NOT NULL, "
                         "uploaded BIGINT NOT NULL, downloaded BIGINT NOT NULL, left_bytes BIGINT NOT NULL, "
                         "upload_connections INTEGER NOT NULL, download_connections INTEGER NOT NULL, "
                         "reported_at BIGINT NOT NULL)"),
          QStringLiteral("CREATE INDEX report_history_time ON report_history (reported_at)"),
          QStringLiteral("CREATE INDEX report_history_user ON report_history (user_id, reported_at)")}},
    };
}

// Columns read by readActivity(), in this order.
const QString ActivityColumns = QStringLiteral(
    "p.user_id, p.type, p.max_upload_bps, p.max_download_bps, p.max_connections, p.listen_address, "
    "p.reachable, p.last_report_at, s.overlay_id, s.event, s.uploaded, s.downloaded, s.left_bytes, "
    "s.upload_connections, s.download_connections, s.reported_at");

PeerStaticStatus readStatic(const QSqlQuery &q, int first)
{
    PeerStaticStatus s;
    s.type = peerTypeFromName(q.value(first).toString()).value_or(PeerType::Peer);
    s.maxUploadBps = q.value(first + 1).toLongLong();
    s.maxDownloadBps = q.value(first + 2).toLongLong();
    s.maxConnections = q.value(first + 3).toInt();
    s.listenAddress = q.value(first + 4).toString();
    s.reachable = q.value(first + 5).toInt() != 0;
    return s;
}

PeerOverlayStatus readStatus(const QSqlQuery &q, int first)
{
    PeerOverlayStatus s;
    s.event = q.value(first).toString();
    s.uploaded = q.value(first + 1).toLongLong();
    s.downloaded = q.value(first + 2).toLongLong();
    s.left = q.value(first + 3).toLongLong();
    s.uploadConnections = q.value(first + 4).toInt();
    s.downloadConnections = q.value(first + 5).toInt();
    s.reportedAt = q.value(first + 6).toLongLong();
    return s;
}

PeerActivity readActivity(const QSqlQuery &q)
{
    PeerActivity a;
    a.userId = q.value(0).toString();
    a.staticStatus = readStatic(q, 1);
    a.lastReportAt = q.value(7).toLongLong();
    if (!q.value(8).isNull())
        a.overlay = readStatus(q, 9);
    return a;
}

// A null QString binds as SQL NULL; "not stated" must be stored as an empty string.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

void bindStatic(QSqlQuery &q, const PeerStaticStatus &s)
{
    q.addBindValue(s.maxUploadBps);
    q.addBindValue(s.maxDownloadBps);
    q.addBindValue(s.maxConnections);
    q.addBindValue(notNull(s.listenAddress));
    q.addBindValue(s.reachable ? 1 : 0);
}

void bindStatus(QSqlQuery &q, const PeerOverlayStatus &s, qint64 now)
{
    q.addBindValue(notNull(s.event));
    q.addBindValue(s.uploaded);
    q.addBindValue(s.downloaded);
    q.addBindValue(s.left);
    q.addBindValue(s.uploadConnections);
    q.addBindValue(s.downloadConnections);
    q.addBindValue(now);
}

// A bound IN list is one query per call; very long lists are split so that no statement
// exceeds the driver's limit on bound parameters.
constexpr int MaxIdsPerQuery = 500;

} // namespace

PamsStore::PamsStore(QString path)
    : m_db(QStringLiteral("pams"), DatabaseOptions{QStringLiteral("QSQLITE"), std::move(path)})
{
}

bool PamsStore::open(QString *error)
{
    return m_db.open(error) && m_db.migrate(migrations(), error);
}

PamsStore::RegisterResult PamsStore::registerPeer(const QString &userId, const PeerStaticStatus &status, qint64 now,
                                                  QString *error)
{
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    QSqlQuery exists(db);
    exists.prepare(QStringLiteral("SELECT 1 FROM peers WHERE user_id = ?"));
    exists.addBindValue(userId);
    if (!tx.isActive() || !execQuery(exists, error))
        return RegisterResult::Failed;
    const bool known = exists.next();
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO peers (user_id, type, max_upload_bps, max_download_bps, max_connections, listen_address, "
        "reachable, registered_at, last_report_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0) "
        "ON CONFLICT (user_id) DO UPDATE SET type = excluded.type, max_upload_bps = excluded.max_upload_bps, "
        "max_download_bps = excluded.max_download_bps, max_connections = excluded.max_connections, "
        "listen_address = excluded.listen_address, reachable = excluded.reachable"));
    q.addBindValue(userId);
    q.addBindValue(peerTypeName(status.type));
    bindStatic(q, status);
    q.addBindValue(now);
    if (!execQuery(q, error) || !tx.commit(error))
        return RegisterResult::Failed;
    return known ? RegisterResult::Updated : RegisterResult::Created;
}

bool PamsStore::upsertPeer(const StatusReport &report, qint64 now, QString *error)
{
    // Without a static part only last_report_at changes; an unknown peer is registered as
    // PEER with a static part of zeros ("not stated").
    const QString onConflict = report.staticStatus
                                   ? QStringLiteral("max_upload_bps = excluded.max_upload_bps, "
                                                    "max_download_bps = excluded.max_download_bps, "
                                                    "max_connections = excluded.max_connections, "
                                                    "listen_address = excluded.listen_address, "
                                                    "reachable = excluded.reachable, ")
                                   : QString();
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
                  "INSERT INTO peers (user_id, type, max_upload_bps, max_download_bps, max_connections, "
                  "listen_address, reachable, registered_at, last_report_at) VALUES (?, 'PEER', ?, ?, ?, ?, ?, ?, ?) "
                  "ON CONFLICT (user_id) DO UPDATE SET %1last_report_at = excluded.last_report_at")
                  .arg(onConflict));
    q.addBindValue(report.userId);
    bindStatic(q, report.staticStatus.value_or(PeerStaticStatus{}));
    q.addBindValue(now);
    q.addBindValue(now);
    return execQuery(q, error);
}

bool PamsStore::writeOverlay(const QString &userId, const OverlayReport &overlay, qint64 now, QString *error)
{
    const QSqlDatabase db = m_db.connection();
    QSqlQuery history(db);
    history.prepare(QStringLiteral(
        "INSERT INTO report_history (user_id, overlay_id, event, uploaded, downloaded, left_bytes, "
        "upload_connections, download_connections, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    history.addBindValue(userId);
    history.addBindValue(overlay.overlayId);
    bindStatus(history, overlay.status, now);
    if (!execQuery(history, error))
        return false;
    QSqlQuery current(db);
    current.prepare(QStringLiteral(
        "INSERT INTO peer_overlay_status (user_id, overlay_id, event, uploaded, downloaded, left_bytes, "
        "upload_connections, download_connections, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (user_id, overlay_id) DO UPDATE SET event = excluded.event, uploaded = excluded.uploaded, "
        "downloaded = excluded.downloaded, left_bytes = excluded.left_bytes, "
        "upload_connections = excluded.upload_connections, download_connections = excluded.download_connections, "
        "reported_at = excluded.reported_at"));
    current.addBindValue(userId);
    current.addBindValue(overlay.overlayId);
    bindStatus(current, overlay.status, now);
    return execQuery(current, error);
}

bool PamsStore::applyReport(const StatusReport &report, qint64 now, QString *error)
{
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    if (!tx.isActive()) {
        if (error)
            *error = QStringLiteral("cannot begin a transaction on the PAMS store");
        return false;
    }
    if (!upsertPeer(report, now, error))
        return false;
    for (const OverlayReport &overlay : report.overlays) {
        if (!writeOverlay(report.userId, overlay, now, error))
            return false;
    }
    return tx.commit(error);
}

bool PamsStore::unregisterPeer(const QString &userId, QString *error)
{
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    QSqlQuery status(db);
    status.prepare(QStringLiteral("DELETE FROM peer_overlay_status WHERE user_id = ?"));
    status.addBindValue(userId);
    QSqlQuery peer(db);
    peer.prepare(QStringLiteral("DELETE FROM peers WHERE user_id = ?"));
    peer.addBindValue(userId);
    if (!tx.isActive() || !execQuery(status, error) || !execQuery(peer, error))
        return false;
    const bool removed = peer.numRowsAffected() > 0;
    if (!tx.commit(error))
        return false;
    if (!removed && error)
        error->clear();
    return removed;
}

std::optional<PeerRecord> PamsStore::peer(const QString &userId, QString *error) const
{
    const QSqlDatabase db = m_db.connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT type, max_upload_bps, max_download_bps, max_connections, listen_address, "
                             "reachable, registered_at, last_report_at FROM peers WHERE user_id = ?"));
    q.addBindValue(userId);
    if (!execQuery(q, error) || !q.next())
        return std::nullopt;
    PeerRecord r;
    r.userId = userId;
    r.staticStatus = readStatic(q, 0);
    r.registeredAt = q.value(6).toLongLong();
    r.lastReportAt = q.value(7).toLongLong();

    QSqlQuery s(db);
    s.prepare(QStringLiteral("SELECT overlay_id, event, uploaded, downloaded, left_bytes, upload_connections, "
                             "download_connections, reported_at FROM peer_overlay_status WHERE user_id = ? "
                             "ORDER BY overlay_id"));
    s.addBindValue(userId);
    if (!execQuery(s, error))
        return std::nullopt;
    while (s.next())
        r.overlays.append({s.value(0).toString(), readStatus(s, 1)});
    return r;
}

QList<PeerActivity> PamsStore::overlayPeers(const QString &overlayId, QString *error) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM peer_overlay_status s JOIN peers p ON p.user_id = s.user_id "
                             "WHERE s.overlay_id = ? ORDER BY s.reported_at DESC, p.user_id")
                  .arg(ActivityColumns));
    q.addBindValue(overlayId);
    QList<PeerActivity> out;
    if (!execQuery(q, error))
        return out;
    while (q.next())
        out.append(readActivity(q));
    return out;
}

QHash<QString, PeerActivity> PamsStore::activityOf(const QString &overlayId, const QStringList &userIds,
                                                   QString *error) const
{
    QHash<QString, PeerActivity> out;
    QStringList ids = userIds;
    ids.removeDuplicates();
    const QSqlDatabase db = m_db.connection();
    for (qsizetype start = 0; start < ids.size(); start += MaxIdsPerQuery) {
        const QStringList chunk = ids.mid(start, MaxIdsPerQuery);
        QStringList marks(chunk.size(), QStringLiteral("?"));
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT %1 FROM peers p LEFT JOIN peer_overlay_status s "
                                 "ON s.user_id = p.user_id AND s.overlay_id = ? WHERE p.user_id IN (%2)")
                      .arg(ActivityColumns, marks.join(QLatin1Char(','))));
        q.addBindValue(overlayId);
        for (const QString &id : chunk)
            q.addBindValue(id);
        if (!execQuery(q, error))
            return out;
        while (q.next()) {
            PeerActivity a = readActivity(q);
            out.insert(a.userId, std::move(a));
        }
    }
    return out;
}

qint64 PamsStore::sweepHistory(qint64 before, QString *error)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM report_history WHERE reported_at < ?"));
    q.addBindValue(before);
    if (!execQuery(q, error))
        return -1;
    return q.numRowsAffected();
}

qint64 PamsStore::peerCount() const
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM peers")) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

qint64 PamsStore::historyRowCount(const QString &userId) const
{
    QSqlQuery q(m_db.connection());
    if (userId.isEmpty()) {
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM report_history"));
    } else {
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM report_history WHERE user_id = ?"));
        q.addBindValue(userId);
    }
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace mp2p
