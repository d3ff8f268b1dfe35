// Ending sessions, and the numbered feed of ended sessions that verifiers in other mp2pd
// processes poll (UmsStore's part of GET /ums/v1/revocations).
#include "umsstore.h"

#include <QSqlQuery>
#include <QVariant>

namespace mp2p {

namespace {

std::optional<qint64> highestSeq(const QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM revocations"));
    if (!execQuery(q, error) || !q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

bool insertRevocation(const QSqlDatabase &db, const RevocationRecord &r, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO revocations (seq, user_id, session_id, revoked_at, until_at) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(r.seq);
    q.addBindValue(r.userId);
    q.addBindValue(r.sessionId.isNull() ? QStringLiteral("") : r.sessionId);
    q.addBindValue(r.revokedAt);
    q.addBindValue(r.until);
    return execQuery(q, error);
}

} // namespace

int UmsStore::revokeSessions(const QString &userId, const QString &sessionId, qint64 now, qint64 retainSecs,
                             QString *error)
{
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    // The UPDATE comes first: it takes the write lock, so the seq numbers read below cannot be
    // handed out twice, and feed readers see them committed in order. RETURNING names exactly
    // the sessions this call ended, so each enters the feed once.
    QSqlQuery q(db);
    if (sessionId.isEmpty()) {
        q.prepare(QStringLiteral("UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at = 0 RETURNING session_id"));
        q.addBindValue(now);
        q.addBindValue(userId);
    } else {
        q.prepare(QStringLiteral("UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND session_id = ? "
                                 "AND revoked_at = 0 RETURNING session_id"));
        q.addBindValue(now);
        q.addBindValue(userId);
        q.addBindValue(sessionId);
    }
    if (!execQuery(q, error))
        return -1;
    QStringList ended;
    while (q.next())
        ended.append(q.value(0).toString());
    q.finish();
    // A logout of a session already ended changes nothing; "end all" is recorded even with no
    // live session, so tokens issued before it are refused whatever session they name.
    if (!ended.isEmpty() || sessionId.isEmpty()) {
        const std::optional<qint64> top = highestSeq(db, error);
        if (!top)
            return -1;
        // Entries whose tokens have all expired are dropped here, opportunistically; the newest
        // row always stays so the sequence never goes back (a verifier's cursor stays valid).
        QSqlQuery purge(db);
        purge.prepare(QStringLiteral("DELETE FROM revocations WHERE until_at < ? AND seq < ?"));
        purge.addBindValue(now);
        purge.addBindValue(*top);
        if (!execQuery(purge, error))
            return -1;
        qint64 seq = *top;
        for (const QString &id : std::as_const(ended)) {
            if (!insertRevocation(db, {++seq, userId, id, now, now + retainSecs}, error))
                return -1;
        }
        if (sessionId.isEmpty() && !insertRevocation(db, {++seq, userId, QString(), now, now + retainSecs}, error))
            return -1;
    }
    return tx.commit(error) ? int(ended.size()) : -1;
}

std::optional<RevocationPage> UmsStore::revocationsSince(qint64 cursor, qint64 now, int limit, QString *error) const
{
    QSqlDatabase db = m_db.connection();
    // One snapshot for both reads, so `next` never skips an entry committed between them.
    Transaction tx(db);
    const std::optional<qint64> top = highestSeq(db, error);
    if (!top)
        return std::nullopt;
    RevocationPage page;
    if (cursor > *top) {
        page.reset = true;
        cursor = 0;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT seq, user_id, session_id, revoked_at, until_at FROM revocations "
                             "WHERE seq > ? AND until_at > ? ORDER BY seq LIMIT ?"));
    q.addBindValue(cursor);
    q.addBindValue(now);
    q.addBindValue(limit + 1);
    if (!execQuery(q, error))
        return std::nullopt;
    while (q.next()) {
        if (page.entries.size() == limit) {
            page.more = true;
            break;
        }
        page.entries.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                             q.value(3).toLongLong(), q.value(4).toLongLong()});
    }
    // Past the last entry sent, or (nothing more waiting) past everything stored: the expired
    // entries skipped on the way are not asked for again.
    page.next = page.more ? page.entries.constLast().seq : std::max(cursor, *top);
    return page;
}

} // namespace mp2p
