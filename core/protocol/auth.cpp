#include "auth.h"

#include <QDateTime>

namespace mp2p {

Clock systemClock()
{
    return [] { return QDateTime::currentSecsSinceEpoch(); };
}

Authenticator::Authenticator(const TokenVerifier *verifier, Clock clock, QString tokenAudience, QSet<QString> operators)
    : m_verifier(verifier)
    , m_clock(std::move(clock))
    , m_audience(std::move(tokenAudience))
    , m_operators(std::move(operators))
{
}

std::optional<Caller> Authenticator::authenticate(const HttpRequest &request, ApiError *error) const
{
    const QByteArray header = request.header("authorization");
    if (header.isEmpty()) {
        *error = ApiError::unauthorized(QStringLiteral("this request needs a token and none was sent"));
        error->hint = QStringLiteral("log in at the UMS and send 'Authorization: Bearer <token>'");
        return std::nullopt;
    }
    if (!header.startsWith("Bearer ")) {
        *error = ApiError::unauthorized(QStringLiteral("the Authorization header must be 'Bearer <token>'"));
        return std::nullopt;
    }
    if (header.startsWith("Bearer svc.")) {
        if (!m_serviceKey.isEmpty() && constantTimeEquals(header, serviceAuthorization(m_serviceKey)))
            return Caller{QString::fromLatin1(ServiceCaller), true};
        *error = ApiError::unauthorized(QStringLiteral("the service key is wrong"));
        error->hint = QStringLiteral("give every mp2pd of the provider the same \"serviceKey\"");
        return std::nullopt;
    }
    const std::optional<QString> user = userFromToken(QString::fromLatin1(header.mid(7).trimmed()), error);
    if (!user)
        return std::nullopt;
    return Caller{*user, m_operators.contains(*user)};
}

std::optional<QString> Authenticator::userFromToken(const QString &token, ApiError *error) const
{
    if (!m_verifier) {
        *error = ApiError::unauthorized(QStringLiteral("this server cannot check tokens yet (no UMS key)"));
        return std::nullopt;
    }
    TokenClaims claims;
    const TokenStatus status = m_verifier->verify(token, m_clock(), &claims);
    if (status != TokenStatus::Valid) {
        *error = ApiError::unauthorized(TokenVerifier::describe(status));
        return std::nullopt;
    }
    if (claims.audience != m_audience) {
        *error = ApiError::unauthorized(
            QStringLiteral("the token is for '%1', not for this server ('%2')").arg(claims.audience, m_audience));
        error->hint = QStringLiteral("ask the UMS for a token whose audience is '%1'").arg(m_audience);
        return std::nullopt;
    }
    if (m_isRevoked && m_isRevoked(claims)) {
        *error = ApiError::unauthorized(QStringLiteral("the token's session was ended (logout or key change)"));
        error->hint = QStringLiteral("log in again");
        return std::nullopt;
    }
    return claims.userId;
}

} // namespace mp2p
