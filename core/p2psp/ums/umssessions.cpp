// Login over R13: challenge, signed answer, token; and token refresh.
#include "umsservice.h"

#include <protocol/jsonfields.h>
#include <protocol/keys.h>

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

} // namespace

HttpResponse UmsService::tokenResponse(const QString &userId) const
{
    const qint64 now = m_clock();
    return HttpResponse::json({{QStringLiteral("token"), m_issuer->issue(userId, now, m_tokenTtlSecs)},
                               {QStringLiteral("userId"), userId},
                               {QStringLiteral("expiresAt"), now + m_tokenTtlSecs}},
                              201);
}

HttpResponse UmsService::handleChallenge(const HttpRequest &request) const
{
    QJsonObject body;
    ApiError error;
    if (!parseJsonObject(request.body, &body, &error))
        return HttpResponse::error(error);
    JsonFields in(body);
    const QString userId = in.string(QStringLiteral("userId"), JsonFields::Required, 40, 40);
    if (in.ok() && !isValidUserId(userId))
        in.fail(QStringLiteral("userId"), QStringLiteral("invalid_value"),
                QStringLiteral("the field 'userId' must be 40 lower-case hex characters"));
    if (!in.ok())
        return HttpResponse::error(in.error());
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
    if (!m_store->addChallenge(challenge, now, ChallengeTtlSecs, &storeError))
        return storeFailure(QStringLiteral("store the challenge"), storeError);
    return HttpResponse::json({{QStringLiteral("challengeId"), challenge.challengeId},
                               {QStringLiteral("challenge"), challenge.challenge},
                               {QStringLiteral("expiresAt"), challenge.expiresAt}},
                              201);
}

HttpResponse UmsService::handleSession(const HttpRequest &request) const
{
    QJsonObject body;
    ApiError error;
    if (!parseJsonObject(request.body, &body, &error))
        return HttpResponse::error(error);
    JsonFields in(body);
    const QString userId = in.string(QStringLiteral("userId"), JsonFields::Required, 40, 40);
    const QString challengeId = in.string(QStringLiteral("challengeId"), JsonFields::Required, 32, 32);
    const QString signatureText = in.string(QStringLiteral("signature"), JsonFields::Required, 1, 128);
    const auto signature = fromBase64Url(signatureText.toLatin1());
    if (in.ok() && !isValidUserId(userId))
        in.fail(QStringLiteral("userId"), QStringLiteral("invalid_value"),
                QStringLiteral("the field 'userId' must be 40 lower-case hex characters"));
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
    return tokenResponse(userId);
}

HttpResponse UmsService::handleRefresh(const HttpRequest &request) const
{
    const QString *userId = &request.caller.userId;
    QString storeError;
    if (!m_store->user(*userId, &storeError)) {
        if (!storeError.isEmpty())
            return storeFailure(QStringLiteral("read the user"), storeError);
        return refused(QStringLiteral("the token's user is not registered here"),
                       QStringLiteral("register and log in again"));
    }
    return tokenResponse(*userId);
}

} // namespace mp2p
