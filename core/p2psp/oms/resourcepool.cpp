#include "resourcepool.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QVariant>

namespace mp2p {

namespace {
const QString ResourceColumns = QStringLiteral(
    "r.resource_id, r.type, r.owner, r.address, r.port, r.region, r.disk_bytes, r.upload_bps, r.mode, "
    "r.registered_at, r.keepalive_at, r.expires_at, r.max_allocations, "
    "(SELECT COALESCE(SUM(a.reserved_bytes), 0) FROM resource_allocations a WHERE a.resource_id = r.resource_id)");

Resource resourceFrom(const QSqlQuery &q)
{
    Resource r;
    r.resourceId = q.value(0).toString();
    r.type = q.value(1).toString();
    r.owner = q.value(2).toString();
    r.address = q.value(3).toString();
    r.port = quint16(q.value(4).toInt());
    r.region = q.value(5).toString();
    r.diskBytes = q.value(6).toLongLong();
    r.uploadBps = q.value(7).toLongLong();
    r.mode = q.value(8).toString();
    r.registeredAt = q.value(9).toLongLong();
    r.keepAliveAt = q.value(10).toLongLong();
    r.expiresAt = q.value(11).toLongLong();
    r.maxAllocations = q.value(12).toInt();
    r.reservedBytes = q.value(13).toLongLong();
    return r;
}

bool notAttached(QString *error)
{
    if (error)
        *error = QStringLiteral("the resource pool is not open");
    return true;
}
} // namespace

QString ResourcePool::resourceIdFor(const QString &owner, const QString &type, const QString &address, quint16 port)
{
    const QByteArray key = QStringLiteral("%1|%2|%3|%4").arg(owner, type, address).arg(port).toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(32));
}

ResourcePool::Result ResourcePool::registerResource(Resource *r, qint64 now, QString *error)
{
    if (!m_db && notAttached(error))
        return Result::Failed;
    r->resourceId = resourceIdFor(r->owner, r->type, r->address, r->port);
    QSqlDatabase db = m_db->connection();
    Transaction tx(db);
    QSqlQuery existing(db);
    existing.prepare(QStringLiteral("SELECT registered_at FROM resources WHERE resource_id = ?"));
    existing.addBindValue(r->resourceId);
    if (!tx.isActive() || !execQuery(existing, error))
        return Result::Failed;
    const bool known = existing.next();
    r->registeredAt = known ? existing.value(0).toLongLong() : now;
    r->keepAliveAt = now;
    r->expiresAt = now + m_ttlSecs;
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO resources (resource_id, type, owner, address, port, region, disk_bytes, upload_bps, mode, "
        "registered_at, keepalive_at, expires_at, max_allocations) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (resource_id) DO UPDATE SET region = excluded.region, disk_bytes = excluded.disk_bytes, "
        "upload_bps = excluded.upload_bps, mode = excluded.mode, keepalive_at = excluded.keepalive_at, "
        "max_allocations = excluded.max_allocations, "
        "expires_at = excluded.expires_at"));
    // An empty region is stored as '' (the column is NOT NULL; a null QString would bind NULL).
    const QString region = r->region.isNull() ? QString::fromLatin1("") : r->region;
    for (const QVariant &v : {QVariant(r->resourceId), QVariant(r->type), QVariant(r->owner), QVariant(r->address),
                              QVariant(int(r->port)), QVariant(region), QVariant(r->diskBytes), QVariant(r->uploadBps),
                              QVariant(r->mode), QVariant(r->registeredAt), QVariant(r->keepAliveAt), QVariant(r->expiresAt),
                              QVariant(r->maxAllocations)})
        q.addBindValue(v);
    if (!execQuery(q, error) || !tx.commit(error))
        return Result::Failed;
    return known ? Result::Ok : Result::Created;
}

