#include "token.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace mp2p {

namespace {
const QByteArray Prefix = QByteArrayLiteral("v1.");
}

QString TokenIssuer::issue(const QString &userId, qint64 nowSecs, qint64 ttlSecs, const QString &tokenAudience,
                          const QString &sessionId) const
{
    QJsonObject claims{{QStringLiteral("sub"), userId},
                       {QStringLiteral("aud"), tokenAudience},
                       {QStringLiteral("iat"), nowSecs},
                       {QStringLiteral("exp"), nowSecs + ttlSecs}};
    if (!sessionId.isEmpty())
        claims.insert(QStringLiteral("sid"), sessionId);
    const QByteArray signedPart = Prefix + toBase64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    return QString::fromLatin1(signedPart + '.' + toBase64Url(m_key.sign(signedPart)));
}

TokenVerifier::TokenVerifier(QByteArray umsPublicKey)
    : m_publicKey(std::move(umsPublicKey))
{
}

TokenStatus TokenVerifier::verify(const QString &token, qint64 nowSecs, TokenClaims *claims) const
{
    const QByteArray text = token.toLatin1();
    TokenClaims found;
    bool cached = false;
    {
        QMutexLocker lock(&m_cacheLock);
        if (const TokenClaims *c = m_verified.object(text)) {
            found = *c;
            cached = true;
        }
    }
    if (!cached) {
        if (text.size() > 2048 || !text.startsWith(Prefix))
            return TokenStatus::Malformed;
        const int dot = text.lastIndexOf('.');
        if (dot <= Prefix.size())
            return TokenStatus::Malformed;
        const QByteArray signedPart = text.left(dot);
        const auto payload = fromBase64Url(signedPart.mid(Prefix.size()));
        const auto signature = fromBase64Url(text.mid(dot + 1));
        if (!payload || !signature)
            return TokenStatus::Malformed;
        if (!verifySignature(m_publicKey, signedPart, *signature))
            return TokenStatus::BadSignature;
        const QJsonObject o = QJsonDocument::fromJson(*payload).object();
        found.userId = o.value(QStringLiteral("sub")).toString();
        found.audience = o.value(QStringLiteral("aud")).toString();
        found.sessionId = o.value(QStringLiteral("sid")).toString();
        found.issuedAt = qint64(o.value(QStringLiteral("iat")).toDouble(-1));
        found.expiresAt = qint64(o.value(QStringLiteral("exp")).toDouble(-1));
        if (!isValidUserId(found.userId) || found.audience.isEmpty() || found.issuedAt < 0
            || found.expiresAt < found.issuedAt)
            return TokenStatus::Malformed;
        QMutexLocker lock(&m_cacheLock);
        m_verified.insert(text, new TokenClaims(found));
    }
    if (nowSecs >= found.expiresAt + TokenClockSkewSecs)
        return TokenStatus::Expired;
    if (found.issuedAt > nowSecs + TokenClockSkewSecs)
        return TokenStatus::NotYetValid;
    if (claims)
        *claims = found;
    return TokenStatus::Valid;
}

QString TokenVerifier::describe(TokenStatus status)
{
    switch (status) {
    case TokenStatus::Valid: return QStringLiteral("the token is valid");
    case TokenStatus::Malformed: return QStringLiteral("the token is malformed");
    case TokenStatus::BadSignature: return QStringLiteral("the token is not signed by this provider's UMS");
    case TokenStatus::Expired: return QStringLiteral("the token has expired");
    case TokenStatus::NotYetValid: return QStringLiteral("the token is not valid yet (check the clock)");
    }
    return {};
}

} // namespace mp2p
