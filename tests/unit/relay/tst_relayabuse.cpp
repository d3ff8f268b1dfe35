// One user against our RS, over real TURN on TCP (RawTurn sends what an attacker sends): peers in
// loopback, private, link-local, multicast, unspecified and broadcast ranges get 403 Forbidden
// unless the RS allows them (no traffic ever goes to those addresses: the permission is refused
// before anything connects); a user's allocations, the RS's allocations, an allocation's
// permissions and its relayed connections are bounded with the TURN error codes; a permission
// past its lifetime admits nobody and no longer counts.
#include "rawturn.h"
#include "relaytestkit.h"

#include <relay/relayauth.h>
#include <relay/relayserver.h>

#include <QDateTime>

using namespace mp2p;
using namespace relaytest;

namespace {
const QHostAddress kServerIp(QStringLiteral("127.0.0.1"));
const QHostAddress kClientIp(QStringLiteral("127.1.0.2"));
const QHostAddress kPeerIp(QStringLiteral("127.2.0.3"));
const QByteArray kSecret = "the relay's TURN REST secret, 32+ chars";
}

class TestRelayAbuse : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void internalPeersAreForbiddenByDefault_data();
    void internalPeersAreForbiddenByDefault();
    void forbiddenPermissionAdmitsNobody();
    void loopbackAndRangesOnlyWhenAllowed();
    void allocationsPerUserAndInTotal();
    void permissionsPerAllocation();
    void expiredPermissionAdmitsNobodyAndFreesItsPlace();
    void connectionsPerAllocation();
    void badQuotasAreRefusedAtStart();

private:
    bool start(const std::function<void(RelayServerConfig &)> &tune = {});
    // A control connection from 127.1.0.2 with an allocation for |user| (a TURN REST name for
    // the mp2p user id |user|, each call with another expiry, as the OMS's broker mints them).
    RawTurn *client(const QString &user);
    // A peer that connects from |from| to |turn|'s relayed address; true when the RS announced it
    // with a ConnectionAttempt, false when the RS closed it without one.
    bool peerIsAdmitted(RawTurn *turn, const QHostAddress &from);

    RelayServer *m_server = nullptr;
    QList<RawTurn *> m_clients;
    qint64 m_expiry = 0;
};

void TestRelayAbuse::init()
{
    m_server = new RelayServer(this);
    m_expiry = QDateTime::currentSecsSinceEpoch() + 3600;
}

void TestRelayAbuse::cleanup()
{
    qDeleteAll(m_clients);
    m_clients.clear();
    delete m_server;
    m_server = nullptr;
}

bool TestRelayAbuse::start(const std::function<void(RelayServerConfig &)> &tune)
{
    RelayServerConfig config;
    config.listenAddress = kServerIp;
    config.listenPort = 0;
    config.authSecret = kSecret;
    if (tune)
        tune(config);
    QString error;
    const bool ok = m_server->start(config, &error);
    if (!ok)
        qWarning() << error;
    return ok;
}

RawTurn *TestRelayAbuse::client(const QString &user)
{
    const QString name = RelayAuth::restUsernameFor(++m_expiry, user);
    auto *turn = new RawTurn(name, stun::restPassword(kSecret, name));
    m_clients.append(turn);
    if (!turn->connectTo(kClientIp, kServerIp, m_server->port()))
        qWarning() << "cannot reach the RS";
    return turn;
}

bool TestRelayAbuse::peerIsAdmitted(RawTurn *turn, const QHostAddress &from)
{
    const int before = turn->connectionAttempts();
    QTcpSocket *peer = connectPeer(from, turn->relayed().address, turn->relayed().port, this);
    // Connecting until the RS either announces the peer or closes (refuses) it.
    const bool settled = QTest::qWaitFor([&] {
        turn->pump();
        return turn->connectionAttempts() > before || peer->state() == QAbstractSocket::UnconnectedState;
    }, 10000);
    const bool admitted = turn->connectionAttempts() > before;
    if (!settled)
        qWarning() << "the RS neither announced nor closed the peer connection";
    return admitted;
}

void TestRelayAbuse::internalPeersAreForbiddenByDefault_data()
{
    QTest::addColumn<QString>("peer");
    for (const char *ip : {"10.0.0.1", "172.16.5.5", "192.168.1.1", "169.254.1.1", "224.0.0.1", "239.255.255.250",
                           "127.0.0.1", "127.2.0.3", "0.0.0.0", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1",
                           "fd12:3456::1", "ff02::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1"})
        QTest::newRow(ip) << QString::fromLatin1(ip);
}

