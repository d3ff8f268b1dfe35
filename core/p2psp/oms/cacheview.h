#pragma once

#include <QSet>
#include <QString>

namespace mp2p {

// Which users serve an overlay as caches (CS allocated to it through ORCP), for the ranking:
// caches are listed by the same regional rule as peers, are their region's door out, and are
// offered first to peers with credit. Answered from memory (no SQL on an announce).
class CacheView {
public:
    virtual ~CacheView() = default;
    virtual QSet<QString> cacheUsers(const QString &overlayId) const = 0;

    // True while `region`'s ordinary leechers of the overlay should wait for a cache rather than
    // open a door out of the region themselves: a cache of that region is allocated to the
    // overlay (and not yet in the swarm), or a live one there has room and the caching job will
    // allocate it at its next pass. A door opened before the cache arrives stays open (the OMS
    // cannot take back a list it gave out) and pulls a second copy across the border.
    // The wait is bounded: it ends a short time after it began whether the cache came or not.
    // `leechers` and `contentBytes` describe the region's demand as the ranking sees it.
    virtual bool awaitsCache(const QString &overlayId, const QString &region, int leechers, qint64 contentBytes,
                             qint64 now) const
    {
        Q_UNUSED(overlayId) Q_UNUSED(region) Q_UNUSED(leechers) Q_UNUSED(contentBytes) Q_UNUSED(now)
        return false;
    }
};

} // namespace mp2p
