#pragma once

#include <protocol/keys.h>

#include <QString>

#include <optional>

namespace mp2p {

// The user's identity: an Ed25519 key pair in <dataDir>/identity.key (mode 0600), created on
// first run. The user id derives from the public key (BRIEF §2): no passwords.
struct Identity {
    KeyPair key;
    QString userId;

    static std::optional<Identity> loadOrCreate(const QString &dataDir, QString *error);
};

} // namespace mp2p
