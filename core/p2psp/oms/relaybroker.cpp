#include "relaybroker.h"

#include "orcpapi.h"

#include <protocol/jsonfields.h>
#include <relay/relayauth.h>

#include <QUrl>

#include <algorithm>

namespace mp2p {

namespace {
HttpResponse noRelay(const QString &why)
{
    return HttpResponse::error(ApiError{503, QStringLiteral("no_relay"),
                                        QStringLiteral("no relay server is available at this OMS: %1").arg(why), {},
                                        QStringLiteral("ask again later, or use --relay turn://user:password@ip:port with "
                                                       "credentials of a relay you know")});
}

// "turn://user:password@ip:port"; the user name's ':' and the password's base64 characters are
// percent-encoded, so QUrl (parseRelaySpec on the peer) gives them back unchanged.
QString turnUri(const QString &username, const QString &password, const QString &address, quint16 port)
{
    QUrl url;
    url.setScheme(QStringLiteral("turn"));
    url.setUserName(username);
    url.setPassword(password);
    url.setHost(address);
    url.setPort(port);
    return url.toString(QUrl::FullyEncoded);
}
} // namespace

RelayBroker::RelayBroker(OmsState &state)
    : m_state(state)
{
}

void RelayBroker::registerRoutes(HttpRouter &router)
{
    // Each answer costs a relay allocation's worth of trust: a few per minute per user is what
    // a peer behind a NAT needs; more is someone hoarding relays.
    router.add(HttpMethod::Post, QStringLiteral("/oms/v1/relays/credentials"),
               RoutePolicy::user(&m_state.auth).limit(RateRule::perUser(QStringLiteral("relay-credentials"), 30, 600)),
               [this](const HttpRequest &r) { return credentials(r); });
}

int RelayBroker::loadOf(const QString &resourceId, qint64 now)
{
    QList<qint64> &expiries = m_handedOut[resourceId];
    expiries.erase(std::remove_if(expiries.begin(), expiries.end(), [now](qint64 e) { return e <= now; }), expiries.end());
    QString ignored;
    return int(expiries.size()) + int(m_state.pool.relays(resourceId, &ignored).value_or(QList<RelayRecord>()).size());
}

QList<RelayBroker::Candidate> RelayBroker::candidates(qint64 now, QString *error)
{
    QList<Candidate> out;
    const std::optional<QList<Resource>> live = m_state.pool.live(QStringLiteral("rs"), now, error);
    if (!live)
        return out;
    for (const Resource &r : *live) {
        if (!volunteerConsentOf(m_state, r).granted())
            continue;  // a volunteer without a current consent (or one we cannot confirm) is never handed out
        QString secretError;
        const std::optional<QByteArray> secret = m_state.relaySecrets.find(r.resourceId, &secretError);
        if (!secret)
            continue;  // registered before the OMS issued secrets: it cannot check our credentials
        out.append({r, *secret, loadOf(r.resourceId, now)});
    }
    return out;
}

HttpResponse RelayBroker::credentials(const HttpRequest &request)
{
    ApiError error;
    QJsonObject body;
    if (!request.body.trimmed().isEmpty() && !parseJsonObject(request.body, &body, &error))
        return HttpResponse::error(error);
    JsonFields in(body);
    const QString overlayId = in.string(QStringLiteral("overlayId"), JsonFields::Optional, 40, 40).toLower();
    const QString ip = in.string(QStringLiteral("ip"), JsonFields::Optional, 2, 64);
    const QString statedRegion = in.string(QStringLiteral("region"), JsonFields::Optional, 1, 64);
    if (in.ok() && !overlayId.isEmpty() && !isHex(overlayId, 40))
        in.fail(QStringLiteral("overlayId"), QStringLiteral("invalid_value"),
                QStringLiteral("overlayId must be the overlay's 40 hex characters (its v1 info-hash), or left out"));
    QHostAddress caller;
    QString problem;
    if (in.ok() && !resolvePeerAddress(request, ip, m_state.config.trustIpParameter, &caller, &problem))
        in.fail(QStringLiteral("ip"), QStringLiteral("invalid_value"), problem);
    if (!in.ok())
        return HttpResponse::error(in.error());
    if (!overlayId.isEmpty() && !m_state.registry.hasOverlay(QByteArray::fromHex(overlayId.toLatin1())))
        return HttpResponse::error(ApiError::notFound(QStringLiteral("no overlay %1 at this OMS").arg(overlayId)));

    const qint64 now = m_state.clock();
    QString storeError;
    QList<Candidate> pool = candidates(now, &storeError);
    if (!storeError.isEmpty() && pool.isEmpty())
        return HttpResponse::error(ApiError::internal(QStringLiteral("the resource pool failed: %1").arg(storeError)));
    if (pool.isEmpty())
        return noRelay(QStringLiteral("no live relay server (type rs) with a current consent is registered"));
    const QString mapRegion = m_state.regionOf(caller);
    const QString region = mapRegion.isEmpty() ? statedRegion : mapRegion;
    // Same region first, then the fewest relays, then the most stated upload, then a stable order.
    std::sort(pool.begin(), pool.end(), [&region](const Candidate &a, const Candidate &b) {
        const bool localA = !region.isEmpty() && a.resource.region == region;
        const bool localB = !region.isEmpty() && b.resource.region == region;
        if (localA != localB)
            return localA;
        if (a.load != b.load)
            return a.load < b.load;
        if (a.resource.uploadBps != b.resource.uploadBps)
            return a.resource.uploadBps > b.resource.uploadBps;
        return a.resource.resourceId < b.resource.resourceId;
    });
    const Candidate &pick = pool.constFirst();
    // A credential never outlives the RS's registration by much: it would only be refused there.
    const qint64 expiresAt = now + m_state.config.relayCredentialTtlSecs;
    const QString username = RelayAuth::restUsernameFor(expiresAt, request.caller.userId, overlayId);
    const QString password = stun::restPassword(pick.secret, username);
    m_handedOut[pick.resource.resourceId].append(expiresAt);
    const Resource &r = pick.resource;
    return HttpResponse::json(QJsonObject{{QStringLiteral("uri"), turnUri(username, password, r.address, r.port)},
                                          {QStringLiteral("username"), username},
                                          {QStringLiteral("password"), password},
                                          {QStringLiteral("address"), r.address},
                                          {QStringLiteral("port"), int(r.port)},
                                          {QStringLiteral("resourceId"), r.resourceId},
                                          {QStringLiteral("owner"), r.owner},
                                          {QStringLiteral("mode"), r.mode},
                                          {QStringLiteral("region"), r.region},
                                          {QStringLiteral("expiresAt"), expiresAt},
                                          {QStringLiteral("ttl"), m_state.config.relayCredentialTtlSecs}});
}

} // namespace mp2p
