// Reads the operator's JSON (format: resources/unis.example.json):
//   networkMap: {resourceId?, defaultPid?, pids: {NAME: {ipv4?: [prefix], ipv6?: [prefix]}}}
//   costMap:    {samePidCost? = 1, defaultCost?, costs: [{src, dst, cost, symmetric? = true,
//                capacityMbps?, policy? = "allow" | "deny"}]}
//   auth:       {realm?, users?: [{name, passwordHash}], tokens?: [{name, token | sha256}],
//                umsPublicKey?: base64url}   (at least one way in is required)
//   tls?:       {certificate, key}      server?: {listen?, port?}
//   limits?:    {maxHeadBytes?, headerTimeoutSecs?, ... (ServerLimits::jsonKeys()),
//                maxEndpoints?, maxPids?, maxPairs?, maxPasswordFailures?,
//                passwordFailureWindowSecs?, maxPasswordChecksPerSec?, maxConcurrentPasswordChecks?}
// Unknown keys are errors: a misspelt key silently ignored would serve the wrong map. Keys
// starting with "_" are comments (JSON has none) and are skipped everywhere.
#include "unisconfig.h"

#include <protocol/keys.h>

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace mp2p {

namespace {

// Walks the JSON with a path for messages and keeps the first error.
class Reader {
public:
    QString error;

    bool ok() const { return error.isEmpty(); }
    bool fail(const QString &path, const QString &message)
    {
        if (error.isEmpty())
            error = path.isEmpty() ? message : QStringLiteral("%1: %2").arg(path, message);
        return false;
    }
    bool onlyKeys(const QJsonObject &object, const QString &path, const QStringList &known)
    {
        for (auto it = object.begin(); it != object.end(); ++it)
            if (!known.contains(it.key()) && !it.key().startsWith(QLatin1Char('_')))  // "_comment" etc.
                return fail(join(path, it.key()), QStringLiteral("unknown field (known here: %1)").arg(known.join(QStringLiteral(", "))));
        return true;
    }
    QJsonObject object(const QJsonObject &parent, const QString &path, const QString &key, bool required)
    {
        const QJsonValue v = parent.value(key);
        if (v.isUndefined() && required)
            fail(join(path, key), QStringLiteral("missing (an object is required)"));
        else if (!v.isUndefined() && !v.isObject())
            fail(join(path, key), QStringLiteral("must be an object"));
        return v.toObject();
    }
    QString string(const QJsonObject &parent, const QString &path, const QString &key, bool required, const QString &fallback = {})
    {
        const QJsonValue v = parent.value(key);
        if (v.isUndefined()) {
            if (required)
                fail(join(path, key), QStringLiteral("missing (a string is required)"));
            return fallback;
        }
        if (!v.isString() || v.toString().isEmpty())
            fail(join(path, key), QStringLiteral("must be a non-empty string"));
        return v.toString();
    }
    std::optional<double> number(const QJsonObject &parent, const QString &path, const QString &key, bool required)
    {
        const QJsonValue v = parent.value(key);
        if (v.isUndefined()) {
            if (required)
                fail(join(path, key), QStringLiteral("missing (a number is required)"));
            return std::nullopt;
        }
        if (!v.isDouble() || v.toDouble() < 0) {
            fail(join(path, key), QStringLiteral("must be a number ≥ 0"));
            return std::nullopt;
        }
        return v.toDouble();
    }
    QJsonArray array(const QJsonObject &parent, const QString &path, const QString &key, bool required)
    {
        const QJsonValue v = parent.value(key);
        if (v.isUndefined() && required)
            fail(join(path, key), QStringLiteral("missing (an array is required)"));
        else if (!v.isUndefined() && !v.isArray())
            fail(join(path, key), QStringLiteral("must be an array"));
        return v.toArray();
    }
    static QString join(const QString &path, const QString &key)
    {
        return path.isEmpty() ? key : path + QLatin1Char('.') + key;
    }
    static QString at(const QString &path, qsizetype index) { return QStringLiteral("%1[%2]").arg(path).arg(index); }
};

// RFC 7285 §10.1 identifiers without '.', which the RFC reserves (e.g. "map.pid").
bool isPidName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_:@-]{1,64}$"));
    return re.match(name).hasMatch();
}