void TestRelayAbuse::internalPeersAreForbiddenByDefault()
{
    QFETCH(QString, peer);
    QVERIFY(start());
    RawTurn *turn = client(QStringLiteral("mallory"));
    QCOMPARE(turn->allocate(), 0);
    QCOMPARE(turn->createPermission({QHostAddress(peer)}), 403);
    QVERIFY2(turn->lastAnswer().errorReason().contains(QStringLiteral("Forbidden")), qPrintable(turn->lastAnswer().errorReason()));
    // A public peer is still fine: the policy refuses ranges, not permissions (no traffic goes there).
    QCOMPARE(turn->createPermission({QHostAddress(QStringLiteral("198.51.100.7"))}), 0);
}

void TestRelayAbuse::forbiddenPermissionAdmitsNobody()
{
    QVERIFY(start());
    RawTurn *turn = client(QStringLiteral("mallory"));
    QCOMPARE(turn->allocate(), 0);
    QCOMPARE(turn->createPermission({kPeerIp}), 403);
    // One refused address refuses the whole request (RFC 5766 §9.1): the public one is not installed either.
    QCOMPARE(turn->createPermission({QHostAddress(QStringLiteral("198.51.100.7")), QHostAddress(QStringLiteral("10.0.0.1"))}), 403);
    QVERIFY(!peerIsAdmitted(turn, kPeerIp));
    QCOMPARE(m_server->relayedConnectionCount(), 0);
}

void TestRelayAbuse::loopbackAndRangesOnlyWhenAllowed()
{
    QVERIFY(start([](RelayServerConfig &c) {
        c.allowLoopbackPeers = true;
        c.allowedPeerRanges = {QStringLiteral("10.9.0.0/16")};
    }));
    RawTurn *turn = client(QStringLiteral("alice"));
    QCOMPARE(turn->allocate(), 0);
    QCOMPARE(turn->createPermission({kPeerIp}), 0);
    QVERIFY(peerIsAdmitted(turn, kPeerIp));
    QCOMPARE(turn->createPermission({QHostAddress(QStringLiteral("10.9.1.1"))}), 0);   // inside the allowed range
    QCOMPARE(turn->createPermission({QHostAddress(QStringLiteral("10.0.0.1"))}), 403);  // the rest of 10/8 is not
    QCOMPARE(turn->createPermission({QHostAddress(QStringLiteral("192.168.1.1"))}), 403);
    QCOMPARE(turn->createPermission({QHostAddress(QStringLiteral("224.0.0.1"))}), 403);
}

void TestRelayAbuse::allocationsPerUserAndInTotal()
{
    QVERIFY(start([](RelayServerConfig &c) {
        c.maxAllocationsPerUser = 2;
        c.maxAllocations = 3;
    }));
    // mallory's credentials each carry another expiry, so another TURN name: still one user.
    RawTurn *m1 = client(QStringLiteral("mallory"));
    QCOMPARE(m1->allocate(), 0);
    QCOMPARE(client(QStringLiteral("mallory"))->allocate(), 0);
    RawTurn *m3 = client(QStringLiteral("mallory"));
    QCOMPARE(m3->allocate(), 486);
    QCOMPARE(m_server->allocationCountOf(QStringLiteral("mallory")), 2);
    // Another user still gets one while mallory is at her quota.
    QCOMPARE(client(QStringLiteral("bob"))->allocate(), 0);
    // The RS is full now (3): the next user gets 508, which tells the client to try another relay.
    RawTurn *carol = client(QStringLiteral("carol"));
    QCOMPARE(carol->allocate(), 508);
    QCOMPARE(m_server->allocationCount(), 3);
    // Deleting one (Refresh with LIFETIME 0) gives its place back.
    stun::Message refresh;
    refresh.addU32(stun::Lifetime, 0);
    QCOMPARE(m1->request(stun::Refresh, refresh.attributes()), 0);
    QTRY_COMPARE(m_server->allocationCount(), 2);
    QCOMPARE(carol->allocate(), 0);
    QCOMPARE(m3->allocate(), 508);   // mallory is under her quota again, but the RS is full
}

void TestRelayAbuse::permissionsPerAllocation()
{
    QVERIFY(start([](RelayServerConfig &c) {
        c.allowLoopbackPeers = true;
        c.maxPermissionsPerAllocation = 4;
    }));
    RawTurn *turn = client(QStringLiteral("mallory"));
    QCOMPARE(turn->allocate(), 0);
    const QList<QHostAddress> four{QHostAddress(QStringLiteral("127.3.0.1")), QHostAddress(QStringLiteral("127.3.0.2")),
                                   QHostAddress(QStringLiteral("127.3.0.3")), QHostAddress(QStringLiteral("127.3.0.4"))};
    QCOMPARE(turn->createPermission(four), 0);
    QCOMPARE(turn->createPermission({four.first()}), 0);   // refreshing one is not a new one
    QCOMPARE(turn->createPermission({QHostAddress(QStringLiteral("127.3.0.5"))}), 508);
    QVERIFY(turn->lastAnswer().errorReason().contains(QStringLiteral("at most 4 permissions")));
    // A burst far beyond the quota in one request is refused whole, and the next one too.
    QList<QHostAddress> many;
    for (int i = 1; i <= 200; ++i)
        many.append(QHostAddress(QStringLiteral("127.4.%1.%2").arg(i / 250).arg(i % 250 + 1)));
    QCOMPARE(turn->createPermission(many), 508);
    QCOMPARE(turn->createPermission({QHostAddress(QStringLiteral("127.3.0.6"))}), 508);
    // Another allocation has its own quota.
    RawTurn *other = client(QStringLiteral("bob"));
    QCOMPARE(other->allocate(), 0);
    QCOMPARE(other->createPermission({QHostAddress(QStringLiteral("127.3.0.5"))}), 0);
}

