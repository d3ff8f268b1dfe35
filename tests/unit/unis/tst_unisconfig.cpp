#include "unisfixture.h"

#include <isp/unis/altomaps.h>

#include <QTest>

using namespace mp2p;
using namespace mp2p::test;

// The operator's config: every error names its field (or line), and the prefix → PID lookup.
class TstUnisConfig : public QObject {
    Q_OBJECT

    static QByteArray baseText()
    {
        return QJsonDocument(baseConfigJson("$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA", {})).toJson(QJsonDocument::Indented);
    }
    static QString errorOf(const QByteArray &text)
    {
        QString error;
        const auto config = UnisConfig::parse(text, &error);
        return config ? QStringLiteral("(parsed)") : error;
    }
    static AltoMapsPtr baseMaps() { return AltoMaps::fromConfig(parseOrDie(baseConfigJson("$argon2id$x", {}))); }
    static QByteArray replaced(QByteArray text, const QByteArray &from, const QByteArray &to)
    {
        if (!text.contains(from))
            qFatal("test text has no %s", from.constData());
        return text.replace(from, to);
    }

private Q_SLOTS:
    void exampleFileParses()
    {
        QString error;
        const auto config = UnisConfig::loadFile(QFINDTESTDATA("../../../resources/unis.example.json"), &error);
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->pids.keys(), (QStringList{QStringLiteral("isp-a"), QStringLiteral("isp-b"), QStringLiteral("isp-c")}));
        QCOMPARE(config->cost(QStringLiteral("isp-a"), QStringLiteral("isp-a")).value(), 1.0);
        QCOMPARE(config->cost(QStringLiteral("isp-b"), QStringLiteral("isp-a")).value(), 10.0);
        QCOMPARE(config->cost(QStringLiteral("isp-c"), QStringLiteral("isp-a")).value(), 50.0);
        QCOMPARE(config->users.size(), 1);
        QVERIFY(verifyPassword(config->users.first().passwordHash, "change-me-unis-demo"));
        const auto maps = AltoMaps::fromConfig(*config);
        QCOMPARE(maps->pidOf(QHostAddress(QStringLiteral("127.2.9.9"))).value(), QStringLiteral("isp-b"));
        QCOMPARE(maps->pidOf(QHostAddress(QStringLiteral("192.0.2.1"))).value(), QStringLiteral("default"));
    }

    void baseParsesWithDefaults()
    {
        const UnisConfig c = parseOrDie(baseConfigJson("$argon2id$x", {}));
        QCOMPARE(c.resourceId, QStringLiteral("default-network-map"));
        QCOMPARE(c.realm, QStringLiteral("mp2p-unis"));
        QCOMPARE(c.port, quint16(7900));
        QCOMPARE(c.tokens.size(), 1);
        QCOMPARE(c.tokens.first().sha256.size(), 32);
        QCOMPARE(c.pids.value(QStringLiteral("isp-b")).ipv4.size(), 2);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        const QByteArray b = baseText();
        QTest::newRow("not an object") << QByteArray("[1]") << "line 1: the config must be a JSON object";
        QTest::newRow("unknown top key") << replaced(b, "\"costMap\"", "\"costmap\"") << "costmap: unknown field";
        QTest::newRow("unknown nested key") << replaced(b, "\"defaultCost\"", "\"defaultcost\"") << "costMap.defaultcost: unknown field";
        QTest::newRow("missing networkMap") << replaced(b, "\"networkMap\"", "\"_networkMap\"") << "networkMap: missing";
        QTest::newRow("pids not object") << QByteArray(R"({"networkMap": {"pids": []}})") << "networkMap.pids: must be an object";
        QTest::newRow("no pids") << QByteArray(R"({"networkMap": {"pids": {}}})") << "networkMap.pids: name at least one PID";
        QTest::newRow("bad pid name") << replaced(b, "\"isp-a\": {", "\"isp a\": {") << "networkMap.pids.isp a: a PID name";
        QTest::newRow("pid not object") << QByteArray(R"({"networkMap": {"pids": {"x": 1}}})") << "networkMap.pids.x: must be an object";
        QTest::newRow("prefix too long") << replaced(b, "127.1.0.0/16", "127.1.0.0/33") << "networkMap.pids.isp-a.ipv4[0]: '127.1.0.0/33' is not";
        QTest::newRow("no length") << replaced(b, "127.1.0.0/16", "127.1.0.0") << "networkMap.pids.isp-a.ipv4[0]: '127.1.0.0' is not a prefix";
        QTest::newRow("host bits") << replaced(b, "127.1.0.0/16", "127.1.0.5/16") << "did you mean 127.1.0.0/16?";
        QTest::newRow("v6 host bits") << replaced(b, "fd00:a::/32", "fd00:a::1/32") << "did you mean fd00:a::/32?";
        QTest::newRow("v6 in ipv4") << replaced(b, "127.1.0.0/16", "fd00:9::/32") << "networkMap.pids.isp-a.ipv4[0]: 'fd00:9::/32' is not an ipv4 prefix";
        QTest::newRow("prefix not string") << replaced(b, "\"127.1.0.0/16\"", "17") << "networkMap.pids.isp-a.ipv4[0]: must be a prefix string";
        QTest::newRow("same prefix twice") << replaced(b, "127.3.0.0/16", "127.2.0.0/16") << "prefix 127.2.0.0/16 is already in PID 'isp-b'";
        QTest::newRow("default pid clash") << replaced(b, "127.1.0.0/16", "0.0.0.0/0") << "networkMap.defaultPid: PID 'isp-a' already has 0.0.0.0/0";
        QTest::newRow("cost not number") << replaced(b, "\"cost\": 10", "\"cost\": \"10\"") << "costMap.costs[0].cost: must be a number";
        QTest::newRow("cost negative") << replaced(b, "\"cost\": 20", "\"cost\": -1") << "costMap.costs[1].cost: must be a number ≥ 0";
        QTest::newRow("cost missing") << replaced(b, "\"cost\": 50", "\"_cost\": 50") << "costMap.costs[2].cost: missing";
        QTest::newRow("unknown pid in cost") << replaced(b, "\"dst\": \"isp-c\"", "\"dst\": \"isp-x\"") << "costMap.costs[1]: 'isp-x' is not a PID";
        QTest::newRow("pair twice") << replaced(b, "\"dst\": \"isp-c\"", "\"dst\": \"isp-a\"") << "is given twice";
        QTest::newRow("bad policy") << replaced(b, "\"cost\": 10", "\"cost\": 10, \"policy\": \"maybe\"") << "costMap.costs[0].policy: must be \"allow\" or \"deny\"";
        QTest::newRow("bad symmetric") << replaced(b, "\"cost\": 10", "\"cost\": 10, \"symmetric\": 1") << "costMap.costs[0].symmetric: must be true or false";
        QTest::newRow("missing auth") << replaced(b, "\"auth\"", "\"_auth\"") << "auth: missing";
        QTest::newRow("bad hash") << replaced(b, "$argon2id$v=19", "plaintext") << "auth.users[0].passwordHash: must be a crypto_pwhash_str hash";
        QTest::newRow("colon in user") << replaced(b, "\"oms\"", "\"o:ms\"") << "auth.users[0].name: must not contain ':'";
        QTest::newRow("short token") << replaced(b, StaticToken, "short") << "auth.tokens[0].token: must be at least 16";
        QTest::newRow("token and hash") << replaced(b, "\"name\": \"ops\"", "\"name\": \"ops\", \"sha256\": \"00\"") << "auth.tokens[0]: give exactly one";
    }

    void errors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        const QString error = errorOf(text);
        QVERIFY2(error.contains(expected), qPrintable(QStringLiteral("got: ") + error));
    }

    void moreErrors()
    {
        const QByteArray b = baseText();
        QVERIFY(errorOf(replaced(b, "\"auth\": {", "\"auth\": {\"umsPublicKey\": \"AAAA\",")).contains(QStringLiteral("auth.umsPublicKey: must be the UMS")));
        QVERIFY(errorOf(replaced(b, "\"auth\": {", "\"server\": {\"port\": 70000}, \"auth\": {")).contains(QStringLiteral("server.port: must be an integer")));
        QVERIFY(errorOf(replaced(b, "\"auth\": {", "\"server\": {\"listen\": \"nowhere\"}, \"auth\": {")).contains(QStringLiteral("server.listen: 'nowhere'")));
        QVERIFY(errorOf(replaced(b, "\"auth\": {", "\"tls\": {\"certificate\": \"a.pem\"}, \"auth\": {")).contains(QStringLiteral("tls.key: missing")));
        // No way in at all: refused, the UNIS must not serve anonymous clients.
        const QByteArray noAuth = R"({"networkMap": {"pids": {"a": {"ipv4": ["127.1.0.0/16"]}}}, "costMap": {"costs": []}, "auth": {}})";
        QVERIFY(errorOf(noAuth).startsWith(QStringLiteral("auth: configure users, tokens or umsPublicKey")));
        QCOMPARE(errorOf(replaced(noAuth, "\"auth\": {}", "\"auth\": {\"tokens\": [{\"name\": \"t\", \"sha256\": \"" + QByteArray(64, 'a') + "\"}]}")),
                 QStringLiteral("(parsed)"));
    }

    void syntaxErrorNamesLineAndColumn()
    {
        const QByteArray good = baseText();
        QByteArray broken = replaced(good, "\"defaultCost\": 40", "\"defaultCost\": 40,,");
        const int line = int(broken.left(broken.indexOf(",,")).count('\n')) + 1;
        const QString error = errorOf(broken);
        QVERIFY2(error.startsWith(QStringLiteral("line %1, column ").arg(line)), qPrintable(error));
        QCOMPARE(lineAndColumn("ab\ncd\nef", 7), qMakePair(3, 2));
    }

    void loadFileNamesTheFile()
    {
        QString error;
        QVERIFY(!UnisConfig::loadFile(QStringLiteral("/nonexistent/unis.json"), &error));
        QVERIFY(error.startsWith(QStringLiteral("/nonexistent/unis.json: cannot read")));
    }

    void longestPrefixMatch_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("pid");
        QTest::newRow("v4 a") << "127.1.2.3" << "isp-a";
        QTest::newRow("v4 b") << "127.2.255.254" << "isp-b";
        QTest::newRow("v4 /8 b") << "10.200.0.1" << "isp-b";
        QTest::newRow("v4 longer /16 c wins") << "10.1.9.9" << "isp-c";
        QTest::newRow("v4 unmatched → default") << "8.8.8.8" << "default";
        QTest::newRow("v4-mapped v6") << "::ffff:127.3.0.1" << "isp-c";
        QTest::newRow("v6 a") << "fd00:a::1" << "isp-a";
        QTest::newRow("v6 b") << "fd00:b:2::1" << "isp-b";
        QTest::newRow("v6 longer /48 c wins") << "fd00:b:1::5" << "isp-c";
        QTest::newRow("v6 unmatched → default") << "2001:db8::1" << "default";
    }

    void longestPrefixMatch()
    {
        QFETCH(QString, address);
        QFETCH(QString, pid);
        QCOMPARE(baseMaps()->pidOf(QHostAddress(address)).value_or(QStringLiteral("(none)")), pid);
    }

    void noDefaultPidLeavesUnmatchedOut()
    {
        QJsonObject json = baseConfigJson("$argon2id$x", {});
        QJsonObject nm = json.value(QStringLiteral("networkMap")).toObject();
        nm.remove(QStringLiteral("defaultPid"));
        json.insert(QStringLiteral("networkMap"), nm);
        const auto maps = AltoMaps::fromConfig(parseOrDie(json));
        QVERIFY(!maps->pidOf(QHostAddress(QStringLiteral("8.8.8.8"))));
        QVERIFY(!maps->pidOf(QHostAddress(QStringLiteral("2001:db8::1"))));
        QVERIFY(!maps->pidOf(QHostAddress()));
        QCOMPARE(maps->pidOf(QHostAddress(QStringLiteral("127.1.0.1"))).value(), QStringLiteral("isp-a"));
    }

    void prefixTableHostRoutesAndDuplicates()
    {
        PrefixTable table;
        QString why;
        QVERIFY(table.insert(*IpPrefix::parse(QStringLiteral("192.0.2.0/24"), &why), QStringLiteral("net")));
        QVERIFY(table.insert(*IpPrefix::parse(QStringLiteral("192.0.2.7/32"), &why), QStringLiteral("host")));
        QString existing;
        QVERIFY(!table.insert(*IpPrefix::parse(QStringLiteral("192.0.2.0/24"), &why), QStringLiteral("again"), &existing));
        QCOMPARE(existing, QStringLiteral("net"));
        QCOMPARE(table.lookup(QHostAddress(QStringLiteral("192.0.2.7"))).value(), QStringLiteral("host"));
        QCOMPARE(table.lookup(QHostAddress(QStringLiteral("192.0.2.8"))).value(), QStringLiteral("net"));
        QVERIFY(!table.lookup(QHostAddress(QStringLiteral("192.0.3.1"))));
        QCOMPARE(table.size(), 2);
    }

    void costsFollowConfig()
    {
        QJsonObject json = baseConfigJson("$argon2id$x", {});
        QJsonObject cm = json.value(QStringLiteral("costMap")).toObject();
        QJsonArray costs = cm.value(QStringLiteral("costs")).toArray();
        costs.append(QJsonObject{{QStringLiteral("src"), QStringLiteral("isp-c")}, {QStringLiteral("dst"), QStringLiteral("default")},
                                 {QStringLiteral("cost"), 5}, {QStringLiteral("symmetric"), false}});
        costs.append(QJsonObject{{QStringLiteral("src"), QStringLiteral("isp-b")}, {QStringLiteral("dst"), QStringLiteral("default")},
                                 {QStringLiteral("cost"), 5}, {QStringLiteral("policy"), QStringLiteral("deny")}, {QStringLiteral("capacityMbps"), 100}});
        cm.insert(QStringLiteral("costs"), costs);
        json.insert(QStringLiteral("costMap"), cm);
        const UnisConfig config = parseOrDie(json);
        QCOMPARE(config.links.value(QStringLiteral("isp-b")).value(QStringLiteral("default")).capacityMbps.value(), 100.0);
        const auto maps = AltoMaps::fromConfig(config);
        const QString a = QStringLiteral("isp-a"), b = QStringLiteral("isp-b"), c = QStringLiteral("isp-c"), d = QStringLiteral("default");
        QCOMPARE(maps->cost(a, a).value(), 1.0);       // samePidCost
        QCOMPARE(maps->cost(b, a).value(), 10.0);      // symmetric by default
        QCOMPARE(maps->cost(c, d).value(), 5.0);       // one way only ...
        QCOMPARE(maps->cost(d, c).value(), 40.0);      // ... the other falls to defaultCost
        QVERIFY(!maps->cost(b, d));                     // denied both ways
        QVERIFY(!maps->cost(d, b));
        QVERIFY(!maps->cost(a, QStringLiteral("nope")));
    }

    void vtagFollowsContent()
    {
        const QJsonObject json = baseConfigJson("$argon2id$x", {});
        const QString tag = AltoMaps::fromConfig(parseOrDie(json))->tag();
        QCOMPARE(tag.size(), 64);
        QCOMPARE(AltoMaps::fromConfig(parseOrDie(json))->tag(), tag);  // same content, same tag
        QByteArray text = QJsonDocument(json).toJson();
        QString error;
        const auto costChanged = UnisConfig::parse(replaced(text, "\"cost\": 10", "\"cost\": 11"), &error);
        QVERIFY(AltoMaps::fromConfig(*costChanged)->tag() != tag);
        const auto prefixChanged = UnisConfig::parse(replaced(text, "127.1.0.0/16", "127.1.0.0/17"), &error);
        QVERIFY(AltoMaps::fromConfig(*prefixChanged)->tag() != tag);
        const auto usersChanged = UnisConfig::parse(replaced(text, "\"oms\"", "\"oms2\""), &error);
        QCOMPARE(AltoMaps::fromConfig(*usersChanged)->tag(), tag);  // users are not part of the map
    }
};

QTEST_GUILESS_MAIN(TstUnisConfig)
#include "tst_unisconfig.moc"
