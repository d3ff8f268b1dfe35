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
    for (const ResourceAllocation &a : *allocations)
        if (byId.contains(a.resourceId))
            current[a.overlayId].append({a.resourceId, a.region, a.demandAt});
    QSet<QString> overlays(current.keyBegin(), current.keyEnd());
    for (const QByteArray &key : m_state.registry.activeOverlays())
        overlays.insert(QString::fromLatin1(key.toHex()));

    for (const QString &overlayId : std::as_const(overlays)) {
        qint64 contentBytes = 0;
        const QList<RegionDemand> demand = demandOf(overlayId, cacheOwners, now, &contentBytes);
        QList<CacheCandidate> candidates;
        for (const Resource &r : std::as_const(byId))
            candidates.append({r.resourceId, resourceRegion(r), r.diskBytes - r.reservedBytes, r.uploadBps});
        const QList<CacheAction> actions = decideCaching(demand, current.value(overlayId), candidates, contentBytes, now, m_policy);
        for (const CacheAction &action : actions) {
            ResourcePool::Result result = ResourcePool::Result::Ok;
            switch (action.kind) {
            case CacheAction::Allocate:
                result = m_state.pool.allocate({action.resourceId, overlayId, action.region, contentBytes, now, now}, &error);
                if (result == ResourcePool::Result::Ok) {
                    byId[action.resourceId].reservedBytes += contentBytes;
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
                ++stats.released;
                qCInfo(lcCache).noquote() << "cache" << action.resourceId << "released from overlay" << overlayId
                                          << "(no demand left in its region)";
                break;
            }
            if (result == ResourcePool::Result::Failed)
                qCWarning(lcCache) << "the caching job could not update the pool:" << error;
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
    for (const ResourceAllocation &a : *allocations)
        if (ownerOf.contains(a.resourceId))
            snapshot[a.overlayId].insert(ownerOf.value(a.resourceId));
    QMutexLocker locker(&m_lock);
    m_cachesByOverlay = std::move(snapshot);
}

QSet<QString> CacheScheduler::cacheUsers(const QString &overlayId) const
{
    QMutexLocker locker(&m_lock);
    return m_cachesByOverlay.value(overlayId);
}

} // namespace mp2p
