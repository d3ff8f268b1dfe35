#pragma once

#include "cacheview.h"
#include "networkmapview.h"
#include "peerranking.h"

#include <protocol/peeractivity.h>

#include <QHash>
#include <QMutex>
#include <QSet>

#include <atomic>
#include <memory>

namespace mp2p {

// How LocalityRanking weighs things (config section "oms", key "locality"); see the rule below.
struct LocalityWeights {
    int gatewaysPerPid = 1;      // leechers per region that may connect out of it
    double remoteShare = 0.2;    // share of a gateway's list given to other regions (at least 1 peer)
    qint64 recentSecs = 600;     // a PAMS report younger than this counts as "active"
};

// The managed peer list (R3 + R1): keep traffic inside ISP regions, as P4P/ALTO trackers do.
//
//  - Peers in the requester's region (same ALTO PID) come first: seeds, then leechers, each
//    ordered by PAMS state — reachable, then recently active, then stated upload capacity —
//    with random order among equals so load spreads.
//  - Only a few "gateway" leechers per region (gatewaysPerPid; the best by the same PAMS order
//    when the role is given, ties by peer id; the role sticks until the gateway leaves the swarm
//    or completes) get peers of other regions, and only while
//    their region has no seed of its own. They get other regions' seeds and gateways, cheapest
//    region first (the UNIS cost map), remoteShare of the list. A seed gets its own region's
//    leechers and other regions' gateways. So each region pulls roughly one copy of the content
//    across its border and spreads it inside, and every region stays connected to the swarm.
//  - Without a map (no UNIS answered yet, or it is down) the fallback rule serves, and that is
//    logged once per outage.
//  - Credit (verified contribution, from the PAMS over R1) ranks right after reachability and
//    activity: among peers of equal cost and state, higher credit comes first.
//  - Caches (CS allocated to the overlay through ORCP, from setCaches) are listed like any peer
//    of their region. A cache is its region's only door out while it fetches (it replaces the
//    other gateways, so the region pulls one copy through the cache), and a seeding cache counts
//    as the region's seed. While a cache is on its way (CacheView::awaitsCache: allocated, or
//    idle with room, and not yet in the swarm) the region gets no door of its own, for a short
//    bounded time, so its first leecher does not pull a copy of its own across the border. Caches are offered first to requesters with credit > 0; a requester without
//    credit gets them after the region's other seeds.
class LocalityRanking : public PeerRanking {
public:
    LocalityRanking(const NetworkMapView *map, const PeerActivitySource *pams, LocalityWeights weights,
                    std::shared_ptr<const PeerRanking> fallback);

    QList<SwarmPeer> rank(const QString &overlayId, const SwarmPeer &requester, QList<SwarmPeer> candidates,
                          int numwant) const override;
    // Gateways are chosen among all of a region's leechers, so the ranking wants the whole swarm
    // (up to a bound) as candidates.
    int candidatePool(int numwant) const override;
    // Which users serve as caches of an overlay (the OMS's caching job); may be null.
    void setCaches(const CacheView *caches) { m_caches = caches; }

    struct Scored;  // a candidate with its region and PAMS state (defined in the .cpp)

private:
    static bool betterByPams(const Scored &a, const Scored &b);
    QSet<QByteArray> chooseGateways(const QString &overlayId, QHash<QString, QList<const Scored *>> &leechersByPid,
                                    const QSet<QString> &pidsWithSeed, qint64 now) const;
    QList<Scored> score(const QString &overlayId, const SwarmPeer &requester, const QList<SwarmPeer> &candidates) const;

    const NetworkMapView *m_map;
    const PeerActivitySource *m_pams;
    const CacheView *m_caches = nullptr;
    LocalityWeights m_weights;
    std::shared_ptr<const PeerRanking> m_fallback;
    mutable std::atomic<bool> m_fallbackLogged{false};
    // The gateways chosen so far, per overlay and region; a gateway keeps its role while it is
    // a leecher of the swarm.
    mutable QMutex m_gatewaysLock;
    mutable QHash<QString, QHash<QString, QList<QByteArray>>> m_gateways;
};

} // namespace mp2p
