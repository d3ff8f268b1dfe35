// Our RS end to end on loopback with our TurnClient as the Qt test client: allocation,
// permissions, ConnectionAttempt/ConnectionBind, bytes both ways, credentials (static, TURN
// REST, wrong, stale nonce), the volunteer's limits, and stop().
#include "relaytestkit.h"

#include <relay/relayserver.h>

#include <QDateTime>
#include <QElapsedTimer>
#include <QRandomGenerator>

using namespace mp2p;
using namespace relaytest;

namespace {
const QHostAddress kServerIp(QStringLiteral("127.0.0.1"));
const QHostAddress kClientIp(QStringLiteral("127.1.0.2"));
const QHostAddress kPeerIp(QStringLiteral("127.2.0.3"));
const QHostAddress kStrangerIp(QStringLiteral("127.2.0.9"));
}

class TestRelayServer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void allocatePermitBindAndRelay();
    void peerWithoutPermissionIsRefused();
    void wrongPasswordGets401();
    void restCredentialsAndOverlayCounters();
    void staleNonceIsRetried();
    void junkDoesNotHurt();
    void slowReaderHoldsTheSenderBack();
    void uploadCapHolds();
    void maxConnectionsRefusesTheNext();
    void stopClosesEverythingAtOnce();

private:
    bool startServer(const QByteArray &secret = {});
    TurnClient *allocate(const QString &user, const QString &password);
    QTcpSocket *relayedPeer(TurnClient *client, Accepted *accepted, QTcpSocket **appSide);

    RelayServer *m_server = nullptr;
};

void TestRelayServer::init()
{
    m_server = new RelayServer(this);
}

void TestRelayServer::cleanup()
{
    delete m_server;
    m_server = nullptr;
}

bool TestRelayServer::startServer(const QByteArray &secret)
{
    RelayServerConfig config;
    config.listenAddress = kServerIp;
    config.listenPort = 0;
    config.users.insert(QStringLiteral("alice"), QStringLiteral("wonderland"));
    config.authSecret = secret;
    config.allowLoopbackPeers = true;   // every peer of this test is on 127.x
    QString error;
    const bool ok = m_server->start(config, &error);
    if (!ok)
        qWarning() << error;
    return ok;
}

TurnClient *TestRelayServer::allocate(const QString &user, const QString &password)
{
    auto *client = new TurnClient(m_server);
    TurnClientConfig cc;
    cc.serverAddress = kServerIp;
    cc.serverPort = m_server->port();
    cc.username = user;
    cc.password = password;
    cc.localAddress = kClientIp;
    client->start(cc);
    return client;
}

// Connects a peer to |client|'s relayed address and returns it once the client was handed the
// bound data connection (|appSide|).
QTcpSocket *TestRelayServer::relayedPeer(TurnClient *client, Accepted *accepted, QTcpSocket **appSide)
{
    const int before = int(accepted->sockets.size());
    QTcpSocket *peer = connectPeer(kPeerIp, client->relayedEndpoint().address, client->relayedEndpoint().port, this);
    if (!QTest::qWaitFor([&] { return accepted->sockets.size() > before; }, 10000))
        return nullptr;
    *appSide = accepted->sockets.last();
    return peer;
}

void TestRelayServer::allocatePermitBindAndRelay()
{
    QVERIFY(startServer());
    TurnClient *client = allocate(QStringLiteral("alice"), QStringLiteral("wonderland"));
    QSignalSpy allocated(client, &TurnClient::allocated);
    QVERIFY(allocated.wait(10000));
    QCOMPARE(client->relayedEndpoint().address, kServerIp);
    QVERIFY(client->relayedEndpoint().port != 0);
    QCOMPARE(client->mappedEndpoint().address, kClientIp);
    QCOMPARE(m_server->allocationCount(), 1);

    QSignalSpy granted(client, &TurnClient::permissionsGranted);
    client->grantPermissions({kPeerIp});
    QVERIFY(granted.wait(10000));

    Accepted accepted;
    collect(client, &accepted, this);
    QTcpSocket *app = nullptr;
    QTcpSocket *peer = relayedPeer(client, &accepted, &app);
    QVERIFY(peer && app);
    QCOMPARE(accepted.peers.last(), kPeerIp);

    // 3 MiB each way at the same time, byte-identical.
    const QByteArray up = pattern(3 << 20, 1), down = pattern(3 << 20, 2);
    peer->write(up);
    app->write(down);
    QByteArray atApp, atPeer;
    readBoth(app, up.size(), &atApp, peer, down.size(), &atPeer);
    QCOMPARE(atApp.size(), up.size());
    QVERIFY(atApp == up);
    QCOMPARE(atPeer.size(), down.size());
    QVERIFY(atPeer == down);
    QCOMPARE(m_server->totalBytesRelayed(), qint64(up.size() + down.size()));
    QCOMPARE(m_server->bytesByUser().value(QStringLiteral("alice")), qint64(up.size() + down.size()));
    const auto info = m_server->allocations();
    QCOMPARE(info.size(), 1);
    QCOMPARE(info[0].bytesToPeers, qint64(down.size()));
    QCOMPARE(info[0].bytesFromPeers, qint64(up.size()));

    // Closing one end closes the other after the bytes already sent.
    peer->write("bye");
    peer->disconnectFromHost();
    QVERIFY(QTest::qWaitFor([&] { return app->state() == QAbstractSocket::UnconnectedState; }, 5000));
    QCOMPARE(app->readAll(), QByteArray("bye"));
    client->stop();
    QTRY_COMPARE_WITH_TIMEOUT(m_server->allocationCount(), 0, 5000);
}