void readPrefixes(Reader &r, const QJsonObject &pid, const QString &path, const QString &family, QList<IpPrefix> *out)
{
    const QJsonArray list = r.array(pid, path, family, false);
    for (qsizetype i = 0; i < list.size() && r.ok(); ++i) {
        const QString where = Reader::at(Reader::join(path, family), i);
        QString why;
        const auto prefix = list.at(i).isString() ? IpPrefix::parse(list.at(i).toString(), &why) : std::nullopt;
        if (!prefix)
            r.fail(where, why.isEmpty() ? QStringLiteral("must be a prefix string") : why);
        else if (prefix->isIpv6() != (family == QLatin1String("ipv6")))
            r.fail(where, QStringLiteral("'%1' is not an %2 prefix").arg(list.at(i).toString(), family));
        else
            out->append(*prefix);
    }
}

void readNetworkMap(Reader &r, const QJsonObject &root, UnisConfig *c)
{
    const QString path = QStringLiteral("networkMap");
    const QJsonObject nm = r.object(root, {}, path, true);
    if (!r.ok() || !r.onlyKeys(nm, path, {QStringLiteral("resourceId"), QStringLiteral("defaultPid"), QStringLiteral("pids")}))
        return;
    c->resourceId = r.string(nm, path, QStringLiteral("resourceId"), false, c->resourceId);
    if (r.ok() && !isPidName(c->resourceId))
        r.fail(path + QStringLiteral(".resourceId"), QStringLiteral("use 1–64 of A–Z a–z 0–9 - _ : @"));
    c->defaultPid = r.string(nm, path, QStringLiteral("defaultPid"), false);
    const QString pidsPath = path + QStringLiteral(".pids");
    const QJsonObject pids = r.object(nm, path, QStringLiteral("pids"), true);
    if (r.ok() && pids.isEmpty())
        r.fail(pidsPath, QStringLiteral("name at least one PID"));
    PrefixTable seen;
    for (auto it = pids.begin(); it != pids.end() && r.ok(); ++it) {
        const QString where = Reader::join(pidsPath, it.key());
        if (!isPidName(it.key())) {
            r.fail(where, QStringLiteral("a PID name has 1–64 of A–Z a–z 0–9 - _ : @"));
            break;
        }
        if (!it.value().isObject() || !r.onlyKeys(it.value().toObject(), where, {QStringLiteral("ipv4"), QStringLiteral("ipv6")})) {
            r.fail(where, QStringLiteral("must be an object {\"ipv4\": [...], \"ipv6\": [...]}"));
            break;
        }
        UnisPid pid;
        readPrefixes(r, it.value().toObject(), where, QStringLiteral("ipv4"), &pid.ipv4);
        readPrefixes(r, it.value().toObject(), where, QStringLiteral("ipv6"), &pid.ipv6);
        for (const IpPrefix &p : pid.ipv4 + pid.ipv6) {
            QString other;
            if (r.ok() && !seen.insert(p, it.key(), &other))
                r.fail(where, QStringLiteral("prefix %1 is already in PID '%2'; a prefix belongs to one PID").arg(p.toString(), other));
        }
        c->pids.insert(it.key(), pid);
    }
    if (r.ok() && !c->defaultPid.isEmpty() && !isPidName(c->defaultPid))
        r.fail(path + QStringLiteral(".defaultPid"), QStringLiteral("a PID name has 1–64 of A–Z a–z 0–9 - _ : @"));
    // The default PID owns 0.0.0.0/0 and ::/0 (RFC 7285 §11.2.1.6 recommends covering the whole space).
    for (const char *all : {"0.0.0.0/0", "::/0"}) {
        QString other;
        QString ignored;
        if (r.ok() && !c->defaultPid.isEmpty() && !seen.insert(*IpPrefix::parse(QLatin1String(all), &ignored), c->defaultPid, &other)
            && other != c->defaultPid)
            r.fail(path + QStringLiteral(".defaultPid"), QStringLiteral("PID '%1' already has %2; drop defaultPid or that prefix").arg(other, QLatin1String(all)));
    }
}

