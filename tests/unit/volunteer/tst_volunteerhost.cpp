// The real volunteer roles behind the consent controller (VolunteerHost): nothing is created or
// listening before consent; a relay consent starts our RS on the peer's address with the
// consented limits and a 0600 secret; revocation closes its port within a second.
#include "providertesthost.h"

#include <relay/relayserver.h>
#include <user/managedpeer.h>
#include <user/volunteer/consentstore.h>
#include <user/volunteer/roles/relayrole.h>
#include <user/volunteer/roles/volunteerhost.h>
#include <user/volunteer/volunteercontroller.h>

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace mp2p;
using namespace mp2p::test;

namespace {
const QHostAddress PeerAddress(QStringLiteral("127.1.7.7"));

bool relayPortOpen()
{
    QTcpSocket probe;
    probe.connectToHost(PeerAddress, 3478);
    return probe.waitForConnected(500);
}
} // namespace

class TstVolunteerHost : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void relayRunsOnlyUnderConsent()
    {
        TestHost provider;
        QVERIFY(provider.start());
        QTemporaryDir dir;
        PeerConfig config;
        config.dataDir = dir.path();
        config.providerUrl = QUrl(provider.baseUrl());
        config.engine.stateDir = dir.path();
        config.engine.listenInterfaces = PeerAddress.toString() + QStringLiteral(":0");
        config.engine.enableUtp = false;
        QNetworkAccessManager network;
        ManagedPeer peer(config, &network);
        QSignalSpy ready(&peer, &ManagedPeer::ready);
        peer.start();
        QVERIFY(ready.wait(30000));

        VolunteerHost host(config, &peer, &network);
        QString error;
        QVERIFY2(host.start(&error), qPrintable(error));
        host.controller()->evaluate();
        // Before consent: no role, nothing listening, no secret or copied key on disk.
        QVERIFY(!host.controller()->isRunning(VolunteerRoleKind::Relay));
        QVERIFY(!relayPortOpen());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("relay-secret"))));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("cache-node/identity.key"))));

        VolunteerLimits limits;
        limits.uploadBytesPerSec = 512 * 1024;
        limits.maxRelayedConnections = 3;
        QVERIFY2(host.controller()->consent(VolunteerRoleKind::Relay, limits, &error), qPrintable(error));
        host.controller()->evaluate();
        QTRY_VERIFY(host.controller()->isRunning(VolunteerRoleKind::Relay));
        QVERIFY(relayPortOpen());
        RelayServer *server = host.relayRole()->server();
        QVERIFY(server);
        QCOMPARE(server->limits().uploadBytesPerSec, qint64(512 * 1024));
        QCOMPARE(server->limits().maxConnections, 3);
        // A volunteer relays for peers on the internet: loopback and private peers are refused
        // unless the peer config allows them (PeerConfig::relayAllowLoopbackPeers, a lab only).
        QVERIFY(!server->config().allowLoopbackPeers);
        QVERIFY(!server->peerPolicy().allows(PeerAddress));
        QVERIFY(!server->peerPolicy().allows(QHostAddress(QStringLiteral("192.168.1.1"))));
        QFile secret(dir.filePath(QStringLiteral("relay-secret")));
        QVERIFY(secret.exists());
        QCOMPARE(secret.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());

        // New limits reach the running server at once.
        limits.maxRelayedConnections = 1;
        QVERIFY2(host.controller()->consent(VolunteerRoleKind::Relay, limits, &error), qPrintable(error));
        host.controller()->evaluate();
        QTRY_COMPARE(host.relayRole()->server()->limits().maxConnections, 1);

        QElapsedTimer clock;
        clock.start();
        QVERIFY2(host.controller()->revoke(VolunteerRoleKind::Relay, &error), qPrintable(error));
        QVERIFY(!host.controller()->isRunning(VolunteerRoleKind::Relay));
        QTRY_VERIFY_WITH_TIMEOUT(!relayPortOpen(), 1000);
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
        // The cache role never started, so the user's key was never copied for it.
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("cache-node/identity.key"))));
    }
};

QTEST_MAIN(TstVolunteerHost)
#include "tst_volunteerhost.moc"
