#include "umsprofile.h"

#include <protocol/jsonfields.h>
#include <protocol/keys.h>

#include <QJsonArray>

namespace mp2p {

namespace {

// Names and network details end up in other users' screens and in logs; control characters
// (newlines, escape sequences) have no place there.
bool hasControlCharacters(const QString &text)
{
    for (QChar c : text) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return true;
    }
    return false;
}

// A field the contract does not define is refused rather than silently dropped, so a client
// with a typo (or one trying to set its own reputation) hears about it.
bool rejectUnknownFields(const QJsonObject &object, const QStringList &allowed, const QString &prefix,
                         ApiError *error)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (allowed.contains(it.key()))
            continue;
        const QString field = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        QString message = QStringLiteral("the field '%1' is not accepted here; allowed: %2")
                              .arg(field, allowed.join(QStringLiteral(", ")));
        if (prefix.isEmpty() && it.key() == QLatin1String("reputation"))
            message = QStringLiteral("'reputation' is kept by the provider and cannot be set by clients");
        *error = ApiError::badRequest(QStringLiteral("invalid_value"), message, field);
        return false;
    }
    return true;
}

QString readDisplayName(JsonFields &in, const QString &fallback)
{
    const QString name = in.string(QStringLiteral("displayName"), JsonFields::Optional, 1, MaxDisplayNameLength,
                                   fallback);
    if (in.ok() && hasControlCharacters(name))
        in.fail(QStringLiteral("displayName"), QStringLiteral("invalid_value"),
                QStringLiteral("the field 'displayName' must not contain control characters"));
    return name;
}

// JSON null counts as "not given", as it does in JsonFields.
bool given(const QJsonObject &object, const QString &key)
{
    const QJsonValue v = object.value(key);
    return !v.isUndefined() && !v.isNull();
}

bool parseNetwork(const QJsonObject &network, QJsonObject *out, ApiError *error)
{
    const QStringList allowed{QStringLiteral("addresses"), QStringLiteral("isp"), QStringLiteral("nat")};
    if (!rejectUnknownFields(network, allowed, QStringLiteral("network"), error))
        return false;
    JsonFields in(network, QStringLiteral("network"));
    const QStringList addresses = in.stringList(QStringLiteral("addresses"), JsonFields::Optional,
                                                MaxNetworkAddresses, MaxNetworkAddressLength);
    const QString isp = in.string(QStringLiteral("isp"), JsonFields::Optional, 1, MaxIspLength);
    const QString nat = in.string(QStringLiteral("nat"), JsonFields::Optional, 1, MaxNatLength);
    for (const QString &a : addresses) {
        if (hasControlCharacters(a) || a.contains(QLatin1Char(' ')))
            in.fail(QStringLiteral("addresses"), QStringLiteral("invalid_value"),
                    QStringLiteral("network.addresses must hold addresses without spaces or control characters"));
    }
    if (hasControlCharacters(isp) || hasControlCharacters(nat))
        in.fail(hasControlCharacters(isp) ? QStringLiteral("isp") : QStringLiteral("nat"),
                QStringLiteral("invalid_value"), QStringLiteral("network.isp and network.nat must be plain text"));
    if (!in.ok()) {
        *error = in.error();
        return false;
    }
    QJsonObject clean;
    if (given(network, QStringLiteral("addresses")))
        clean.insert(QStringLiteral("addresses"), QJsonArray::fromStringList(addresses));
    if (!isp.isEmpty())
        clean.insert(QStringLiteral("isp"), isp);
    if (!nat.isEmpty())
        clean.insert(QStringLiteral("nat"), nat);
    *out = clean;
    return true;
}

} // namespace

QJsonObject profileJson(const UserRecord &user)
{
    return {{QStringLiteral("userId"), user.userId},
            {QStringLiteral("publicKey"), QString::fromLatin1(toBase64Url(user.publicKey))},
            {QStringLiteral("displayName"), user.displayName},
            {QStringLiteral("network"), user.network},
            {QStringLiteral("reputation"), user.reputation},
            {QStringLiteral("createdAt"), user.createdAt},
            {QStringLiteral("updatedAt"), user.updatedAt}};
}

bool parseRegistration(const QJsonObject &body, Registration *out, ApiError *error)
{
    if (!rejectUnknownFields(body, {QStringLiteral("publicKey"), QStringLiteral("displayName")}, {}, error))
        return false;
    JsonFields in(body);
    // 32 bytes are 43 base64url characters; the bound only stops absurd inputs early.
    const QString keyText = in.string(QStringLiteral("publicKey"), JsonFields::Required, 1, 128);
    out->displayName = readDisplayName(in, {});
    if (in.ok()) {
        const auto key = fromBase64Url(keyText.toLatin1());
        if (!key || keyText.contains(QLatin1Char('=')))
            in.fail(QStringLiteral("publicKey"), QStringLiteral("invalid_value"),
                    QStringLiteral("the field 'publicKey' must be base64url without padding"));
        else if (key->size() != KeyPair::PublicKeyBytes)
            in.fail(QStringLiteral("publicKey"), QStringLiteral("invalid_value"),
                    QStringLiteral("the field 'publicKey' must be an Ed25519 public key of %1 bytes (it has %2)")
                        .arg(KeyPair::PublicKeyBytes)
                        .arg(key->size()));
        else
            out->publicKey = *key;
    }
    if (!in.ok()) {
        *error = in.error();
        return false;
    }
    return true;
}

bool parseProfileUpdate(const QJsonObject &body, ProfileUpdate *out, ApiError *error)
{
    if (!rejectUnknownFields(body, {QStringLiteral("displayName"), QStringLiteral("network")}, {}, error))
        return false;
    JsonFields in(body);
    const QString name = readDisplayName(in, {});
    const QJsonObject network = in.object(QStringLiteral("network"), JsonFields::Optional);
    if (!in.ok()) {
        *error = in.error();
        return false;
    }
    const bool nameGiven = given(body, QStringLiteral("displayName"));
    const bool networkGiven = given(body, QStringLiteral("network"));
    if (!nameGiven && !networkGiven) {
        *error = ApiError::badRequest(QStringLiteral("missing_field"),
                                      QStringLiteral("send 'displayName' and/or 'network' to change the profile"));
        return false;
    }
    out->displayName = nameGiven ? std::optional<QString>(name) : std::nullopt;
    out->network.reset();
    if (networkGiven) {
        QJsonObject clean;
        if (!parseNetwork(network, &clean, error))
            return false;
        out->network = clean;
    }
    return true;
}

} // namespace mp2p