ResourcePool::Result ResourcePool::keepAlive(const QString &resourceId, qint64 now, Resource *out, QString *error)
{
    if (!m_db && notAttached(error))
        return Result::Failed;
    QSqlQuery q(m_db->connection());
    // An expired resource is not revived: it lost its allocations' meaning and must register again.
    q.prepare(QStringLiteral("UPDATE resources SET keepalive_at = ?, expires_at = ? WHERE resource_id = ? AND expires_at > ?"));
    q.addBindValue(now);
    q.addBindValue(now + m_ttlSecs);
    q.addBindValue(resourceId);
    q.addBindValue(now);
    if (!execQuery(q, error))
        return Result::Failed;
    if (q.numRowsAffected() == 0)
        return Result::NotFound;
    if (out) {
        const std::optional<Resource> r = find(resourceId, error);
        if (!r)
            return Result::Failed;
        *out = *r;
    }
    return Result::Ok;
}

ResourcePool::Result ResourcePool::remove(const QString &resourceId, QString *error)
{
    if (!m_db && notAttached(error))
        return Result::Failed;
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("DELETE FROM resources WHERE resource_id = ?"));
    q.addBindValue(resourceId);
    if (!execQuery(q, error))
        return Result::Failed;
    return q.numRowsAffected() == 0 ? Result::NotFound : Result::Ok;
}

std::optional<Resource> ResourcePool::find(const QString &resourceId, QString *error) const
{
    if (!m_db && notAttached(error))
        return std::nullopt;
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM resources r WHERE r.resource_id = ?").arg(ResourceColumns));
    q.addBindValue(resourceId);
    if (!execQuery(q, error) || !q.next())
        return std::nullopt;
    return resourceFrom(q);
}

std::optional<QList<Resource>> ResourcePool::live(const QString &type, qint64 now, QString *error) const
{
    if (!m_db && notAttached(error))
        return std::nullopt;
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM resources r WHERE r.expires_at > ?%2 ORDER BY r.resource_id")
                  .arg(ResourceColumns, type.isEmpty() ? QString() : QStringLiteral(" AND r.type = ?")));
    q.addBindValue(now);
    if (!type.isEmpty())
        q.addBindValue(type);
    if (!execQuery(q, error))
        return std::nullopt;
    QList<Resource> out;
    while (q.next())
        out.append(resourceFrom(q));
    return out;
}

ResourcePool::Result ResourcePool::allocate(const ResourceAllocation &a, QString *error)
{
    if (!m_db && notAttached(error))
        return Result::Failed;
    QSqlDatabase db = m_db->connection();
    Transaction tx(db);
    QSqlQuery q(db);
    // The capacity check and the write share one transaction, so two allocations cannot both
    // take the last free bytes.
    q.prepare(QStringLiteral("SELECT r.disk_bytes, (SELECT COALESCE(SUM(a.reserved_bytes), 0) FROM resource_allocations a "
                             "WHERE a.resource_id = r.resource_id AND a.overlay_id <> ?) "
                             "FROM resources r WHERE r.resource_id = ? AND r.expires_at > ?"));
    q.addBindValue(a.overlayId);
    q.addBindValue(a.resourceId);
    q.addBindValue(a.allocatedAt);
    if (!tx.isActive() || !execQuery(q, error))
        return Result::Failed;
    if (!q.next())
        return Result::NotFound;
    if (q.value(1).toLongLong() + a.reservedBytes > q.value(0).toLongLong())
        return Result::NoCapacity;
    QSqlQuery w(db);
    w.prepare(QStringLiteral("INSERT INTO resource_allocations (resource_id, overlay_id, region, reserved_bytes, "
                             "allocated_at, demand_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (resource_id, overlay_id) "
                             "DO UPDATE SET region = excluded.region, reserved_bytes = excluded.reserved_bytes, "
                             "demand_at = excluded.demand_at"));
    const QString region = a.region.isNull() ? QString::fromLatin1("") : a.region;
    for (const QVariant &v : {QVariant(a.resourceId), QVariant(a.overlayId), QVariant(region), QVariant(a.reservedBytes),
                              QVariant(a.allocatedAt), QVariant(qMax(a.demandAt, a.allocatedAt))})
        w.addBindValue(v);
    if (!execQuery(w, error) || !tx.commit(error))
        return Result::Failed;
    return Result::Ok;
}

