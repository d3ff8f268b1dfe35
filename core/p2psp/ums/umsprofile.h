#pragma once

#include "umsstore.h"

#include <base/apierror.h>

#include <QJsonObject>

#include <optional>

namespace mp2p {

// The JSON forms of R13's user profile, and the checks on what clients send.

inline constexpr int MaxDisplayNameLength = 64;
inline constexpr int MaxNetworkAddresses = 16;
inline constexpr int MaxNetworkAddressLength = 128;
inline constexpr int MaxIspLength = 128;
inline constexpr int MaxNatLength = 32;

// {"userId", "publicKey", "displayName", "network", "reputation", "createdAt", "updatedAt"}; the
// service sets "reputation" to the stored value plus the credit's share and adds "credit".
QJsonObject profileJson(const UserRecord &user);

// POST /ums/v1/users: {"publicKey": b64url(32 bytes), "displayName"?}
struct Registration {
    QByteArray publicKey;   // raw 32 bytes
    QString displayName;    // "" when not given
};
bool parseRegistration(const QJsonObject &body, Registration *out, ApiError *error);

// PUT /ums/v1/users/{userId}/profile: {"displayName"?, "network"?: {"addresses"?, "isp"?, "nat"?}}
struct ProfileUpdate {
    std::optional<QString> displayName;
    std::optional<QJsonObject> network;  // replaces the stored network object as a whole
};
bool parseProfileUpdate(const QJsonObject &body, ProfileUpdate *out, ApiError *error);

} // namespace mp2p
