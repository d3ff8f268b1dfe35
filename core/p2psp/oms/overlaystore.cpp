#include "overlaystore.h"

#include <QSqlQuery>
#include <QVariant>

namespace mp2p {

namespace {
const QString Columns = QStringLiteral("overlay_id, info_hash_v2, name, owner, created_at, updated_at");

QList<Migration> migrations()
{
    return {
        {1,
         {QStringLiteral("CREATE TABLE overlays ("
                         "overlay_id TEXT PRIMARY KEY, info_hash_v2 TEXT UNIQUE, name TEXT NOT NULL, "
                         "owner TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)"),
          QStringLiteral("CREATE INDEX overlays_owner ON overlays (owner)")},
         false},
        // ORCP (X.609.2): the resource pool of caches and relays (resourcepool.h).
        {2,
         {QStringLiteral("CREATE TABLE resources ("
                         "resource_id TEXT PRIMARY KEY, type TEXT NOT NULL, owner TEXT NOT NULL, address TEXT NOT NULL, "
                         "port INTEGER NOT NULL, region TEXT NOT NULL, disk_bytes BIGINT NOT NULL, "
                         "upload_bps BIGINT NOT NULL, mode TEXT NOT NULL, registered_at BIGINT NOT NULL, "
                         "keepalive_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)"),
          QStringLiteral("CREATE INDEX resources_expires ON resources (expires_at)"),
          QStringLiteral("CREATE TABLE resource_allocations ("
                         "resource_id TEXT NOT NULL REFERENCES resources (resource_id) ON DELETE CASCADE, "
                         "overlay_id TEXT NOT NULL, region TEXT NOT NULL, reserved_bytes BIGINT NOT NULL, "
                         "allocated_at BIGINT NOT NULL, demand_at BIGINT NOT NULL, PRIMARY KEY (resource_id, overlay_id))"),
          QStringLiteral("CREATE INDEX resource_allocations_overlay ON resource_allocations (overlay_id)"),
          QStringLiteral("CREATE TABLE resource_relays ("
                         "resource_id TEXT NOT NULL REFERENCES resources (resource_id) ON DELETE CASCADE, "
                         "overlay_id TEXT NOT NULL, relayed_address TEXT NOT NULL, started_at BIGINT NOT NULL, "
                         "PRIMARY KEY (resource_id, overlay_id))")},
         false},
        // ORCP relay credentials: the TURN REST shared secret the OMS issued to each relay server
        // (relaysecrets.h); it goes with the resource (deregistered or swept).
        {3,
         {QStringLiteral("CREATE TABLE relay_secrets ("
                         "resource_id TEXT PRIMARY KEY REFERENCES resources (resource_id) ON DELETE CASCADE, "
                         "secret TEXT NOT NULL, issued_at BIGINT NOT NULL)")},
         false},
        // ORCP relayed ports: the live TURN allocations each relay server reports (port, the user
        // whose credentials made it, expiry), so the tracker lists "relayed=" only for the user that
        // holds that port; they go with the resource and expire by themselves.
        {4,
         {QStringLiteral("ALTER TABLE resources ADD COLUMN max_allocations INTEGER NOT NULL DEFAULT 0"),
          QStringLiteral("CREATE TABLE relay_ports ("
                         "resource_id TEXT NOT NULL REFERENCES resources (resource_id) ON DELETE CASCADE, "
                         "port INTEGER NOT NULL, user_id TEXT NOT NULL, expires_at BIGINT NOT NULL, "
                         "PRIMARY KEY (resource_id, port))"),
          QStringLiteral("CREATE INDEX relay_ports_expires ON relay_ports (expires_at)"),
          QStringLiteral("CREATE INDEX resources_address ON resources (address)")},
         false},
    };
}

Overlay overlayFrom(const QSqlQuery &q)
{
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
            q.value(3).toString(), q.value(4).toLongLong(), q.value(5).toLongLong()};
}

QVariant nullableText(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}
} // namespace

OverlayStore::Result OverlayStore::current(const QString &overlayId, std::optional<Overlay> *overlay,
                                           QString *error) const
{
    QString findError;
    *overlay = find(overlayId, &findError);
    if (*overlay)
        return Result::Ok;
    if (findError.isEmpty())
        return Result::NotFound;
    if (error)
        *error = findError;
    return Result::Failed;
}

bool OverlayStore::open(const QString &dataDir, QString *error)
{
    DatabaseOptions options;
    options.path = dataDir + QStringLiteral("/oms.db");
    m_db = std::make_unique<Database>(QStringLiteral("oms"), options);
    return m_db->open(error) && m_db->migrate(migrations(), error);
}

OverlayStore::Result OverlayStore::create(const Overlay &overlay, QString *error)
{
    QSqlDatabase db = m_db->connection();
    Transaction tx(db);
    QSqlQuery q(db);
    // ON CONFLICT DO NOTHING (no target) covers both the id and the v2 hash, on SQLite and PostgreSQL.
    q.prepare(QStringLiteral("INSERT INTO overlays (%1) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING").arg(Columns));
    q.addBindValue(overlay.overlayId);
    q.addBindValue(nullableText(overlay.infoHashV2));
    q.addBindValue(overlay.name);
    q.addBindValue(overlay.owner);
    q.addBindValue(overlay.createdAt);
    q.addBindValue(overlay.updatedAt);
    if (!tx.isActive() || !execQuery(q, error))
        return Result::Failed;
    if (q.numRowsAffected() == 0)
        return Result::Exists;
    return tx.commit(error) ? Result::Ok : Result::Failed;
}

std::optional<Overlay> OverlayStore::find(const QString &overlayId, QString *error) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM overlays WHERE overlay_id = ?").arg(Columns));
    q.addBindValue(overlayId);
    if (!execQuery(q, error))
        return std::nullopt;
    if (!q.next()) {
        if (error)
            error->clear();
        return std::nullopt;
    }
    return overlayFrom(q);
}

OverlayStore::Result OverlayStore::rename(const QString &overlayId, const QString &name, qint64 now,
                                          Overlay *updated, QString *error)
{
    QSqlDatabase db = m_db->connection();
    Transaction tx(db);
    if (!tx.isActive())
        return Result::Failed;
    std::optional<Overlay> existing;
    const Result check = current(overlayId, &existing, error);
    if (check != Result::Ok)
        return check;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE overlays SET name = ?, updated_at = ? WHERE overlay_id = ?"));
    q.addBindValue(name);
    q.addBindValue(now);
    q.addBindValue(overlayId);
    if (!execQuery(q, error) || !tx.commit(error))
        return Result::Failed;
    existing->name = name;
    existing->updatedAt = now;
    *updated = *existing;
    return Result::Ok;
}

OverlayStore::Result OverlayStore::remove(const QString &overlayId, QString *error)
{
    QSqlDatabase db = m_db->connection();
    Transaction tx(db);
    if (!tx.isActive())
        return Result::Failed;
    std::optional<Overlay> existing;
    const Result check = current(overlayId, &existing, error);
    if (check != Result::Ok)
        return check;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM overlays WHERE overlay_id = ?"));
    q.addBindValue(overlayId);
    if (!execQuery(q, error) || !tx.commit(error))
        return Result::Failed;
    return Result::Ok;
}

std::optional<QList<Overlay>> OverlayStore::all(QString *error) const
{
    QSqlQuery q(m_db->connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM overlays").arg(Columns));
    if (!execQuery(q, error))
        return std::nullopt;
    QList<Overlay> out;
    while (q.next())
        out.append(overlayFrom(q));
    return out;
}

} // namespace mp2p
