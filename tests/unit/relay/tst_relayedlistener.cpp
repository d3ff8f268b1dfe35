// The peer's relay glue: connections arriving at the relayed address of a TURN allocation on
// our RS are joined to a local listener (standing in for libtorrent's), bytes both ways.
#include "relaytestkit.h"

#include <relay/relayserver.h>
#include <user/credit/relaydirectory.h>
#include <user/relayed/relayedlistener.h>
#include <user/relayed/relayedpeer.h>

#include <QUrl>

#include <QTcpServer>

using namespace mp2p;
using namespace relaytest;

class TestRelayedListener : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void splicesToTheLocalListener();
    void unreachableTargetClosesThePeer();
    void relayedConnectionsAreAttributedToTheRelayOwner();
    void noOwnerNoAttribution();
    void relaySpecs();
};

namespace {
struct Rig {
    RelayServer server;
    RelayedListener listener;
    bool start(quint16 targetPort)
    {
        RelayServerConfig config;
        config.listenAddress = QHostAddress(QStringLiteral("127.0.0.1"));
        config.listenPort = 0;
        config.users.insert(QStringLiteral("peer"), QStringLiteral("pw"));
        config.allowLoopbackPeers = true;   // every peer of this test is on 127.x
        QString error;
        if (!server.start(config, &error))
            return false;
        TurnClientConfig turn;
        turn.serverAddress = config.listenAddress;
        turn.serverPort = server.port();
        turn.username = QStringLiteral("peer");
        turn.password = QStringLiteral("pw");
        QSignalSpy ready(&listener, &RelayedListener::ready);
        listener.start(turn, QHostAddress::AnyIPv4, targetPort);   // 0.0.0.0 → reached on 127.0.0.1
        if (!ready.wait(10000))
            return false;
        QSignalSpy granted(listener.client(), &TurnClient::permissionsGranted);
        listener.grantPeers({QHostAddress(QStringLiteral("127.2.0.3"))});
        return granted.wait(10000);
    }
};
} // namespace

void TestRelayedListener::splicesToTheLocalListener()
{
    QTcpServer engine;   // libtorrent's listener in the real peer
    QVERIFY(engine.listen(QHostAddress(QStringLiteral("127.0.0.1")), 0));
    Rig rig;
    QVERIFY(rig.start(engine.serverPort()));
    QVERIFY(rig.listener.relayedAddress().startsWith(QStringLiteral("127.0.0.1:")));
    QCOMPARE(rig.listener.announceQuery(), QStringLiteral("&relayed=") + rig.listener.relayedAddress());

    QTcpSocket *peer = connectPeer(QHostAddress(QStringLiteral("127.2.0.3")), rig.listener.relayedEndpoint().address,
                                   rig.listener.relayedEndpoint().port, this);
    peer->write("hello before the join");   // buffered on the way, never lost
    QVERIFY(QTest::qWaitFor([&] { return engine.hasPendingConnections(); }, 10000));
    QTcpSocket *local = engine.nextPendingConnection();
    const QByteArray up = QByteArray("hello before the join") + pattern(1 << 20, 1), down = pattern(1 << 20, 2);
    peer->write(up.mid(21));
    local->write(down);
    QByteArray atLocal, atPeer;
    readBoth(local, up.size(), &atLocal, peer, down.size(), &atPeer);
    QVERIFY(atLocal == up);
    QVERIFY(atPeer == down);
    QCOMPARE(rig.listener.splicedConnections(), 1);
    QCOMPARE(rig.listener.bytesIn(), qint64(up.size()));
    QCOMPARE(rig.listener.bytesOut(), qint64(down.size()));
}

void TestRelayedListener::unreachableTargetClosesThePeer()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress(QStringLiteral("127.0.0.1")), 0));
    const quint16 closedPort = probe.serverPort();
    probe.close();   // nothing listens there now
    Rig rig;
    QVERIFY(rig.start(closedPort));
    QTcpSocket *peer = connectPeer(QHostAddress(QStringLiteral("127.2.0.3")), rig.listener.relayedEndpoint().address,
                                   rig.listener.relayedEndpoint().port, this);
    QVERIFY(QTest::qWaitFor([&] { return peer->state() == QAbstractSocket::ConnectedState; }, 5000));
    QVERIFY(QTest::qWaitFor([&] { return peer->state() == QAbstractSocket::UnconnectedState; }, 10000));
    QCOMPARE(rig.listener.splicedConnections(), 0);
}

