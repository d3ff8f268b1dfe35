#include "localityranking.h"

#include <QHash>
#include <QMutexLocker>
#include <QSet>
#include <QLoggingCategory>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

Q_LOGGING_CATEGORY(lcRanking, "mp2p.oms.ranking")

namespace mp2p {

struct LocalityRanking::Scored {
    SwarmPeer peer;
    QString pid;          // empty when the map does not place the address
    bool reachable = false;
    bool active = false;
    qint64 capacity = 0;  // stated upload bytes/s
    qint64 credit = 0;    // redeemed contribution credit (R1)
    bool cache = false;   // a CS allocated to this overlay
    quint32 shuffle = 0;  // random tie-break, so equal peers share the load
};

LocalityRanking::LocalityRanking(const NetworkMapView *map, const PeerActivitySource *pams, LocalityWeights weights,
                                 std::shared_ptr<const PeerRanking> fallback)
    : m_map(map)
    , m_pams(pams)
    , m_weights(weights)
    , m_fallback(std::move(fallback))
{
}

int LocalityRanking::candidatePool(int numwant) const
{
    return qMax(numwant, 1000);
}

QList<LocalityRanking::Scored> LocalityRanking::score(const QString &overlayId, const SwarmPeer &requester,
                                                       const QList<SwarmPeer> &candidates) const
{
    QStringList users{requester.userId};
    for (const SwarmPeer &p : candidates)
        users.append(p.userId);
    const QHash<QString, PeerActivity> activity = m_pams ? m_pams->activityOf(overlayId, users) : QHash<QString, PeerActivity>();
    const QSet<QString> caches = m_caches ? m_caches->cacheUsers(overlayId) : QSet<QString>();
    const qint64 now = requester.lastSeen;
    QList<Scored> out;
    out.reserve(candidates.size() + 1);
    auto add = [&](const SwarmPeer &p) {
        Scored s{p, m_map->pidOf(p.address).value_or(QString()), false, false, 0, 0, caches.contains(p.userId),
                 QRandomGenerator::global()->generate()};
        const auto it = activity.constFind(p.userId);
        if (it != activity.constEnd()) {
            s.reachable = it->staticStatus.reachable;
            s.active = now - it->lastReportAt <= m_weights.recentSecs;
            s.capacity = it->staticStatus.maxUploadBps;
            s.credit = it->credit;
        }
        out.append(s);
    };
    add(requester);
    for (const SwarmPeer &p : candidates)
        if (p.peerId != requester.peerId)
            add(p);
    return out;
}

QList<SwarmPeer> LocalityRanking::rank(const QString &overlayId, const SwarmPeer &requester, QList<SwarmPeer> candidates,
                                       int numwant) const
{
    if (numwant <= 0)
        return {};
    if (!m_map->hasMap()) {
        if (!m_fallbackLogged.exchange(true))
            qCWarning(lcRanking) << "no ALTO map from any UNIS: peer lists use the simple rule until one answers";
        return m_fallback->rank(overlayId, requester, std::move(candidates), numwant);
    }
    if (m_fallbackLogged.exchange(false))
        qCInfo(lcRanking) << "ALTO map available again: peer lists keep traffic inside ISP regions";

    QList<Scored> all = score(overlayId, requester, candidates);
    const Scored self = all.takeFirst();

    // Gateways: the best leechers of each region, and which regions hold a seed.
    QHash<QString, QList<const Scored *>> leechersByPid;
    QSet<QString> pidsWithSeed;
    if (!self.peer.seed())
        leechersByPid[self.pid].append(&self);
    for (const Scored &s : all) {
        if (s.peer.seed())
            pidsWithSeed.insert(s.pid);
        else
            leechersByPid[s.pid].append(&s);
    }
    if (self.peer.seed())
        pidsWithSeed.insert(self.pid);
    const QSet<QByteArray> gateways = chooseGateways(overlayId, leechersByPid, pidsWithSeed, requester.lastSeen);

    QList<Scored> local, remote;
    for (const Scored &s : all) {
        if (self.peer.seed() && s.peer.seed())
            continue;  // seeds have nothing to give each other
        if (s.pid == self.pid)
            local.append(s);
        else if (s.peer.seed() || (gateways.contains(s.peer.peerId) && !pidsWithSeed.contains(s.pid)))
            remote.append(s);  // a region with a seed needs nothing from outside: leave its leechers be
    }
    const bool mayCross = self.peer.seed() || (gateways.contains(self.peer.peerId) && !pidsWithSeed.contains(self.pid));
    if (!mayCross)
        remote.clear();

    // Caches first for requesters with credit, after the other seeds for the rest (see the header).
    const bool cachesFirst = self.credit > 0;
    std::sort(local.begin(), local.end(), [cachesFirst](const Scored &a, const Scored &b) {
        if (a.peer.seed() != b.peer.seed())
            return a.peer.seed();
        if (a.cache != b.cache)
            return a.cache == cachesFirst;
        if (betterByPams(a, b) || betterByPams(b, a))
            return betterByPams(a, b);
        return a.shuffle < b.shuffle;
    });
    const double unknownCost = std::numeric_limits<double>::max();
    std::sort(remote.begin(), remote.end(), [&](const Scored &a, const Scored &b) {
        const double ca = m_map->cost(self.pid, a.pid).value_or(unknownCost);
        const double cb = m_map->cost(self.pid, b.pid).value_or(unknownCost);
        if (ca != cb)
            return ca < cb;
        if (a.peer.seed() != b.peer.seed())
            return a.peer.seed();
        return a.shuffle < b.shuffle;
    });
    // Own region first, then the cheapest other regions in the slots kept for them.
    const int remoteTaken = remote.isEmpty() ? 0 : qMin<int>(remote.size(), qMax(1, int(std::ceil(m_weights.remoteShare * numwant))));
    QList<SwarmPeer> out;
    out.reserve(numwant);
    for (int i = 0; i < local.size() && out.size() < numwant - remoteTaken; ++i)
        out.append(local.at(i).peer);
    for (int i = 0; i < remoteTaken && out.size() < numwant; ++i)
        out.append(remote.at(i).peer);
    return out;
}

QSet<QByteArray> LocalityRanking::chooseGateways(const QString &overlayId,
                                                 QHash<QString, QList<const Scored *>> &leechersByPid,
                                                 const QSet<QString> &pidsWithSeed, qint64 now) const
{
    // A gateway keeps its role while it is a leecher in the swarm: the OMS cannot take back a
    // list it gave out, and the peers it connected to stay connected, so handing the role to
    // every better newcomer would open one more door per newcomer (measured: 1.5-2x the
    // cross-ISP bytes of a sticky choice while a swarm forms).
    QMutexLocker lock(&m_gatewaysLock);
    QSet<QByteArray> gateways;
    for (auto it = leechersByPid.begin(); it != leechersByPid.end(); ++it) {
        QList<const Scored *> &list = it.value();
        std::sort(list.begin(), list.end(), [](const Scored *a, const Scored *b) {
            if (betterByPams(*a, *b) || betterByPams(*b, *a))
                return betterByPams(*a, *b);
            return a->peer.peerId < b->peer.peerId;
        });
        QList<QByteArray> &kept = m_gateways[overlayId][it.key()];
        kept.removeIf([&list](const QByteArray &id) {
            return std::none_of(list.cbegin(), list.cend(), [&id](const Scored *s) { return s->peer.peerId == id; });
        });
        // A cache that still fetches is the region's door out: it brings the one copy the region
        // needs, and it takes over from the peers that held the role before it came.
        QList<QByteArray> cacheDoors;
        for (const Scored *s : std::as_const(list))
            if (s->cache)
                cacheDoors.append(s->peer.peerId);
        if (!cacheDoors.isEmpty())
            kept = cacheDoors;
        // A cache on its way will be that door: until it comes (bounded, see CacheView), no
        // leecher opens one of its own, or the region would pull a second copy through it.
        if (cacheDoors.isEmpty() && kept.isEmpty() && m_caches && !pidsWithSeed.contains(it.key())) {
            qint64 contentBytes = 0;
            for (const Scored *s : std::as_const(list))
                contentBytes = qMax(contentBytes, s->peer.left);
            if (m_caches->awaitsCache(overlayId, it.key(), int(list.size()), contentBytes, now))
                continue;
        }
        for (int i = 0; i < list.size() && kept.size() < m_weights.gatewaysPerPid; ++i)
            if (!kept.contains(list.at(i)->peer.peerId))
                kept.append(list.at(i)->peer.peerId);
        for (const QByteArray &id : std::as_const(kept))
            gateways.insert(id);
    }
    return gateways;
}

bool LocalityRanking::betterByPams(const Scored &a, const Scored &b)
{
    return std::tuple(a.reachable, a.active, a.credit, a.capacity) > std::tuple(b.reachable, b.active, b.credit, b.capacity);
}

} // namespace mp2p
