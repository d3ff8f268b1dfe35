#pragma once

#include <QByteArray>

namespace mp2p {

// Password hashing for HTTP Basic users of the UNIS: libsodium's crypto_pwhash_str (Argon2id,
// "interactive" limits: about 64 MiB and a fraction of a second per check). Lives here and not
// in protocol/keys.h because only the UNIS has passwords (users elsewhere log in with keys);
// it could move there if another server needs it.
QByteArray hashPassword(const QByteArray &password);      // empty on failure (out of memory)
bool verifyPassword(const QByteArray &hash, const QByteArray &password);

} // namespace mp2p
