#pragma once

#include <QString>

#include <optional>

namespace mp2p {

// R7 (OMS -> UMS): what the OMS may ask about a user. In one mp2pd it is an in-process call
// into the UMS; with the UMS elsewhere it is an HTTP client over GET /ums/v1/users/{userId}.
class UserDirectory {
public:
    virtual ~UserDirectory() = default;
    // The user's reputation, or nothing when the UMS does not know the user.
    virtual std::optional<int> reputationOf(const QString &userId) const = 0;
    // The user whose tracker passkey this is, or nothing (unknown, or rotated away).
    virtual std::optional<QString> userForPasskey(const QString &) const { return std::nullopt; }
};

} // namespace mp2p
