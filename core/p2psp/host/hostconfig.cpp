#include "hostconfig.h"

#include <protocol/keys.h>

#include <QFile>
#include <QRegularExpression>
#include <QJsonArray>
#include <QJsonDocument>

namespace mp2p {

QStringList HostConfig::knownServices()
{
    return {QStringLiteral("ums"), QStringLiteral("ixs"), QStringLiteral("oms"), QStringLiteral("pams")};
}

QStringList HostConfig::knownRoles()
{
    return {QStringLiteral("cs"), QStringLiteral("rs")};
}

namespace {
QStringList stringArray(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray items = value.toArray();
    for (const QJsonValue &v : items)
        out.append(v.toString());
    return out;
}

bool wrongType(const QString &path, const QString &key, const char *expected, QString *error)
{
    *error = QStringLiteral("%1: the field '%2' must be %3").arg(path, key, QLatin1String(expected));
    return false;
}
} // namespace

bool HostConfig::loadFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the config file %1: %2").arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QStringLiteral("%1 is not a JSON object: %2 at byte %3")
                     .arg(path, parseError.errorString())
                     .arg(parseError.offset);
        return false;
    }
    const QJsonObject o = doc.object();
    const QStringList known = {QStringLiteral("services"), QStringLiteral("listen"), QStringLiteral("port"),
                               QStringLiteral("dataDir"), QStringLiteral("publicUrl"), QStringLiteral("logLevel"),
                               QStringLiteral("maxBodyBytes"), QStringLiteral("tls"), QStringLiteral("remote"),
                               QStringLiteral("unis"), QStringLiteral("relays"), QStringLiteral("umsPublicKey"),
                               QStringLiteral("umsKeyWaitSecs"), QStringLiteral("ums"), QStringLiteral("ixs"),
                               QStringLiteral("oms"), QStringLiteral("pams"), QStringLiteral("cs"),
                               QStringLiteral("rs"), QStringLiteral("operators"), QStringLiteral("serviceKey"),
                               QStringLiteral("limits"), QStringLiteral("rateLimits"),
                               QStringLiteral("revocationPollSecs")};
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!known.contains(it.key())) {
            *error = QStringLiteral("%1: unknown field '%2' (known: %3)").arg(path, it.key(), known.join(QStringLiteral(", ")));
            return false;
        }
    }
    if (o.contains(QStringLiteral("services"))) {
        if (!o.value(QStringLiteral("services")).isArray())
            return wrongType(path, QStringLiteral("services"), "an array of service names", error);
        services = stringArray(o.value(QStringLiteral("services")));
    }
    if (o.contains(QStringLiteral("listen"))) {
        if (listenAddress.setAddress(o.value(QStringLiteral("listen")).toString()); listenAddress.isNull())
            return wrongType(path, QStringLiteral("listen"), "an IP address", error);
    }
    if (o.contains(QStringLiteral("port"))) {
        const int p = o.value(QStringLiteral("port")).toInt(-1);
        if (p < 0 || p > 65535)
            return wrongType(path, QStringLiteral("port"), "a port number 0..65535", error);
        port = quint16(p);
    }
    dataDir = o.value(QStringLiteral("dataDir")).toString(dataDir);
    publicUrl = o.value(QStringLiteral("publicUrl")).toString(publicUrl);
    logLevel = o.value(QStringLiteral("logLevel")).toString(logLevel);
    if (o.contains(QStringLiteral("maxBodyBytes"))) {
        maxBodyBytes = qint64(o.value(QStringLiteral("maxBodyBytes")).toDouble(-1));
        if (maxBodyBytes < 1024)
            return wrongType(path, QStringLiteral("maxBodyBytes"), "a number of bytes >= 1024", error);
    }
    if (o.contains(QStringLiteral("limits"))) {
        if (!o.value(QStringLiteral("limits")).isObject())
            return wrongType(path, QStringLiteral("limits"), "an object of server limits", error);
        const QJsonObject l = o.value(QStringLiteral("limits")).toObject();
        const QStringList knownLimits = ServerLimits::jsonKeys();
        for (auto it = l.begin(); it != l.end(); ++it) {
            if (!knownLimits.contains(it.key())) {
                *error = QStringLiteral("%1: unknown field 'limits.%2' (known: %3)").arg(path, it.key(), knownLimits.join(QStringLiteral(", ")));
                return false;
            }
        }
        QString field;
        QString expected;
        if (!limits.readJson(l, &field, &expected))
            return wrongType(path, QStringLiteral("limits.") + field, qPrintable(expected), error);
    }
    const QJsonObject tls = o.value(QStringLiteral("tls")).toObject();
    tlsCertificate = tls.value(QStringLiteral("certificate")).toString(tlsCertificate);
    tlsKey = tls.value(QStringLiteral("key")).toString(tlsKey);
    tlsCa = tls.value(QStringLiteral("ca")).toString(tlsCa);
    const QJsonObject remote = o.value(QStringLiteral("remote")).toObject();
    for (auto it = remote.begin(); it != remote.end(); ++it) {
        if (!knownServices().contains(it.key()) || !it.value().isString())
            return wrongType(path, QStringLiteral("remote.") + it.key(), "the URL of a known service", error);
        remoteUrls.insert(it.key(), it.value().toString());
    }
    if (o.contains(QStringLiteral("unis")))
        unisUrls = stringArray(o.value(QStringLiteral("unis")));
    if (o.contains(QStringLiteral("relays")))
        relayUrls = stringArray(o.value(QStringLiteral("relays")));
    umsPublicKey = o.value(QStringLiteral("umsPublicKey")).toString(umsPublicKey);
    umsKeyWaitSecs = o.value(QStringLiteral("umsKeyWaitSecs")).toInt(umsKeyWaitSecs);
    if (o.contains(QStringLiteral("revocationPollSecs"))) {
        const QJsonValue v = o.value(QStringLiteral("revocationPollSecs"));
        if (!v.isDouble() || v.toDouble() != double(v.toInt()))
            return wrongType(path, QStringLiteral("revocationPollSecs"), "a whole number of seconds from 1 to 60", error);
        revocationPollSecs = v.toInt();
    }
    if (o.contains(QStringLiteral("operators"))) {
        if (!o.value(QStringLiteral("operators")).isArray())
            return wrongType(path, QStringLiteral("operators"), "an array of user ids", error);
        operators = stringArray(o.value(QStringLiteral("operators")));
    }
    const QJsonObject limitObject = o.value(QStringLiteral("rateLimits")).toObject();
    for (auto it = limitObject.begin(); it != limitObject.end(); ++it) {
        const QJsonObject rule = it.value().toObject();
        const int count = rule.value(QStringLiteral("count")).toInt(-1);
        const int window = rule.value(QStringLiteral("windowSecs")).toInt(-1);
        if (count < 1 || count > 10'000'000 || window < 1 || window > 7 * 86400)
            return wrongType(path, QStringLiteral("rateLimits.") + it.key(),
                             "{\"count\": 1..10000000, \"windowSecs\": 1..604800}", error);
        rateLimits.insert(it.key(), {count, window});
    }
    if (o.contains(QStringLiteral("serviceKey"))) {
        if (!o.value(QStringLiteral("serviceKey")).isString())
            return wrongType(path, QStringLiteral("serviceKey"), "a string of at least 32 characters", error);
        serviceKey = o.value(QStringLiteral("serviceKey")).toString();
    }
    for (const QString &name : allRunnable()) {
        if (o.contains(name)) {
            if (!o.value(name).isObject())
                return wrongType(path, name, "an object of that service's settings", error);
            sections.insert(name, o.value(name).toObject());
        }
    }
    return true;
}