void TestRelayServer::peerWithoutPermissionIsRefused()
{
    QVERIFY(startServer());
    TurnClient *client = allocate(QStringLiteral("alice"), QStringLiteral("wonderland"));
    QSignalSpy allocated(client, &TurnClient::allocated);
    QVERIFY(allocated.wait(10000));
    QSignalSpy granted(client, &TurnClient::permissionsGranted);
    client->grantPermissions({kPeerIp});
    QVERIFY(granted.wait(10000));
    Accepted accepted;
    collect(client, &accepted, this);
    QTcpSocket *stranger = connectPeer(kStrangerIp, kServerIp, client->relayedEndpoint().port, this);
    QVERIFY(QTest::qWaitFor([&] { return stranger->state() == QAbstractSocket::UnconnectedState; }, 5000));
    QTest::qWait(200);  // a negative check: the refused stranger must never reach the client
    QCOMPARE(accepted.sockets.size(), 0);
}

void TestRelayServer::wrongPasswordGets401()
{
    QVERIFY(startServer());
    TurnClient *client = allocate(QStringLiteral("alice"), QStringLiteral("looking-glass"));
    QSignalSpy failed(client, &TurnClient::failed);
    QVERIFY(failed.wait(10000));
    const QString why = failed.first().first().toString();
    QVERIFY2(why.contains(QStringLiteral("401")), qPrintable(why));
    QVERIFY2(why.contains(QStringLiteral("password")), qPrintable(why));
    QCOMPARE(m_server->allocationCount(), 0);
}

void TestRelayServer::restCredentialsAndOverlayCounters()
{
    const QByteArray secret = "shared-with-coturn";
    QVERIFY(startServer(secret));
    const QString user = RelayAuth::restUsernameFor(QDateTime::currentSecsSinceEpoch() + 3600,
                                                    QStringLiteral("u42"), QStringLiteral("overlayA"));
    TurnClient *client = allocate(user, stun::restPassword(secret, user));
    QSignalSpy allocated(client, &TurnClient::allocated);
    QVERIFY(allocated.wait(10000));
    QSignalSpy granted(client, &TurnClient::permissionsGranted);
    client->grantPermissions({kPeerIp});
    QVERIFY(granted.wait(10000));
    Accepted accepted;
    collect(client, &accepted, this);
    QTcpSocket *app = nullptr;
    QTcpSocket *peer = relayedPeer(client, &accepted, &app);
    QVERIFY(peer && app);
    peer->write(pattern(100000, 3));
    QCOMPARE(readAll(app, 100000).size(), 100000);
    QCOMPARE(m_server->bytesByUser().value(QStringLiteral("u42")), qint64(100000));
    QCOMPARE(m_server->bytesByOverlay().value(QStringLiteral("overlayA")), qint64(100000));

    // An expired REST credential is refused.
    const QString old = RelayAuth::restUsernameFor(QDateTime::currentSecsSinceEpoch() - 10, QStringLiteral("u42"));
    TurnClient *late = allocate(old, stun::restPassword(secret, old));
    QSignalSpy failed(late, &TurnClient::failed);
    QVERIFY(failed.wait(10000));
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("401")));
}

