#pragma once

#include "../base/apierror.h"
#include "../base/httprouter.h"
#include "token.h"

#include <functional>

namespace mp2p {

using Clock = std::function<qint64()>;  // unix seconds; tests pass a fake
Clock systemClock();

// Checks the bearer token of a request that writes. Returns the caller's user id, or sets a
// 401 ApiError that says why (missing, malformed, forged or expired token).
class Authenticator {
public:
    Authenticator(const TokenVerifier *verifier, Clock clock);

    std::optional<QString> userFromHeader(const HttpRequest &request, ApiError *error) const;
    std::optional<QString> userFromToken(const QString &token, ApiError *error) const;

private:
    const TokenVerifier *m_verifier;
    Clock m_clock;
};

} // namespace mp2p
