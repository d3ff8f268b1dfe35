#include "serverlimits.h"

#include <QJsonValue>
#include <QStringList>

#include <sys/resource.h>

#include <algorithm>

namespace mp2p {

namespace {
// Files a server needs besides its client sockets: SQLite, logs, libtorrent, outgoing HTTP.
constexpr qint64 FileReserve = 256;
constexpr int AutomaticCap = 4096;

// A number of seconds (fractions allowed) within [min, max], as milliseconds.
bool readSecs(const QJsonObject &o, const QString &key, double min, double max, int *ms)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return true;
    if (!v.isDouble() || v.toDouble() < min || v.toDouble() > max)
        return false;
    *ms = int(v.toDouble() * 1000);
    return true;
}

template<typename T>
bool readInt(const QJsonObject &o, const QString &key, double min, double max, T *out)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return true;
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d != double(qint64(d)) || d < min || d > max)
        return false;
    *out = T(d);
    return true;
}
} // namespace

int ServerLimits::effectiveMaxConnections() const
{
    if (maxConnections > 0)
        return maxConnections;
    return int(std::clamp<qint64>(openFileLimit() - FileReserve, 16, AutomaticCap));
}

QStringList ServerLimits::jsonKeys()
{
    return {QStringLiteral("maxRequestLineBytes"), QStringLiteral("maxHeadBytes"), QStringLiteral("headerTimeoutSecs"),
            QStringLiteral("bodyTimeoutSecs"), QStringLiteral("idleTimeoutSecs"), QStringLiteral("maxConnectionsPerAddress"),
            QStringLiteral("maxConnections"), QStringLiteral("maxBodyBytesInFlight"),
            QStringLiteral("maxUnsentResponseBytes")};
}

bool ServerLimits::readJson(const QJsonObject &o, QString *field, QString *expected)
{
    const auto bad = [&](const char *key, const char *what) {
        *field = QLatin1String(key);
        *expected = QLatin1String(what);
        return false;
    };
    if (!readInt(o, QStringLiteral("maxRequestLineBytes"), 256, 1 << 20, &maxRequestLineBytes))
        return bad("maxRequestLineBytes", "an integer number of bytes 256..1048576");
    if (!readInt(o, QStringLiteral("maxHeadBytes"), 1024, 1 << 20, &maxHeadBytes))
        return bad("maxHeadBytes", "an integer number of bytes 1024..1048576");
    if (!readSecs(o, QStringLiteral("headerTimeoutSecs"), 0.1, 3600, &headerTimeoutMs))
        return bad("headerTimeoutSecs", "a number of seconds 0.1..3600");
    if (!readSecs(o, QStringLiteral("bodyTimeoutSecs"), 0.1, 3600, &bodyTimeoutMs))
        return bad("bodyTimeoutSecs", "a number of seconds 0.1..3600");
    if (!readSecs(o, QStringLiteral("idleTimeoutSecs"), 0.1, 3600, &idleTimeoutMs))
        return bad("idleTimeoutSecs", "a number of seconds 0.1..3600");
    if (!readInt(o, QStringLiteral("maxConnectionsPerAddress"), 1, 1'000'000, &maxConnectionsPerAddress))
        return bad("maxConnectionsPerAddress", "an integer 1..1000000");
    if (!readInt(o, QStringLiteral("maxConnections"), 0, 1'000'000, &maxConnections))
        return bad("maxConnections", "an integer 0..1000000 (0 = from the open-file limit)");
    if (!readInt(o, QStringLiteral("maxBodyBytesInFlight"), 1024, 1LL << 40, &maxBodyBytesInFlight))
        return bad("maxBodyBytesInFlight", "an integer number of bytes >= 1024");
    if (!readInt(o, QStringLiteral("maxUnsentResponseBytes"), 64 * 1024, 1LL << 30, &maxUnsentBytes))
        return bad("maxUnsentResponseBytes", "an integer number of bytes 65536..1073741824");
    if (maxRequestLineBytes > maxHeadBytes)
        return bad("maxRequestLineBytes", "at most maxHeadBytes");
    return true;
}

qint64 raiseOpenFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 1024;
    if (limit.rlim_cur < limit.rlim_max) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
    }
    return limit.rlim_cur == RLIM_INFINITY ? qint64(1) << 30 : qint64(limit.rlim_cur);
}

qint64 openFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 1024;
    return limit.rlim_cur == RLIM_INFINITY ? qint64(1) << 30 : qint64(limit.rlim_cur);
}

} // namespace mp2p
