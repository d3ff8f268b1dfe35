// The relay broker and ORCP relay credentials (issue 7): the OMS issues each relay server a TURN
// REST secret on registration (stable across keep-alives, re-registration and an OMS restart,
// shown only to the owner); POST /oms/v1/relays/credentials picks a live RS — same region first,
// then the fewest relays, never a volunteer without a current consent nor an expired RS — and
// mints credentials our RelayServer accepts; 503 when none; bad input 400 with the field; no
// token 401. Also: a relayed swarm peer is listed with its RS and every peer with its region.
#include "omsfixture.h"

#include <p2psp/oms/networkmapview.h>
#include <protocol/jsonfields.h>
#include <relay/relayserver.h>
#include <relay/turnclient.h>

#include <QDateTime>
#include <QJsonArray>
#include <QSet>
#include <QSignalSpy>

using namespace mp2p;
using namespace mp2p::test;

namespace {
const QString Base = QStringLiteral("/oms/v1/resources");
const QString Broker = QStringLiteral("/oms/v1/relays/credentials");


QJsonObject rsBody(const QString &address, int port = 3478, const QString &mode = QStringLiteral("volunteer"))
{
    return {{QStringLiteral("type"), QStringLiteral("rs")}, {QStringLiteral("address"), address},
            {QStringLiteral("port"), port}, {QStringLiteral("mode"), mode}};
}

QString idOf(const HttpResponse &r)
{
    return jsonOf(r).value(QStringLiteral("resourceId")).toString();
}

QJsonObject brokerAs(const OmsFixture &f, const TestUser &user, const QJsonObject &body, int expectedStatus)
{
    const HttpResponse r = f.as(user).post(Broker, body);
    if (r.status != expectedStatus)
        qWarning() << "broker answered" << r.status << r.body;
    return r.status == expectedStatus ? jsonOf(r) : QJsonObject{{QStringLiteral("unexpectedStatus"), r.status}};
}
} // namespace

