#include "presencestore.h"

#include <QSqlQuery>
#include <QVariant>

namespace mp2p {

namespace {
QList<Migration> migrations()
{
    return {
        {1,
         {QStringLiteral("CREATE TABLE swarm_presence ("
                         "info_hash TEXT NOT NULL, user_id TEXT NOT NULL, first_seen BIGINT NOT NULL, "
                         "last_seen BIGINT NOT NULL, PRIMARY KEY (info_hash, user_id))"),
          // The purge deletes by age.
          QStringLiteral("CREATE INDEX swarm_presence_last_seen ON swarm_presence (last_seen)")},
         false},
    };
}
} // namespace

bool PresenceStore::open(const QString &dataDir, QString *error)
{
    DatabaseOptions options;
    options.path = dataDir + QStringLiteral("/oms-presence.db");
    // A lost last batch costs a re-announce, not credit: no fsync per batch.
    options.fullSync = false;
    m_db = std::make_unique<Database>(QStringLiteral("oms-presence"), options);
    return m_db->open(error) && m_db->migrate(migrations(), error);
}

bool PresenceStore::save(const QList<PresenceSighting> &sightings, qint64 purgeBefore, QString *error)
{
    if (!m_db) {
        *error = QStringLiteral("the presence store is not open");
        return false;
    }
    QSqlDatabase db = m_db->connection();
    Transaction tx(db);
    if (!tx.isActive()) {
        *error = QStringLiteral("could not begin a transaction");
        return false;
    }
    QSqlQuery upsert(db);
    if (!upsert.prepare(QStringLiteral(
            "INSERT INTO swarm_presence (info_hash, user_id, first_seen, last_seen) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (info_hash, user_id) DO UPDATE SET "
            "first_seen = CASE WHEN excluded.first_seen < swarm_presence.first_seen "
            "THEN excluded.first_seen ELSE swarm_presence.first_seen END, "
            "last_seen = CASE WHEN excluded.last_seen > swarm_presence.last_seen "
            "THEN excluded.last_seen ELSE swarm_presence.last_seen END"))) {
        *error = QStringLiteral("could not prepare the presence upsert");
        return false;
    }
    for (const PresenceSighting &s : sightings) {
        upsert.bindValue(0, QString::fromLatin1(s.infoHash.toHex()));
        upsert.bindValue(1, s.userId);
        upsert.bindValue(2, s.seen.firstSeen);
        upsert.bindValue(3, s.seen.lastSeen);
        if (!execQuery(upsert, error))
            return false;
    }
    QSqlQuery purge(db);
    purge.prepare(QStringLiteral("DELETE FROM swarm_presence WHERE last_seen < ?"));
    purge.addBindValue(purgeBefore);
    return execQuery(purge, error) && tx.commit(error);
}

std::optional<QList<PresenceSighting>> PresenceStore::load(qint64 since, QString *error) const
{
    if (!m_db) {
        *error = QStringLiteral("the presence store is not open");
        return std::nullopt;
    }
    QSqlQuery q(m_db->connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT info_hash, user_id, first_seen, last_seen FROM swarm_presence WHERE last_seen >= ?"));
    q.addBindValue(since);
    if (!execQuery(q, error))
        return std::nullopt;
    QList<PresenceSighting> out;
    while (q.next())
        out.append({QByteArray::fromHex(q.value(0).toString().toLatin1()), q.value(1).toString(),
                    {q.value(2).toLongLong(), q.value(3).toLongLong()}});
    return out;
}

} // namespace mp2p
