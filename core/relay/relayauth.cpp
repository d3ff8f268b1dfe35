#include "relayauth.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace mp2p {

using namespace stun;

RelayIdentity RelayIdentity::fromUsername(const QString &username)
{
    RelayIdentity id{username, username, {}};
    const int colon = username.indexOf(u':');
    bool numeric = false;
    if (colon > 0)
        username.left(colon).toLongLong(&numeric);
    if (!numeric)
        return id;
    const QString rest = username.mid(colon + 1);
    const int plus = rest.indexOf(u'+');
    id.userId = plus < 0 ? rest : rest.left(plus);
    id.overlayId = plus < 0 ? QString() : rest.mid(plus + 1);
    return id;
}

RelayAuth::RelayAuth()
    : m_nonceKey(QByteArray::number(QRandomGenerator::system()->generate64(), 16)
                 + QByteArray::number(QRandomGenerator::system()->generate64(), 16)),
      m_now([] { return QDateTime::currentSecsSinceEpoch(); })
{
}

QString RelayAuth::restUsernameFor(qint64 expiryUnix, const QString &userId, const QString &overlayId)
{
    return restUsername(expiryUnix, overlayId.isEmpty() ? userId : userId + u'+' + overlayId);
}

QString RelayAuth::newNonce() const
{
    const QByteArray expiry = QByteArray::number(m_now() + m_nonceLifetime, 16);
    const QByteArray mac = QMessageAuthenticationCode::hash(expiry, m_nonceKey, QCryptographicHash::Sha1);
    return QString::fromLatin1(expiry + '.' + mac.toHex().left(16));
}

void RelayAuth::setSecret(const QByteArray &secret)
{
    if (secret == m_secret)
        return;
    m_previousSecret = m_secret;
    m_secret = secret;
}

std::optional<QString> RelayAuth::passwordFor(const QString &username, const QByteArray &secret, QString *why) const
{
    if (const auto it = m_users.constFind(username); it != m_users.cend())
        return *it;
    if (secret.isEmpty()) {
        *why = QStringLiteral("unknown user");
        return std::nullopt;
    }
    const int colon = username.indexOf(u':');
    bool ok = false;
    const qint64 expiry = colon > 0 ? username.left(colon).toLongLong(&ok) : 0;
    if (!ok) {
        *why = QStringLiteral("user name is not \"<expiry>:<user>\"");
        return std::nullopt;
    }
    if (expiry < m_now()) {
        *why = QStringLiteral("credential expired");
        return std::nullopt;
    }
    return restPassword(secret, username);
}

RelayAuth::Verdict RelayAuth::check(const Message &request, const QByteArray &raw, QByteArray *key,
                                    QString *why) const
{
    const auto username = request.string(Username);
    const auto realm = request.string(Realm);
    const auto nonce = request.string(Nonce);
    if (!request.find(MessageIntegrity) || !username || !realm || !nonce) {
        *why = QStringLiteral("authentication required");
        return (username || realm || nonce) && !request.find(MessageIntegrity) ? Verdict::BadRequest
                                                                                : Verdict::Unauthorized;
    }
    if (username->size() > 513 || *realm != m_realm) {
        *why = QStringLiteral("wrong realm or over-long user name");
        return Verdict::Unauthorized;
    }
    const QStringList parts = nonce->split(u'.');
    bool ok = false;
    const qint64 expiry = parts.size() == 2 ? parts[0].toLongLong(&ok, 16) : 0;
    const QByteArray mac = QMessageAuthenticationCode::hash(parts.value(0).toLatin1(), m_nonceKey,
                                                            QCryptographicHash::Sha1).toHex().left(16);
    if (!ok || parts[1].toLatin1() != mac) {
        *why = QStringLiteral("nonce not issued here");
        return Verdict::Unauthorized;
    }
    const auto password = passwordFor(*username, m_secret, why);
    if (!password)
        return Verdict::Unauthorized;
    QByteArray k = longTermKey(*username, *realm, *password);
    if (!Message::verifyIntegrity(raw, k)) {
        // Credentials minted from the secret before the last change are still good.
        const auto previous = m_previousSecret.isEmpty() || m_users.contains(*username)
            ? std::nullopt : passwordFor(*username, m_previousSecret, why);
        k = previous ? longTermKey(*username, *realm, *previous) : QByteArray();
        if (!previous || !Message::verifyIntegrity(raw, k)) {
            *why = QStringLiteral("wrong password");
            return Verdict::Unauthorized;
        }
    }
    if (expiry < m_now()) {
        *why = QStringLiteral("stale nonce");
        return Verdict::StaleNonce;
    }
    *key = k;
    return Verdict::Ok;
}

} // namespace mp2p
