#pragma once

#include <QJsonObject>

namespace mp2p {

// The OMS's settings from its section of the mp2pd config file (ServiceContext::config).
struct OmsConfig {
    int announceIntervalSecs = 120;     // "interval" told to clients; at least 5
    int minAnnounceIntervalSecs = 30;   // "min interval"; never above the interval
    int peerTtlSecs = 2 * 120 + 30;     // default: 2 missed announces plus slack
    int maxPeersPerReply = 50;          // numwant when the client names none (1..200)
    bool trustIpParameter = false;      // honour "ip" from non-loopback clients (behind a proxy)

    static constexpr int MaxNumwant = 200;

    static OmsConfig fromJson(const QJsonObject &config);
};

} // namespace mp2p
