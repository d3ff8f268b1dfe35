#pragma once

#include "../../base/apierror.h"
#include "../../protocol/keys.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace mp2p {

// A volunteer's consent (issue 7): which role it shares, within which limits, signed with the
// user's Ed25519 key, so the PAMS (and anyone auditing it) can check the user really agreed.
// A revocation is the same record with revoked = true and a later time. Shared by the peer
// (core/user/volunteer) and the PAMS; it belongs in core/protocol once the lead moves it.
enum class VolunteerRoleKind { Relay, Cache };
QString volunteerRoleName(VolunteerRoleKind role);  // "relay", "cache"
std::optional<VolunteerRoleKind> volunteerRoleFromName(const QString &name);

struct VolunteerLimits {
    qint64 uploadBytesPerSec = 0;     // 0 = no limit
    qint64 diskQuotaBytes = 0;        // cache only
    int maxRelayedConnections = 0;    // relay only; 0 = no limit
    int startHour = 0;                // the role runs from startHour:00 (local time) ...
    int endHour = 24;                 // ... until endHour:00; 22–7 wraps midnight; 0–24 = always
    bool operator==(const VolunteerLimits &) const = default;
    // Whether `hour` (0..23) lies in the consented hours.
    bool allowsHour(int hour) const;
};

struct ConsentFields {
    int version = 1;
    QString userId;
    VolunteerRoleKind role = VolunteerRoleKind::Relay;
    VolunteerLimits limits;
    qint64 time = 0;        // unix seconds when granted or revoked
    bool revoked = false;
};

struct ConsentRecord {
    ConsentFields fields;
    QByteArray publicKey;   // the user's Ed25519 key (its hash is userId)
    QByteArray signature;   // over canonicalConsentMessage(fields)
};

// "mp2p-consent|1|<userId>|<role>|<grant|revoke>|<time>|<upload>|<disk>|<maxRelayed>|<startHour>|<endHour>"
QByteArray canonicalConsentMessage(const ConsentFields &fields);
ConsentRecord signConsent(const KeyPair &key, ConsentFields fields);  // sets userId from the key
bool verifyConsent(const ConsentRecord &record);                     // key ↔ id and signature

// {"version", "userId", "role", "revoked", "time", "limits": {"uploadBytesPerSec",
//  "diskQuotaBytes", "maxRelayedConnections", "startHour", "endHour"}, "publicKey", "signature"}
QJsonObject consentToJson(const ConsentRecord &record);
std::optional<ConsentRecord> consentFromJson(const QJsonObject &object, ApiError *error);

} // namespace mp2p
