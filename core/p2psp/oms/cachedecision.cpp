#include "cachedecision.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <tuple>

namespace mp2p {

QList<CacheAction> decideCaching(const QList<RegionDemand> &demand, const QList<CurrentAllocation> &current,
                                 const QList<CacheCandidate> &candidates, qint64 contentBytes, qint64 now,
                                 const CachePolicy &policy)
{
    QHash<QString, RegionDemand> byRegion;
    for (const RegionDemand &d : demand) {
        RegionDemand &sum = byRegion[d.region];
        sum.region = d.region;
        sum.leechers += d.leechers;
        sum.seeds += d.seeds;
    }
    QList<CacheAction> out;
    QHash<QString, int> allocatedIn;
    QSet<QString> taken;
    for (const CurrentAllocation &a : current) {
        taken.insert(a.resourceId);
        if (byRegion.value(a.region).leechers > 0) {
            out.append({CacheAction::Touch, a.resourceId, a.region});
            ++allocatedIn[a.region];
        } else if (now - a.demandAt >= policy.holdSecs) {
            out.append({CacheAction::Deallocate, a.resourceId, a.region});
        } else {
            ++allocatedIn[a.region];  // held: still counts as the region's cache
        }
    }

    QList<CacheCandidate> ranked = candidates;
    std::sort(ranked.begin(), ranked.end(), [](const CacheCandidate &a, const CacheCandidate &b) {
        return std::tuple(-a.uploadBps, -a.freeBytes, a.resourceId) < std::tuple(-b.uploadBps, -b.freeBytes, b.resourceId);
    });
    QStringList regions = byRegion.keys();
    regions.sort();  // a stable order, so equal inputs give equal outputs
    for (const QString &region : std::as_const(regions)) {
        const RegionDemand &d = byRegion.value(region);
        if (d.leechers < 1 || d.seeds > policy.maxSeeds)
            continue;
        for (const CacheCandidate &c : std::as_const(ranked)) {
            if (allocatedIn.value(region) >= policy.cachesPerRegion)
                break;
            if (c.region != region || taken.contains(c.resourceId) || c.freeBytes < contentBytes || c.freeBytes <= 0)
                continue;
            if (d.leechers < policy.minLeechers && c.allocations > 0)
                continue;  // a busy cache waits for real demand; an idle one comes at once
            out.append({CacheAction::Allocate, c.resourceId, region});
            taken.insert(c.resourceId);
            ++allocatedIn[region];
        }
    }
    return out;
}

} // namespace mp2p
