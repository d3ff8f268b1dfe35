#pragma once

#include "../base/apierror.h"
#include "../base/httprouter.h"
#include "token.h"

#include <QSet>

#include <functional>

namespace mp2p {

using Clock = std::function<qint64()>;  // unix seconds; tests pass a fake
Clock systemClock();

// Checks the bearer token of a request for one audience, and tells operators apart. Routes name
// it in their policy (RoutePolicy::user(&auth)); the router calls it before the handler.
class Authenticator : public RequestAuthenticator {
public:
    // `operators`: user ids the provider's config names as operators.
    Authenticator(const TokenVerifier *verifier, Clock clock, QString tokenAudience = audience::P2psp,
                  QSet<QString> operators = {});

    std::optional<Caller> authenticate(const HttpRequest &request, ApiError *error) const override;
    // For credentials that do not come in the Authorization header.
    std::optional<QString> userFromToken(const QString &token, ApiError *error) const;
    // Called with each valid token's claims; true refuses it (a revoked session).
    void setRevocationCheck(std::function<bool(const TokenClaims &)> isRevoked) { m_isRevoked = std::move(isRevoked); }
    void setOperators(QSet<QString> operators) { m_operators = std::move(operators); }
    // The secret the provider's own servers send to each other (R1, remote consent and credit
    // look-ups) as "Bearer svc.<key>"; such a caller counts as an operator. Empty: none.
    void setServiceKey(QByteArray key) { m_serviceKey = std::move(key); }
    static QByteArray serviceAuthorization(const QByteArray &key) { return "Bearer svc." + key; }
    static constexpr const char *ServiceCaller = "service";
    bool isOperator(const QString &userId) const { return m_operators.contains(userId); }
    const QString &tokenAudience() const { return m_audience; }

private:
    const TokenVerifier *m_verifier;
    Clock m_clock;
    QString m_audience;
    QSet<QString> m_operators;
    QByteArray m_serviceKey;
    std::function<bool(const TokenClaims &)> m_isRevoked;
};

} // namespace mp2p
