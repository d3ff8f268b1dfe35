#pragma once

#include <QList>
#include <QString>

namespace mp2p {

// The caching rule of the OMS (ORCP allocation from PAMS demand), as a pure function so it can
// be tested table by table.
//
//  - A region's demand for an overlay is *unserved* when it has at least `minLeechers` peers
//    still downloading and at most `maxSeeds` seeds of its own (caches are not counted: a cache
//    that serves the region must not make its own demand disappear).
//  - Unserved and no cache allocated there: allocate the best live CS of that region that has
//    room for the content (most stated upload, then most free disk, then the lowest id).
//  - An *idle* CS (allocated to no overlay) is allocated from the region's first leecher: it
//    costs nothing, and the earlier it is the region's door out, the fewer leechers open doors
//    of their own (each pulls its own copy across the border). A busy CS waits for minLeechers.
//  - A cache keeps its allocation while its region still has a leecher; its demand time is
//    refreshed. When no leecher is left it is kept for `holdSecs` more and only then released,
//    so a swarm that pauses between waves does not make the cache fetch the content again
//    (hysteresis: allocate at >= minLeechers, release at 0 for holdSecs).
struct CachePolicy {
    int minLeechers = 2;
    int maxSeeds = 0;
    qint64 holdSecs = 60;
    int cachesPerRegion = 1;
};

struct RegionDemand {
    QString region;     // ALTO PID ("" when the map does not place the peers)
    int leechers = 0;
    int seeds = 0;      // seeds that are not caches
};

struct CacheCandidate {
    QString resourceId;
    QString region;
    qint64 freeBytes = 0;  // disk not yet reserved
    qint64 uploadBps = 0;
    int allocations = 0;   // overlays it caches now (0 = idle)
};

struct CurrentAllocation {
    QString resourceId;
    QString region;
    qint64 demandAt = 0;
};

struct CacheAction {
    enum Kind { Allocate, Touch, Deallocate };
    Kind kind = Allocate;
    QString resourceId;
    QString region;
    bool operator==(const CacheAction &o) const { return kind == o.kind && resourceId == o.resourceId && region == o.region; }
};

// The actions for one overlay of `contentBytes` (0 = unknown: any free disk will do).
QList<CacheAction> decideCaching(const QList<RegionDemand> &demand, const QList<CurrentAllocation> &current,
                                 const QList<CacheCandidate> &candidates, qint64 contentBytes, qint64 now,
                                 const CachePolicy &policy);

} // namespace mp2p
