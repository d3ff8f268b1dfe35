#include "omsconfig.h"

#include <QtGlobal>

namespace mp2p {

OmsConfig OmsConfig::fromJson(const QJsonObject &config)
{
    OmsConfig c;
    c.announceIntervalSecs = qMax(5, config.value(QStringLiteral("announceIntervalSecs")).toInt(120));
    c.minAnnounceIntervalSecs = qBound(1, config.value(QStringLiteral("minAnnounceIntervalSecs")).toInt(30),
                                       c.announceIntervalSecs);
    // A TTL shorter than the interval would drop peers that announce on time.
    c.peerTtlSecs = qMax(c.announceIntervalSecs + 1,
                         config.value(QStringLiteral("peerTtlSecs")).toInt(2 * c.announceIntervalSecs + 30));
    c.maxPeersPerReply = qBound(1, config.value(QStringLiteral("maxPeersPerReply")).toInt(50), MaxNumwant);
    c.trustIpParameter = config.value(QStringLiteral("trustIpParameter")).toBool(false);
    c.resourceTtlSecs = qBound(3, config.value(QStringLiteral("resourceTtlSecs")).toInt(c.resourceTtlSecs), 3600);
    c.cacheIntervalSecs = qBound(1, config.value(QStringLiteral("cacheIntervalSecs")).toInt(c.cacheIntervalSecs), 3600);
    c.cacheMinLeechers = qBound(1, config.value(QStringLiteral("cacheMinLeechers")).toInt(c.cacheMinLeechers), 100000);
    c.cacheHoldSecs = qBound(0, config.value(QStringLiteral("cacheHoldSecs")).toInt(c.cacheHoldSecs), 86400);
    c.relayCredentialTtlSecs = qBound(60, config.value(QStringLiteral("relayCredentialTtlSecs")).toInt(c.relayCredentialTtlSecs), 86400);
    return c;
}

} // namespace mp2p
