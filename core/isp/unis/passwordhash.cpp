#include "passwordhash.h"

#include <protocol/keys.h>

#include <sodium.h>

namespace mp2p {

QByteArray hashPassword(const QByteArray &password)
{
    if (!initCrypto())
        return {};
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.constData(), static_cast<unsigned long long>(password.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return {};
    return QByteArray(out);
}

bool verifyPassword(const QByteArray &hash, const QByteArray &password)
{
    if (!initCrypto() || hash.isEmpty() || hash.size() >= crypto_pwhash_STRBYTES)
        return false;
    const QByteArray terminated = hash + '\0';  // crypto_pwhash_str_verify wants a C string
    return crypto_pwhash_str_verify(terminated.constData(), password.constData(),
                                    static_cast<unsigned long long>(password.size())) == 0;
}

} // namespace mp2p