void addLink(Reader &r, UnisConfig *c, const QString &where, const QString &src, const QString &dst, const UnisLink &link)
{
    if (c->links.value(src).contains(dst))
        r.fail(where, QStringLiteral("the cost %1 → %2 is given twice (a symmetric entry covers both directions)").arg(src, dst));
    c->links[src].insert(dst, link);
}

void readCostMap(Reader &r, const QJsonObject &root, UnisConfig *c)
{
    const QString path = QStringLiteral("costMap");
    const QJsonObject cm = r.object(root, {}, path, true);
    if (!r.ok() || !r.onlyKeys(cm, path, {QStringLiteral("samePidCost"), QStringLiteral("defaultCost"), QStringLiteral("costs")}))
        return;
    c->samePidCost = r.number(cm, path, QStringLiteral("samePidCost"), false).value_or(c->samePidCost);
    c->defaultCost = r.number(cm, path, QStringLiteral("defaultCost"), false);
    const QJsonArray costs = r.array(cm, path, QStringLiteral("costs"), true);
    const QStringList known{QStringLiteral("src"), QStringLiteral("dst"), QStringLiteral("cost"), QStringLiteral("symmetric"),
                            QStringLiteral("capacityMbps"), QStringLiteral("policy")};
    for (qsizetype i = 0; i < costs.size() && r.ok(); ++i) {
        const QString where = Reader::at(path + QStringLiteral(".costs"), i);
        const QJsonObject e = costs.at(i).toObject();
        if (!costs.at(i).isObject() || !r.onlyKeys(e, where, known)) {
            r.fail(where, QStringLiteral("must be an object {\"src\", \"dst\", \"cost\"}"));
            break;
        }
        const QString src = r.string(e, where, QStringLiteral("src"), true);
        const QString dst = r.string(e, where, QStringLiteral("dst"), true);
        UnisLink link;
        link.cost = r.number(e, where, QStringLiteral("cost"), true).value_or(0);
        link.capacityMbps = r.number(e, where, QStringLiteral("capacityMbps"), false);
        link.policy = r.string(e, where, QStringLiteral("policy"), false, link.policy);
        if (e.contains(QStringLiteral("symmetric")) && !e.value(QStringLiteral("symmetric")).isBool())
            r.fail(where + QStringLiteral(".symmetric"), QStringLiteral("must be true or false"));
        if (!r.ok())
            break;
        for (const QString &pid : {src, dst})
            if (!c->pids.contains(pid) && pid != c->defaultPid)
                r.fail(where, QStringLiteral("'%1' is not a PID of networkMap.pids").arg(pid));
        if (link.policy != QLatin1String("allow") && link.policy != QLatin1String("deny"))
            r.fail(where + QStringLiteral(".policy"), QStringLiteral("must be \"allow\" or \"deny\""));
        addLink(r, c, where, src, dst, link);
        if (e.value(QStringLiteral("symmetric")).toBool(true) && src != dst)
            addLink(r, c, where, dst, src, link);
    }
}

