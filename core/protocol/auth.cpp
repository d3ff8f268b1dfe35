#include "auth.h"

#include <QDateTime>

namespace mp2p {

Clock systemClock()
{
    return [] { return QDateTime::currentSecsSinceEpoch(); };
}

Authenticator::Authenticator(const TokenVerifier *verifier, Clock clock)
    : m_verifier(verifier)
    , m_clock(std::move(clock))
{
}

std::optional<QString> Authenticator::userFromHeader(const HttpRequest &request, ApiError *error) const
{
    const QByteArray header = request.header("authorization");
    if (header.isEmpty()) {
        *error = ApiError::unauthorized(QStringLiteral("this request needs a token and none was sent"));
        return std::nullopt;
    }
    if (!header.startsWith("Bearer ")) {
        *error = ApiError::unauthorized(QStringLiteral("the Authorization header must be 'Bearer <token>'"));
        return std::nullopt;
    }
    return userFromToken(QString::fromLatin1(header.mid(7).trimmed()), error);
}

std::optional<QString> Authenticator::userFromToken(const QString &token, ApiError *error) const
{
    TokenClaims claims;
    const TokenStatus status = m_verifier->verify(token, m_clock(), &claims);
    if (status != TokenStatus::Valid) {
        *error = ApiError::unauthorized(TokenVerifier::describe(status));
        return std::nullopt;
    }
    return claims.userId;
}

} // namespace mp2p
