// A dedicated RS as operators run it (issue 7): `mp2pd --services rs --provider URL` next to a
// provider's mp2pd (UMS, IXS, OMS, PAMS). The RS logs in with its own identity, registers at the
// OMS over ORCP (type "rs", mode "dedicated"), the OMS's broker hands it to a user, the user's
// credentials allocate on it, and SIGTERM deregisters it before mp2pd exits.
#include <mp2pdprocess.h>

#include <relay/turnclient.h>
#include <user/provider/identity.h>
#include <user/provider/providerclient.h>
#include <user/relayed/relayedpeer.h>

#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace mp2p;
using namespace mp2p::test;

class TestRelayDedicated : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void registersIsHandedOutAndDeregisters();
};

void TestRelayDedicated::registersIsHandedOutAndDeregisters()
{
    QTemporaryDir dir;
    // The dedicated relay's key (made here, where mp2pd --services rs keeps it) is an operator's.
    QString error;
    const auto rsIdentity = Identity::loadOrCreate(dir.filePath(QStringLiteral("rs/rs")), &error);
    QVERIFY2(rsIdentity, qPrintable(error));
    Mp2pdProcess provider(dir.filePath(QStringLiteral("provider")));
    QVERIFY2(provider.start({QStringLiteral("--config"),
                             writeOperatorsConfig(dir.filePath(QStringLiteral("provider.json")), {rsIdentity->userId})},
                            &error),
             qPrintable(error));
    TestHttp http;
    const QString relays = provider.baseUrl() + QStringLiteral("/oms/v1/resources?type=rs");
    QCOMPARE(http.get(relays, testServiceToken()).json().value(QStringLiteral("resources")).toArray().size(), 0);

    QTcpServer probe;   // a free TURN port for the RS
    QVERIFY(probe.listen(QHostAddress(QStringLiteral("127.0.0.1")), 0));
    const quint16 turnPort = probe.serverPort();
    probe.close();
    QFile config(dir.filePath(QStringLiteral("rs.json")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(QStringLiteral(R"({"rs": {"listen": "127.0.0.1:%1", "allowLoopbackPeers": true}})").arg(turnPort).toUtf8());
    config.close();
    Mp2pdProcess rs(dir.filePath(QStringLiteral("rs")));
    QVERIFY2(rs.start({QStringLiteral("--services"), QStringLiteral("rs"), QStringLiteral("--provider"), provider.baseUrl(),
                       QStringLiteral("--config"), config.fileName(), QStringLiteral("--log-level"), QStringLiteral("info")}, &error), qPrintable(error));
    // Registered and holding the OMS's secret (its /rs/healthz says so).
    QJsonObject orcp;
    QVERIFY(QTest::qWaitFor([&] {
        orcp = http.get(rs.baseUrl() + QStringLiteral("/rs/healthz")).json().value(QStringLiteral("orcp")).toObject();
        return orcp.value(QStringLiteral("omsSecret")).toBool();
    }, 20000));
    const QJsonArray listed = http.get(relays, testServiceToken()).json().value(QStringLiteral("resources")).toArray();
    QCOMPARE(listed.size(), 1);
    const QJsonObject relay = listed.first().toObject();
    QCOMPARE(relay.value(QStringLiteral("mode")).toString(), QStringLiteral("dedicated"));
    QCOMPARE(relay.value(QStringLiteral("port")).toInt(), int(turnPort));
    QCOMPARE(relay.value(QStringLiteral("resourceId")).toString(), orcp.value(QStringLiteral("resourceId")).toString());
    // The owner is the identity mp2pd made in its data folder (0600).
    const QString keyFile = dir.filePath(QStringLiteral("rs/rs/identity.key"));
    QCOMPARE(QFile::permissions(keyFile) & ~(QFile::ReadUser | QFile::WriteUser), QFile::ReadOwner | QFile::WriteOwner);
    const auto identity = Identity::loadOrCreate(dir.filePath(QStringLiteral("rs/rs")), &error);
    QVERIFY2(identity, qPrintable(error));
    QCOMPARE(relay.value(QStringLiteral("owner")).toString(), identity->userId);

    // A user gets credentials for it from the broker, and they allocate on it.
    QNetworkAccessManager network;
    QTemporaryDir userDir;
    const auto user = Identity::loadOrCreate(userDir.path(), &error);
    QVERIFY2(user, qPrintable(error));
    ProviderClient client(QUrl(provider.baseUrl()), *user, &network);
    QSignalSpy ready(&client, &ProviderClient::ready);
    client.connectToProvider();
    QVERIFY(ready.wait(20000));
    const HttpResult offer = http.post(provider.baseUrl() + QStringLiteral("/oms/v1/relays/credentials"), {}, client.token());
    QCOMPARE(offer.status, 200);
    QCOMPARE(offer.json().value(QStringLiteral("owner")).toString(), identity->userId);
    TurnClientConfig turn;
    QVERIFY2(parseRelaySpec(offer.json().value(QStringLiteral("uri")).toString(), &turn, &error), qPrintable(error));
    TurnClient turnClient;
    QSignalSpy allocated(&turnClient, &TurnClient::allocated);
    turnClient.start(turn);
    QVERIFY(allocated.wait(10000));
    QCOMPARE(http.get(rs.baseUrl() + QStringLiteral("/rs/healthz")).json().value(QStringLiteral("allocations")).toInt(), 1);
    turnClient.stop();

    // SIGTERM: mp2pd deregisters before it exits, so the OMS has no relay to hand out at once.
    QCOMPARE(rs.terminate(), 0);
    QCOMPARE(http.get(relays, testServiceToken()).json().value(QStringLiteral("resources")).toArray().size(), 0);
    QCOMPARE(http.post(provider.baseUrl() + QStringLiteral("/oms/v1/relays/credentials"), {}, client.token()).status, 503);
    QVERIFY(rs.output().contains("deregistered from the OMS"));
}

QTEST_GUILESS_MAIN(TestRelayDedicated)
#include "tst_relay_dedicated.moc"