void readAuth(Reader &r, const QJsonObject &root, UnisConfig *c)
{
    const QString path = QStringLiteral("auth");
    const QJsonObject auth = r.object(root, {}, path, true);
    if (!r.ok() || !r.onlyKeys(auth, path, {QStringLiteral("realm"), QStringLiteral("users"), QStringLiteral("tokens"), QStringLiteral("umsPublicKey")}))
        return;
    c->realm = r.string(auth, path, QStringLiteral("realm"), false, c->realm);
    if (c->realm.contains(QLatin1Char('"')))
        r.fail(path + QStringLiteral(".realm"), QStringLiteral("must not contain '\"'"));
    const QJsonArray users = r.array(auth, path, QStringLiteral("users"), false);
    for (qsizetype i = 0; i < users.size() && r.ok(); ++i) {
        const QString where = Reader::at(path + QStringLiteral(".users"), i);
        const QJsonObject u = users.at(i).toObject();
        if (!r.onlyKeys(u, where, {QStringLiteral("name"), QStringLiteral("passwordHash")}))
            break;
        UnisUser user{r.string(u, where, QStringLiteral("name"), true), r.string(u, where, QStringLiteral("passwordHash"), true).toLatin1()};
        if (r.ok() && (user.name.contains(QLatin1Char(':'))))
            r.fail(where + QStringLiteral(".name"), QStringLiteral("must not contain ':' (HTTP Basic separates name and password with it)"));
        if (r.ok() && !user.passwordHash.startsWith("$argon2"))
            r.fail(where + QStringLiteral(".passwordHash"), QStringLiteral("must be a crypto_pwhash_str hash; make one with mp2p-unis --hash-password"));
        c->users.append(user);
    }
    const QJsonArray tokens = r.array(auth, path, QStringLiteral("tokens"), false);
    for (qsizetype i = 0; i < tokens.size() && r.ok(); ++i) {
        const QString where = Reader::at(path + QStringLiteral(".tokens"), i);
        const QJsonObject t = tokens.at(i).toObject();
        if (!r.onlyKeys(t, where, {QStringLiteral("name"), QStringLiteral("token"), QStringLiteral("sha256")}))
            break;
        UnisStaticToken token{r.string(t, where, QStringLiteral("name"), true), {}};
        const QString plain = r.string(t, where, QStringLiteral("token"), false);
        const QString hash = r.string(t, where, QStringLiteral("sha256"), false);
        if (!r.ok())
            break;
        if (plain.isEmpty() == hash.isEmpty())
            r.fail(where, QStringLiteral("give exactly one of \"token\" and \"sha256\""));
        else if (!plain.isEmpty() && plain.size() < 16)
            r.fail(where + QStringLiteral(".token"), QStringLiteral("must be at least 16 characters (a guessable token is no protection)"));
        else if (!hash.isEmpty() && (hash.size() != 64 || QByteArray::fromHex(hash.toLatin1()).toHex() != hash.toLower().toLatin1()))
            r.fail(where + QStringLiteral(".sha256"), QStringLiteral("must be 64 hex digits"));
        token.sha256 = plain.isEmpty() ? QByteArray::fromHex(hash.toLatin1())
                                       : QCryptographicHash::hash(plain.toUtf8(), QCryptographicHash::Sha256);
        c->tokens.append(token);
    }
    const QString key = r.string(auth, path, QStringLiteral("umsPublicKey"), false);
    if (r.ok() && !key.isEmpty()) {
        const auto raw = fromBase64Url(key.toLatin1());
        if (!raw || raw->size() != KeyPair::PublicKeyBytes)
            r.fail(path + QStringLiteral(".umsPublicKey"), QStringLiteral("must be the UMS Ed25519 public key, base64url (GET /ums/v1/key)"));
        else
            c->umsPublicKey = *raw;
    }
    if (r.ok() && !c->hasAuth())
        r.fail(path, QStringLiteral("configure users, tokens or umsPublicKey: the UNIS serves network details only to authenticated clients"));
}

void readServer(Reader &r, const QJsonObject &root, UnisConfig *c)
{
    const QJsonObject tls = r.object(root, {}, QStringLiteral("tls"), false);
    if (r.ok() && !tls.isEmpty() && r.onlyKeys(tls, QStringLiteral("tls"), {QStringLiteral("certificate"), QStringLiteral("key")})) {
        c->tlsCertificate = r.string(tls, QStringLiteral("tls"), QStringLiteral("certificate"), true);
        c->tlsKey = r.string(tls, QStringLiteral("tls"), QStringLiteral("key"), true);
    }
    const QJsonObject server = r.object(root, {}, QStringLiteral("server"), false);
    if (!r.ok() || !r.onlyKeys(server, QStringLiteral("server"), {QStringLiteral("listen"), QStringLiteral("port")}))
        return;
    const QString listen = r.string(server, QStringLiteral("server"), QStringLiteral("listen"), false);
    if (r.ok() && !listen.isEmpty() && !c->listenAddress.setAddress(listen))
        r.fail(QStringLiteral("server.listen"), QStringLiteral("'%1' is not an IP address").arg(listen));
    const QJsonValue port = server.value(QStringLiteral("port"));
    if (!port.isUndefined() && (!port.isDouble() || port.toDouble() != double(port.toInt(-1)) || port.toInt() < 0 || port.toInt() > 65535))
        r.fail(QStringLiteral("server.port"), QStringLiteral("must be an integer 0..65535"));
    else if (!port.isUndefined())
        c->port = quint16(port.toInt());
}

