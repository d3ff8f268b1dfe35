// Integration: a real mp2pd attacked over HTTP by a user who wants other users' credentials.
// The attack: publish a record whose omsUrl is the attacker's own tracker (so downloaders
// announce there with their credential), then keep a captured token alive for ever.
#include "flowhelpers.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <testrequire.h>

using namespace mp2p;
using namespace mp2p::test;

namespace {
const QByteArray PeerId = QByteArrayLiteral("-MP0100-theft0000001");

// The attacker's tracker: records every request line it is sent.
class FakeTracker : public QTcpServer {
public:
    QList<QByteArray> requests;
    FakeTracker()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    requests.append(s->readAll());
                    s->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    s->disconnectFromHost();
                });
            }
        });
    }
};
} // namespace

class TestTokenTheft : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void stolenCredentialsAreWorthlessAndRecordsCannotRedirectPeers()
    {
        FakeTracker tracker;
        MP2P_REQUIRE(tracker.listen(QHostAddress(QStringLiteral("127.66.0.1")), 0),
                     "cannot listen on 127.66.0.1 (run inside a network namespace with lo up)");
        const QString evilOms = QStringLiteral("http://127.66.0.1:%1").arg(tracker.serverPort());

        QTemporaryDir data;
        Mp2pdProcess server(data.filePath(QStringLiteral("p2psp")));
        QString error;
        QVERIFY2(server.start({}, &error), qPrintable(error));
        TestHttp http;
        const QString base = server.baseUrl();
        const LoggedInUser victim = registerAndLogin(http, base, QStringLiteral("Victim"));
        const LoggedInUser attacker = registerAndLogin(http, base, QStringLiteral("Attacker"));
        QVERIFY(!victim.token.isEmpty() && !attacker.token.isEmpty());
        QCOMPARE(victim.passkey.size(), 64);

        // 1. The IXS refuses a record that points downloaders at another tracker.
        const FakeTorrent torrent = fakeTorrent(66);
        QCOMPARE(http.post(base + QStringLiteral("/oms/v1/overlays"),
                           {{QStringLiteral("overlayId"), torrent.infoHashV1}, {QStringLiteral("name"), QStringLiteral("bait")}},
                           attacker.token).status, 201);
        const HttpResult bait = http.post(base + QStringLiteral("/ixs/v1/content"),
                                          contentFor(torrent, QStringLiteral("Free movie"), evilOms), attacker.token);
        QCOMPARE(bait.status, 400);
        QCOMPARE(bait.json().value(QStringLiteral("field")).toString(), QStringLiteral("omsUrl"));
        // Same host, other port: still not the provider's OMS.
        const HttpResult otherPort = http.post(base + QStringLiteral("/ixs/v1/content"),
                                               contentFor(torrent, QStringLiteral("Free movie"), QStringLiteral("http://127.0.0.1:1")),
                                               attacker.token);
        QCOMPARE(otherPort.status, 400);
        QCOMPARE(http.post(base + QStringLiteral("/ixs/v1/content"), contentFor(torrent, QStringLiteral("Honest"), base),
                           attacker.token).status, 201);

        // 2. The tracker takes the passkey, not bearer tokens, in its URL.
        const QString ok = announceUrl(base, victim.passkey, torrent.infoHashV1, PeerId, 6881, 100, QStringLiteral("started"), true,
                                       QStringLiteral("127.0.0.9"));
        QVERIFY(http.get(ok).body.contains("interval"));
        const QString withToken = announceUrl(base, victim.token, torrent.infoHashV1, PeerId, 6881, 100, {}, true);
        QVERIFY(http.get(withToken).body.contains("failure reason"));
        // ...and the passkey is no bearer token anywhere.
        QCOMPARE(http.get(base + QStringLiteral("/ums/v1/passkey"), victim.passkey).status, 401);

        // 3. A captured token cannot be refreshed without the victim's key.
        const QJsonObject c = http.post(base + QStringLiteral("/ums/v1/challenges"), {{QStringLiteral("userId"), victim.userId}}).json();
        const QString challengeId = c.value(QStringLiteral("challengeId")).toString();
        const QByteArray forged = attacker.key.sign(
            QStringLiteral("mp2p-login:%1:%2").arg(challengeId, c.value(QStringLiteral("challenge")).toString()).toLatin1());
        const HttpResult refresh = http.post(base + QStringLiteral("/ums/v1/sessions/refresh"),
                                             {{QStringLiteral("challengeId"), challengeId},
                                              {QStringLiteral("signature"), QString::fromLatin1(toBase64Url(forged))}},
                                             victim.token);
        QCOMPARE(refresh.status, 401);
        QCOMPARE(http.post(base + QStringLiteral("/ums/v1/sessions/refresh"), {}, victim.token).status, 400);

        // 4. The victim logs out: the captured token dies at every service of the mp2pd.
        const FakeTorrent before = fakeTorrent(68);
        QCOMPARE(http.post(base + QStringLiteral("/oms/v1/overlays"),
                           {{QStringLiteral("overlayId"), before.infoHashV1}, {QStringLiteral("name"), QStringLiteral("x")}},
                           victim.token).status, 201);
        QCOMPARE(http.request("DELETE", base + QStringLiteral("/ums/v1/sessions/current"), {}, victim.token).status, 200);
        QCOMPARE(http.get(base + QStringLiteral("/ums/v1/passkey"), victim.token).status, 401);
        const FakeTorrent other = fakeTorrent(67);
        QCOMPARE(http.post(base + QStringLiteral("/oms/v1/overlays"),
                           {{QStringLiteral("overlayId"), other.infoHashV1}, {QStringLiteral("name"), QStringLiteral("x")}},
                           victim.token).status, 401);
        QCOMPARE(http.post(base + QStringLiteral("/ixs/v1/content"), contentFor(other, QStringLiteral("x"), base), victim.token).status,
                 401);

        // The honest user logs in again and goes on.
        const LoggedInUser again = registerAndLogin(http, base, QStringLiteral("Victim"));
        QVERIFY(!again.token.isEmpty());

        // Nothing ever reached the attacker's tracker.
        QCoreApplication::processEvents();
        QCOMPARE(tracker.requests.size(), 0);
    }
};

MP2P_TEST_GUILESS_MAIN(TestTokenTheft)
#include "tst_token_theft.moc"