void TestRelayServer::staleNonceIsRetried()
{
    QVERIFY(startServer());
    qint64 now = QDateTime::currentSecsSinceEpoch();
    m_server->auth().setClock([&now] { return now; });
    TurnClient *client = allocate(QStringLiteral("alice"), QStringLiteral("wonderland"));
    QSignalSpy allocated(client, &TurnClient::allocated);
    QVERIFY(allocated.wait(10000));
    now += 3600;   // every nonce handed out so far is stale now: 438, new nonce, retry
    QSignalSpy granted(client, &TurnClient::permissionsGranted);
    QSignalSpy failed(client, &TurnClient::failed);
    client->grantPermissions({kPeerIp});
    QVERIFY(granted.wait(10000));
    QCOMPARE(failed.size(), 0);
}

void TestRelayServer::junkDoesNotHurt()
{
    QVERIFY(startServer());
    QRandomGenerator rng(7);
    for (int i = 0; i < 20; ++i) {
        QTcpSocket junk;
        junk.connectToHost(kServerIp, m_server->port());
        QVERIFY(QTest::qWaitFor([&] { return junk.state() == QAbstractSocket::ConnectedState; }, 5000));
        QByteArray bytes(int(rng.bounded(1, 3000)), Qt::Uninitialized);
        for (char &c : bytes)
            c = char(rng.generate());
        if (i % 2)
            bytes[0] = 0;   // looks like STUN at first
        junk.write(bytes);
        // Junk that is not STUN framing is cut off at once; other junk waits for more bytes.
        if (!QTest::qWaitFor([&] { return junk.state() == QAbstractSocket::UnconnectedState; }, 300))
            junk.abort();
    }
    TurnClient *client = allocate(QStringLiteral("alice"), QStringLiteral("wonderland"));
    QSignalSpy allocated(client, &TurnClient::allocated);
    QVERIFY(allocated.wait(10000));
}

void TestRelayServer::slowReaderHoldsTheSenderBack()
{
    QVERIFY(startServer());
    TurnClient *client = allocate(QStringLiteral("alice"), QStringLiteral("wonderland"));
    QSignalSpy allocated(client, &TurnClient::allocated);
    QVERIFY(allocated.wait(10000));
    QSignalSpy granted(client, &TurnClient::permissionsGranted);
    client->grantPermissions({kPeerIp});
    QVERIFY(granted.wait(10000));
    Accepted accepted;
    collect(client, &accepted, this);
    QTcpSocket *app = nullptr;
    QTcpSocket *peer = relayedPeer(client, &accepted, &app);
    QVERIFY(peer && app);
    app->setReadBufferSize(64 * 1024);   // the application stops reading for a while

    const qint64 total = 48ll << 20;
    const QByteArray data = pattern(total, 9);
    peer->write(data);
    QTest::qWait(1500);  // the stall itself is the test: let the relay forward what it will
    // Only socket buffers hold the rest: the relay forwarded a bounded amount and keeps no
    // unbounded queue of its own (kernel buffers on loopback grow to a few MiB each).
    const qint64 whileStalled = m_server->totalBytesRelayed();
    qInfo("relayed while the reader stalled: %.1f MiB of %.0f MiB", double(whileStalled) / 1048576.0,
          double(total) / 1048576.0);
    QVERIFY2(whileStalled < 24ll << 20, qPrintable(QString::number(whileStalled)));
    // Then the reader drains everything, and no byte is stuck behind a paused socket.
    app->setReadBufferSize(0);
    QByteArray got, none;
    readBoth(app, total, &got, peer, 0, &none);
    QCOMPARE(got.size(), data.size());
    QVERIFY(got == data);
}

