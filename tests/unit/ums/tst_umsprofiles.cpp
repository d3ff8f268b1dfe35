// R13 registration and profiles, the UMS key, persistence across restarts, migrations, R7.
#include "umsfixture.h"

#include <QFile>

using namespace mp2p;
using namespace mp2p::test;

namespace {
QString b64(const QByteArray &bytes)
{
    return QString::fromLatin1(toBase64Url(bytes));
}
} // namespace

class TestUmsProfiles : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<UmsFixture>();
        QVERIFY(f->dir.isValid());
        QVERIFY(f->open());
    }

    void keyIsPublishedAndStoredPrivately()
    {
        const HttpResponse r = f->client().get(QStringLiteral("/ums/v1/key"));
        QCOMPARE(r.status, 200);
        QCOMPARE(jsonOf(r).value("algorithm").toString(), QStringLiteral("Ed25519"));
        QCOMPARE(jsonOf(r).value("publicKey").toString(), b64(f->service->publicKey()));
        QCOMPARE(f->service->publicKey().size(), KeyPair::PublicKeyBytes);
        const QFile::Permissions p = QFile::permissions(f->dir.filePath("ums-signing.key"));
        QVERIFY(p & QFile::ReadOwner);
        QVERIFY(!(p & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther)));
        QCOMPARE(f->service->name(), QStringLiteral("ums"));
    }

    void registerCreatesProfile()
    {
        const KeyPair key = KeyPair::generate();
        const HttpResponse r = f->registerKey(key, QStringLiteral("Alice"));
        QCOMPARE(r.status, 201);
        const QJsonObject p = jsonOf(r);
        QCOMPARE(p.value("userId").toString(), userIdForPublicKey(key.publicKey()));
        QCOMPARE(p.value("publicKey").toString(), b64(key.publicKey()));
        QCOMPARE(p.value("displayName").toString(), QStringLiteral("Alice"));
        QCOMPARE(p.value("reputation").toInteger(), 0);
        QVERIFY(p.value("network").isObject());
        QCOMPARE(p.value("createdAt").toInteger(), f->now);
        QCOMPARE(p.value("updatedAt").toInteger(), f->now);
        const HttpResponse g = f->client().get("/ums/v1/users/" + p.value("userId").toString());
        QCOMPARE(g.status, 200);
        QCOMPARE(jsonOf(g), p);
        QCOMPARE(f->service->health().value("users").toInteger(), 1);
        QCOMPARE(f->service->health().value("status").toString(), QStringLiteral("ok"));
    }

    void registrationIsIdempotent()
    {
        const KeyPair key = KeyPair::generate();
        const QJsonObject first = jsonOf(f->registerKey(key, QStringLiteral("Alice")));
        f->now += 50;
        const HttpResponse again = f->registerKey(key, QStringLiteral("Someone else"));
        QCOMPARE(again.status, 200);
        QCOMPARE(jsonOf(again), first);
        QCOMPARE(f->service->health().value("users").toInteger(), 1);
    }

    void badRegistrationsAreRejected_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QByteArray key = toBase64Url(KeyPair::generate().publicKey());
        QTest::newRow("bad base64") << QByteArray(R"({"publicKey":"not base64 at all!"})") << "invalid_value"
                                    << "publicKey";
        QTest::newRow("padded base64") << QByteArray(R"({"publicKey":")" + key + R"(="})") << "invalid_value"
                                       << "publicKey";
        QTest::newRow("16-byte key") << QByteArray(R"({"publicKey":")" + toBase64Url(QByteArray(16, 'k')) + R"("})")
                                     << "invalid_value" << "publicKey";
        QTest::newRow("64-byte key") << QByteArray(R"({"publicKey":")" + toBase64Url(QByteArray(64, 'k')) + R"("})")
                                     << "invalid_value" << "publicKey";
        QTest::newRow("missing key") << QByteArray(R"({"displayName":"x"})") << "missing_field" << "publicKey";
        QTest::newRow("key is a number") << QByteArray(R"({"publicKey":42})") << "invalid_type" << "publicKey";
        QTest::newRow("long name") << QByteArray(R"({"publicKey":")" + key + R"(","displayName":")"
                                                 + QByteArray(65, 'n') + R"("})")
                                   << "invalid_value" << "displayName";
        QTest::newRow("empty name") << QByteArray(R"({"publicKey":")" + key + R"(","displayName":""})")
                                    << "invalid_value" << "displayName";
        QTest::newRow("control char") << QByteArray(R"({"publicKey":")" + key + R"(","displayName":"a\u001bb"})")
                                      << "invalid_value" << "displayName";
        QTest::newRow("own reputation") << QByteArray(R"({"publicKey":")" + key + R"(","reputation":100})")
                                        << "invalid_value" << "reputation";
        QTest::newRow("empty body") << QByteArray() << "empty_body" << "";
        QTest::newRow("not json") << QByteArray("{publicKey:") << "invalid_json" << "";
        QTest::newRow("array body") << QByteArray("[]") << "invalid_json" << "";
    }
    void badRegistrationsAreRejected()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const HttpResponse r = f->client().call(HttpMethod::Post, QStringLiteral("/ums/v1/users"), body);
        QCOMPARE(r.status, 400);
        QCOMPARE(jsonOf(r).value("error").toString(), code);
        QCOMPARE(jsonOf(r).value("field").toString(), field);
        QVERIFY(!jsonOf(r).value("message").toString().isEmpty());
        QCOMPARE(f->service->health().value("users").toInteger(), 0);
    }

    void getUserChecksTheId()
    {
        QCOMPARE(f->client().get(QStringLiteral("/ums/v1/users/nothex")).status, 400);
        QCOMPARE(f->client().get("/ums/v1/users/" + QString(40, QLatin1Char('A'))).status, 400);
        const HttpResponse r = f->client().get("/ums/v1/users/" + QString(40, QLatin1Char('a')));
        QCOMPARE(r.status, 404);
        QCOMPARE(jsonOf(r).value("error").toString(), QStringLiteral("not_found"));
    }

    void userUpdatesOwnProfile()
    {
        const KeyPair key = KeyPair::generate();
        const QString userId = userIdForPublicKey(key.publicKey());
        f->registerKey(key, QStringLiteral("Alice"));
        const QString token = f->login(key);
        f->now += 30;
        const QString sqlName = QStringLiteral("Robert'); DROP TABLE users;--");
        const QJsonObject network{{"addresses", QJsonArray{"192.0.2.1:6881", "[2001:db8::1]:6881"}},
                                  {"isp", "Example ISP"},
                                  {"nat", "port-restricted"}};
        const QString path = "/ums/v1/users/" + userId + "/profile";
        HttpResponse r = f->client(token).put(path, {{"displayName", sqlName}, {"network", network}});
        QCOMPARE(r.status, 200);
        QCOMPARE(jsonOf(r).value("displayName").toString(), sqlName);
        QCOMPARE(jsonOf(r).value("network").toObject(), network);
        QCOMPARE(jsonOf(r).value("updatedAt").toInteger(), f->now);
        QCOMPARE(jsonOf(r).value("createdAt").toInteger(), f->now - 30);

        // A partial update keeps the part that was not sent.
        r = f->client(token).put(path, {{"displayName", "Alice B."}});
        QCOMPARE(r.status, 200);
        const QJsonObject stored = jsonOf(f->client().get("/ums/v1/users/" + userId));
        QCOMPARE(stored.value("displayName").toString(), QStringLiteral("Alice B."));
        QCOMPARE(stored.value("network").toObject(), network);
    }

    void otherUsersMayNotUpdateAProfile()
    {
        const KeyPair alice = KeyPair::generate();
        const QString aliceId = userIdForPublicKey(alice.publicKey());
        f->registerKey(alice, QStringLiteral("Alice"));
        const QString malloryToken = f->login(KeyPair::generate());
        const HttpResponse r = f->client(malloryToken).put("/ums/v1/users/" + aliceId + "/profile",
                                                            {{"displayName", "pwned"}});
        QCOMPARE(r.status, 403);
        QCOMPARE(jsonOf(r).value("error").toString(), QStringLiteral("forbidden"));
        QCOMPARE(jsonOf(f->client().get("/ums/v1/users/" + aliceId)).value("displayName").toString(),
                 QStringLiteral("Alice"));
        const HttpResponse anonymous = f->client().put("/ums/v1/users/" + aliceId + "/profile", {{"displayName", "x"}});
        QCOMPARE(anonymous.status, 401);
    }

    void badProfileUpdatesAreRejected_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("long name") << QByteArray(R"({"displayName":")" + QByteArray(65, 'n') + R"("})") << "displayName";
        QTest::newRow("name is a number") << QByteArray(R"({"displayName":7})") << "displayName";
        QTest::newRow("network not object") << QByteArray(R"({"network":"home"})") << "network";
        QTest::newRow("unknown network key") << QByteArray(R"({"network":{"asn":1}})") << "network.asn";
        QTest::newRow("addresses not array") << QByteArray(R"({"network":{"addresses":"1.2.3.4"}})")
                                             << "network.addresses";
        QTest::newRow("address with space") << QByteArray(R"({"network":{"addresses":["1.2.3.4 x"]}})")
                                            << "network.addresses";
        QTest::newRow("too many addresses")
            << QByteArray(R"({"network":{"addresses":[)" + QByteArray("\"a\",").repeated(16) + R"("a"]}})")
            << "network.addresses";
        QTest::newRow("isp number") << QByteArray(R"({"network":{"isp":3}})") << "network.isp";
        QTest::newRow("long nat") << QByteArray(R"({"network":{"nat":")" + QByteArray(33, 'n') + R"("}})")
                                  << "network.nat";
        QTest::newRow("own reputation") << QByteArray(R"({"reputation":99})") << "reputation";
        QTest::newRow("own user id") << QByteArray(R"({"displayName":"x","userId":"x"})") << "userId";
        QTest::newRow("nothing to change") << QByteArray("{}") << "";
    }
    void badProfileUpdatesAreRejected()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const KeyPair key = KeyPair::generate();
        const QString userId = userIdForPublicKey(key.publicKey());
        f->registerKey(key, QStringLiteral("Alice"));
        RouterClient c = f->client(f->login(key));
        const QJsonObject before = jsonOf(c.get("/ums/v1/users/" + userId));
        const HttpResponse r = c.call(HttpMethod::Put, "/ums/v1/users/" + userId + "/profile", body);
        QCOMPARE(r.status, 400);
        QCOMPARE(jsonOf(r).value("field").toString(), field);
        QVERIFY(!jsonOf(r).value("message").toString().isEmpty());
        QCOMPARE(jsonOf(c.get("/ums/v1/users/" + userId)), before);
    }

    void dataSurvivesRestart()
    {
        const KeyPair key = KeyPair::generate();
        const QString userId = userIdForPublicKey(key.publicKey());
        const QString token = f->login(key);
        QVERIFY(f->client(token)
                    .put("/ums/v1/users/" + userId + "/profile", {{"network", QJsonObject{{"isp", "X"}}}})
                    .status
                == 200);
        const QByteArray umsKey = f->service->publicKey();
        const QJsonObject profile = jsonOf(f->client().get("/ums/v1/users/" + userId));

        QVERIFY(f->open());
        QCOMPARE(f->service->publicKey(), umsKey);
        QCOMPARE(jsonOf(f->client().get("/ums/v1/users/" + userId)), profile);
        // A token from before the restart still works, and the key is still registered.
        QCOMPARE(f->refresh(token, key).status, 201);
        QCOMPARE(f->registerKey(key).status, 200);
        QCOMPARE(f->service->health().value("users").toInteger(), 1);
    }

    void migratesAnEmptyFile()
    {
        QTemporaryDir fresh;
        QFile empty(fresh.filePath("ums.db"));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        f->router.reset();
        f->service = std::make_unique<UmsService>(
            ServiceContext{fresh.path(), {}, QString(), nullptr, [this] { return f->now; }});
        QString error;
        QVERIFY2(f->service->start(&error), qPrintable(error));
        QCOMPARE(f->service->health().value("schemaVersion").toInt(), 3);  // 3: the revocation feed
        QCOMPARE(f->service->health().value("users").toInteger(), 0);
        f->router = std::make_unique<HttpRouter>();
        f->service->registerRoutes(*f->router);
        QCOMPARE(f->registerKey(KeyPair::generate()).status, 201);
    }

    void damagedSigningKeyStopsStart()
    {
        QTemporaryDir other;
        QFile key(other.filePath("ums-signing.key"));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write("this is not a key\n");
        key.close();
        UmsService service(ServiceContext{other.path(), {}, QString(), nullptr, {}});
        QString error;
        QVERIFY(!service.start(&error));
        QVERIFY2(error.contains("ums-signing.key"), qPrintable(error));
        QCOMPARE(service.health().value("status").toString(), QStringLiteral("stopped"));
        // Routes of a service that did not start answer with an error body, not a crash.
        HttpRouter router;
        service.registerRoutes(router);
        const RouterClient client{&router, {}};
        QCOMPARE(client.get(QStringLiteral("/ums/v1/key")).status, 500);
    }

    void reputationIsOfferedToTheOms()
    {
        const KeyPair key = KeyPair::generate();
        f->registerKey(key);
        const UserDirectory &directory = *f->service;
        QCOMPARE(directory.reputationOf(userIdForPublicKey(key.publicKey())), std::optional<int>(0));
        QCOMPARE(directory.reputationOf(QString(40, QLatin1Char('a'))), std::nullopt);
        QCOMPARE(directory.reputationOf(QStringLiteral("'; DROP TABLE users;--")), std::nullopt);
    }

    void wrongMethodIs405()
    {
        const HttpResponse r = f->client().call(HttpMethod::Delete, QStringLiteral("/ums/v1/users"));
        QCOMPARE(r.status, 405);
    }

private:
    std::unique_ptr<UmsFixture> f;
};

QTEST_GUILESS_MAIN(TestUmsProfiles)
#include "tst_umsprofiles.moc"
