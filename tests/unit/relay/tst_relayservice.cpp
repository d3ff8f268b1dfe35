// RelayService (`mp2pd --services rs`): config validation, status, and TURN REST credentials
// handed out with a UMS token that our RS then accepts; with a provider (issue 7) the dedicated RS
// logs in with its own identity, registers over ORCP, and the OMS's broker hands it out.
#include "providertesthost.h"
#include "relaytestkit.h"

#include <relay/relayregistration.h>
#include <relay/relayservice.h>
#include <routerclient.h>
#include <user/provider/providerclient.h>
#include <user/relayed/relayedpeer.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

using namespace mp2p;
using namespace mp2p::test;

class TestRelayService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void badConfigIsRefused_data();
    void badConfigIsRefused();
    void credentialsWorkOnTheRelay();
    void dedicatedRelayRegistersAndIsHandedOut();
    void standaloneWithoutProvider();
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
    QTest::newRow("provider") << QJsonObject{{"listen", "127.0.0.1:0"}, {"providerUrl", "ftp://x"}} << "rs.providerUrl";
    QTest::newRow("provider type") << QJsonObject{{"listen", "127.0.0.1:0"}, {"providerUrl", 7}} << "rs.providerUrl";
    QTest::newRow("dataDir") << QJsonObject{{"listen", "127.0.0.1:0"}, {"providerUrl", "http://127.0.0.1:1"}, {"dataDir", ""}}
                             << "rs.dataDir";
    QTest::newRow("privileged relayed ports") << QJsonObject{{"listen", "127.0.0.1:0"}, {"minPort", 80}, {"maxPort", 90},
                                                             {"authSecret", "s"}}
                                              << "minPort must be 0";
    // Peer access and quotas: a wrong type or value is named, never silently taken as the default.
    QTest::newRow("allowLoopbackPeers") << QJsonObject{{"listen", "127.0.0.1:0"}, {"allowLoopbackPeers", "yes"}, {"authSecret", "s"}}
                                        << "rs.allowLoopbackPeers";
    QTest::newRow("allowedPeerRanges") << QJsonObject{{"listen", "127.0.0.1:0"}, {"allowedPeerRanges", QJsonArray{"10.0.0.0/33"}},
                                                      {"authSecret", "s"}}
                                       << "allowedPeerRanges";
    QTest::newRow("allowedPeerRanges type") << QJsonObject{{"listen", "127.0.0.1:0"}, {"allowedPeerRanges", "10.0.0.0/8"},
                                                           {"authSecret", "s"}}
                                            << "rs.allowedPeerRanges";
    QTest::newRow("maxAllocationsPerUser") << QJsonObject{{"listen", "127.0.0.1:0"}, {"maxAllocationsPerUser", 0}, {"authSecret", "s"}}
                                           << "rs.maxAllocationsPerUser";
    QTest::newRow("per user above total") << QJsonObject{{"listen", "127.0.0.1:0"}, {"maxAllocations", 4},
                                                         {"maxAllocationsPerUser", 5}, {"authSecret", "s"}}
                                          << "cannot exceed maxAllocations";
    QTest::newRow("maxPermissionsPerAllocation") << QJsonObject{{"listen", "127.0.0.1:0"}, {"maxPermissionsPerAllocation", 1.5},
                                                                {"authSecret", "s"}}
                                                 << "rs.maxPermissionsPerAllocation";
    QTest::newRow("maxConnectionsPerAllocation") << QJsonObject{{"listen", "127.0.0.1:0"}, {"maxConnectionsPerAllocation", -3},
                                                                {"authSecret", "s"}}
                                                 << "rs.maxConnectionsPerAllocation";
    QTest::newRow("permissionLifetime") << QJsonObject{{"listen", "127.0.0.1:0"}, {"permissionLifetime", 7200}, {"authSecret", "s"}}
                                        << "permissionLifetime must be from 1 to 3600";
    QTest::newRow("maxLifetime") << QJsonObject{{"listen", "127.0.0.1:0"}, {"maxLifetime", 7200}, {"authSecret", "s"}}
                                 << "maxLifetime must be from 1 to 3600";
    QTest::newRow("maxLifetime zero") << QJsonObject{{"listen", "127.0.0.1:0"}, {"maxLifetime", 0}, {"authSecret", "s"}}
                                      << "rs.maxLifetime";
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
    const TestUser op = makeUser(issuer, now, 3600);
    const QJsonObject config{{"listen", "127.0.0.1:0"}, {"authSecret", "shared-with-coturn"}, {"credentialTtl", 600}};
    RelayService service(ServiceContext{dir.path(), config, QStringLiteral("http://test"), &verifier, [now] { return now; },
                                        {op.userId}});
    QString error;
    QVERIFY2(service.start(&error), qPrintable(error));
    HttpRouter router;
    service.registerRoutes(router);

    const RouterClient anonymous{&router, {}};
    QCOMPARE(anonymous.post(QStringLiteral("/rs/v1/credentials"), {}).status, 401);
    // The provider's own tokens are not for relays: only a token made for audience "rs".
    QCOMPARE(RouterClient({&router, alice.token}).post(QStringLiteral("/rs/v1/credentials"), {{"overlay", "ab12"}}).status, 401);
    const QString relayToken = issuer.issue(alice.userId, now, 600, audience::Relay);
    const HttpResponse r = RouterClient{&router, relayToken}.post(QStringLiteral("/rs/v1/credentials"),
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
    // Who relays for whom is the operators' to see.
    QCOMPARE(anonymous.get(QStringLiteral("/rs/v1/status")).status, 401);
    QCOMPARE(RouterClient({&router, alice.token}).get(QStringLiteral("/rs/v1/status")).status, 403);
    const QJsonObject status = jsonOf(RouterClient{&router, op.token}.get(QStringLiteral("/rs/v1/status")));
    QCOMPARE(status.value("allocations").toArray().size(), 1);
    QCOMPARE(status.value("allocations").toArray().first().toObject().value("user").toString(), alice.userId);
    QCOMPARE(status.value("allocations").toArray().first().toObject().value("overlay").toString(), QStringLiteral("ab12"));
    QCOMPARE(service.health().value("status").toString(), QStringLiteral("ok"));
    service.stop();
    QCOMPARE(service.health().value("status").toString(), QStringLiteral("down"));
}

