#pragma once

#include <base/database.h>

#include <QByteArray>
#include <QString>

#include <optional>

namespace mp2p {

// The TURN REST shared secrets (coturn's --use-auth-secret scheme) the OMS issues to relay
// servers that register over ORCP (R8). The OMS keeps the secret of each RS resource in oms.db,
// so it can mint credentials for that RS (RelayBroker) and hand the same secret back on every
// registration and keep-alive, also after an OMS restart. A new registration of a deregistered
// or expired resource gets a new one (the row goes with the resource, ON DELETE CASCADE).
class RelaySecrets {
public:
    void attach(Database *db) { m_db = db; }

    // The resource's secret, made (32 random bytes from the system CSPRNG, as 64 hex characters)
    // and stored the first time. The resource row must exist. nullopt with `error` on failure.
    std::optional<QByteArray> issue(const QString &resourceId, qint64 now, QString *error);
    // The stored secret; nullopt when there is none (or on error, with `error` set).
    std::optional<QByteArray> find(const QString &resourceId, QString *error) const;

private:
    Database *m_db = nullptr;
};

} // namespace mp2p
