// Integration: a logout at the UMS reaches a server in ANOTHER mp2pd within its poll interval.
// A runs the UMS; B runs the OMS and the PAMS with remote.ums = A and reads A's revocation feed
// every second. The attack: whoever copied a token keeps using it at B after the victim logged
// out (or ended all sessions) at A, after B restarts, and while B cannot reach A.
#include "flowhelpers.h"

#include <testrequire.h>

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace mp2p;
using namespace mp2p::test;

namespace {

// Logs in with an existing key (a new session of the same user); empty on failure.
QString login(TestHttp &http, const QString &ums, const KeyPair &key)
{
    const QString userId = userIdForPublicKey(key.publicKey());
    const QJsonObject c = http.post(ums + QStringLiteral("/ums/v1/challenges"), {{QStringLiteral("userId"), userId}}).json();
    const QString challengeId = c.value(QStringLiteral("challengeId")).toString();
    const QByteArray signature =
        key.sign(QStringLiteral("mp2p-login:%1:%2").arg(challengeId, c.value(QStringLiteral("challenge")).toString()).toLatin1());
    return http.post(ums + QStringLiteral("/ums/v1/sessions"),
                     {{QStringLiteral("userId"), userId},
                      {QStringLiteral("challengeId"), challengeId},
                      {QStringLiteral("signature"), QString::fromLatin1(toBase64Url(signature))}})
        .json()
        .value(QStringLiteral("token"))
        .toString();
}

} // namespace

class TestRemoteRevocation : public QObject {
    Q_OBJECT

    QTemporaryDir m_data;
    std::unique_ptr<Mp2pdProcess> m_ums;      // A
    std::unique_ptr<Mp2pdProcess> m_overlay;  // B
    QStringList m_overlayArgs;
    TestHttp m_http;