ResourcePool::Result ResourcePool::deallocate(const QString &resourceId, const QString &overlayId, QString *error)
{
    if (!m_db && notAttached(error))
        return Result::Failed;
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("DELETE FROM resource_allocations WHERE resource_id = ? AND overlay_id = ?"));
    q.addBindValue(resourceId);
    q.addBindValue(overlayId);
    if (!execQuery(q, error))
        return Result::Failed;
    return q.numRowsAffected() == 0 ? Result::NotFound : Result::Ok;
}

ResourcePool::Result ResourcePool::touchDemand(const QString &resourceId, const QString &overlayId, qint64 now, QString *error)
{
    if (!m_db && notAttached(error))
        return Result::Failed;
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("UPDATE resource_allocations SET demand_at = ? WHERE resource_id = ? AND overlay_id = ?"));
    q.addBindValue(now);
    q.addBindValue(resourceId);
    q.addBindValue(overlayId);
    if (!execQuery(q, error))
        return Result::Failed;
    return q.numRowsAffected() == 0 ? Result::NotFound : Result::Ok;
}

std::optional<QList<ResourceAllocation>> ResourcePool::allocations(const QString &resourceId, qint64 now, QString *error) const
{
    if (!m_db && notAttached(error))
        return std::nullopt;
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT a.resource_id, a.overlay_id, a.region, a.reserved_bytes, a.allocated_at, a.demand_at "
                             "FROM resource_allocations a JOIN resources r ON r.resource_id = a.resource_id "
                             "WHERE %1 ORDER BY a.resource_id, a.overlay_id")
                  .arg(resourceId.isEmpty() ? QStringLiteral("r.expires_at > ?") : QStringLiteral("a.resource_id = ?")));
    // One resource: whatever it holds; all: only those of resources still alive.
    if (resourceId.isEmpty())
        q.addBindValue(now);
    else
        q.addBindValue(resourceId);
    if (!execQuery(q, error))
        return std::nullopt;
    QList<ResourceAllocation> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong(),
                    q.value(4).toLongLong(), q.value(5).toLongLong()});
    return out;
}

ResourcePool::Result ResourcePool::startRelay(const RelayRecord &relay, QString *error)
{
    if (!m_db && notAttached(error))
        return Result::Failed;
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("INSERT INTO resource_relays (resource_id, overlay_id, relayed_address, started_at) "
                             "SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM resources WHERE resource_id = ?) "
                             "ON CONFLICT (resource_id, overlay_id) DO UPDATE SET relayed_address = excluded.relayed_address, "
                             "started_at = excluded.started_at"));
    for (const QVariant &v : {QVariant(relay.resourceId), QVariant(relay.overlayId), QVariant(relay.relayedAddress),
                              QVariant(relay.startedAt), QVariant(relay.resourceId)})
        q.addBindValue(v);
    if (!execQuery(q, error))
        return Result::Failed;
    return q.numRowsAffected() == 0 ? Result::NotFound : Result::Ok;
}

ResourcePool::Result ResourcePool::stopRelay(const QString &resourceId, const QString &overlayId, QString *error)
{
    if (!m_db && notAttached(error))
        return Result::Failed;
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("DELETE FROM resource_relays WHERE resource_id = ? AND overlay_id = ?"));
    q.addBindValue(resourceId);
    q.addBindValue(overlayId);
    if (!execQuery(q, error))
        return Result::Failed;
    return q.numRowsAffected() == 0 ? Result::NotFound : Result::Ok;
}

std::optional<QList<RelayRecord>> ResourcePool::relays(const QString &resourceId, QString *error) const
{
    if (!m_db && notAttached(error))
        return std::nullopt;
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT resource_id, overlay_id, relayed_address, started_at FROM resource_relays "
                             "WHERE resource_id = ? ORDER BY overlay_id"));
    q.addBindValue(resourceId);
    if (!execQuery(q, error))
        return std::nullopt;
    QList<RelayRecord> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong()});
    return out;
}

