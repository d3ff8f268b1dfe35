#pragma once

#include "cachedecision.h"
#include "cacheview.h"

#include <QHash>
#include <QHostAddress>
#include <QMutex>

namespace mp2p {

class NetworkMapView;
struct Resource;
struct OmsState;

// The OMS's caching job (ORCP allocation/deallocation from demand). Each run():
//  1. drops resources whose keep-alives stopped,
//  2. for every overlay with peers, counts leechers and seeds per ISP region: the swarm says
//     where each peer is (its address, placed by the UNIS network map), the PAMS (R1) says what
//     it does when its report is fresher than its last announce, and PAMS peers the tracker has
//     not seen count by their reported listen address,
//  3. applies decideCaching() (cachedecision.h) to the pool,
//  4. publishes which users cache which overlay for the ranking (CacheView), and which regions
//     have a cache with room, so the ranking holds a region's leechers back from opening their
//     own door out while its cache is on the way (awaitsCache).
// A CS learns its allocations from its keep-alive reply.
//
// The hold (awaitsCache) begins when the ranking first asks about a region's demand and ends at
//   max(begin + cacheIntervalSecs, allocatedAt) + 2 x keepAliveSecs
// (the job's next pass allocates; one keep-alive tells the cache, one more lets it start and
// announce). After that the ordinary rule serves even if the cache never came. It starts again
// only after the region's demand was gone at one pass of the job.
class CacheScheduler : public CacheView {
public:
    explicit CacheScheduler(OmsState &state);

    void setNetworkMap(const NetworkMapView *map) { m_map = map; }
    // The region (ALTO PID) of an address, "" when there is no map or it does not place it.
    QString regionOf(const QHostAddress &address) const;

    struct RunStats {
        int expired = 0;
        int allocated = 0;
        int released = 0;
        int kept = 0;
    };
    RunStats run();
    // Re-reads the allocations for cacheUsers() (after an ORCP call changed them).
    void refreshSnapshot();

    QSet<QString> cacheUsers(const QString &overlayId) const override;
    bool awaitsCache(const QString &overlayId, const QString &region, int leechers, qint64 contentBytes,
                     qint64 now) const override;
    qint64 holdSecs() const { return m_holdSecs; }

private:
    // Free disk of the region's live caches (the largest), among all and among idle ones.
    struct Room {
        qint64 anyFree = 0;
        qint64 idleFree = 0;
    };

    QString resourceRegion(const Resource &resource) const;
    QList<RegionDemand> demandOf(const QString &overlayId, const QSet<QString> &cacheOwners, qint64 now,
                                 qint64 *contentBytes) const;

    OmsState &m_state;
    const NetworkMapView *m_map = nullptr;
    CachePolicy m_policy;
    mutable QMutex m_lock;
    QHash<QString, QSet<QString>> m_cachesByOverlay;  // overlay id -> users of its caches
    QHash<QString, QHash<QString, qint64>> m_allocatedAt;  // overlay id -> region -> latest allocatedAt
    QHash<QString, Room> m_roomByRegion;
    mutable QHash<QString, QHash<QString, qint64>> m_holdSince;  // overlay id -> region -> hold began
    qint64 m_holdSecs = 0;  // after the job's pass: 2 keep-alives
    qint64 m_passSecs = 0;  // the job's interval
};

} // namespace mp2p
