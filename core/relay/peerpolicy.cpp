#include "peerpolicy.h"

namespace mp2p {

namespace {

struct Denied {
    const char *cidr;
    const char *what;
};

// What coturn refuses by default plus the private ranges (RFC 1918, RFC 4193) it refuses with
// denied-peer-ip in the recommended configuration.
constexpr Denied kDenied[] = {
    {"0.0.0.0/8", "an unspecified (\"this network\") address"},
    {"10.0.0.0/8", "a private address"},
    {"172.16.0.0/12", "a private address"},
    {"192.168.0.0/16", "a private address"},
    {"169.254.0.0/16", "a link-local address"},
    {"224.0.0.0/4", "a multicast address"},
    {"240.0.0.0/4", "a reserved or broadcast address"},
    {"::/128", "the unspecified address"},
    {"fc00::/7", "a private (unique local) address"},
    {"fe80::/10", "a link-local address"},
    {"ff00::/8", "a multicast address"},
};

// A v4-mapped v6 address (::ffff:a.b.c.d) is judged as the v4 address it stands for.
QHostAddress plain(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}

} // namespace

RelayPeerPolicy::RelayPeerPolicy(bool allowLoopback, QList<Range> allowedRanges)
    : m_allowLoopback(allowLoopback), m_allowed(std::move(allowedRanges))
{
}

bool RelayPeerPolicy::parseRanges(const QStringList &cidrs, QList<Range> *out, QString *error)
{
    out->clear();
    for (const QString &text : cidrs) {
        const QString cidr = text.trimmed();
        Range range = cidr.contains(u'/') ? QHostAddress::parseSubnet(cidr) : Range{QHostAddress(cidr), -1};
        if (range.second == -1 && !range.first.isNull())
            range.second = range.first.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32;
        if (range.first.isNull() || range.second < 0) {
            *error = QStringLiteral("\"%1\" is not an address range in CIDR notation (e.g. \"10.0.0.0/8\" or \"fd00::/8\")")
                         .arg(cidr.left(64));
            return false;
        }
        out->append(range);
    }
    return true;
}

bool RelayPeerPolicy::allows(const QHostAddress &peer, QString *why) const
{
    const QHostAddress address = plain(peer);
    const auto refuse = [&](const QString &what) {
        if (why)
            *why = QStringLiteral("%1 is %2").arg(address.toString(), what);
        return false;
    };
    if (address.isNull())
        return refuse(QStringLiteral("not an address"));
    for (const Range &r : m_allowed)
        if (address.isInSubnet(r))
            return true;
    if (address.isLoopback())
        return m_allowLoopback || refuse(QStringLiteral("a loopback address"));
    if (address.isBroadcast())
        return refuse(QStringLiteral("the broadcast address"));
    for (const Denied &d : kDenied)
        if (address.isInSubnet(QHostAddress::parseSubnet(QLatin1String(d.cidr))))
            return refuse(QLatin1String(d.what));
    return true;
}

} // namespace mp2p
