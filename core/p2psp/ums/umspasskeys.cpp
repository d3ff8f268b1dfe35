// Tracker passkeys, tokens for other audiences, and the revocation check of sessions.
#include "umsservice.h"

#include <protocol/jsonfields.h>
#include <protocol/keys.h>

#include <algorithm>

namespace mp2p {

namespace {
bool isPasskeyText(const QString &text)
{
    return isHex(text, 2 * UmsService::PasskeyBytes);
}
} // namespace

HttpResponse UmsService::passkeyResponse(const QString &userId, bool rotate) const
{
    QString storeError;
    const auto key = m_store->passkey(userId, rotate, QString::fromLatin1(randomBytes(PasskeyBytes).toHex()), m_clock(),
                                      &storeError);
    if (!key)
        return storeFailure(QStringLiteral("read the passkey"), storeError);
    {
        // The user's old passkey goes (if this rotated it).
        QMutexLocker lock(&m_passkeyLock);
        ++m_passkeyGeneration;
        m_passkeyOwners.removeIf([&](const auto &entry) { return entry.value() == userId; });
    }
    return HttpResponse::json({{QStringLiteral("passkey"), *key}, {QStringLiteral("userId"), userId}},
                              rotate ? 201 : 200);
}

HttpResponse UmsService::handleGetPasskey(const HttpRequest &request) const
{
    return passkeyResponse(request.caller.userId, false);
}

HttpResponse UmsService::handleRotatePasskey(const HttpRequest &request) const
{
    return passkeyResponse(request.caller.userId, true);
}

HttpResponse UmsService::handleLookupPasskey(const HttpRequest &request) const
{
    const QString passkey = request.params.value(QStringLiteral("passkey"));
    const auto user = isPasskeyText(passkey) ? userForPasskey(passkey) : std::nullopt;
    if (!user)
        return HttpResponse::error(ApiError::notFound(QStringLiteral("no user has this passkey (unknown or rotated)")));
    return HttpResponse::json(QJsonObject{{QStringLiteral("userId"), *user}});
}

std::optional<QString> UmsService::userForPasskey(const QString &passkey) const
{
    if (!m_store || !isPasskeyText(passkey))
        return std::nullopt;
    quint64 generation = 0;
    {
        QMutexLocker lock(&m_passkeyLock);
        const auto it = m_passkeyOwners.constFind(passkey);
        if (it != m_passkeyOwners.cend())
            return *it;
        generation = m_passkeyGeneration;
    }
    // Unknown passkeys are not cached: a store error must not make a good one unknown for good.
    const std::optional<QString> user = m_store->userForPasskey(passkey);
    QMutexLocker lock(&m_passkeyLock);
    if (user && generation == m_passkeyGeneration) {
        if (m_passkeyOwners.size() >= MaxCachedPasskeys)
            m_passkeyOwners.clear();
        m_passkeyOwners.insert(passkey, *user);
    }
    return user;
}

HttpResponse UmsService::handleIssueToken(const HttpRequest &request) const
{
    QJsonObject body;
    ApiError error;
    if (!parseJsonObject(request.body, &body, &error))
        return HttpResponse::error(error);
    JsonFields in(body);
    const QString wanted = in.string(QStringLiteral("audience"), JsonFields::Required, 1, 16);
    if (in.ok() && wanted != audience::Unis && wanted != audience::Relay)
        in.fail(QStringLiteral("audience"), QStringLiteral("invalid_value"),
                QStringLiteral("the field 'audience' must be \"%1\" or \"%2\"").arg(audience::Unis, audience::Relay));
    if (!in.ok())
        return HttpResponse::error(in.error());
    const TokenClaims claims = claimsOf(request);
    const qint64 now = m_clock();
    const qint64 ttl = OtherAudienceTtlSecs;
    return HttpResponse::json({{QStringLiteral("token"),
                                m_issuer->issue(request.caller.userId, now, ttl, wanted, claims.sessionId)},
                               {QStringLiteral("audience"), wanted},
                               {QStringLiteral("expiresAt"), now + ttl}},
                              201);
}

bool UmsService::isRevoked(const TokenClaims &claims) const
{
    if (claims.sessionId.isEmpty() || !m_store)
        return false;
    const qint64 now = m_clock();
    {
        QMutexLocker lock(&m_revocationLock);
        const auto it = m_revocations.constFind(claims.sessionId);
        if (it != m_revocations.cend() && now - it->checkedAt < RevocationCacheSecs)
            return it->revoked || it->expiresAt <= now;
    }
    QString storeError;
    const auto session = m_store->session(claims.sessionId, &storeError);
    if (!session && !storeError.isEmpty())
        return true;  // fail closed: a store that cannot answer does not vouch for a session
    const RevocationEntry entry{!session || session->userId != claims.userId || session->revokedAt != 0,
                                session ? session->expiresAt : 0, now};
    QMutexLocker lock(&m_revocationLock);
    if (m_revocations.size() > 100000)
        m_revocations.clear();
    m_revocations.insert(claims.sessionId, entry);
    return entry.revoked || entry.expiresAt <= now;
}

void UmsService::forgetRevocation(const QString &sessionId) const
{
    QMutexLocker lock(&m_revocationLock);
    m_revocations.remove(sessionId);
}

} // namespace mp2p
