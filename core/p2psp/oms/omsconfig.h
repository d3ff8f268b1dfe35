#pragma once

#include <QJsonObject>
#include <QtGlobal>

namespace mp2p {

// The OMS's settings from its section of the mp2pd config file (ServiceContext::config).
struct OmsConfig {
    int announceIntervalSecs = 120;     // "interval" told to clients; at least 5
    int minAnnounceIntervalSecs = 30;   // "min interval"; never above the interval
    int peerTtlSecs = 2 * 120 + 30;     // default: 2 missed announces plus slack
    int maxPeersPerReply = 50;          // numwant when the client names none (1..200)
    bool trustIpParameter = false;      // honour "ip" from non-loopback clients (behind a proxy)
    // ORCP (X.609.2): caches and relays.
    int resourceTtlSecs = 30;           // a resource without keep-alives for this long leaves the pool
    int cacheIntervalSecs = 10;         // how often the caching job reads demand and (de)allocates
    int cacheMinLeechers = 2;           // a region with this many leechers and no seed gets a cache
    int cacheHoldSecs = 60;             // a cache stays this long after its region's demand is gone
    int relayCredentialTtlSecs = 3600;  // TURN REST credentials the relay broker mints (60..86400)

    int keepAliveSecs() const { return qMax(1, resourceTtlSecs / 3); }

    static constexpr int MaxNumwant = 200;

    static OmsConfig fromJson(const QJsonObject &config);
};

} // namespace mp2p
