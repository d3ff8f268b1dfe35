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
//  4. publishes which users cache which overlay for the ranking (CacheView).
// A CS learns its allocations from its keep-alive reply.
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

private:
    QString resourceRegion(const Resource &resource) const;
    QList<RegionDemand> demandOf(const QString &overlayId, const QSet<QString> &cacheOwners, qint64 now,
                                 qint64 *contentBytes) const;

    OmsState &m_state;
    const NetworkMapView *m_map = nullptr;
    CachePolicy m_policy;
    mutable QMutex m_lock;
    QHash<QString, QSet<QString>> m_cachesByOverlay;  // overlay id -> users of its caches
};

} // namespace mp2p
