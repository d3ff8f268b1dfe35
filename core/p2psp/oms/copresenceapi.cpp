#include "copresenceapi.h"

#include <protocol/jsonfields.h>

namespace mp2p {

CoPresenceApi::CoPresenceApi(OmsState &state)
    : m_state(state)
{
}

void CoPresenceApi::registerRoutes(HttpRouter &router)
{
    // A PAMS asks once per (overlay, pair) it has no cached sighting for: a busy PAMS stays
    // well below this, and a leaked service key cannot page through every swarm quickly.
    // The PAMS of another mp2pd calls with the service key; operators may look too.
    router.add(HttpMethod::Get, QStringLiteral("/oms/v1/overlays/{id}/copresence"),
               RoutePolicy::operatorOnly(&m_state.auth).limit(RateRule::perAddress(QStringLiteral("copresence-reads"), 6000, 60)),
               [this](const HttpRequest &r) { return copresence(r); });
}

HttpResponse CoPresenceApi::copresence(const HttpRequest &request) const
{
    const QString overlayId = request.params.value(QStringLiteral("id"));
    const QString a = request.query.queryItemValue(QStringLiteral("a"));
    const QString b = request.query.queryItemValue(QStringLiteral("b"));
    bool timeOk = false;
    const qint64 at = request.query.queryItemValue(QStringLiteral("at")).toLongLong(&timeOk);
    const auto bad = [](const QString &field, const QString &message) {
        return HttpResponse::error(ApiError::badRequest(QStringLiteral("invalid_value"), message, field));
    };
    if (!isHex(overlayId, 40))
        return bad(QStringLiteral("id"), QStringLiteral("an overlay id is 40 lower-case hex characters"));
    if (!isHex(a, 40))
        return bad(QStringLiteral("a"), QStringLiteral("'a' must be a user id (40 lower-case hex characters)"));
    if (!b.isEmpty() && !isHex(b, 40))
        return bad(QStringLiteral("b"), QStringLiteral("'b' must be a user id (40 lower-case hex characters) or left out"));
    if (!timeOk || at < 0)
        return bad(QStringLiteral("at"), QStringLiteral("'at' must be a unix time in seconds (the receipt's time)"));
    const QByteArray key = QByteArray::fromHex(overlayId.toLatin1());
    if (!m_state.registry.hasOverlay(key))
        return HttpResponse::error(ApiError{404, QStringLiteral("unknown_overlay"),
                                            QStringLiteral("no overlay %1 at this OMS").arg(overlayId), QStringLiteral("id"), {}});
    QJsonObject sightings;
    for (const QString &user : {a, b}) {
        if (user.isEmpty())
            continue;
        const auto seen = m_state.registry.presence(key, user);
        sightings.insert(user, seen ? QJsonValue(QJsonObject{{QStringLiteral("firstSeen"), seen->firstSeen},
                                                             {QStringLiteral("lastSeen"), seen->lastSeen}})
                                    : QJsonValue(QJsonValue::Null));
    }
    return HttpResponse::json(QJsonObject{{QStringLiteral("overlayId"), overlayId},
                                          {QStringLiteral("at"), at},
                                          {QStringLiteral("together"), m_state.registry.wereTogether(key, a, b, at)},
                                          {QStringLiteral("slackSecs"), m_state.registry.ttlSecs()},
                                          {QStringLiteral("sightings"), sightings}});
}

} // namespace mp2p
