// Login over R13: challenge, signed answer, token; and token refresh.
#include "umsservice.h"

#include <protocol/jsonfields.h>
#include <protocol/keys.h>

#include <algorithm>

namespace mp2p {

namespace {

QString challengeIdText()
{
    return QString::fromLatin1(randomBytes(16).toHex());
}

// What the client signs: the ASCII text "mp2p-login:<challengeId>:<challenge>".
QByteArray loginMessage(const QString &challengeId, const QString &challenge)
{
    return QByteArrayLiteral("mp2p-login:") + challengeId.toLatin1() + ':' + challenge.toLatin1();
}

HttpResponse refused(const QString &message, const QString &hint)
{
    ApiError e = ApiError::unauthorized(message);
    e.hint = hint;
    return HttpResponse::error(e);
}

const QString NewChallengeHint = QStringLiteral("ask POST /ums/v1/challenges for a new challenge and sign it");

// The JSON body of a login step (challenge, session) and its "userId"; nullopt with *failure
// set when either is wrong.
std::optional<QString> loginUserId(const HttpRequest &request, QJsonObject *body, HttpResponse *failure)
{
    ApiError error;
    if (!parseJsonObject(request.body, body, &error)) {
        *failure = HttpResponse::error(error);
        return std::nullopt;
    }
    JsonFields in(*body);
    const QString userId = in.string(QStringLiteral("userId"), JsonFields::Required, 40, 40);
    if (in.ok() && !isValidUserId(userId))
        in.fail(QStringLiteral("userId"), QStringLiteral("invalid_value"),
                QStringLiteral("the field 'userId' must be 40 lower-case hex characters"));
    if (!in.ok()) {
        *failure = HttpResponse::error(in.error());
        return std::nullopt;
    }
    return userId;
}

} // namespace

HttpResponse UmsService::tokenResponse(const QString &userId, const SessionRecord &session) const
{
    const qint64 now = m_clock();
    // A token never outlives its session: refresh cannot stretch a login past sessionMaxSecs.
    const qint64 ttl = std::max<qint64>(1, std::min(m_tokenTtlSecs, session.expiresAt - now));
    return HttpResponse::json({{QStringLiteral("token"), m_issuer->issue(userId, now, ttl, audience::P2psp, session.sessionId)},
                               {QStringLiteral("userId"), userId},
                               {QStringLiteral("sessionExpiresAt"), session.expiresAt},
                               {QStringLiteral("expiresAt"), now + ttl}},
                              201);
}

HttpResponse UmsService::handleChallenge(const HttpRequest &request) const
{
    QJsonObject body;
    HttpResponse failure;
    const std::optional<QString> parsed = loginUserId(request, &body, &failure);
    if (!parsed)
        return failure;
    const QString &userId = *parsed;
    QString storeError;
    if (!m_store->user(userId, &storeError)) {
        if (!storeError.isEmpty())
            return storeFailure(QStringLiteral("read the user"), storeError);
        ApiError e = ApiError::notFound(QStringLiteral("no user %1 is registered here").arg(userId));
        e.hint = QStringLiteral("register the public key with POST /ums/v1/users first");
        return HttpResponse::error(e);
    }
    const qint64 now = m_clock();
    const ChallengeRecord challenge{challengeIdText(), userId,
                                    QString::fromLatin1(toBase64Url(randomBytes(ChallengeBytes))),
                                    now + ChallengeTtlSecs};
    switch (m_store->addChallenge(challenge, now, ChallengeTtlSecs, &storeError)) {
    case ChallengeAdd::Ok: break;
    case ChallengeAdd::TooMany: {
        // Never evict: the user's own pending login must survive a stranger's flood.
        HttpResponse r = HttpResponse::error(ApiError::tooManyRequests(QStringLiteral("live-challenges-per-user"),
                                                                       int(ChallengeTtlSecs)));
        r.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(ChallengeTtlSecs)});
        return r;
    }
    case ChallengeAdd::Failed: return storeFailure(QStringLiteral("store the challenge"), storeError);
    }
    return HttpResponse::json({{QStringLiteral("challengeId"), challenge.challengeId},
                               {QStringLiteral("challenge"), challenge.challenge},
                               {QStringLiteral("expiresAt"), challenge.expiresAt}},
                              201);
}

