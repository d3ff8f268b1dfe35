#pragma once

#include "stunmessage.h"

#include <QHash>
#include <QString>

#include <functional>

namespace mp2p {

// Who a TURN user name stands for. Static users are themselves; a TURN REST name
// "<expiry>:<userId>[+<overlayId>]" carries the mp2p user id and, when the P2PSP handed the
// credential out for one overlay, that overlay (after '+', so coturn, which splits at the
// first ':' only, accepts the same name).
struct RelayIdentity {
    QString username;
    QString userId;
    QString overlayId;
    static RelayIdentity fromUsername(const QString &username);
};

// Long-term credentials for our RS: a static user:password list and/or the shared secret of
// the "TURN REST API" scheme (coturn --use-auth-secret --static-auth-secret=S), and stateless
// nonces (expiry + HMAC of it), so no per-client state is needed before authentication.
class RelayAuth {
public:
    enum class Verdict { Ok, Unauthorized, StaleNonce, BadRequest };

    RelayAuth();
    void setRealm(const QString &realm) { m_realm = realm; }
    QString realm() const { return m_realm; }
    void setUsers(const QHash<QString, QString> &users) { m_users = users; }
    // May change at runtime (the OMS issues the secret over ORCP). The one it replaces stays
    // valid as well, so allocations made with credentials minted from it keep refreshing.
    void setSecret(const QByteArray &secret);
    QByteArray secret() const { return m_secret; }
    void setClock(std::function<qint64()> nowUnix) { m_now = std::move(nowUnix); }
    void setNonceLifetime(int seconds) { m_nonceLifetime = seconds; }

    QString newNonce() const;
    // Checks USERNAME, REALM, NONCE and MESSAGE-INTEGRITY of a raw request; on Ok fills the key.
    Verdict check(const stun::Message &request, const QByteArray &raw, QByteArray *key, QString *why) const;

    // Ephemeral credentials a P2PSP hands out (valid for |ttlSeconds|).
    static QString restUsernameFor(qint64 expiryUnix, const QString &userId, const QString &overlayId = {});

private:
    std::optional<QString> passwordFor(const QString &username, const QByteArray &secret, QString *why) const;

    QString m_realm = QStringLiteral("mp2p");
    QHash<QString, QString> m_users;
    QByteArray m_secret;
    QByteArray m_previousSecret;
    QByteArray m_nonceKey;
    int m_nonceLifetime = 600;
    std::function<qint64()> m_now;
};

} // namespace mp2p