// Relay credit on the relayed peer's side (issue 7): libtorrent sees a relayed connection as one
// from the local socket that joins it to the listener. While it is open, the directory maps that
// socket's endpoint (the accepted socket's peer address/port, exactly what libtorrent reports) to
// the RS owner; it is forgotten when the connection closes. A second relay (new owner) applies to
// new connections only, and an old one keeps its owner.
void TestRelayedListener::relayedConnectionsAreAttributedToTheRelayOwner()
{
    const QString ownerA = QStringLiteral("aa").repeated(20), ownerB = QStringLiteral("bb").repeated(20);
    QTcpServer engine;
    QVERIFY(engine.listen(QHostAddress(QStringLiteral("127.0.0.1")), 0));
    Rig rig;
    auto directory = std::make_shared<RelayDirectory>();
    rig.listener.setRelayAttribution(directory, ownerA);
    QVERIFY(rig.start(engine.serverPort()));
    QSignalSpy attributed(&rig.listener, &RelayedListener::connectionAttributed);
    QSignalSpy forgotten(&rig.listener, &RelayedListener::attributionForgotten);

    QTcpSocket *peer1 = connectPeer(QHostAddress(QStringLiteral("127.2.0.3")), rig.listener.relayedEndpoint().address,
                                    rig.listener.relayedEndpoint().port, this);
    QVERIFY(QTest::qWaitFor([&] { return engine.hasPendingConnections(); }, 10000));
    QTcpSocket *local1 = engine.nextPendingConnection();
    QVERIFY(attributed.count() == 1 || attributed.wait(5000));
    QCOMPARE(directory->ownerOf(local1->peerAddress(), local1->peerPort()), std::optional<QString>(ownerA));
    QCOMPARE(attributed.at(0).at(1).value<quint16>(), local1->peerPort());
    QCOMPARE(directory->size(), 1);
    // Bytes flow as before (the attribution changes nothing on the wire).
    peer1->write(pattern(64 << 10, 3));
    QByteArray atLocal, atPeer;
    readBoth(local1, 64 << 10, &atLocal, peer1, 0, &atPeer);
    QVERIFY(atLocal == pattern(64 << 10, 3));

    // The broker names another relay: new connections credit its owner, the open one keeps A.
    rig.listener.setRelayAttribution(directory, ownerB);
    QTcpSocket *peer2 = connectPeer(QHostAddress(QStringLiteral("127.2.0.3")), rig.listener.relayedEndpoint().address,
                                    rig.listener.relayedEndpoint().port, this);
    QVERIFY(QTest::qWaitFor([&] { return engine.hasPendingConnections(); }, 10000));
    QTcpSocket *local2 = engine.nextPendingConnection();
    QVERIFY(attributed.count() == 2 || attributed.wait(5000));
    QCOMPARE(directory->ownerOf(local2->peerAddress(), local2->peerPort()), std::optional<QString>(ownerB));
    QCOMPARE(directory->ownerOf(local1->peerAddress(), local1->peerPort()), std::optional<QString>(ownerA));
    QCOMPARE(directory->size(), 2);
    // Nothing else is attributed: not the relayed peer's own address, not another local port.
    QVERIFY(!directory->ownerOf(QHostAddress(QStringLiteral("127.2.0.3")), peer1->localPort()));

    // The remote peer closes: the pump closes the local socket and the endpoint is forgotten.
    const QHostAddress gone = local1->peerAddress();
    const quint16 gonePort = local1->peerPort();
    peer1->disconnectFromHost();
    QVERIFY(QTest::qWaitFor([&] { return !directory->ownerOf(gone, gonePort); }, 10000));
    QVERIFY(forgotten.count() >= 1);
    QCOMPARE(directory->size(), 1);
    // The engine side closes the other one (libtorrent dropping a peer): forgotten too.
    const QHostAddress gone2 = local2->peerAddress();
    const quint16 gonePort2 = local2->peerPort();
    local2->disconnectFromHost();
    QVERIFY(QTest::qWaitFor([&] { return !directory->ownerOf(gone2, gonePort2); }, 10000));
    QCOMPARE(directory->size(), 0);
    QVERIFY(QTest::qWaitFor([&] { return peer2->state() == QAbstractSocket::UnconnectedState; }, 10000));
    QCOMPARE(rig.listener.splicedConnections(), 2);
}