namespace {
QJsonArray relaysAt(QNetworkAccessManager *network, const TestHost &host)
{
    return getJson(network, QUrl(host.baseUrl() + QStringLiteral("/oms/v1/resources?type=rs")), TestHost::serviceToken())
        .body.value(QStringLiteral("resources")).toArray();
}
} // namespace

// `mp2pd --services rs --provider URL` in process: a P2PSP (UMS, OMS, PAMS) and a dedicated RS
// with no credentials of its own. The RS makes its identity (0600), logs in, registers as a
// dedicated "rs", adopts the OMS's secret; a user's credentials from the OMS's broker allocate on
// it. stop() deregisters at once; a restart keeps the identity (same owner, same resource id).
void TestRelayService::dedicatedRelayRegistersAndIsHandedOut()
{
    TestHost host;
    QTemporaryDir dir;
    // The provider lists the dedicated relay's key as an operator's: a dedicated server is the
    // provider's own, and ORCP refuses "dedicated" from anyone else.
    QString keyError;
    QDir(dir.path()).mkpath(QStringLiteral("rs"));
    const auto rsKey = KeyPair::loadOrCreate(dir.filePath(QStringLiteral("rs/identity.key")), &keyError);
    QVERIFY2(rsKey, qPrintable(keyError));
    host.operators = {userIdForPublicKey(rsKey->publicKey())};
    QVERIFY(host.start());
    QNetworkAccessManager network;
    // A fixed port: the OMS derives the resource id from owner, type and endpoint.
    const quint16 port = unusedPort();
    QVERIFY(port > 0);
    const QJsonObject config{{"listen", QStringLiteral("127.0.0.1:%1").arg(port)}, {"providerUrl", host.baseUrl()},
                             {"uploadBytesPerSec", 5000000}};
    auto service = std::make_unique<RelayService>(ServiceContext{dir.path(), config, QStringLiteral("http://rs"), nullptr, systemClock()});
    QString error;
    QVERIFY2(service->start(&error), qPrintable(error));
    RelayRegistration *registration = service->registration();
    QVERIFY(registration);
    QVERIFY(QTest::qWaitFor([&] { return registration->hasOmsSecret(); }, 20000));
    const QString identityFile = dir.filePath(QStringLiteral("rs/identity.key"));
    QVERIFY(QFile::exists(identityFile));
    QCOMPARE(QFile::permissions(identityFile) & ~(QFile::ReadUser | QFile::WriteUser),
             QFile::ReadOwner | QFile::WriteOwner);
    const QJsonArray relays = relaysAt(&network, host);
    QCOMPARE(relays.size(), 1);
    const QJsonObject listed = relays.first().toObject();
    QCOMPARE(listed.value("type").toString(), QStringLiteral("rs"));
    QCOMPARE(listed.value("mode").toString(), QStringLiteral("dedicated"));
    QCOMPARE(listed.value("owner").toString(), registration->ownerId());
    QCOMPARE(listed.value("address").toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(listed.value("port").toInt(), int(service->server()->port()));
    QCOMPARE(listed.value("uploadBps").toInteger(), qint64(5000000));
    QCOMPARE(listed.value("resourceId").toString(), registration->resourceId());
    QVERIFY(!listed.contains("relaySecret"));   // only the owner ever sees it
    const QJsonObject health = service->health().value("orcp").toObject();
    QCOMPARE(health.value("registered").toBool(), true);
    QCOMPARE(health.value("omsSecret").toBool(), true);

    // A user nobody can reach asks the broker and allocates on the dedicated RS with the answer.
    ProviderClient user(QUrl(host.baseUrl()), freshIdentity(), &network);
    QSignalSpy ready(&user, &ProviderClient::ready);
    user.connectToProvider();
    QVERIFY(ready.wait(20000));
    const JsonReply offer = waitReply([&](JsonHttpClient::Callback done) {
        user.call("POST", QStringLiteral("oms"), QStringLiteral("/oms/v1/relays/credentials"), QJsonObject{}, done);
    });
    QVERIFY2(offer.ok(), qPrintable(offer.problem));
    QCOMPARE(offer.body.value("resourceId").toString(), registration->resourceId());
    QCOMPARE(offer.body.value("owner").toString(), registration->ownerId());
    QCOMPARE(offer.body.value("mode").toString(), QStringLiteral("dedicated"));
    TurnClientConfig turn;
    QVERIFY2(parseRelaySpec(offer.body.value("uri").toString(), &turn, &error), qPrintable(error));
    QCOMPARE(turn.serverPort, service->server()->port());
    TurnClient client;
    QSignalSpy allocated(&client, &TurnClient::allocated);
    QSignalSpy failed(&client, &TurnClient::failed);
    client.start(turn);
    QVERIFY2(allocated.wait(10000), failed.isEmpty() ? "no answer" : qPrintable(failed.first().first().toString()));
    QCOMPARE(service->server()->allocationCount(), 1);
    // A password the OMS did not mint is refused.
    TurnClient forger;
    TurnClientConfig forged = turn;
    forged.password = QStringLiteral("not-the-oms-secret");
    QSignalSpy forgedFailed(&forger, &TurnClient::failed);
    forger.start(forged);
    QVERIFY(forgedFailed.wait(10000));
    client.stop();

    // SIGTERM in mp2pd: stop() deregisters before it returns (bounded), so the OMS drops it now.
    const QString owner = registration->ownerId();
    const QString resourceId = registration->resourceId();
    service->stop();
    QCOMPARE(relaysAt(&network, host).size(), 0);
    service.reset();

    // Restarted on the same endpoint, it is the same user and the same resource.
    RelayService again(ServiceContext{dir.path(), config, QStringLiteral("http://rs"), nullptr, systemClock()});
    QVERIFY2(again.start(&error), qPrintable(error));
    QCOMPARE(again.registration()->ownerId(), owner);
    QVERIFY(QTest::qWaitFor([&] { return again.registration()->hasOmsSecret(); }, 20000));
    QCOMPARE(again.registration()->resourceId(), resourceId);
    QCOMPARE(relaysAt(&network, host).size(), 1);
}

// No provider: no ORCP, no identity, as before; the relay still serves its static users.
void TestRelayService::standaloneWithoutProvider()
{
    QTemporaryDir dir;
    const QJsonObject config{{"listen", "127.0.0.1:0"}, {"users", QJsonObject{{"peer", "pw"}}}};
    RelayService service(ServiceContext{dir.path(), config, QStringLiteral("http://rs"), nullptr, systemClock()});
    QString error;
    QVERIFY2(service.start(&error), qPrintable(error));
    QVERIFY(!service.registration());
    QVERIFY(!service.health().contains("orcp"));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("rs/identity.key"))));
    TurnClient client;
    TurnClientConfig turn;
    turn.serverAddress = QHostAddress(QStringLiteral("127.0.0.1"));
    turn.serverPort = service.server()->port();
    turn.username = QStringLiteral("peer");
    turn.password = QStringLiteral("pw");
    QSignalSpy allocated(&client, &TurnClient::allocated);
    client.start(turn);
    QVERIFY(allocated.wait(10000));
}

QTEST_GUILESS_MAIN(TestRelayService)
#include "tst_relayservice.moc"
