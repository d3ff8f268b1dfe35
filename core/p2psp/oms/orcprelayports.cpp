#include "orcpapi.h"

#include <protocol/jsonfields.h>
#include <protocol/keys.h>

// ORCP relayed ports (split from orcpapi.cpp): an RS reports its live TURN allocations, so the
// tracker lists a "relayed=ip:port" only when that port is an allocation of the announcing user.

namespace mp2p {

namespace {
// What an RS that did not state its quota may report: RelayServerConfig's default maxAllocations.
constexpr int DefaultMaxAllocations = 1000;
// An allocation lives at most this long without a Refresh (RFC 5766 §7.2: the server's maximum
// is its choice; ours and coturn's default to 3600 s), so no report may promise more.
constexpr int MaxLifetimeSecs = 3600;

} // namespace

bool splitEndpoint(const QString &text, QString *ip, quint16 *port)
{
    const int colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const int value = text.mid(colon + 1).toInt(&ok);
    const QHostAddress address(host);
    if (!ok || value < 1 || value > 65535 || address.isNull())
        return false;
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    *ip = isV4 ? QHostAddress(v4).toString() : address.toString();
    *port = quint16(value);
    return true;
}

HttpResponse OrcpApi::reportRelayPorts(const HttpRequest &request)
{
    HttpResponse failure;
    const std::optional<Resource> own = ownResource(request, &failure);
    if (!own)
        return failure;
    if (own->type != QLatin1String("rs"))
        return HttpResponse::error(ApiError::badRequest(
            QStringLiteral("invalid_value"), QStringLiteral("only a relay server (type rs) reports relayed ports"),
            QStringLiteral("type")));
    ApiError error;
    QJsonObject body;
    if (!parseJsonObject(request.body, &body, &error))
        return HttpResponse::error(error);
    // Never more than the quota the RS registered: it cannot hold more allocations than that.
    const int quota = qMin(own->maxAllocations > 0 ? own->maxAllocations : DefaultMaxAllocations, MaxRelayPorts);
    JsonFields in(body);
    const QJsonArray entries = in.array(QStringLiteral("allocations"), JsonFields::Required, quota);
    const qint64 now = m_state.clock();
    QList<RelayPort> ports;
    int ignored = 0;
    for (int i = 0; in.ok() && i < entries.size(); ++i) {
        const QString at = QStringLiteral("allocations[%1]").arg(i);
        if (!entries.at(i).isObject()) {
            in.fail(at, QStringLiteral("invalid_value"),
                    QStringLiteral("each allocation is an object {\"relayedAddress\", \"userId\", \"expiresInSecs\"}"));
            break;
        }
        JsonFields entry(entries.at(i).toObject(), at);
        const QString relayed = entry.string(QStringLiteral("relayedAddress"), JsonFields::Required, 3, 64);
        const QString userId = entry.string(QStringLiteral("userId"), JsonFields::Required, 1, 64);
        const qint64 expiresIn = entry.integer(QStringLiteral("expiresInSecs"), JsonFields::Required, 1, MaxLifetimeSecs);
        QString ip;
        quint16 port = 0;
        if (entry.ok() && !splitEndpoint(relayed, &ip, &port))
            entry.fail(QStringLiteral("relayedAddress"), QStringLiteral("invalid_value"),
                       QStringLiteral("relayedAddress must be \"ip:port\" (or \"[v6]:port\") of the relayed transport address"));
        if (entry.ok() && !isValidUserId(userId))
            entry.fail(QStringLiteral("userId"), QStringLiteral("invalid_value"),
                       QStringLiteral("userId must be the mp2p user id (40 hex) of the TURN credentials' user"));
        if (!entry.ok()) {
            const ApiError e = entry.error();
            in.fail(e.field, e.code, e.message);
            break;
        }
        // Only ports on the RS's own registered address, never its TURN port nor a privileged
        // one: a report cannot vouch for another host or for the relay host's own services.
        if (ip != own->address || port == own->port || port < 1024) {
            ++ignored;
            continue;
        }
        ports.append({port, userId, now + expiresIn});
    }
    if (!in.ok())
        return HttpResponse::error(in.error());
    QString storeError;
    switch (m_state.pool.replaceRelayPorts(own->resourceId, ports, now, &storeError)) {
    case ResourcePool::Result::Ok:
        return HttpResponse::json(QJsonObject{{QStringLiteral("resourceId"), own->resourceId},
                                              {QStringLiteral("accepted"), int(ports.size())},
                                              {QStringLiteral("ignored"), ignored},
                                              {QStringLiteral("maxAllocations"), quota}});
    case ResourcePool::Result::NotFound:
        return HttpResponse::error(ApiError::notFound(
            QStringLiteral("no resource %1 in this OMS's pool (deregistered or expired since); register it again")
                .arg(own->resourceId)));
    default:
        return HttpResponse::error(ApiError::internal(QStringLiteral("the resource pool failed: %1").arg(storeError)));
    }
}

} // namespace mp2p