ResourcePool::Result ResourcePool::replaceRelayPorts(const QString &resourceId, const QList<RelayPort> &ports, qint64 now,
                                                     QString *error)
{
    if (!m_db && notAttached(error))
        return Result::Failed;
    QSqlDatabase db = m_db->connection();
    Transaction tx(db);
    QSqlQuery alive(db);
    alive.prepare(QStringLiteral("SELECT 1 FROM resources WHERE resource_id = ? AND expires_at > ?"));
    alive.addBindValue(resourceId);
    alive.addBindValue(now);
    if (!tx.isActive() || !execQuery(alive, error))
        return Result::Failed;
    if (!alive.next())
        return Result::NotFound;
    QSqlQuery clear(db);
    clear.prepare(QStringLiteral("DELETE FROM relay_ports WHERE resource_id = ?"));
    clear.addBindValue(resourceId);
    if (!execQuery(clear, error))
        return Result::Failed;
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO relay_ports (resource_id, port, user_id, expires_at) VALUES (?, ?, ?, ?) "
                                  "ON CONFLICT (resource_id, port) DO UPDATE SET user_id = excluded.user_id, "
                                  "expires_at = excluded.expires_at"));
    for (const RelayPort &p : ports) {
        for (const QVariant &v : {QVariant(resourceId), QVariant(int(p.port)), QVariant(p.userId), QVariant(p.expiresAt)})
            insert.addBindValue(v);
        if (!execQuery(insert, error))
            return Result::Failed;
    }
    return tx.commit(error) ? Result::Ok : Result::Failed;
}

std::optional<QList<RelayPort>> ResourcePool::relayPorts(const QString &resourceId, qint64 now, QString *error) const
{
    if (!m_db && notAttached(error))
        return std::nullopt;
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT port, user_id, expires_at FROM relay_ports WHERE resource_id = ? AND expires_at > ? "
                             "ORDER BY port"));
    q.addBindValue(resourceId);
    q.addBindValue(now);
    if (!execQuery(q, error))
        return std::nullopt;
    QList<RelayPort> out;
    while (q.next())
        out.append({quint16(q.value(0).toInt()), q.value(1).toString(), q.value(2).toLongLong()});
    return out;
}

std::optional<QList<RelayedPortHolder>> ResourcePool::relayedPortHolders(const QString &address, quint16 port, qint64 now,
                                                                          QString *error) const
{
    if (!m_db && notAttached(error))
        return std::nullopt;
    QSqlQuery q(m_db->connection());
    // One indexed lookup per relayed announce (resources by address, relay_ports by its key).
    q.prepare(QStringLiteral("SELECT r.resource_id, r.owner, r.port, COALESCE(p.user_id, '') FROM resources r "
                             "LEFT JOIN relay_ports p ON p.resource_id = r.resource_id AND p.port = ? AND p.expires_at > ? "
                             "WHERE r.address = ? AND r.type = 'rs' AND r.expires_at > ? ORDER BY r.resource_id"));
    q.addBindValue(int(port));
    q.addBindValue(now);
    q.addBindValue(address);
    q.addBindValue(now);
    if (!execQuery(q, error))
        return std::nullopt;
    QList<RelayedPortHolder> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), quint16(q.value(2).toInt()), q.value(3).toString()});
    return out;
}

int ResourcePool::sweepExpired(qint64 now, QString *error)
{
    if (!m_db && notAttached(error))
        return -1;
    QSqlQuery ports(m_db->connection());
    ports.prepare(QStringLiteral("DELETE FROM relay_ports WHERE expires_at <= ?"));
    ports.addBindValue(now);
    if (!execQuery(ports, error))
        return -1;
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("DELETE FROM resources WHERE expires_at <= ?"));
    q.addBindValue(now);
    if (!execQuery(q, error))
        return -1;
    return q.numRowsAffected();
}

} // namespace mp2p