void TestRelayServer::uploadCapHolds()
{
    QVERIFY(startServer());
    const qint64 cap = 4 * 1024 * 1024;
    m_server->setLimits({cap, 0});
    TurnClient *client = allocate(QStringLiteral("alice"), QStringLiteral("wonderland"));
    QSignalSpy allocated(client, &TurnClient::allocated);
    QVERIFY(allocated.wait(10000));
    QSignalSpy granted(client, &TurnClient::permissionsGranted);
    client->grantPermissions({kPeerIp});
    QVERIFY(granted.wait(10000));
    Accepted accepted;
    collect(client, &accepted, this);
    QTcpSocket *app = nullptr;
    QTcpSocket *peer = relayedPeer(client, &accepted, &app);
    QVERIFY(peer && app);

    // The peer pushes as fast as it can; the app side measures what arrives over >= 3 s,
    // after the first 0.5 s (the bucket's initial burst and the socket buffers filling).
    const QByteArray chunk = pattern(256 * 1024, 4);
    QElapsedTimer clock;
    clock.start();
    qint64 received = 0, windowBytes = 0, windowStart = -1;
    while (clock.elapsed() < 4000) {
        if (peer->bytesToWrite() < 1024 * 1024)
            peer->write(chunk);
        QTest::qWait(1);
        const qint64 n = app->readAll().size();
        received += n;
        if (clock.elapsed() >= 500) {
            if (windowStart < 0)
                windowStart = clock.elapsed();
            else
                windowBytes += n;
        }
    }
    const double seconds = double(clock.elapsed() - windowStart) / 1000.0;
    const double rate = double(windowBytes) / seconds;
    const double ratio = rate / double(cap);
    qInfo("relayed %.2f MiB/s with a cap of %.2f MiB/s over %.1f s: %.1f %% of the cap",
          rate / 1048576.0, double(cap) / 1048576.0, seconds, ratio * 100.0);
    // The 10 % figure is in the benchmark; here a loaded 2-core box gets 25 %.
    QVERIFY2(ratio > 0.75 && ratio < 1.25, qPrintable(QString::number(ratio)));

    // A new cap applies at once (to the same running connection).
    m_server->setLimits({cap / 4, 0});
    QTest::qWait(300);  // drains what was relayed under the old cap before the new window
    app->readAll();
    clock.restart();
    qint64 after = 0;
    while (clock.elapsed() < 2000) {
        if (peer->bytesToWrite() < 1024 * 1024)
            peer->write(chunk);
        QTest::qWait(1);
        after += app->readAll().size();
    }
    const double lowered = double(after) / (double(clock.elapsed()) / 1000.0) / double(cap / 4);
    qInfo("after lowering the cap: %.1f %% of the new cap", lowered * 100.0);
    QVERIFY2(lowered < 1.3, qPrintable(QString::number(lowered)));
}

void TestRelayServer::maxConnectionsRefusesTheNext()
{
    QVERIFY(startServer());
    m_server->setLimits({0, 2});
    TurnClient *client = allocate(QStringLiteral("alice"), QStringLiteral("wonderland"));
    QSignalSpy allocated(client, &TurnClient::allocated);
    QVERIFY(allocated.wait(10000));
    QSignalSpy granted(client, &TurnClient::permissionsGranted);
    client->grantPermissions({kPeerIp});
    QVERIFY(granted.wait(10000));
    Accepted accepted;
    collect(client, &accepted, this);
    QTcpSocket *app1 = nullptr, *app2 = nullptr, *app3 = nullptr;
    QVERIFY(relayedPeer(client, &accepted, &app1));
    QVERIFY(relayedPeer(client, &accepted, &app2));
    QCOMPARE(m_server->relayedConnectionCount(), 2);
    Q_UNUSED(app3);
    QTcpSocket *third = connectPeer(kPeerIp, kServerIp, client->relayedEndpoint().port, this);
    QVERIFY(QTest::qWaitFor([&] { return third->state() == QAbstractSocket::UnconnectedState; }, 5000));
    QCOMPARE(m_server->refusedConnections(), 1);
    QCOMPARE(accepted.sockets.size(), 2);
}

void TestRelayServer::stopClosesEverythingAtOnce()
{
    QVERIFY(startServer());
    TurnClient *client = allocate(QStringLiteral("alice"), QStringLiteral("wonderland"));
    QSignalSpy allocated(client, &TurnClient::allocated);
    QVERIFY(allocated.wait(10000));
    QSignalSpy granted(client, &TurnClient::permissionsGranted);
    client->grantPermissions({kPeerIp});
    QVERIFY(granted.wait(10000));
    Accepted accepted;
    collect(client, &accepted, this);
    QList<QTcpSocket *> ends;
    for (int i = 0; i < 3; ++i) {
        QTcpSocket *app = nullptr;
        QTcpSocket *peer = relayedPeer(client, &accepted, &app);
        QVERIFY(peer && app);
        ends << peer << app;
        peer->write(pattern(1 << 20, i));   // traffic in flight while stopping
    }
    QSignalSpy failed(client, &TurnClient::failed);
    QElapsedTimer clock;
    clock.start();
    m_server->stop();
    QVERIFY(QTest::qWaitFor([&] {
        for (QTcpSocket *s : ends)
            if (s->state() != QAbstractSocket::UnconnectedState)
                return false;
        return failed.size() == 1;
    }, 1000));
    qInfo("every relayed connection and the allocation closed in %lld ms", clock.elapsed());
    QCOMPARE(m_server->allocationCount(), 0);
    QVERIFY(!m_server->isRunning());
}

QTEST_GUILESS_MAIN(TestRelayServer)
#include "tst_relayserver.moc"