class TestRelayBroker : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void secretIsIssuedToTheOwnerAndSurvivesARestart()
    {
        OmsFixture f;
        const HttpResponse created = f.as(f.bob).post(Base, rsBody(QStringLiteral("127.1.0.9")));
        QCOMPARE(created.status, 201);
        const QString id = idOf(created);
        const QString secret = jsonOf(created).value(QStringLiteral("relaySecret")).toString();
        QCOMPARE(secret.size(), 64);  // 32 random bytes, hex
        QVERIFY(isHex(secret, 64));
        // Stable across keep-alives and re-registration; never in public answers.
        const HttpResponse alive = f.as(f.bob).post(Base + QStringLiteral("/%1/keepalive").arg(id), {});
        QCOMPARE(jsonOf(alive).value(QStringLiteral("relaySecret")).toString(), secret);
        QCOMPARE(jsonOf(f.as(f.bob).post(Base, rsBody(QStringLiteral("127.1.0.9")))).value(QStringLiteral("relaySecret")).toString(), secret);
        QVERIFY(!jsonOf(f.anonymous().get(Base + QLatin1Char('/') + id)).contains(QStringLiteral("relaySecret")));
        QVERIFY(!f.anonymous().get(Base).body.contains(secret.toLatin1()));
        // A cache gets none.
        QJsonObject cs{{QStringLiteral("type"), QStringLiteral("cs")}, {QStringLiteral("address"), QStringLiteral("127.1.0.8")},
                       {QStringLiteral("port"), 6881}, {QStringLiteral("diskBytes"), 1000}};
        QVERIFY(!jsonOf(f.as(f.bob).post(Base, cs)).contains(QStringLiteral("relaySecret")));
        // An OMS restart on the same oms.db: the same secret, and credentials for the same RS.
        f.reopen();
        QCOMPARE(jsonOf(f.as(f.bob).post(Base + QStringLiteral("/%1/keepalive").arg(id), {})).value(QStringLiteral("relaySecret")).toString(), secret);
        const QJsonObject c = brokerAs(f, f.alice, {}, 200);
        QCOMPARE(c.value(QStringLiteral("resourceId")).toString(), id);
        QCOMPARE(c.value(QStringLiteral("password")).toString(),
                 stun::restPassword(secret.toLatin1(), c.value(QStringLiteral("username")).toString()));
        // Deregistered and registered again: a new secret is fine.
        QCOMPARE(f.as(f.bob).del(Base + QLatin1Char('/') + id).status, 204);
        const QString fresh = jsonOf(f.as(f.bob).post(Base, rsBody(QStringLiteral("127.1.0.9")))).value(QStringLiteral("relaySecret")).toString();
        QCOMPARE(fresh.size(), 64);
        QVERIFY(fresh != secret);
    }

    void brokerPrefersTheCallersRegionThenTheLeastLoaded()
    {
        OmsFixture f;
        TwoIspMap map;
        f.service->setNetworkMap(&map);
        const QString a1 = idOf(f.as(f.bob).post(Base, rsBody(QStringLiteral("127.1.0.9"))));
        const QString a2 = idOf(f.as(f.bob).post(Base, rsBody(QStringLiteral("127.1.0.10"))));
        const QString b = idOf(f.as(f.bob).post(Base, rsBody(QStringLiteral("127.2.0.9"))));
        QVERIFY(!a1.isEmpty() && !a2.isEmpty() && !b.isEmpty());
        // The caller's region comes from its address (here the trusted "ip"; loopback request).
        QJsonObject c = brokerAs(f, f.alice, {{QStringLiteral("ip"), QStringLiteral("127.2.0.77")}}, 200);
        QCOMPARE(c.value(QStringLiteral("resourceId")).toString(), b);
        QCOMPARE(c.value(QStringLiteral("region")).toString(), QStringLiteral("isp-2"));
        QCOMPARE(c.value(QStringLiteral("owner")).toString(), f.bob.userId);
        QCOMPARE(c.value(QStringLiteral("expiresAt")).toInteger(), f.now + 3600);
        QVERIFY(c.value(QStringLiteral("uri")).toString().startsWith(QStringLiteral("turn://")));
        // Still the same region even though b now carries one relay more than the others.
        QCOMPARE(brokerAs(f, f.alice, {{QStringLiteral("ip"), QStringLiteral("127.2.0.78")}}, 200).value(QStringLiteral("resourceId")).toString(), b);
        // In ISP 1: the two relays there take turns (fewest relays handed out first).
        QSet<QString> picked;
        for (int i = 0; i < 2; ++i)
            picked.insert(brokerAs(f, f.alice, {{QStringLiteral("ip"), QStringLiteral("127.1.0.77")}}, 200).value(QStringLiteral("resourceId")).toString());
        QCOMPARE(picked, (QSet<QString>{a1, a2}));
        // Handed-out credentials stop counting once they expire.
        f.now += 3601;
        for (const QString &id : {a1, a2, b})
            QCOMPARE(f.as(f.bob).post(Base + QStringLiteral("/%1/keepalive").arg(id), {}).status, 404);  // expired meanwhile
    }

    void neverAVolunteerWithoutConsentNorAnExpiredRelay()
    {
        OmsFixture f;
        QHash<QString, ConsentAnswer::State> consent;  // user -> what the PAMS says about "rs"
        f.service->setVolunteerConsentSource([&consent](const QString &user, const QString &type) {
            if (type != QLatin1String("rs"))
                return ConsentAnswer::no();
            const auto state = consent.value(user, ConsentAnswer::State::No);
            return ConsentAnswer{state, QStringLiteral("test")};
        });
        // Nothing registered: 503 with a message that says so.
        const HttpResponse none = f.as(f.alice).post(Broker, {});
        QCOMPARE(none.status, 503);
        QCOMPARE(jsonOf(none).value(QStringLiteral("error")).toString(), QStringLiteral("no_relay"));
        QVERIFY(jsonOf(none).value(QStringLiteral("message")).toString().contains(QStringLiteral("no relay server")));

        // A volunteer without consent cannot even register; an unknown consent is a 503 to retry.
        QCOMPARE(f.as(f.bob).post(Base, rsBody(QStringLiteral("127.1.0.9"), 3478, QStringLiteral("volunteer"))).status, 403);
        consent.insert(f.bob.userId, ConsentAnswer::State::Unknown);
        const HttpResponse unknown = f.as(f.bob).post(Base, rsBody(QStringLiteral("127.1.0.9"), 3478, QStringLiteral("volunteer")));
        QCOMPARE(unknown.status, 503);
        QCOMPARE(jsonOf(unknown).value(QStringLiteral("error")).toString(), QStringLiteral("consent_unknown"));
        consent.insert(f.bob.userId, ConsentAnswer::State::Yes);
        const QString volunteer = idOf(f.as(f.bob).post(Base, rsBody(QStringLiteral("127.1.0.9"), 3478, QStringLiteral("volunteer"))));
        QVERIFY(!volunteer.isEmpty());
        QCOMPARE(brokerAs(f, f.alice, {}, 200).value(QStringLiteral("resourceId")).toString(), volunteer);
        // Revoked (or no longer confirmed) at the PAMS: never handed out again.
        for (const auto state : {ConsentAnswer::State::No, ConsentAnswer::State::Unknown}) {
            consent.insert(f.bob.userId, state);
            QCOMPARE(f.as(f.alice).post(Broker, {}).status, 503);
        }
        // A dedicated RS needs no consent, and is handed out until its keep-alives stop.
        consent.insert(f.bob.userId, ConsentAnswer::State::Yes);
        const QString dedicated = idOf(f.as(f.provider).post(Base, rsBody(QStringLiteral("127.1.0.20"), 3478, QStringLiteral("dedicated"))));
        consent.insert(f.bob.userId, ConsentAnswer::State::No);
        QCOMPARE(brokerAs(f, f.bob, {}, 200).value(QStringLiteral("resourceId")).toString(), dedicated);
        f.now += 31;  // resourceTtlSecs (30) without a keep-alive
        QCOMPARE(f.as(f.bob).post(Broker, {}).status, 503);
    }

    void credentialsWorkOnOurRelayServer()
    {
        OmsFixture f;
        f.now = QDateTime::currentSecsSinceEpoch();  // the RS checks the credential's expiry on its own clock
        f.alice = makeUser(f.issuer, f.now);
        f.bob = makeUser(f.issuer, f.now);
        const QHostAddress rsIp(QStringLiteral("127.3.0.1"));
        RelayServer server;
        RelayServerConfig config;
        config.listenAddress = rsIp;
        config.listenPort = 0;
        config.authSecret = "the volunteer's own secret, before the OMS gave one";
        config.allowLoopbackPeers = true;   // every peer of this test is on 127.x
        QString error;
        QVERIFY2(server.start(config, &error), qPrintable(error));
        const HttpResponse registered = f.as(f.bob).post(Base, rsBody(rsIp.toString(), server.port()));
        QCOMPARE(registered.status, 201);
        server.setAuthSecret(jsonOf(registered).value(QStringLiteral("relaySecret")).toString().toLatin1());

        const QByteArray overlay = OmsFixture::hashOf("relayed");
        QCOMPARE(f.createOverlay(f.alice, overlay), 201);
        const QJsonObject c = brokerAs(f, f.alice, {{QStringLiteral("overlayId"), OmsFixture::hexOf(overlay)}}, 200);
        // The URI carries the same user name and password (percent-encoded), as --relay takes it.
        const QUrl uri(c.value(QStringLiteral("uri")).toString());
        QCOMPARE(uri.scheme(), QStringLiteral("turn"));
        QCOMPARE(uri.userName(), c.value(QStringLiteral("username")).toString());
        QCOMPARE(uri.password(), c.value(QStringLiteral("password")).toString());
        QCOMPARE(QHostAddress(uri.host()), rsIp);
        QCOMPARE(uri.port(), int(server.port()));
        const RelayIdentity who = RelayIdentity::fromUsername(uri.userName());
        QCOMPARE(who.userId, f.alice.userId);
        QCOMPARE(who.overlayId, OmsFixture::hexOf(overlay));

        TurnClient client;
        QSignalSpy allocated(&client, &TurnClient::allocated);
        QSignalSpy failed(&client, &TurnClient::failed);
        TurnClientConfig turn;
        turn.serverAddress = rsIp;
        turn.serverPort = quint16(uri.port());
        turn.username = uri.userName();
        turn.password = uri.password();
        client.start(turn);
        QTRY_VERIFY_WITH_TIMEOUT(allocated.count() + failed.count() > 0, 10000);
        QVERIFY2(allocated.count() == 1, failed.isEmpty() ? "" : qPrintable(failed.at(0).at(0).toString()));
        QCOMPARE(server.allocationCount(), 1);
        QCOMPARE(server.allocations().at(0).userId, f.alice.userId);

        // A wrong password is refused by the same server.
        TurnClient forger;
        QSignalSpy forgedFailed(&forger, &TurnClient::failed);
        turn.password = QStringLiteral("AAAA") + turn.password.mid(4);
        forger.start(turn);
        QVERIFY(forgedFailed.wait(10000));
        QCOMPARE(server.allocationCount(), 1);
        client.stop();

        // Credentials minted from the secret the server had before keep working (allocations made
        // just before the OMS's secret arrived keep refreshing); the one before that does not.
        const QString early = RelayAuth::restUsernameFor(f.now + 600, QStringLiteral("early"));
        turn.username = early;
        turn.password = stun::restPassword(config.authSecret, early);
        TurnClient earlyClient;
        QSignalSpy earlyAllocated(&earlyClient, &TurnClient::allocated);
        earlyClient.start(turn);
        QVERIFY(earlyAllocated.wait(10000));
        earlyClient.stop();
        server.setAuthSecret("a third secret");
        server.setAuthSecret("a fourth secret");
        TurnClient tooOld;
        QSignalSpy tooOldFailed(&tooOld, &TurnClient::failed);
        tooOld.start(turn);
        QVERIFY(tooOldFailed.wait(10000));
    }

    void badInputAndNoToken_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("overlay not hex") << QByteArray(R"({"overlayId": "zz00000000000000000000000000000000000000"})") << QStringLiteral("overlayId");
        QTest::newRow("overlay short") << QByteArray(R"({"overlayId": "abc"})") << QStringLiteral("overlayId");
        QTest::newRow("overlay number") << QByteArray(R"({"overlayId": 5})") << QStringLiteral("overlayId");
        QTest::newRow("ip not an address") << QByteArray(R"({"ip": "example.org"})") << QStringLiteral("ip");
        QTest::newRow("region empty") << QByteArray(R"({"region": ""})") << QStringLiteral("region");
        QTest::newRow("not an object") << QByteArray("[1, 2]") << QString();
        QTest::newRow("not json") << QByteArray("{overlayId") << QString();
    }

    void badInputAndNoToken()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        OmsFixture f;
        QCOMPARE(f.as(f.bob).post(Base, rsBody(QStringLiteral("127.1.0.9"))).status, 201);
        const HttpResponse r = f.as(f.alice).call(HttpMethod::Post, Broker, body);
        QCOMPARE(r.status, 400);
        QVERIFY(!jsonOf(r).value(QStringLiteral("message")).toString().isEmpty());
        if (!field.isEmpty())
            QCOMPARE(jsonOf(r).value(QStringLiteral("field")).toString(), field);
        // No token, or a bad one: 401.
        QCOMPARE(f.anonymous().post(Broker, {}).status, 401);
        QCOMPARE((RouterClient{f.router.get(), QStringLiteral("garbage")}).post(Broker, {}).status, 401);
        // An overlay this OMS does not know: 404.
        QCOMPARE(f.as(f.alice).post(Broker, {{QStringLiteral("overlayId"), OmsFixture::hexOf(OmsFixture::hashOf("nope"))}}).status, 404);
    }

    void relayedPeersAreListedWithTheirRelayAndRegion()
    {
        OmsFixture f;
        TwoIspMap map;
        f.service->setNetworkMap(&map);
        const QByteArray h = OmsFixture::hashOf("swarm");
        QCOMPARE(f.createOverlay(f.alice, h), 201);
        const QString rs = idOf(f.as(f.bob).post(Base, rsBody(QStringLiteral("127.2.0.9"))));
        // bob's RS reports alice's allocation on it (only such a port is listed as relayed).
        const QJsonArray held{QJsonObject{{QStringLiteral("relayedAddress"), QStringLiteral("127.2.0.9:50123")},
                                          {QStringLiteral("userId"), f.alice.userId}, {QStringLiteral("expiresInSecs"), 600}}};
        QCOMPARE(f.as(f.bob).put(Base + QStringLiteral("/%1/relayports").arg(rs), {{QStringLiteral("allocations"), held}}).status, 200);
        // A direct peer in ISP 1, and a NATed one relayed through bob's RS (its relayed port).
        QCOMPARE(f.announce(f.alice, OmsFixture::announceQuery(h, OmsFixture::peerId('d'), QStringLiteral("127.1.0.5"), 6881, 0)).status, 200);
        QCOMPARE(f.announce(f.alice, OmsFixture::announceQuery(h, OmsFixture::peerId('n'), QStringLiteral("198.18.0.7"), 6881, 10,
                                                               QStringLiteral("&relayed=127.2.0.9:50123"))).status, 200);
        const QJsonArray peers = jsonOf(f.operatorView().get(QStringLiteral("/oms/v1/overlays/%1/peers").arg(OmsFixture::hexOf(h))))
                                     .value(QStringLiteral("peers")).toArray();
        QCOMPARE(peers.size(), 2);
        int relayed = 0;
        for (const QJsonValue &v : peers) {
            const QJsonObject p = v.toObject();
            if (p.value(QStringLiteral("ip")).toString() == QLatin1String("127.2.0.9")) {
                ++relayed;
                QCOMPARE(p.value(QStringLiteral("port")).toInt(), 50123);
                QCOMPARE(p.value(QStringLiteral("region")).toString(), QStringLiteral("isp-2"));
                QCOMPARE(p.value(QStringLiteral("relay")).toObject().value(QStringLiteral("resourceId")).toString(), rs);
                QCOMPARE(p.value(QStringLiteral("relay")).toObject().value(QStringLiteral("owner")).toString(), f.bob.userId);
            } else {
                QCOMPARE(p.value(QStringLiteral("region")).toString(), QStringLiteral("isp-1"));
                QVERIFY(!p.contains(QStringLiteral("relay")));
            }
        }
        QCOMPARE(relayed, 1);
        // Without a network map the region is "" (unknown), never missing.
        OmsFixture plain;
        QCOMPARE(plain.createOverlay(plain.alice, h), 201);
        QCOMPARE(plain.announce(plain.alice, OmsFixture::announceQuery(h, OmsFixture::peerId('d'), QStringLiteral("127.1.0.5"), 6881, 0)).status, 200);
        const QJsonObject only = jsonOf(plain.operatorView().get(QStringLiteral("/oms/v1/overlays/%1/peers").arg(OmsFixture::hexOf(h))))
                                     .value(QStringLiteral("peers")).toArray().at(0).toObject();
        QVERIFY(only.contains(QStringLiteral("region")));
        QCOMPARE(only.value(QStringLiteral("region")).toString(), QString());
    }
};

QTEST_MAIN(TestRelayBroker)
#include "tst_relaybroker.moc"
