#include "consentrecord.h"

#include "../../protocol/jsonfields.h"

#include <QStringList>

namespace mp2p {

namespace {
constexpr qint64 MaxValue = (qint64(1) << 53) - 1;
}

QString volunteerRoleName(VolunteerRoleKind role)
{
    return role == VolunteerRoleKind::Relay ? QStringLiteral("relay") : QStringLiteral("cache");
}

std::optional<VolunteerRoleKind> volunteerRoleFromName(const QString &name)
{
    if (name == QLatin1String("relay"))
        return VolunteerRoleKind::Relay;
    if (name == QLatin1String("cache"))
        return VolunteerRoleKind::Cache;
    return std::nullopt;
}

bool VolunteerLimits::allowsHour(int hour) const
{
    if (startHour == endHour || (startHour == 0 && endHour == 24))
        return true;  // all day
    if (startHour < endHour)
        return hour >= startHour && hour < endHour;
    return hour >= startHour || hour < endHour;  // wraps midnight, e.g. 22–7
}

QByteArray canonicalConsentMessage(const ConsentFields &f)
{
    const VolunteerLimits &l = f.limits;
    return QStringList{QStringLiteral("mp2p-consent"), QString::number(f.version), f.userId, volunteerRoleName(f.role),
                       f.revoked ? QStringLiteral("revoke") : QStringLiteral("grant"), QString::number(f.time),
                       QString::number(l.uploadBytesPerSec), QString::number(l.diskQuotaBytes),
                       QString::number(l.maxRelayedConnections), QString::number(l.startHour), QString::number(l.endHour)}
        .join(QLatin1Char('|'))
        .toUtf8();
}

ConsentRecord signConsent(const KeyPair &key, ConsentFields fields)
{
    fields.userId = userIdForPublicKey(key.publicKey());
    ConsentRecord r{fields, key.publicKey(), {}};
    r.signature = key.sign(canonicalConsentMessage(r.fields));
    return r;
}

bool verifyConsent(const ConsentRecord &r)
{
    return r.publicKey.size() == KeyPair::PublicKeyBytes && userIdForPublicKey(r.publicKey) == r.fields.userId
           && r.signature.size() == KeyPair::SignatureBytes
           && verifySignature(r.publicKey, canonicalConsentMessage(r.fields), r.signature);
}

QJsonObject consentToJson(const ConsentRecord &r)
{
    const VolunteerLimits &l = r.fields.limits;
    return {{QStringLiteral("version"), r.fields.version},
            {QStringLiteral("userId"), r.fields.userId},
            {QStringLiteral("role"), volunteerRoleName(r.fields.role)},
            {QStringLiteral("revoked"), r.fields.revoked},
            {QStringLiteral("time"), r.fields.time},
            {QStringLiteral("limits"), QJsonObject{{QStringLiteral("uploadBytesPerSec"), l.uploadBytesPerSec},
                                                   {QStringLiteral("diskQuotaBytes"), l.diskQuotaBytes},
                                                   {QStringLiteral("maxRelayedConnections"), l.maxRelayedConnections},
                                                   {QStringLiteral("startHour"), l.startHour},
                                                   {QStringLiteral("endHour"), l.endHour}}},
            {QStringLiteral("publicKey"), QString::fromLatin1(toBase64Url(r.publicKey))},
            {QStringLiteral("signature"), QString::fromLatin1(toBase64Url(r.signature))}};
}

std::optional<ConsentRecord> consentFromJson(const QJsonObject &object, ApiError *error)
{
    JsonFields in(object);
    ConsentRecord r;
    ConsentFields &f = r.fields;
    f.version = int(in.integer(QStringLiteral("version"), JsonFields::Required, 1, 1));
    f.userId = in.string(QStringLiteral("userId"), JsonFields::Required, 40, 40);
    if (in.ok() && !isHex(f.userId, 40))
        in.fail(QStringLiteral("userId"), QStringLiteral("invalid_value"), QStringLiteral("a user id is 40 lower-case hex characters"));
    const QString role = in.choice(QStringLiteral("role"), JsonFields::Required, {QStringLiteral("relay"), QStringLiteral("cache")});
    f.role = volunteerRoleFromName(role).value_or(VolunteerRoleKind::Relay);
    f.revoked = in.boolean(QStringLiteral("revoked"), JsonFields::Required);
    f.time = in.integer(QStringLiteral("time"), JsonFields::Required, 0, MaxValue);
    const QJsonObject limits = in.object(QStringLiteral("limits"), JsonFields::Required);
    if (in.ok()) {
        JsonFields l(limits, QStringLiteral("limits"));
        f.limits.uploadBytesPerSec = l.integer(QStringLiteral("uploadBytesPerSec"), JsonFields::Required, 0, MaxValue);
        f.limits.diskQuotaBytes = l.integer(QStringLiteral("diskQuotaBytes"), JsonFields::Required, 0, MaxValue);
        f.limits.maxRelayedConnections = int(l.integer(QStringLiteral("maxRelayedConnections"), JsonFields::Required, 0, 100000));
        f.limits.startHour = int(l.integer(QStringLiteral("startHour"), JsonFields::Required, 0, 23));
        f.limits.endHour = int(l.integer(QStringLiteral("endHour"), JsonFields::Required, 0, 24));
        if (!l.ok()) {
            *error = l.error();
            return std::nullopt;
        }
    }
    auto binary = [&](const QString &key, int size) {
        const QString text = in.string(key, JsonFields::Required, 1, 200);
        const auto decoded = in.ok() ? fromBase64Url(text.toLatin1()) : std::nullopt;
        if (in.ok() && (!decoded || decoded->size() != size))
            in.fail(key, QStringLiteral("invalid_value"), QStringLiteral("must be base64url (no padding) of %1 bytes").arg(size));
        return decoded.value_or(QByteArray());
    };
    r.publicKey = binary(QStringLiteral("publicKey"), KeyPair::PublicKeyBytes);
    r.signature = binary(QStringLiteral("signature"), KeyPair::SignatureBytes);
    if (!in.ok()) {
        *error = in.error();
        return std::nullopt;
    }
    return r;
}

} // namespace mp2p
