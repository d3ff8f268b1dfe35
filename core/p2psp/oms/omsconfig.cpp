#include "omsconfig.h"

#include <QJsonValue>

#include <cmath>

namespace mp2p {

namespace {

// Reads one whole number in [min, max]; absent keeps `*out` (the default). A value out of range
// is refused, never clamped: a silently changed setting is a setting the operator did not make.
bool readInt(const QJsonObject &config, const char *key, qint64 min, qint64 max, int *out, QString *error)
{
    const QString name = QLatin1String(key);
    const QJsonValue v = config.value(name);
    if (v.isUndefined() || v.isNull())
        return true;
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || std::isnan(d) || std::floor(d) != d || d < double(min) || d > double(max)) {
        *error = QStringLiteral("oms: config '%1' must be a whole number from %2 to %3 (it is %4)")
                     .arg(name)
                     .arg(min)
                     .arg(max)
                     .arg(v.isDouble() ? QString::number(d) : QStringLiteral("not a number"));
        return false;
    }
    *out = int(d);
    return true;
}

bool readBool(const QJsonObject &config, const char *key, bool *out, QString *error)
{
    const QString name = QLatin1String(key);
    const QJsonValue v = config.value(name);
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isBool()) {
        *error = QStringLiteral("oms: config '%1' must be true or false").arg(name);
        return false;
    }
    *out = v.toBool();
    return true;
}

} // namespace

std::optional<OmsConfig> OmsConfig::fromJson(const QJsonObject &config, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    OmsConfig c;
    if (!readInt(config, "announceIntervalSecs", MinAnnounceIntervalSecs, MaxAnnounceIntervalSecs,
                 &c.announceIntervalSecs, error))
        return std::nullopt;
    // The defaults that follow the interval are worked out from the interval given.
    c.peerTtlSecs = 2 * c.announceIntervalSecs + 30;
    c.minAnnounceIntervalSecs = qMin(c.minAnnounceIntervalSecs, c.announceIntervalSecs);
    // "min interval" above the interval would forbid announcing on time; a TTL not above the
    // interval would drop peers that announce on time.
    if (!readInt(config, "minAnnounceIntervalSecs", 1, c.announceIntervalSecs, &c.minAnnounceIntervalSecs, error)
        || !readInt(config, "peerTtlSecs", c.announceIntervalSecs + 1, MaxPeerTtlSecs, &c.peerTtlSecs, error)
        || !readInt(config, "maxPeersPerReply", 1, MaxNumwant, &c.maxPeersPerReply, error)
        || !readBool(config, "trustIpParameter", &c.trustIpParameter, error)
        || !readInt(config, "resourceTtlSecs", 3, 3600, &c.resourceTtlSecs, error)
        || !readInt(config, "cacheIntervalSecs", 1, 3600, &c.cacheIntervalSecs, error)
        || !readInt(config, "cacheMinLeechers", 1, 100000, &c.cacheMinLeechers, error)
        || !readInt(config, "cacheHoldSecs", 0, 86400, &c.cacheHoldSecs, error)
        || !readInt(config, "relayCredentialTtlSecs", 60, 86400, &c.relayCredentialTtlSecs, error))
        return std::nullopt;
    return c;
}

} // namespace mp2p