std::optional<HttpResponse> UmsService::checkSignedChallenge(const QString &userId, const QJsonObject &body) const
{
    JsonFields in(body);
    const QString challengeId = in.string(QStringLiteral("challengeId"), JsonFields::Required, 32, 32);
    const QString signatureText = in.string(QStringLiteral("signature"), JsonFields::Required, 1, 128);
    const auto signature = fromBase64Url(signatureText.toLatin1());
    if (in.ok() && !isHex(challengeId, 32))
        in.fail(QStringLiteral("challengeId"), QStringLiteral("invalid_value"),
                QStringLiteral("the field 'challengeId' must be the 32 hex characters the UMS gave out"));
    if (in.ok() && (!signature || signature->size() != KeyPair::SignatureBytes))
        in.fail(QStringLiteral("signature"), QStringLiteral("invalid_value"),
                QStringLiteral("the field 'signature' must be a 64-byte Ed25519 signature in base64url"));
    if (!in.ok())
        return HttpResponse::error(in.error());

    QString storeError;
    const auto user = m_store->user(userId, &storeError);
    if (!user && !storeError.isEmpty())
        return storeFailure(QStringLiteral("read the user"), storeError);
    if (!user)
        return refused(QStringLiteral("no user %1 is registered here").arg(userId),
                       QStringLiteral("register the public key with POST /ums/v1/users first"));

    QString challenge;
    switch (m_store->consumeChallenge(challengeId, userId, m_clock(), &challenge, &storeError)) {
    case ChallengeCheck::Ok: break;
    case ChallengeCheck::Unknown:
        return refused(QStringLiteral("the challenge is unknown (or expired long ago)"), NewChallengeHint);
    case ChallengeCheck::OtherUser:
        return refused(QStringLiteral("the challenge was issued to another user"), NewChallengeHint);
    case ChallengeCheck::Used:
        return refused(QStringLiteral("the challenge was already used; each challenge is good for one login"),
                       NewChallengeHint);
    case ChallengeCheck::Expired:
        return refused(QStringLiteral("the challenge has expired (they are valid for %1 s)").arg(ChallengeTtlSecs),
                       NewChallengeHint);
    case ChallengeCheck::Failed: return storeFailure(QStringLiteral("check the challenge"), storeError);
    }
    // The challenge is spent whatever the outcome: a wrong signature gets no second try on it.
    if (!verifySignature(user->publicKey, loginMessage(challengeId, challenge), *signature))
        return refused(QStringLiteral("the signature does not verify with this user's public key"),
                       QStringLiteral("sign the ASCII text 'mp2p-login:<challengeId>:<challenge>' with the user's "
                                      "Ed25519 key, on a new challenge"));
    return std::nullopt;
}

HttpResponse UmsService::handleSession(const HttpRequest &request) const
{
    QJsonObject body;
    HttpResponse failure;
    const std::optional<QString> parsed = loginUserId(request, &body, &failure);
    if (!parsed)
        return failure;
    const QString &userId = *parsed;
    if (auto refusal = checkSignedChallenge(userId, body))
        return *refusal;
    const qint64 now = m_clock();
    const SessionRecord session{QString::fromLatin1(randomBytes(16).toHex()), userId, now, now + m_sessionMaxSecs, 0};
    QString storeError;
    if (!m_store->addSession(session, &storeError))
        return storeFailure(QStringLiteral("store the session"), storeError);
    return tokenResponse(userId, session);
}

TokenClaims UmsService::claimsOf(const HttpRequest &request) const
{
    TokenClaims claims;
    const QByteArray header = request.header("authorization");
    if (header.startsWith("Bearer ") && !header.startsWith("Bearer svc."))
        m_verifier->verify(QString::fromLatin1(header.mid(7).trimmed()), m_clock(), &claims);
    return claims;
}

// A bearer token alone never renews itself: whoever copied it (from a log, a proxy, a URL)
// would keep the account for ever. Refresh needs a fresh challenge signed with the user's key
// and stays inside the session's absolute lifetime.
HttpResponse UmsService::handleRefresh(const HttpRequest &request) const
{
    const QString userId = request.caller.userId;
    QJsonObject body;
    ApiError error;
    if (!parseJsonObject(request.body, &body, &error))
        return HttpResponse::error(error);
    const TokenClaims claims = claimsOf(request);
    QString storeError;
    const auto session = claims.sessionId.isEmpty() ? std::nullopt : m_store->session(claims.sessionId, &storeError);
    if (!session && !storeError.isEmpty())
        return storeFailure(QStringLiteral("read the session"), storeError);
    if (!session || session->userId != userId)
        return refused(QStringLiteral("the token names no session of this UMS"), QStringLiteral("log in again"));
    if (auto refusal = checkSignedChallenge(userId, body))
        return *refusal;
    if (session->revokedAt != 0 || session->expiresAt <= m_clock())
        return refused(QStringLiteral("the session has ended (logout, or its absolute lifetime is over)"),
                       QStringLiteral("log in again with POST /ums/v1/sessions"));
    return tokenResponse(userId, *session);
}

HttpResponse UmsService::handleLogout(const HttpRequest &request) const
{
    const TokenClaims claims = claimsOf(request);
    if (claims.sessionId.isEmpty())
        return refused(QStringLiteral("the token names no session"), QStringLiteral("log in again"));
    QString storeError;
    const int n = m_store->revokeSessions(request.caller.userId, claims.sessionId, m_clock(), revocationRetainSecs(),
                                          &storeError);
    if (n < 0)
        return storeFailure(QStringLiteral("end the session"), storeError);
    forgetRevocation(claims.sessionId);
    return HttpResponse::json(QJsonObject{{QStringLiteral("revoked"), n}});
}

HttpResponse UmsService::handleRevokeAll(const HttpRequest &request) const
{
    const QString userId = request.params.value(QStringLiteral("userId"));
    if (const auto bad = checkUserIdParam(userId))
        return HttpResponse::error(*bad);
    QString storeError;
    const int n = m_store->revokeSessions(userId, {}, m_clock(), revocationRetainSecs(), &storeError);
    if (n < 0)
        return storeFailure(QStringLiteral("end the sessions"), storeError);
    {
        QMutexLocker lock(&m_revocationLock);
        m_revocations.clear();  // rare: dropping every cached answer is simpler than finding the user's
    }
    return HttpResponse::json(QJsonObject{{QStringLiteral("revoked"), n}});
}

} // namespace mp2p
