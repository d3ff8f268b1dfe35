// ProviderClient against a real in-process P2PSP: discovery, login, retry while the provider
// is away, token refresh, connected state, re-login on 401, and the OCMP/OMP calls.
#include "providertesthost.h"

#include <protocol/token.h>
#include <user/provider/providerclient.h>

#include <QDateTime>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace mp2p;
using namespace mp2p::test;

namespace {
constexpr int Timeout = 20000;

// The token's claims, checked with the UMS key the directory publishes.
TokenStatus verifyToken(const ProviderClient &client, TokenClaims *claims)
{
    const auto key = fromBase64Url(client.directory().value(QStringLiteral("umsPublicKey")).toString().toLatin1());
    if (!key)
        return TokenStatus::Malformed;
    return TokenVerifier(*key).verify(client.token(), QDateTime::currentSecsSinceEpoch(), claims);
}
} // namespace

class TestProviderClient : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(initCrypto()); }

    void connectsAndLogsIn()
    {
        TestHost host;
        QVERIFY(host.start());
        QNetworkAccessManager network;
        ProviderClient client(QUrl(host.baseUrl()), freshIdentity(), &network);
        QSignalSpy ready(&client, &ProviderClient::ready);
        QSignalSpy tokens(&client, &ProviderClient::tokenChanged);
        QSignalSpy connected(&client, &ProviderClient::connectedChanged);
        QVERIFY(!client.isReady());
        client.connectToProvider();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, Timeout);
        QVERIFY(client.isReady());
        QVERIFY(client.isConnected());
        QCOMPARE(connected.count(), 1);
        QCOMPARE(connected.first().first().toBool(), true);
        QCOMPARE(tokens.count(), 1);
        QCOMPARE(tokens.first().first().toString(), client.token());

        TokenClaims claims;
        QCOMPARE(verifyToken(client, &claims), TokenStatus::Valid);
        QCOMPARE(claims.userId, client.identity().userId);
        QCOMPARE(client.tokenExpiresAt(), claims.expiresAt);
        // The tracker URL carries the passkey, never the bearer token.
        QCOMPARE(client.passkey().size(), 64);
        QCOMPARE(client.announceUrl(), host.baseUrl() + QStringLiteral("/announce/") + client.passkey());
        QVERIFY(!client.announceUrl().contains(client.token()));
        QCOMPARE(client.serviceUrl(QStringLiteral("ixs"), QStringLiteral("/ixs/v1/content")),
                 QUrl(host.baseUrl() + QStringLiteral("/ixs/v1/content")));

        // The key is registered under the default display name.
        const JsonReply profile = getJson(&network, QUrl(host.baseUrl() + QStringLiteral("/ums/v1/users/") + client.identity().userId));
        QCOMPARE(profile.status, 200);
        QCOMPARE(profile.body.value(QStringLiteral("displayName")).toString(), QStringLiteral("peer-") + client.identity().userId.left(8));

        // A second client with the same key: the UMS answers 200 (already registered), still fine.
        ProviderClient again(QUrl(host.baseUrl()), client.identity(), &network);
        QSignalSpy readyAgain(&again, &ProviderClient::ready);
        again.connectToProvider();
        QTRY_COMPARE_WITH_TIMEOUT(readyAgain.count(), 1, Timeout);
    }

    void unreachableProviderFailsThenRetries()
    {
        const quint16 port = unusedPort();
        QVERIFY(port != 0);
        const QString url = QStringLiteral("http://127.0.0.1:%1").arg(port);
        QNetworkAccessManager network;
        ProviderClient client{QUrl(url), freshIdentity(), &network};
        client.setRetryDelays(200, 1000);
        QSignalSpy ready(&client, &ProviderClient::ready);
        QSignalSpy failed(&client, &ProviderClient::failed);
        client.connectToProvider();
        QTRY_VERIFY_WITH_TIMEOUT(failed.count() >= 1, Timeout);
        const QString problem = failed.first().first().toString();
        QVERIFY2(problem.contains(url), qPrintable(problem));                    // where
        QVERIFY2(problem.contains(QStringLiteral("Retrying")), qPrintable(problem));  // what happens next
        QVERIFY2(problem.contains(QStringLiteral("check")), qPrintable(problem));  // what to do
        QVERIFY(!client.isReady());
        QVERIFY(!client.isConnected());
        // It keeps trying by itself.
        QTRY_VERIFY_WITH_TIMEOUT(failed.count() >= 2, Timeout);
        QCOMPARE(ready.count(), 0);

        TestHost host;
        QVERIFY(host.start(port));
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, Timeout);
        QVERIFY(client.isReady());
        QVERIFY(client.isConnected());
    }

    void notAProviderIsExplained()
    {
        TestHost host;
        QVERIFY(host.start());
        QNetworkAccessManager network;
        // The right server but a wrong path: the directory is not found there.
        ProviderClient client(QUrl(host.baseUrl() + QStringLiteral("/nothing")), freshIdentity(), &network);
        QSignalSpy failed(&client, &ProviderClient::failed);
        client.connectToProvider();
        QTRY_VERIFY_WITH_TIMEOUT(failed.count() >= 1, Timeout);
        const QString problem = failed.first().first().toString();
        QVERIFY2(problem.contains(QStringLiteral("404")), qPrintable(problem));
        QVERIFY2(problem.contains(QStringLiteral("URL of an mp2p provider")), qPrintable(problem));
    }

    void tokenIsRefreshedBeforeItExpires()
    {
        TestHost host;
        host.sections.insert(QStringLiteral("ums"), QJsonObject{{QStringLiteral("tokenTtlSecs"), 60}});
        QVERIFY(host.start());
        QNetworkAccessManager network;
        ProviderClient client(QUrl(host.baseUrl()), freshIdentity(), &network);
        client.setRefreshFraction(0.03);  // ~1.8 s of the 60 s lifetime instead of 48 s
        QSignalSpy ready(&client, &ProviderClient::ready);
        QSignalSpy tokens(&client, &ProviderClient::tokenChanged);
        client.connectToProvider();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, Timeout);
        const QString first = client.token();
        const qint64 firstExpiry = client.tokenExpiresAt();
        QVERIFY(firstExpiry - QDateTime::currentSecsSinceEpoch() <= 60);
        QTRY_VERIFY_WITH_TIMEOUT(tokens.count() >= 2, Timeout);
        QVERIFY(client.token() != first);
        QCOMPARE(tokens.last().first().toString(), client.token());
        QVERIFY(client.tokenExpiresAt() > firstExpiry);
        TokenClaims claims;
        QCOMPARE(verifyToken(client, &claims), TokenStatus::Valid);
        QCOMPARE(ready.count(), 1);  // a refresh is not a new connection
    }

    void refusedRefreshLogsInAgain()
    {
        // The provider comes back with a new UMS key (fresh data folder, same port): the old
        // token is now refused, so the refresh gets a 401 and the client logs in from scratch.
        auto host = std::make_unique<TestHost>();
        QVERIFY(host->start());
        const quint16 port = host->port();
        QNetworkAccessManager network;
        ProviderClient client(QUrl(host->baseUrl()), freshIdentity(), &network);
        QSignalSpy ready(&client, &ProviderClient::ready);
        QSignalSpy tokens(&client, &ProviderClient::tokenChanged);
        client.connectToProvider();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, Timeout);
        const QString oldKey = client.directory().value(QStringLiteral("umsPublicKey")).toString();
        host.reset();
        auto replacement = std::make_unique<TestHost>();
        QVERIFY(replacement->start(port));
        client.setRefreshFraction(0.001);  // refresh right away
        QTRY_VERIFY_WITH_TIMEOUT(tokens.count() >= 2, Timeout);
        const JsonReply key = getJson(&network, QUrl(replacement->baseUrl() + QStringLiteral("/ums/v1/key")));
        const auto newKey = fromBase64Url(key.body.value(QStringLiteral("publicKey")).toString().toLatin1());
        QVERIFY(newKey && QString::fromLatin1(toBase64Url(*newKey)) != oldKey);
        TokenClaims claims;
        QCOMPARE(TokenVerifier(*newKey).verify(client.token(), QDateTime::currentSecsSinceEpoch(), &claims), TokenStatus::Valid);
    }

    void serviceCall401LogsInAgainOnce()
    {
        auto host = std::make_unique<TestHost>();
        QVERIFY(host->start());
        const quint16 port = host->port();
        QNetworkAccessManager network;
        ProviderClient client(QUrl(host->baseUrl()), freshIdentity(), &network);
        QSignalSpy ready(&client, &ProviderClient::ready);
        QSignalSpy tokens(&client, &ProviderClient::tokenChanged);
        client.connectToProvider();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, Timeout);
        host.reset();
        TestHost replacement;  // a new UMS key: the current token is refused everywhere
        QVERIFY(replacement.start(port));
        const TinyTorrent torrent = tinyTorrent(QStringLiteral("relogin.bin"), 1234);
        const JsonReply created = waitReply([&](auto done) {
            client.createOverlay({{QStringLiteral("overlayId"), torrent.infoHashV1}, {QStringLiteral("name"), torrent.name}}, done);
        });
        QVERIFY2(created.status == 201, qPrintable(created.problem));
        QCOMPARE(tokens.count(), 2);
        QCOMPARE(created.body.value(QStringLiteral("owner")).toString(), client.identity().userId);
    }

    void connectedStateFollowsReplies()
    {
        TestHost host;
        QVERIFY(host.start());
        QNetworkAccessManager network;
        ProviderClient client(QUrl(host.baseUrl()), freshIdentity(), &network);
        QSignalSpy ready(&client, &ProviderClient::ready);
        QSignalSpy connected(&client, &ProviderClient::connectedChanged);
        client.connectToProvider();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, Timeout);
        QCOMPARE(connected.count(), 1);

        host.stop();
        const JsonReply down = waitReply([&](auto done) { client.searchContent(QStringLiteral("x"), 1, 10, done); });
        QCOMPARE(down.status, 0);
        QVERIFY(!down.problem.isEmpty());
        QVERIFY(!client.isConnected());
        QCOMPARE(connected.count(), 2);
        QCOMPARE(connected.last().first().toBool(), false);

        QVERIFY(host.start(host.port()));  // same port, same data: the provider is back
        const JsonReply up = waitReply([&](auto done) { client.searchContent(QStringLiteral("x"), 1, 10, done); });
        QCOMPARE(up.status, 200);
        QVERIFY(client.isConnected());
        QCOMPARE(connected.count(), 3);
        QCOMPARE(connected.last().first().toBool(), true);
        QVERIFY(client.isReady());  // the token survived: the UMS kept its key
    }

    void callsBeforeReadyFailCleanly()
    {
        QNetworkAccessManager network;
        ProviderClient client(QUrl(QStringLiteral("http://127.0.0.1:1")), freshIdentity(), &network);
        QSignalSpy connected(&client, &ProviderClient::connectedChanged);
        const JsonReply r = waitReply([&](auto done) { client.getContent(QStringLiteral("abc"), done); });
        QCOMPARE(r.status, 0);
        QVERIFY2(r.problem.contains(QStringLiteral("not connected")), qPrintable(r.problem));
        QCOMPARE(connected.count(), 0);
        QVERIFY(client.announceUrl().isEmpty());
    }

    void contentRoundTrip()
    {
        TestHost host;
        QVERIFY(host.start());
        QNetworkAccessManager network;
        ProviderClient client(QUrl(host.baseUrl()), freshIdentity(), &network);
        QSignalSpy ready(&client, &ProviderClient::ready);
        client.connectToProvider();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, Timeout);

        const TinyTorrent torrent = tinyTorrent(QStringLiteral("aurora.bin"), 20000);
        const QString omsUrl = client.directory().value(QStringLiteral("services")).toObject().value(QStringLiteral("oms")).toString();
        const JsonReply overlay = waitReply([&](auto done) {
            client.createOverlay({{QStringLiteral("overlayId"), torrent.infoHashV1}, {QStringLiteral("name"), torrent.name}}, done);
        });
        QVERIFY2(overlay.status == 201, qPrintable(overlay.problem));
        const JsonReply registered = waitReply([&](auto done) {
            client.registerContent(contentRecord(torrent, QStringLiteral("Aurora borealis timelapse"), omsUrl), done);
        });
        QVERIFY2(registered.status == 201, qPrintable(registered.problem));
        const QString id = registered.body.value(QStringLiteral("id")).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(registered.body.value(QStringLiteral("owner")).toString(), client.identity().userId);

        const JsonReply found = waitReply([&](auto done) { client.searchContent(QStringLiteral("borealis"), 1, 5, done); });
        QCOMPARE(found.status, 200);
        QCOMPARE(found.body.value(QStringLiteral("total")).toInt(), 1);
        QCOMPARE(found.body.value(QStringLiteral("perPage")).toInt(), 5);
        QCOMPARE(found.body.value(QStringLiteral("items")).toArray().first().toObject().value(QStringLiteral("id")).toString(), id);
        const JsonReply none = waitReply([&](auto done) { client.searchContent(QStringLiteral("nonexistentword"), 1, 5, done); });
        QCOMPARE(none.body.value(QStringLiteral("total")).toInt(), 0);

        const JsonReply full = waitReply([&](auto done) { client.getContent(id, done); });
        QCOMPARE(full.status, 200);
        QCOMPARE(fromBase64Url(full.body.value(QStringLiteral("torrent")).toString().toLatin1()).value_or(QByteArray()), torrent.bytes);
        const JsonReply byHash = waitReply([&](auto done) { client.getContentByInfoHash(torrent.infoHashV1, done); });
        QCOMPARE(byHash.body.value(QStringLiteral("id")).toString(), id);

        const JsonReply again = waitReply([&](auto done) {
            client.registerContent(contentRecord(torrent, QStringLiteral("Same again"), omsUrl), done);
        });
        QCOMPARE(again.status, 409);  // a 4xx reaches the caller as it is, with its explanation
        QVERIFY(!again.problem.isEmpty());

        // Not a member of the swarm yet: the member list is not the publisher's to read.
        const JsonReply peers = waitReply([&](auto done) { client.getOverlayPeers(torrent.infoHashV1, done); });
        QCOMPARE(peers.status, 403);
        const JsonReply removed = waitReply([&](auto done) { client.removeContent(id, done); });
        QCOMPARE(removed.status, 204);
        const JsonReply gone = waitReply([&](auto done) { client.getContent(id, done); });
        QCOMPARE(gone.status, 404);
    }
};

QTEST_GUILESS_MAIN(TestProviderClient)
#include "tst_providerclient.moc"