void readLimits(Reader &r, const QJsonObject &root, UnisConfig *c)
{
    const QJsonObject limits = r.object(root, {}, QStringLiteral("limits"), false);
    const QStringList ownKeys = {QStringLiteral("maxEndpoints"), QStringLiteral("maxPids"), QStringLiteral("maxPairs"),
                                 QStringLiteral("maxPasswordFailures"), QStringLiteral("passwordFailureWindowSecs"),
                                 QStringLiteral("maxPasswordChecksPerSec"), QStringLiteral("maxConcurrentPasswordChecks")};
    if (!r.ok() || !r.onlyKeys(limits, QStringLiteral("limits"), ServerLimits::jsonKeys() + ownKeys))
        return;
    QString field;
    QString expected;
    if (!c->serverLimits.readJson(limits, &field, &expected)) {
        r.fail(QStringLiteral("limits.") + field, QStringLiteral("must be ") + expected);
        return;
    }
    const auto integer = [&](const QString &key, qint64 min, qint64 max, auto *out) {
        const QJsonValue v = limits.value(key);
        if (v.isUndefined())
            return;
        if (!v.isDouble() || v.toDouble() != double(qint64(v.toDouble())) || v.toDouble() < double(min) || v.toDouble() > double(max))
            r.fail(QStringLiteral("limits.") + key, QStringLiteral("must be an integer %1..%2").arg(min).arg(max));
        else
            *out = decltype(+*out)(v.toDouble());
    };
    integer(QStringLiteral("maxEndpoints"), 1, 1'000'000, &c->altoLimits.maxEndpoints);
    integer(QStringLiteral("maxPids"), 1, 1'000'000, &c->altoLimits.maxPids);
    integer(QStringLiteral("maxPairs"), 1, 100'000'000, &c->altoLimits.maxPairs);
    integer(QStringLiteral("maxPasswordFailures"), 1, 1'000'000, &c->passwordLimits.maxFailures);
    integer(QStringLiteral("passwordFailureWindowSecs"), 1, 86'400, &c->passwordLimits.failureWindowSecs);
    integer(QStringLiteral("maxPasswordChecksPerSec"), 1, 1000, &c->passwordLimits.maxChecksPerSecond);
    integer(QStringLiteral("maxConcurrentPasswordChecks"), 1, 64, &c->passwordLimits.maxConcurrentChecks);
}

} // namespace

std::optional<UnisConfig> UnisConfig::parse(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QPair<int, int> lc = lineAndColumn(json, parseError.offset);
        *error = QStringLiteral("line %1, column %2: %3").arg(lc.first).arg(lc.second).arg(parseError.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("line 1: the config must be a JSON object");
        return std::nullopt;
    }
    Reader r;
    UnisConfig c;
    const QJsonObject root = doc.object();
    r.onlyKeys(root, {}, {QStringLiteral("networkMap"), QStringLiteral("costMap"), QStringLiteral("auth"), QStringLiteral("tls"), QStringLiteral("server"), QStringLiteral("limits")});
    if (r.ok())
        readNetworkMap(r, root, &c);
    if (r.ok())
        readCostMap(r, root, &c);
    if (r.ok())
        readAuth(r, root, &c);
    if (r.ok())
        readServer(r, root, &c);
    if (r.ok())
        readLimits(r, root, &c);
    if (!r.ok()) {
        *error = r.error;
        return std::nullopt;
    }
    return c;
}

} // namespace mp2p
