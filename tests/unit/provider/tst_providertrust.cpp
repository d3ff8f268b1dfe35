// Where ProviderClient sends the user's credentials: only to the hosts the provider's directory
// lists (the URL check itself, a refused call that never connects), and the passkey's rotation
// and re-fetch, against a real in-process P2PSP.
#include "providertesthost.h"

#include <protocol/keys.h>
#include <user/managedpeer_p.h>
#include <user/provider/providerclient.h>

#include <testrequire.h>

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace mp2p;
using namespace mp2p::test;

namespace {
constexpr int Timeout = 20000;

// The raw (bencoded) answer of the tracker to an announce with `passkey`.
QByteArray announceWith(QNetworkAccessManager *network, const QString &base, const QString &passkey)
{
    QNetworkReply *reply = network->get(QNetworkRequest(QUrl(base + QStringLiteral("/announce/") + passkey
                                                             + QStringLiteral("?info_hash=%01%02&peer_id=x&port=1"))));
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, Timeout))
        return "<no answer>";
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}
} // namespace

class TestProviderTrust : public QObject {
    Q_OBJECT
private:
    TestHost m_host;
    QNetworkAccessManager m_network;

    std::unique_ptr<ProviderClient> loggedIn(const Identity &identity)
    {
        auto client = std::make_unique<ProviderClient>(QUrl(m_host.baseUrl()), identity, &m_network);
        QSignalSpy ready(client.get(), &ProviderClient::ready);
        client->connectToProvider();
        if (!ready.wait(Timeout) && ready.isEmpty())
            return nullptr;
        return client;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(initCrypto());
        QVERIFY(m_host.start());
    }

    void onlyTheDirectorysHostsCount()
    {
        const auto client = loggedIn(freshIdentity());
        QVERIFY(client);
        const QUrl base(m_host.baseUrl());
        const QString port = QString::number(base.port());
        const auto url = [](const QString &text) { return QUrl(text); };
        QVERIFY(client->isProviderUrl(url(m_host.baseUrl() + QStringLiteral("/oms/v1/overlays/x"))));
        QVERIFY(client->isProviderUrl(url(QStringLiteral("HTTP://127.0.0.1:%1/x").arg(port))));     // scheme case
        QVERIFY(!client->isProviderUrl(url(QStringLiteral("http://127.0.0.1:%1/x").arg(base.port() + 1))));  // other port
        QVERIFY(!client->isProviderUrl(url(QStringLiteral("http://127.66.0.3:%1/x").arg(port))));  // other host
        QVERIFY(!client->isProviderUrl(url(QStringLiteral("https://127.0.0.1:%1/x").arg(port))));  // other scheme
        QVERIFY(!client->isProviderUrl(url(QStringLiteral("http://127.0.0.1:%1@127.66.0.3:%1/x").arg(port))));  // user-info trick
        QVERIFY(!client->isProviderUrl(url(QStringLiteral("http://127.0.0.1/x"))));  // default port 80
        QVERIFY(!client->isProviderUrl(url(QStringLiteral("not a url"))));
        QVERIFY(!client->isProviderUrl(QUrl()));

        // The record check of ManagedPeer: the directory's OMS, and nothing else.
        QVERIFY(isProvidersOms(client.get(), m_host.baseUrl()));
        QVERIFY(!isProvidersOms(client.get(), QStringLiteral("http://127.0.0.1:%1").arg(base.port() + 1)));
        QVERIFY(!isProvidersOms(client.get(), QStringLiteral("http://127.66.0.3:%1").arg(port)));
        QVERIFY(!isProvidersOms(client.get(), QStringLiteral("https://127.0.0.1:%1").arg(port)));
        QVERIFY(!isProvidersOms(client.get(), QString()));
        QVERIFY(!isProvidersOms(client.get(), QStringLiteral("javascript:alert(1)")));
    }

    // A URL from a record (the desktop asks an overlay's OMS for its swarm size) that is not the
    // provider's: refused with the reason, and not even a connection is made.
    void foreignUrlIsNeverContacted()
    {
        QTcpServer foreign;
        MP2P_REQUIRE(foreign.listen(QHostAddress(QStringLiteral("127.66.0.3")), 0),
                     "cannot listen on 127.66.0.3 (run inside a network namespace with lo up)");
        int connections = 0;
        connect(&foreign, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *s = foreign.nextPendingConnection()) {
                ++connections;
                s->close();
            }
        });
        const auto client = loggedIn(freshIdentity());
        QVERIFY(client);
        const QUrl target(QStringLiteral("http://127.66.0.3:%1/oms/v1/overlays/abc").arg(foreign.serverPort()));
        const JsonReply r = waitReply([&](auto done) { client->callUrl("GET", target, {}, done); });
        QCOMPARE(r.status, 0);
        QVERIFY2(r.problem.contains(QStringLiteral("is not a service of the provider")) && r.problem.contains(QStringLiteral("nothing was sent")),
                 qPrintable(r.problem));
        // The provider's own URL through the same call works.
        const JsonReply own = waitReply([&](auto done) {
            client->callUrl("GET", client->serviceUrl(QStringLiteral("ums"), QStringLiteral("/ums/v1/passkey")), {}, done);
        });
        QCOMPARE(own.status, 200);
        QCoreApplication::processEvents();
        QCOMPARE(connections, 0);
    }

    // Rotation: a new passkey, passkeyChanged, the old one refused by the OMS. A second program
    // of the same user learns it with refreshPasskey().
    void rotationReplacesThePasskeyEverywhere()
    {
        const Identity identity = freshIdentity();
        const auto desktop = loggedIn(identity);
        const auto daemon = loggedIn(identity);
        QVERIFY(desktop && daemon);
        const QString old = desktop->passkey();
        QCOMPARE(daemon->passkey(), old);
        QVERIFY(!announceWith(&m_network, m_host.baseUrl(), old).contains("unknown passkey"));

        QSignalSpy changed(desktop.get(), &ProviderClient::passkeyChanged);
        const JsonReply rotated = waitReply([&](auto done) { desktop->rotatePasskey(done); });
        QCOMPARE(rotated.status, 201);
        QCOMPARE(changed.size(), 1);
        const QString fresh = desktop->passkey();
        QCOMPARE(changed.first().first().toString(), fresh);
        QVERIFY(fresh != old && fresh.size() == 64);
        QVERIFY(desktop->announceUrl().endsWith(fresh));
        QVERIFY(announceWith(&m_network, m_host.baseUrl(), old).contains("unknown passkey"));
        QVERIFY(!announceWith(&m_network, m_host.baseUrl(), fresh).contains("unknown passkey"));

        QSignalSpy daemonChanged(daemon.get(), &ProviderClient::passkeyChanged);
        QCOMPARE(waitReply([&](auto done) { daemon->refreshPasskey(done); }).status, 200);
        QCOMPARE(daemonChanged.size(), 1);
        QCOMPARE(daemon->passkey(), fresh);
        // Asking again when nothing changed: no signal.
        QCOMPARE(waitReply([&](auto done) { daemon->refreshPasskey(done); }).status, 200);
        QCOMPARE(daemonChanged.size(), 1);
    }
};

MP2P_TEST_GUILESS_MAIN(TestProviderTrust)
#include "tst_providertrust.moc"
