#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace mp2p {

// An Ed25519 key pair (libsodium). Users, the UMS and later caches/relays each have one.
class KeyPair {
public:
    static constexpr int PublicKeyBytes = 32;
    static constexpr int SecretKeyBytes = 64;
    static constexpr int SignatureBytes = 64;

    static KeyPair generate();
    static std::optional<KeyPair> fromSecretKey(const QByteArray &secretKey);
    // Loads the key from `path`, or creates it there (mode 0600, written atomically) when the
    // file does not exist. A file that exists but is not a key is an error, never overwritten.
    static std::optional<KeyPair> loadOrCreate(const QString &path, QString *error);

    const QByteArray &publicKey() const { return m_publicKey; }
    const QByteArray &secretKey() const { return m_secretKey; }
    QByteArray sign(const QByteArray &message) const;

private:
    QByteArray m_publicKey;
    QByteArray m_secretKey;
};

bool verifySignature(const QByteArray &publicKey, const QByteArray &message, const QByteArray &signature);

// The user id: lower-case hex of a 20-byte BLAKE2b hash of the Ed25519 public key.
QString userIdForPublicKey(const QByteArray &publicKey);
bool isValidUserId(const QString &userId);

QByteArray randomBytes(int count);
// Compares secrets in time that does not depend on where they differ (libsodium).
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);
QByteArray toBase64Url(const QByteArray &bytes);
std::optional<QByteArray> fromBase64Url(const QByteArray &text);

// Must be called once before any other function here (idempotent, thread-safe).
bool initCrypto();

} // namespace mp2p