void TestRelayAbuse::expiredPermissionAdmitsNobodyAndFreesItsPlace()
{
    QVERIFY(start([](RelayServerConfig &c) {
        c.allowLoopbackPeers = true;
        c.maxPermissionsPerAllocation = 1;
        c.permissionLifetime = 2;   // RFC 5766's 300 s, shortened
    }));
    RawTurn *turn = client(QStringLiteral("alice"));
    QCOMPARE(turn->allocate(), 0);
    QCOMPARE(turn->createPermission({kPeerIp}), 0);
    QVERIFY(peerIsAdmitted(turn, kPeerIp));   // live: it admits
    const QHostAddress next(QStringLiteral("127.2.0.4"));
    QCOMPARE(turn->createPermission({next}), 508);   // live: it counts
    // Once expired it no longer counts: a permission for another peer fits again.
    QTRY_COMPARE_WITH_TIMEOUT(turn->createPermission({next}), 0, 10000);
    QVERIFY(peerIsAdmitted(turn, next));
    // ...and no longer admits: the old peer is closed without a ConnectionAttempt.
    QVERIFY(!peerIsAdmitted(turn, kPeerIp));
}

void TestRelayAbuse::connectionsPerAllocation()
{
    QVERIFY(start([](RelayServerConfig &c) {
        c.allowLoopbackPeers = true;
        c.maxConnectionsPerAllocation = 2;
    }));
    RawTurn *turn = client(QStringLiteral("mallory"));
    QCOMPARE(turn->allocate(), 0);
    QCOMPARE(turn->createPermission({kPeerIp}), 0);
    QVERIFY(peerIsAdmitted(turn, kPeerIp));
    QVERIFY(peerIsAdmitted(turn, kPeerIp));
    QVERIFY(!peerIsAdmitted(turn, kPeerIp));   // the third one, beyond the allocation's share
    QCOMPARE(turn->connectionAttempts(), 2);
    QCOMPARE(m_server->relayedConnectionCount(), 2);
    QCOMPARE(m_server->refusedConnections(), 1);   // shown in /rs/v1/status
}

void TestRelayAbuse::badQuotasAreRefusedAtStart()
{
    const QList<std::pair<std::function<void(RelayServerConfig &)>, QString>> bad{
        {[](RelayServerConfig &c) { c.maxAllocations = 0; }, QStringLiteral("maxAllocations must be from 1")},
        {[](RelayServerConfig &c) { c.maxAllocationsPerUser = -1; }, QStringLiteral("maxAllocationsPerUser must be from 1")},
        {[](RelayServerConfig &c) { c.maxPermissionsPerAllocation = 0; }, QStringLiteral("maxPermissionsPerAllocation")},
        {[](RelayServerConfig &c) { c.maxConnectionsPerAllocation = 0; }, QStringLiteral("maxConnectionsPerAllocation")},
        {[](RelayServerConfig &c) { c.permissionLifetime = 0; }, QStringLiteral("permissionLifetime")},
        {[](RelayServerConfig &c) { c.maxAllocations = 2; c.maxAllocationsPerUser = 3; }, QStringLiteral("cannot exceed")},
        {[](RelayServerConfig &c) { c.allowedPeerRanges = {QStringLiteral("10.0.0.0/40")}; }, QStringLiteral("10.0.0.0/40")},
        {[](RelayServerConfig &c) { c.allowedPeerRanges = {QStringLiteral("lan")}; }, QStringLiteral("CIDR")},
    };
    for (const auto &[tune, message] : bad) {
        RelayServerConfig config;
        config.listenAddress = kServerIp;
        config.listenPort = 0;
        config.authSecret = kSecret;
        tune(config);
        RelayServer server;
        QString error;
        QVERIFY2(!server.start(config, &error), qPrintable(message));
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY(!server.isRunning());
    }
}

QTEST_GUILESS_MAIN(TestRelayAbuse)
#include "tst_relayabuse.moc"
