#pragma once

#include "keys.h"

#include <QByteArray>
#include <QCache>
#include <QMutex>
#include <QString>

namespace mp2p {

// The UMS's short-lived access token: "v1.<claims>.<signature>", both parts base64url, the
// claims a compact JSON object {"sub": user id, "aud": audience, "sid": session id, "iat":
// issued, "exp": expires (unix seconds)}, the signature Ed25519 by the UMS key over
// "v1.<claims>". Any server holding the UMS public key verifies it without asking the UMS
// (BRIEF §2). The audience names who may accept it: a token a peer hands to an ISP's UNIS or
// to a volunteer's relay is refused by the provider's own services, so whoever runs those
// cannot act as the user at the provider.
struct TokenClaims {
    QString userId;
    QString audience;
    QString sessionId;  // the login that issued it; revoked sessions are refused
    qint64 issuedAt = 0;
    qint64 expiresAt = 0;
};

namespace audience {
inline const QString P2psp = QStringLiteral("p2psp");  // the provider's UMS, IXS, OMS, PAMS
inline const QString Unis = QStringLiteral("unis");    // an ISP's ALTO server
inline const QString Relay = QStringLiteral("rs");     // a relay server, dedicated or volunteer
} // namespace audience

class TokenIssuer {
public:
    explicit TokenIssuer(KeyPair key) : m_key(std::move(key)) {}
    QString issue(const QString &userId, qint64 nowSecs, qint64 ttlSecs,
                  const QString &tokenAudience = audience::P2psp, const QString &sessionId = {}) const;
    const QByteArray &publicKey() const { return m_key.publicKey(); }

private:
    KeyPair m_key;
};

enum class TokenStatus { Valid, Malformed, BadSignature, Expired, NotYetValid };

class TokenVerifier {
public:
    explicit TokenVerifier(QByteArray umsPublicKey);

    TokenStatus verify(const QString &token, qint64 nowSecs, TokenClaims *claims) const;
    static QString describe(TokenStatus status);
    const QByteArray &publicKey() const { return m_publicKey; }

private:
    QByteArray m_publicKey;
    // Signature checks cost ~50 µs; a tracker sees the same token on every announce, so the
    // claims of tokens whose signature already checked out are remembered (expiry is still
    // checked on every call).
    mutable QMutex m_cacheLock;
    mutable QCache<QByteArray, TokenClaims> m_verified{20000};
};

// Clock skew tolerated between servers, in seconds.
inline constexpr qint64 TokenClockSkewSecs = 60;

} // namespace mp2p