    // A token-only read at B's PAMS: 200 while the token is good there, 401 once refused.
    int statusAtB(const QString &userId, const QString &token)
    {
        return m_http.get(m_overlay->baseUrl() + QStringLiteral("/pams/v1/consent/") + userId, token).status;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        m_ums = std::make_unique<Mp2pdProcess>(m_data.filePath(QStringLiteral("a")));
        QString error;
        MP2P_REQUIRE(m_ums->start({QStringLiteral("--services"), QStringLiteral("ums")}, &error),
                     QStringLiteral("mp2pd cannot run here: ") + error);
        const QString config = m_data.filePath(QStringLiteral("b.json"));
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(QJsonObject{{QStringLiteral("revocationPollSecs"), 1}}).toJson());
        file.close();
        m_overlayArgs = {QStringLiteral("--services"), QStringLiteral("oms,pams"), QStringLiteral("--ums-url"), m_ums->baseUrl(),
                         QStringLiteral("--config"), config};
        m_overlay = std::make_unique<Mp2pdProcess>(m_data.filePath(QStringLiteral("b")));
        QVERIFY2(m_overlay->start(m_overlayArgs, &error), qPrintable(error));
    }

    // A revocationPollSecs out of range stops mp2pd with a message naming it.
    void badPollIntervalIsRefused()
    {
        const QString config = m_data.filePath(QStringLiteral("bad.json"));
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"revocationPollSecs": 600})");
        file.close();
        Mp2pdProcess bad(m_data.filePath(QStringLiteral("bad")));
        QString error;
        QVERIFY(!bad.start({QStringLiteral("--services"), QStringLiteral("oms"), QStringLiteral("--ums-url"), m_ums->baseUrl(),
                            QStringLiteral("--config"), config},
                           &error));
        QVERIFY2(error.contains(QStringLiteral("revocationPollSecs")), qPrintable(error));
    }

    void logoutAtTheUmsIsRefusedInTheOtherProcess()
    {
        const QString ums = m_ums->baseUrl();
        const LoggedInUser victim = registerAndLogin(m_http, ums, QStringLiteral("Victim"));
        const LoggedInUser honest = registerAndLogin(m_http, ums, QStringLiteral("Honest"));
        QVERIFY(!victim.token.isEmpty() && !honest.token.isEmpty());
        QCOMPARE(statusAtB(victim.userId, victim.token), 200);
        QCOMPARE(statusAtB(honest.userId, honest.token), 200);

        // The victim logs out at A; the copy of the token an attacker holds dies at B too.
        QCOMPARE(m_http.request("DELETE", ums + QStringLiteral("/ums/v1/sessions/current"), {}, victim.token).status, 200);
        QElapsedTimer took;
        took.start();
        QTRY_VERIFY_WITH_TIMEOUT(statusAtB(victim.userId, victim.token) == 401, 5000);
        qInfo("logout reached the other mp2pd after %lld ms (poll interval 1 s)", took.elapsed());
        const FakeTorrent torrent = fakeTorrent(301);
        const QJsonObject overlay{{QStringLiteral("overlayId"), torrent.infoHashV1}, {QStringLiteral("name"), QStringLiteral("x")}};
        QCOMPARE(m_http.post(m_overlay->baseUrl() + QStringLiteral("/oms/v1/overlays"), overlay, victim.token).status, 401);
        // The honest user goes on, at B's PAMS and OMS.
        QCOMPARE(statusAtB(honest.userId, honest.token), 200);
        QCOMPARE(m_http.post(m_overlay->baseUrl() + QStringLiteral("/oms/v1/overlays"), overlay, honest.token).status, 201);
        // The victim logs in again and is welcome.
        const QString again = login(m_http, ums, victim.key);
        QVERIFY(!again.isEmpty());
        QCOMPARE(statusAtB(victim.userId, again), 200);
        m_victim = victim;
        m_honest = honest;
    }

    // "End all my sessions" at A ends every session of the user at B, and a login right after
    // it (even in the same second) is accepted there.
    void endAllSessionsIsRefusedInTheOtherProcess()
    {
        const QString ums = m_ums->baseUrl();
        const LoggedInUser user = registerAndLogin(m_http, ums, QStringLiteral("Two devices"));
        const QString laptop = user.token;
        const QString phone = login(m_http, ums, user.key);
        QVERIFY(!laptop.isEmpty() && !phone.isEmpty());
        QCOMPARE(statusAtB(user.userId, phone), 200);
        QCOMPARE(m_http.request("DELETE", ums + QStringLiteral("/ums/v1/users/%1/sessions").arg(user.userId), {}, laptop).status, 200);
        const QString fresh = login(m_http, ums, user.key);
        QVERIFY(!fresh.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(statusAtB(user.userId, laptop) == 401, 5000);
        QCOMPARE(statusAtB(user.userId, phone), 401);
        QCOMPARE(statusAtB(user.userId, fresh), 200);
        QCOMPARE(statusAtB(m_honest.userId, m_honest.token), 200);
    }

    // B reads the feed before it serves: a restart does not re-open a revoked token.
    void restartedVerifierStillRefuses()
    {
        QCOMPARE(m_overlay->terminate(), 0);
        QString error;
        QVERIFY2(m_overlay->start(m_overlayArgs, &error), qPrintable(error));
        QCOMPARE(statusAtB(m_victim.userId, m_victim.token), 401);
        QCOMPARE(statusAtB(m_honest.userId, m_honest.token), 200);
    }

    // A dedicated RS that hands relay credentials to logged-in users checks the same feed: a relay
    // token ("rs" audience) names the session, so a logout at A ends it at the relay too.
    void dedicatedRelayRefusesTokensOfEndedSessions()
    {
        QTcpServer probe;  // a free TURN port for the RS
        QVERIFY(probe.listen(QHostAddress(QStringLiteral("127.0.0.1")), 0));
        const quint16 turnPort = probe.serverPort();
        probe.close();
        const QString config = m_data.filePath(QStringLiteral("rs.json"));
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral(R"({"revocationPollSecs": 1, "rs": {"listen": "127.0.0.1:%1", "allowLoopbackPeers": true,
                                      "authSecret": "relay-secret-for-the-revocation-test-0123"}})")
                       .arg(turnPort)
                       .toUtf8());
        file.close();
        Mp2pdProcess rs(m_data.filePath(QStringLiteral("rs")));
        QString error;
        QVERIFY2(rs.start({QStringLiteral("--services"), QStringLiteral("rs"), QStringLiteral("--ums-url"), m_ums->baseUrl(),
                           QStringLiteral("--config"), config},
                          &error),
                 qPrintable(error));
        const QString ums = m_ums->baseUrl();
        const LoggedInUser victim = registerAndLogin(m_http, ums, QStringLiteral("Relayed victim"));
        const auto relayToken = [&](const QString &token) {
            return m_http.post(ums + QStringLiteral("/ums/v1/tokens"), {{QStringLiteral("audience"), QStringLiteral("rs")}}, token)
                .json()
                .value(QStringLiteral("token"))
                .toString();
        };
        const QString victimRelay = relayToken(victim.token);
        const QString honestRelay = relayToken(login(m_http, ums, m_honest.key));
        QVERIFY(!victimRelay.isEmpty() && !honestRelay.isEmpty());
        const QString credentials = rs.baseUrl() + QStringLiteral("/rs/v1/credentials");
        QCOMPARE(m_http.post(credentials, {}, victimRelay).status, 200);
        QCOMPARE(m_http.request("DELETE", ums + QStringLiteral("/ums/v1/sessions/current"), {}, victim.token).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(m_http.post(credentials, {}, victimRelay).status == 401, 5000);
        QCOMPARE(m_http.post(credentials, {}, honestRelay).status, 200);
    }

    // B cannot reach A: it keeps what it knows for a while (a UMS restart is no outage), then
    // refuses every user token, because it can no longer vouch that none was revoked; once A
    // answers again, tokens work again.
    void unreachableUmsFailsClosedAfterTheBound()
    {
        const QString port = QString::number(m_ums->port());
        QCOMPARE(m_ums->terminate(), 0);
        QCOMPARE(statusAtB(m_victim.userId, m_victim.token), 401);
        QCOMPARE(statusAtB(m_honest.userId, m_honest.token), 200);
        QElapsedTimer down;
        down.start();
        // Poll 1 s: the bound is its floor, 60 s.
        QTRY_VERIFY_WITH_TIMEOUT(statusAtB(m_honest.userId, m_honest.token) == 401, 90000);
        qInfo("B refused tokens %lld ms after the UMS went away", down.elapsed());
        QVERIFY(down.elapsed() >= 55000);
        QString error;
        QVERIFY2(m_ums->start({QStringLiteral("--services"), QStringLiteral("ums"), QStringLiteral("--port"), port}, &error),
                 qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(statusAtB(m_honest.userId, m_honest.token) == 200, 10000);
        QCOMPARE(statusAtB(m_victim.userId, m_victim.token), 401);
    }

private:
    LoggedInUser m_victim;
    LoggedInUser m_honest;
};

MP2P_TEST_GUILESS_MAIN(TestRemoteRevocation)
#include "tst_remote_revocation.moc"