bool HostConfig::validate(QString *error) const
{
    if (services.isEmpty()) {
        *error = QStringLiteral("no services to run; name at least one of: %1").arg(allRunnable().join(QStringLiteral(", ")));
        return false;
    }
    for (const QString &s : services) {
        if (!allRunnable().contains(s)) {
            *error = QStringLiteral("unknown service '%1'; known services: %2").arg(s, allRunnable().join(QStringLiteral(", ")));
            return false;
        }
    }
    if (dataDir.isEmpty()) {
        *error = QStringLiteral("no data folder; set --data-dir or \"dataDir\" in the config file");
        return false;
    }
    if (tlsCertificate.isEmpty() != tlsKey.isEmpty()) {
        *error = QStringLiteral("TLS needs both a certificate and a key");
        return false;
    }
    for (const QString &op : operators) {
        if (!isValidUserId(op)) {
            *error = QStringLiteral("\"operators\" must list user ids (40 lower-case hex characters: `mp2p login` prints "
                                    "a peer's, a dedicated RS logs its own at start); '%1' is not one").arg(op.left(64));
            return false;
        }
    }
    if (!serviceKey.isEmpty() && (serviceKey.size() < 32 || serviceKey.size() > 256
                                  || serviceKey.contains(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]"))))) {
        *error = QStringLiteral("\"serviceKey\" must be 32 to 256 characters of A-Z, a-z, 0-9, '-' or '_' "
                                "(e.g. `head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d =`)");
        return false;
    }
    if (revocationPollSecs < 1 || revocationPollSecs > 60) {
        *error = QStringLiteral("\"revocationPollSecs\" must be 1 to 60 seconds (it is %1): a logout must reach every "
                                "server within a minute").arg(revocationPollSecs);
        return false;
    }
    // A cache is a client of a provider, not a server: it checks no tokens.
    QStringList servers = services;
    for (const QString &role : knownRoles())
        servers.removeAll(role);
    const bool needsTokens = !servers.isEmpty() && (servers.size() > 1 || !runs(QStringLiteral("ums")));
    if (needsTokens && !runs(QStringLiteral("ums")) && umsPublicKey.isEmpty() && !remoteUrls.contains(QStringLiteral("ums"))) {
        *error = QStringLiteral("the UMS does not run here, so this server needs its public key to check tokens: "
                                "set --ums-url (or \"remote\": {\"ums\": URL}) or --ums-public-key");
        return false;
    }
    // Logouts reach this server through the UMS's revocation feed, which only the provider's
    // servers may read: without the key every token would be refused as unverifiable.
    if (needsTokens && !runs(QStringLiteral("ums")) && remoteUrls.contains(QStringLiteral("ums")) && serviceKey.isEmpty()) {
        *error = QStringLiteral("the UMS runs elsewhere, so this server reads logouts from it with the provider's service "
                                "key: set \"serviceKey\" in the config or MP2P_SERVICE_KEY (the same on every mp2pd)");
        return false;
    }
    return true;
}

} // namespace mp2p
