#pragma once

#include <base/database.h>

#include <QList>
#include <QString>

#include <optional>

namespace mp2p {

// A cache (CS) or relay (RS) server registered with ORCP (X.609.2). It stays in the pool while
// it sends keep-alives: each one moves expiresAt to now + the pool's TTL.
struct Resource {
    QString resourceId;     // 32 hex; the same owner, type and endpoint always get the same id
    QString type;           // "cs" or "rs"
    QString owner;          // user id of the token that registered it
    QString address;        // endpoint IP
    quint16 port = 0;
    QString region;         // ALTO PID (from the OMS's network map, else as stated)
    qint64 diskBytes = 0;   // what a CS offers for caching
    qint64 uploadBps = 0;   // stated upload bandwidth, bytes/s (0 = not stated)
    int maxAllocations = 0; // an RS's stated TURN allocation quota (0 = not stated); bounds its reports
    QString mode;           // "volunteer" or "dedicated"
    qint64 registeredAt = 0;
    qint64 keepAliveAt = 0;
    qint64 expiresAt = 0;
    qint64 reservedBytes = 0;  // sum of its allocations (filled by reads)

    bool alive(qint64 now) const { return expiresAt > now; }
};

// One overlay a resource is allocated to (a CS caches it), with the disk it reserves.
struct ResourceAllocation {
    QString resourceId;
    QString overlayId;
    QString region;         // the region whose demand it serves
    qint64 reservedBytes = 0;
    qint64 allocatedAt = 0;
    qint64 demandAt = 0;    // last time the OMS saw the demand that justifies it (hysteresis)
};

// One overlay an RS relays for (bookkeeping only; the TURN allocation itself is the RS's).
struct RelayRecord {
    QString resourceId;
    QString overlayId;
    QString relayedAddress;  // "ip:port" peers connect to
    qint64 startedAt = 0;
};

// One live TURN allocation an RS reported (ORCP relay ports): its relayed port on the RS's
// registered address and the mp2p user whose credentials made it.
struct RelayPort {
    quint16 port = 0;
    QString userId;
    qint64 expiresAt = 0;
};

// A live RS on the address a "relayed=" names, and who holds the named port there (userId
// empty: no live reported allocation on that port).
struct RelayedPortHolder {
    QString resourceId;
    QString owner;
    quint16 turnPort = 0;
    QString userId;
};

// The OMS resource pool in oms.db (tables of OverlayStore's migration 2). Every call is one
// statement or one transaction; safe from any thread (Database hands out one connection each).
class ResourcePool {
public:
    enum class Result { Ok, Created, NotFound, NoCapacity, Failed };

    explicit ResourcePool(qint64 ttlSecs) : m_ttlSecs(ttlSecs) {}
    void attach(Database *db) { m_db = db; }
    qint64 ttlSecs() const { return m_ttlSecs; }

    static QString resourceIdFor(const QString &owner, const QString &type, const QString &address, quint16 port);

    // Inserts or refreshes (same id: same owner, type, endpoint) the resource; fills id and times.
    // A refreshed registration keeps its allocations.
    Result registerResource(Resource *resource, qint64 now, QString *error);
    Result keepAlive(const QString &resourceId, qint64 now, Resource *out, QString *error);
    Result remove(const QString &resourceId, QString *error);
    std::optional<Resource> find(const QString &resourceId, QString *error) const;
    // Alive resources, of one type unless `type` is empty.
    std::optional<QList<Resource>> live(const QString &type, qint64 now, QString *error) const;

    // Reserves `reservedBytes` of the CS's disk for the overlay; NoCapacity when the CS's other
    // allocations plus this one would exceed its disk. Re-allocating updates region and size.
    Result allocate(const ResourceAllocation &allocation, QString *error);
    Result deallocate(const QString &resourceId, const QString &overlayId, QString *error);
    Result touchDemand(const QString &resourceId, const QString &overlayId, qint64 now, QString *error);
    // Allocations of one resource, or of every alive resource when `resourceId` is empty.
    std::optional<QList<ResourceAllocation>> allocations(const QString &resourceId, qint64 now, QString *error) const;

    Result startRelay(const RelayRecord &relay, QString *error);
    Result stopRelay(const QString &resourceId, const QString &overlayId, QString *error);
    std::optional<QList<RelayRecord>> relays(const QString &resourceId, QString *error) const;

    // Replaces everything the RS reported before with `ports` (one transaction): a full list each
    // time, so a lost report is healed by the next one. NotFound when the resource is not alive.
    Result replaceRelayPorts(const QString &resourceId, const QList<RelayPort> &ports, qint64 now, QString *error);
    std::optional<QList<RelayPort>> relayPorts(const QString &resourceId, qint64 now, QString *error) const;
    // Every live RS registered at `address` (normally one), each with the live holder of `port`.
    std::optional<QList<RelayedPortHolder>> relayedPortHolders(const QString &address, quint16 port, qint64 now,
                                                               QString *error) const;

    // Deletes resources whose keep-alives stopped (with their allocations) and expired relay
    // ports; returns how many resources, -1 on error.
    int sweepExpired(qint64 now, QString *error);

private:
    Database *m_db = nullptr;
    const qint64 m_ttlSecs;
};

} // namespace mp2p
