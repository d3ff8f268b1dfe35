#include "omsstate.h"

namespace mp2p {

namespace {
// QTcpServer on a dual-stack socket reports IPv4 clients as ::ffff:a.b.c.d; peers must be
// listed (and compacted) as the IPv4 address they are.
QHostAddress normalized(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}
} // namespace

bool resolvePeerAddress(const HttpRequest &request, const QString &ipParameter, bool trustIpParameter,
                        QHostAddress *out, QString *error)
{
    const QHostAddress remote = normalized(request.remoteAddress);
    if (ipParameter.isEmpty() || !(trustIpParameter || remote.isLoopback())) {
        *out = remote;
        return true;
    }
    const QHostAddress given(ipParameter);
    if (given.isNull()) {
        *error = QStringLiteral("ip '%1' is not an IPv4 or IPv6 address; send a literal address or leave it out")
                     .arg(ipParameter.left(64));
        return false;
    }
    *out = normalized(given);
    return true;
}

} // namespace mp2p
