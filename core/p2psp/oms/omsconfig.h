#pragma once

#include <QJsonObject>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace mp2p {

// The OMS's settings from its section of the mp2pd config file (ServiceContext::config).
struct OmsConfig {
    int announceIntervalSecs = 120;     // "interval" told to clients (5..86400)
    int minAnnounceIntervalSecs = 30;   // "min interval" (1..the interval)
    int peerTtlSecs = 2 * 120 + 30;     // default: 2 missed announces plus slack (interval + 1 .. 7 days)
    int maxPeersPerReply = 50;          // numwant when the client names none (1..200)
    bool trustIpParameter = false;      // honour "ip" from non-loopback clients (behind a proxy)
    // ORCP (X.609.2): caches and relays.
    int resourceTtlSecs = 30;           // a resource without keep-alives for this long leaves the pool (3..3600)
    int cacheIntervalSecs = 10;         // how often the caching job reads demand and (de)allocates (1..3600)
    int cacheMinLeechers = 2;           // a region with this many leechers and no seed gets a cache (1..100000)
    int cacheHoldSecs = 60;             // a cache stays this long after its region's demand is gone (0..86400)
    int relayCredentialTtlSecs = 3600;  // TURN REST credentials the relay broker mints (60..86400)

    int keepAliveSecs() const { return qMax(1, resourceTtlSecs / 3); }

    static constexpr int MaxNumwant = 200;
    static constexpr int MinAnnounceIntervalSecs = 5;
    static constexpr int MaxAnnounceIntervalSecs = 86400;
    static constexpr int MaxPeerTtlSecs = 7 * 86400;

    // The "oms" section of the config; absent keys keep their defaults. A value of the wrong
    // type or out of its range gives nullopt and an error naming the key and the range.
    static std::optional<OmsConfig> fromJson(const QJsonObject &config, QString *error);
};

} // namespace mp2p
