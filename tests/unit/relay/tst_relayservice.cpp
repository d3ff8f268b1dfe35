// RelayService (`mp2pd --services rs` once the host lists it): config validation, status, and
// TURN REST credentials handed out with a UMS token that our RS then accepts.
#include "relaytestkit.h"

#include <relay/relayservice.h>
#include <routerclient.h>

#include <QDateTime>
#include <QJsonArray>
#include <QTemporaryDir>

using namespace mp2p;
using namespace mp2p::test;

class TestRelayService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void badConfigIsRefused_data();
    void badConfigIsRefused();
    void credentialsWorkOnTheRelay();
};

void TestRelayService::badConfigIsRefused_data()
{
    QTest::addColumn<QJsonObject>("config");
    QTest::addColumn<QString>("field");
    QTest::newRow("listen") << QJsonObject{{"listen", "nowhere"}, {"authSecret", "s"}} << "rs.listen";
    QTest::newRow("ports") << QJsonObject{{"listen", "127.0.0.1:0"}, {"minPort", 5000}, {"maxPort", 4000}, {"authSecret", "s"}}
                           << "minPort";
    QTest::newRow("limits") << QJsonObject{{"listen", "127.0.0.1:0"}, {"maxConnections", -1}, {"authSecret", "s"}}
                            << "maxConnections";
    QTest::newRow("no credentials") << QJsonObject{{"listen", "127.0.0.1:0"}} << "no credentials";
}

void TestRelayService::badConfigIsRefused()
{
    QFETCH(QJsonObject, config);
    QFETCH(QString, field);
    QTemporaryDir dir;
    RelayService service(ServiceContext{dir.path(), config, QStringLiteral("http://test"), nullptr, systemClock()});
    QString error;
    QVERIFY(!service.start(&error));
    QVERIFY2(error.contains(field), qPrintable(error));
}

void TestRelayService::credentialsWorkOnTheRelay()
{
    QTemporaryDir dir;
    const KeyPair ums = KeyPair::generate();
    const TokenIssuer issuer(ums);
    const TokenVerifier verifier(ums.publicKey());
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const TestUser alice = makeUser(issuer, now, 3600);
    const QJsonObject config{{"listen", "127.0.0.1:0"}, {"authSecret", "shared-with-coturn"}, {"credentialTtl", 600}};
    RelayService service(ServiceContext{dir.path(), config, QStringLiteral("http://test"), &verifier, [now] { return now; }});
    QString error;
    QVERIFY2(service.start(&error), qPrintable(error));
    HttpRouter router;
    service.registerRoutes(router);

    const RouterClient anonymous{&router, {}};
    QCOMPARE(anonymous.post(QStringLiteral("/rs/v1/credentials"), {}).status, 401);
    const HttpResponse r = RouterClient{&router, alice.token}.post(QStringLiteral("/rs/v1/credentials"),
                                                                   {{"overlay", "ab12"}});
    QCOMPARE(r.status, 200);
    const QJsonObject creds = jsonOf(r);
    const QString username = creds.value("username").toString();
    QCOMPARE(username, QStringLiteral("%1:%2+ab12").arg(now + 600).arg(alice.userId));
    QCOMPARE(creds.value("realm").toString(), QStringLiteral("mp2p"));

    TurnClient client;
    TurnClientConfig cc;
    cc.serverAddress = QHostAddress(QStringLiteral("127.0.0.1"));
    cc.serverPort = service.server()->port();
    cc.username = username;
    cc.password = creds.value("password").toString();
    QSignalSpy allocated(&client, &TurnClient::allocated);
    client.start(cc);
    QVERIFY(allocated.wait(10000));
    const QJsonObject status = jsonOf(anonymous.get(QStringLiteral("/rs/v1/status")));
    QCOMPARE(status.value("allocations").toArray().size(), 1);
    QCOMPARE(status.value("allocations").toArray().first().toObject().value("user").toString(), alice.userId);
    QCOMPARE(status.value("allocations").toArray().first().toObject().value("overlay").toString(), QStringLiteral("ab12"));
    QCOMPARE(service.health().value("status").toString(), QStringLiteral("ok"));
    service.stop();
    QCOMPARE(service.health().value("status").toString(), QStringLiteral("down"));
}

QTEST_GUILESS_MAIN(TestRelayService)
#include "tst_relayservice.moc"
