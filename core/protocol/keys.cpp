#include "keys.h"

#include <QFile>
#include <QFileInfo>
#include <QDir>
#include <QSaveFile>

#include <sodium.h>

namespace mp2p {

bool initCrypto()
{
    return sodium_init() >= 0;
}

KeyPair KeyPair::generate()
{
    initCrypto();
    KeyPair kp;
    kp.m_publicKey.resize(crypto_sign_PUBLICKEYBYTES);
    kp.m_secretKey.resize(crypto_sign_SECRETKEYBYTES);
    crypto_sign_keypair(reinterpret_cast<unsigned char *>(kp.m_publicKey.data()),
                        reinterpret_cast<unsigned char *>(kp.m_secretKey.data()));
    return kp;
}

std::optional<KeyPair> KeyPair::fromSecretKey(const QByteArray &secretKey)
{
    initCrypto();
    if (secretKey.size() != crypto_sign_SECRETKEYBYTES)
        return std::nullopt;
    KeyPair kp;
    kp.m_secretKey = secretKey;
    kp.m_publicKey.resize(crypto_sign_PUBLICKEYBYTES);
    crypto_sign_ed25519_sk_to_pk(reinterpret_cast<unsigned char *>(kp.m_publicKey.data()),
                                 reinterpret_cast<const unsigned char *>(secretKey.constData()));
    // The secret key embeds the public key; a file whose halves disagree is corrupt.
    if (kp.m_publicKey != secretKey.right(crypto_sign_PUBLICKEYBYTES))
        return std::nullopt;
    return kp;
}

std::optional<KeyPair> KeyPair::loadOrCreate(const QString &path, QString *error)
{
    QFile existing(path);
    if (existing.exists()) {
        if (!existing.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QStringLiteral("cannot read the key file %1: %2").arg(path, existing.errorString());
            return std::nullopt;
        }
        const auto decoded = fromBase64Url(existing.readAll().trimmed());
        auto kp = decoded ? fromSecretKey(*decoded) : std::nullopt;
        if (!kp && error)
            *error = QStringLiteral("the key file %1 is damaged (not an Ed25519 secret key); restore it from a "
                                    "backup, or move it away to create a new identity")
                         .arg(path);
        return kp;
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        if (error)
            *error = QStringLiteral("cannot create the folder for the key file %1").arg(path);
        return std::nullopt;
    }
    KeyPair kp = generate();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(toBase64Url(kp.m_secretKey) + '\n') < 0 || !file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write the key file %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return kp;
}

QByteArray KeyPair::sign(const QByteArray &message) const
{
    QByteArray signature(crypto_sign_BYTES, '\0');
    crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char *>(message.constData()),
                         static_cast<unsigned long long>(message.size()),
                         reinterpret_cast<const unsigned char *>(m_secretKey.constData()));
    return signature;
}

bool verifySignature(const QByteArray &publicKey, const QByteArray &message, const QByteArray &signature)
{
    if (publicKey.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES)
        return false;
    initCrypto();
    return crypto_sign_verify_detached(reinterpret_cast<const unsigned char *>(signature.constData()),
                                       reinterpret_cast<const unsigned char *>(message.constData()),
                                       static_cast<unsigned long long>(message.size()),
                                       reinterpret_cast<const unsigned char *>(publicKey.constData()))
           == 0;
}

QString userIdForPublicKey(const QByteArray &publicKey)
{
    initCrypto();
    QByteArray digest(20, '\0');
    crypto_generichash(reinterpret_cast<unsigned char *>(digest.data()), size_t(digest.size()),
                       reinterpret_cast<const unsigned char *>(publicKey.constData()),
                       static_cast<unsigned long long>(publicKey.size()), nullptr, 0);
    return QString::fromLatin1(digest.toHex());
}

bool isValidUserId(const QString &userId)
{
    if (userId.size() != 40)
        return false;
    for (QChar c : userId) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return true;
}

QByteArray randomBytes(int count)
{
    initCrypto();
    QByteArray out(count, '\0');
    randombytes_buf(out.data(), size_t(count));
    return out;
}

QByteArray toBase64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> fromBase64Url(const QByteArray &text)
{
    auto result = QByteArray::fromBase64Encoding(text, QByteArray::Base64UrlEncoding
                                                           | QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return std::nullopt;
    return *result;
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    return a.size() == b.size() && sodium_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

} // namespace mp2p
