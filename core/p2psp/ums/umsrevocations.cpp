// GET /ums/v1/revocations: the feed of ended sessions that verifiers in other mp2pd processes
// poll (core/p2psp/host/remoterevocations.h), so a logout reaches them within their poll interval.
#include "umsservice.h"

#include <QJsonArray>

#include <algorithm>

namespace mp2p {

qint64 UmsService::revocationRetainSecs() const
{
    return std::max(m_tokenTtlSecs, OtherAudienceTtlSecs) + TokenClockSkewSecs;
}

HttpResponse UmsService::handleRevocations(const HttpRequest &request) const
{
    // operatorOnly lets operators' user tokens through too; the feed is for the provider's own
    // servers, which call with the service key.
    if (request.caller.userId != QLatin1String(Authenticator::ServiceCaller)) {
        ApiError e = ApiError::forbidden(QStringLiteral("the revocation feed is for the provider's servers only"));
        e.hint = QStringLiteral("call it with 'Authorization: Bearer svc.<serviceKey>' (the provider's shared \"serviceKey\")");
        return HttpResponse::error(e);
    }
    qint64 cursor = 0;
    if (request.query.hasQueryItem(QStringLiteral("since"))) {
        bool ok = false;
        const QString text = request.query.queryItemValue(QStringLiteral("since"));
        cursor = text.size() <= 18 ? text.toLongLong(&ok) : 0;
        if (!ok || cursor < 0) {
            ApiError e = ApiError::badRequest(QStringLiteral("invalid_value"),
                                              QStringLiteral("'since' must be a cursor (a whole number >= 0) this feed gave out"),
                                              QStringLiteral("since"));
            e.hint = QStringLiteral("start with since=0 and then send the 'next' of each answer");
            return HttpResponse::error(e);
        }
    }
    QString storeError;
    const auto page = m_store->revocationsSince(cursor, m_clock(), RevocationPageSize, &storeError);
    if (!page)
        return storeFailure(QStringLiteral("read the revocations"), storeError);
    QJsonArray entries;
    for (const RevocationRecord &r : page->entries) {
        QJsonObject o{{QStringLiteral("seq"), r.seq},
                      {QStringLiteral("userId"), r.userId},
                      {QStringLiteral("revokedAt"), r.revokedAt},
                      {QStringLiteral("until"), r.until}};
        if (!r.sessionId.isEmpty())
            o.insert(QStringLiteral("sessionId"), r.sessionId);
        entries.append(o);
    }
    return HttpResponse::json(QJsonObject{{QStringLiteral("revocations"), entries},
                                          {QStringLiteral("next"), QString::number(page->next)},
                                          {QStringLiteral("more"), page->more},
                                          {QStringLiteral("reset"), page->reset},
                                          {QStringLiteral("retainSecs"), revocationRetainSecs()}});
}

} // namespace mp2p
