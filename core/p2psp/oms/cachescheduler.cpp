#include "cachescheduler.h"

#include "networkmapview.h"
#include "omsstate.h"

#include <QLoggingCategory>
#include <QMutexLocker>

Q_LOGGING_CATEGORY(lcCache, "mp2p.oms.cache")

namespace mp2p {

namespace {
std::optional<QHostAddress> addressOfListen(const QString &listen)
{
    const int colon = listen.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return std::nullopt;
    QString host = listen.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    QHostAddress address;
    if (!address.setAddress(host))
        return std::nullopt;
    return address;
}
} // namespace

CacheScheduler::CacheScheduler(OmsState &state)
    : m_state(state)
{
    m_policy.minLeechers = state.config.cacheMinLeechers;
    m_policy.holdSecs = state.config.cacheHoldSecs;
    m_passSecs = state.config.cacheIntervalSecs;
    m_holdSecs = 2 * qint64(state.config.keepAliveSecs());
}

QString CacheScheduler::regionOf(const QHostAddress &address) const
{
    if (!m_map || !m_map->hasMap())
        return {};
    return m_map->pidOf(address).value_or(QString());
}

QString CacheScheduler::resourceRegion(const Resource &resource) const
{
    // Demand is placed by the same map at the same moment; without a map everything is one
    // region (""), whatever the resource stated.
    if (!m_map || !m_map->hasMap())
        return {};
    const QString placed = regionOf(QHostAddress(resource.address));
    return placed.isEmpty() ? resource.region : placed;
}

QList<RegionDemand> CacheScheduler::demandOf(const QString &overlayId, const QSet<QString> &cacheOwners, qint64 now,
                                             qint64 *contentBytes) const
{
    const QByteArray key = QByteArray::fromHex(overlayId.toLatin1());
    const QList<SwarmPeer> peers = m_state.registry.peers(key, now);
    QStringList users;
    for (const SwarmPeer &p : peers)
        if (!cacheOwners.contains(p.userId))
            users.append(p.userId);
    const QHash<QString, PeerActivity> activity = m_state.pams ? m_state.pams->activityOf(overlayId, users)
                                                               : QHash<QString, PeerActivity>();
    QHash<QString, RegionDemand> byRegion;
    auto count = [&](const QString &region, bool seed) {
        RegionDemand &d = byRegion[region];
        d.region = region;
        (seed ? d.seeds : d.leechers) += 1;
    };
    QSet<QString> counted;
    for (const SwarmPeer &p : peers) {
        if (cacheOwners.contains(p.userId))
            continue;
        bool seed = p.seed();
        qint64 left = p.left;
        const auto a = activity.constFind(p.userId);
        // The fresher of the two reports wins: the PAMS may lag the tracker, or lead it.
        if (a != activity.constEnd() && a->overlay && a->overlay->reportedAt > p.lastSeen
            && a->overlay->event != QLatin1String("stopped")) {
            seed = a->overlay->left == 0;
            left = a->overlay->left;
        }
        *contentBytes = qMax(*contentBytes, left);
        count(regionOf(p.address), seed);
        counted.insert(p.userId);
    }
    if (m_state.pams) {
        // Demand the PAMS sees from peers that have not (yet) announced here.
        const qint64 fresh = 2 * qint64(m_state.config.announceIntervalSecs);
        for (const PeerActivity &a : m_state.pams->overlayPeers(overlayId)) {
            if (counted.contains(a.userId) || cacheOwners.contains(a.userId) || !a.overlay
                || a.overlay->event == QLatin1String("stopped") || now - a.overlay->reportedAt > fresh)
                continue;
            const auto address = addressOfListen(a.staticStatus.listenAddress);
            if (!address)
                continue;
            *contentBytes = qMax(*contentBytes, a.overlay->left);
            count(regionOf(*address), a.overlay->left == 0);
            counted.insert(a.userId);
        }
    }
    return byRegion.values();
}

CacheScheduler::RunStats CacheScheduler::run()
{
    RunStats stats;
    const qint64 now = m_state.clock();
    QString error;
    stats.expired = qMax(0, m_state.pool.sweepExpired(now, &error));
    const auto caches = m_state.pool.live(QStringLiteral("cs"), now, &error);
    const auto allocations = caches ? m_state.pool.allocations(QString(), now, &error) : std::nullopt;
    if (!caches || !allocations) {
        qCWarning(lcCache) << "the caching job cannot read the resource pool:" << error;
        return stats;
    }
    QHash<QString, Resource> byId;
    QSet<QString> cacheOwners;
    for (const Resource &r : *caches) {
        byId.insert(r.resourceId, r);
        cacheOwners.insert(r.owner);
    }
    QHash<QString, QList<CurrentAllocation>> current;
    QHash<QString, int> allocationCount;  // resource id -> overlays it caches (0 = idle)
    for (const ResourceAllocation &a : *allocations) {
        if (byId.contains(a.resourceId)) {
            current[a.overlayId].append({a.resourceId, a.region, a.demandAt});
            ++allocationCount[a.resourceId];
        }
    }
    QHash<QString, QSet<QString>> demandedRegions;  // overlay id -> regions with a leecher now
    QSet<QString> overlays(current.keyBegin(), current.keyEnd());
    for (const QByteArray &key : m_state.registry.activeOverlays())
        overlays.insert(QString::fromLatin1(key.toHex()));

    for (const QString &overlayId : std::as_const(overlays)) {
        qint64 contentBytes = 0;
        const QList<RegionDemand> demand = demandOf(overlayId, cacheOwners, now, &contentBytes);
        for (const RegionDemand &d : demand)
            if (d.leechers > 0)
                demandedRegions[overlayId].insert(d.region);
        QList<CacheCandidate> candidates;
        for (const Resource &r : std::as_const(byId))
            candidates.append({r.resourceId, resourceRegion(r), r.diskBytes - r.reservedBytes, r.uploadBps,
                               allocationCount.value(r.resourceId)});
        const QList<CacheAction> actions = decideCaching(demand, current.value(overlayId), candidates, contentBytes, now, m_policy);
        for (const CacheAction &action : actions) {
            ResourcePool::Result result = ResourcePool::Result::Ok;
            switch (action.kind) {
            case CacheAction::Allocate:
                result = m_state.pool.allocate({action.resourceId, overlayId, action.region, contentBytes, now, now}, &error);
                if (result == ResourcePool::Result::Ok) {
                    byId[action.resourceId].reservedBytes += contentBytes;
                    ++allocationCount[action.resourceId];
                    ++stats.allocated;
                    qCInfo(lcCache).noquote() << "cache" << action.resourceId << "allocated to overlay" << overlayId
                                              << "for region" << (action.region.isEmpty() ? QStringLiteral("(none)") : action.region);
                }
                break;
            case CacheAction::Touch:
                result = m_state.pool.touchDemand(action.resourceId, overlayId, now, &error);
                ++stats.kept;
                break;
            case CacheAction::Deallocate:
                result = m_state.pool.deallocate(action.resourceId, overlayId, &error);
                --allocationCount[action.resourceId];
                ++stats.released;
                qCInfo(lcCache).noquote() << "cache" << action.resourceId << "released from overlay" << overlayId
                                          << "(no demand left in its region)";
                break;
            }
            if (result == ResourcePool::Result::Failed)
                qCWarning(lcCache) << "the caching job could not update the pool:" << error;
        }
    }
    {
        // A hold ends for good when its region's demand is gone; new demand later starts a new one.
        QMutexLocker locker(&m_lock);
        for (auto it = m_holdSince.begin(); it != m_holdSince.end();) {
            const QSet<QString> demanded = demandedRegions.value(it.key());
            for (auto region = it->begin(); region != it->end();)
                region = demanded.contains(region.key()) ? std::next(region) : it->erase(region);
            it = it->isEmpty() ? m_holdSince.erase(it) : std::next(it);
        }
    }
    refreshSnapshot();
    return stats;
}

void CacheScheduler::refreshSnapshot()
{
    const qint64 now = m_state.clock();
    QString error;
    const auto caches = m_state.pool.live(QStringLiteral("cs"), now, &error);
    const auto allocations = caches ? m_state.pool.allocations(QString(), now, &error) : std::nullopt;
    if (!caches || !allocations) {
        qCWarning(lcCache) << "cannot read the cache allocations:" << error;
        return;
    }
    QHash<QString, QString> ownerOf;
    for (const Resource &r : *caches)
        ownerOf.insert(r.resourceId, r.owner);
    QHash<QString, QSet<QString>> snapshot;
    QHash<QString, QHash<QString, qint64>> allocatedAt;
    QSet<QString> busy;
    for (const ResourceAllocation &a : *allocations) {
        if (!ownerOf.contains(a.resourceId))
            continue;
        snapshot[a.overlayId].insert(ownerOf.value(a.resourceId));
        qint64 &at = allocatedAt[a.overlayId][a.region];
        at = qMax(at, a.allocatedAt);
        busy.insert(a.resourceId);
    }
    QHash<QString, Room> room;
    for (const Resource &r : *caches) {
        const qint64 free = r.diskBytes - r.reservedBytes;
        Room &region = room[resourceRegion(r)];
        region.anyFree = qMax(region.anyFree, free);
        if (!busy.contains(r.resourceId))
            region.idleFree = qMax(region.idleFree, free);
    }
    QMutexLocker locker(&m_lock);
    m_cachesByOverlay = std::move(snapshot);
    m_allocatedAt = std::move(allocatedAt);
    m_roomByRegion = std::move(room);
}

bool CacheScheduler::awaitsCache(const QString &overlayId, const QString &region, int leechers, qint64 contentBytes,
                                 qint64 now) const
{
    if (region.isEmpty() || leechers <= 0)
        return false;  // without a map there are no regions to keep traffic in
    QMutexLocker locker(&m_lock);
    const qint64 allocated = m_allocatedAt.value(overlayId).value(region, -1);
    if (allocated < 0) {
        // Will the next pass allocate one? The same test as decideCaching().
        const Room room = m_roomByRegion.value(region);
        const auto fits = [contentBytes](qint64 free) { return free > 0 && free >= contentBytes; };
        if (!fits(room.idleFree) && !(leechers >= m_policy.minLeechers && fits(room.anyFree)))
            return false;
    }
    QHash<QString, qint64> &holds = m_holdSince[overlayId];
    auto since = holds.find(region);
    if (since == holds.end())
        since = holds.insert(region, now);
    return now < qMax(*since + m_passSecs, allocated) + m_holdSecs;
}

QSet<QString> CacheScheduler::cacheUsers(const QString &overlayId) const
{
    QMutexLocker locker(&m_lock);
    return m_cachesByOverlay.value(overlayId);
}

} // namespace mp2p
