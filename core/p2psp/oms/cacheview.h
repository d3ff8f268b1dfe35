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
};

} // namespace mp2p