// --relay turn://... names no owner: the connection is joined, nothing is attributed.
void TestRelayedListener::noOwnerNoAttribution()
{
    QTcpServer engine;
    QVERIFY(engine.listen(QHostAddress(QStringLiteral("127.0.0.1")), 0));
    Rig rig;
    auto directory = std::make_shared<RelayDirectory>();
    rig.listener.setRelayAttribution(directory, QString());
    QVERIFY(rig.start(engine.serverPort()));
    QSignalSpy spliced(&rig.listener, &RelayedListener::connectionSpliced);
    connectPeer(QHostAddress(QStringLiteral("127.2.0.3")), rig.listener.relayedEndpoint().address,
                rig.listener.relayedEndpoint().port, this);
    QVERIFY(spliced.wait(10000));
    QCOMPARE(directory->size(), 0);
    // A listener that outlives its directory is harmless.
    {
        Rig second;
        auto shortLived = std::make_shared<RelayDirectory>();
        second.listener.setRelayAttribution(shortLived, QStringLiteral("cc").repeated(20));
        QVERIFY(second.start(engine.serverPort()));
        QSignalSpy attributed(&second.listener, &RelayedListener::connectionAttributed);
        QTcpSocket *p = connectPeer(QHostAddress(QStringLiteral("127.2.0.3")), second.listener.relayedEndpoint().address,
                                    second.listener.relayedEndpoint().port, this);
        QVERIFY(attributed.wait(10000));
        QCOMPARE(shortLived->size(), 1);
        second.listener.setRelayAttribution(nullptr, QString());
        shortLived.reset();   // the listener's connection holds only a weak reference
        p->abort();
        QTest::qWait(200);  // a negative check: the close reaches a listener whose directory is gone, harmlessly
    }
}

// --relay: "oms" asks the broker; a turn:// URI as the OMS's broker writes it (TURN REST user name
// with ':' and '+', base64 password with '/', '+', '=', all percent-encoded) parses back exactly.
void TestRelayedListener::relaySpecs()
{
    QVERIFY(isBrokeredRelaySpec(QStringLiteral("oms")));
    QVERIFY(isBrokeredRelaySpec(QStringLiteral(" OMS ")));
    QVERIFY(!isBrokeredRelaySpec(QStringLiteral("turn://a:b@127.0.0.1:3478")));
    const QString user = QStringLiteral("1795720000:0123456789abcdef0123456789abcdef01234567+aa00");
    const QString password = QStringLiteral("k/9+Zx==");
    QUrl url;
    url.setScheme(QStringLiteral("turn"));
    url.setUserName(user);
    url.setPassword(password);
    url.setHost(QStringLiteral("127.1.0.9"));
    url.setPort(3478);
    TurnClientConfig turn;
    QString error;
    QVERIFY2(parseRelaySpec(url.toString(QUrl::FullyEncoded), &turn, &error), qPrintable(error));
    QCOMPARE(turn.username, user);
    QCOMPARE(turn.password, password);
    QCOMPARE(turn.serverAddress, QHostAddress(QStringLiteral("127.1.0.9")));
    QCOMPARE(turn.serverPort, quint16(3478));
    // Anything else is refused with what to write instead.
    QVERIFY(!parseRelaySpec(QStringLiteral("omsx"), &turn, &error));
    QVERIFY(error.contains(QStringLiteral("\"oms\"")));
    QVERIFY(!parseRelaySpec(QStringLiteral("turn://u:p@relay.example:3478"), &turn, &error));
}

QTEST_GUILESS_MAIN(TestRelayedListener)
#include "tst_relayedlistener.moc"
