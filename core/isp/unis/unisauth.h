#pragma once

#include "passwordthrottle.h"
#include "unisconfig.h"

#include <base/httprouter.h>
#include <protocol/auth.h>
#include <protocol/token.h>

#include <QHash>
#include <QMutex>

#include <memory>
#include <optional>

namespace mp2p {

// Who is asking, for the log: "basic:oms", "token:oms-static", "ums:<user id>".
struct UnisPrincipal {
    QString id;
};

// Every UNIS request is authenticated (BRIEF §2: the UNIS exposes network details):
// - HTTP Basic with a configured user (password checked against its crypto_pwhash_str hash);
// - Bearer with an operator-issued static token (compared by SHA-256), or
// - Bearer with a UMS access token (Ed25519, checked with the configured UMS public key), so
//   logged-in peers and the OMS get in with what they already have.
// A failure answers 401 with WWW-Authenticate for each configured scheme and an ALTO error body;
// password guessing is throttled (PasswordThrottle: 429 or 503 with Retry-After).
class UnisAuth {
public:
    // `throttle` is shared across config reloads; nullptr = one of its own.
    UnisAuth(const UnisConfig &config, Clock clock, std::shared_ptr<PasswordThrottle> throttle = nullptr);

    std::optional<UnisPrincipal> authenticate(const HttpRequest &request, HttpResponse *denied) const;

private:
    std::optional<UnisPrincipal> basic(const QByteArray &credentials, const QHostAddress &from, QString *why,
                                       std::optional<PasswordThrottle::Refusal> *refusal) const;
    HttpResponse throttled(const PasswordThrottle::Refusal &refusal) const;
    std::optional<UnisPrincipal> bearer(const QByteArray &token, QString *why) const;
    HttpResponse deny(const QString &why, bool badToken) const;

    QString m_realm;
    QHash<QString, QByteArray> m_passwordHashes;  // user → hash
    QHash<QByteArray, QString> m_tokens;          // SHA-256 of token → name
    std::unique_ptr<TokenVerifier> m_umsVerifier;
    Clock m_clock;
    std::shared_ptr<PasswordThrottle> m_throttle;
    // Argon2 costs ~0.1 s and 64 MiB per check, and an ALTO client sends the same Basic
    // credentials on every request: remember which (user, password, hash) checked out, for a
    // while. Keyed by a SHA-256, so no password is kept in memory.
    mutable QMutex m_cacheLock;
    mutable QHash<QByteArray, qint64> m_verifiedBasic;  // → valid until (unix seconds)
};

} // namespace mp2p
