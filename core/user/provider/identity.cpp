#include "identity.h"

#include <QDir>
#include <QFile>

namespace mp2p {

std::optional<Identity> Identity::loadOrCreate(const QString &dataDir, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (!initCrypto())
        return fail(QStringLiteral("libsodium could not be initialised; the identity key cannot be used"));
    if (dataDir.isEmpty())
        return fail(QStringLiteral("no data folder was given for the identity key; pass the app data folder"));
    if (!QDir().mkpath(dataDir))
        return fail(QStringLiteral("cannot create the data folder %1; check its permissions or choose another folder")
                        .arg(QDir::toNativeSeparators(dataDir)));
    const QString path = QDir(dataDir).filePath(QStringLiteral("identity.key"));
    QString why;
    // KeyPair::loadOrCreate never overwrites an existing file: a damaged key stays for the
    // user to restore, since replacing it would silently make them a different user.
    auto key = KeyPair::loadOrCreate(path, &why);
    if (!key)
        return fail(why);
    // The stored secret key carries its public half; a file whose public half was changed
    // loads, but every login would then be refused. A signature it cannot verify tells.
    const QByteArray probe = QByteArrayLiteral("mp2p-identity-check");
    if (!verifySignature(key->publicKey(), probe, key->sign(probe)))
        return fail(QStringLiteral("the key file %1 is damaged (its public key does not belong to its secret key); "
                                   "restore it from a backup, or move it away to create a new identity")
                        .arg(QDir::toNativeSeparators(path)));
    // A key file copied in from elsewhere may be readable by others: the secret must not be.
    QFile file(path);
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (!file.setPermissions(ownerOnly))
        return fail(QStringLiteral("cannot restrict the key file %1 to its owner (mode 0600); fix its permissions")
                        .arg(QDir::toNativeSeparators(path)));
    Identity identity;
    identity.userId = userIdForPublicKey(key->publicKey());
    identity.key = std::move(*key);
    return identity;
}

} // namespace mp2p
