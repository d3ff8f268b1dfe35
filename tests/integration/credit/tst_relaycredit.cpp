// Relay credit end to end (issue 7): a seed reachable only through a TURN TCP allocation on our
// RelayServer (in process, RFC 6062, as a volunteer RS runs it), a leech that connects to the
// relayed address. After the transfer the leech holds a relay receipt naming the RS owner for
// exactly the bytes it received over that connection, deposits it at the PAMS, and the RS owner
// is credited exactly those bytes — while the seed still earns its upload of the same bytes.
//
// The mapping "relayed address → RS owner" comes, in a real peer, from the OMS peer list's
// "relay" part. Here the OMS is not involved (the peers are told about each other directly), so
// the test answers the peer-list fetch itself with a list in the OMS's format: the directory's
// parsing is part of what is tested.
#include "creditpeer.h"
#include "enginefixture.h"
#include "providertesthost.h"

#include <relay/relayserver.h>
#include <user/credit/contributioncredit.h>
#include <user/provider/activityreporter.h>
#include <user/provider/providerclient.h>
#include <user/relayed/relayedlistener.h>

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mp2p;
using namespace mp2p::test;

namespace {

constexpr int Timeout = 30000;

// A seed behind our RS (a TURN TCP allocation whose relayed connections are joined to the
// seed's libtorrent listener), a leech that connects to the relayed address, and the
// overlay's peer list as the OMS would give it to the leech.
struct RelayedSwarm {
    QString dir;
    qint64 size;
    CreditPeer seed, leech;
    Identity rsOwner = freshIdentity();  // the volunteer who runs the RS
    RelayServer relay;
    RelayedListener listener;
    stun::Endpoint relayed;
    QString hash;
    QByteArray torrent;
    QJsonObject peerList;
    bool listRelay = true;  // false: the (fake) OMS does not know the relay yet

    RelayedSwarm(const QString &folder, const QString &ipBase, qint64 bytes, int seedUploadLimit = 0)
        : dir(folder), size(bytes), seed(folder + "/seed", ipBase + "1", seedUploadLimit), leech(folder + "/leech", ipBase + "2")
    {
    }

    // The seed starts seeding behind the relay; the leech is told (through the fetcher) who
    // runs the relay at the relayed address, with junk entries it must ignore.
    bool start(const QString &relayIp)
    {
        if (!QDir().mkpath(dir + "/content") || !writeData(dir + "/content/payload.bin", size, 7))
            return false;
        torrent = makeTorrent(dir + "/content/payload.bin");
        RelayServerConfig config;
        config.listenAddress = QHostAddress(relayIp);
        config.listenPort = 0;
        config.users.insert(QStringLiteral("seed"), QStringLiteral("pw"));
        config.allowLoopbackPeers = true;   // every peer of this test is on 127.x
        QString error;
        if (!relay.start(config, &error))
            return false;
        AddTransferOptions seedOptions;
        seedOptions.savePath = dir + "/content";
        seedOptions.seedMode = true;
        hash = seed.engine->addTransfer(torrent, seedOptions, &error);
        if (hash.isEmpty() || !QTest::qWaitFor([&] { return seed.engine->listenPort() != 0 && seed.engine->transfer(hash); }, 5000))
            return false;
        TurnClientConfig turn;
        turn.serverAddress = config.listenAddress;
        turn.serverPort = relay.port();
        turn.username = QStringLiteral("seed");
        turn.password = QStringLiteral("pw");
        QSignalSpy allocated(&listener, &RelayedListener::ready);
        listener.start(turn, QHostAddress(seed.ip), seed.engine->listenPort());
        if (!allocated.wait(Timeout) && !listener.isReady())
            return false;
        QSignalSpy granted(listener.client(), &TurnClient::permissionsGranted);
        listener.grantPeers({QHostAddress(leech.ip)});
        if (!granted.wait(Timeout))
            return false;
        relayed = listener.relayedEndpoint();
        peerList = QJsonObject{{"peers", QJsonArray{
            QJsonObject{{"userId", seed.identity.userId}, {"ip", relayed.address.toString()}, {"port", int(relayed.port)},
                        {"seed", true}, {"relay", QJsonObject{{"resourceId", "rs-test"}, {"owner", rsOwner.userId}}}},
            QJsonObject{{"userId", seed.identity.userId}, {"ip", "garbage"}, {"port", 1}, {"relay", QJsonObject{{"owner", 5}}}},
            QJsonObject{{"userId", seed.identity.userId}, {"ip", seed.ip}, {"port", int(seed.engine->listenPort())}}}}};
        leech.credit->setPeerListFetcher([this](const QString &overlayId, std::function<void(const QJsonObject &)> done) {
            if (overlayId != hash)
                done(QJsonObject());  // as a failed fetch
            else
                done(listRelay ? peerList : QJsonObject{{"peers", QJsonArray{}}});
        });
        AddTransferOptions leechOptions;
        leechOptions.savePath = dir + "/download";
        return leech.engine->addTransfer(torrent, leechOptions, &error) == hash
               && QTest::qWaitFor([&] { return leech.engine->transfer(hash).has_value(); }, 5000);
    }

    // Asks the credit module to read the (fake) OMS list; true once it has.
    bool refreshDirectory()
    {
        QSignalSpy refreshed(leech.credit.get(), &ContributionCredit::relayDirectoryRefreshed);
        return QTest::qWaitFor([&] {
            leech.credit->refreshRelayDirectory();  // the overlay is active once libtorrent added it
            return refreshed.count() > 0 && refreshed.last().at(1).toInt() == 1 && refreshed.last().at(2).toInt() == 1;
        }, 5000);
    }

    void connect() { leech.engine->connectPeer(hash, relayed.address, relayed.port); }

    // Both receipts of the transfer, once they cover the whole content (or after 10 s).
    QPair<QList<HeldReceipt>, QList<HeldReceipt>> receipts()
    {
        const bool settled = QTest::qWaitFor([&] {
            const auto r = leech.held(ReceiptTable::Relay);
            const auto s = seed.held();
            return !r.isEmpty() && r.first().receipt.fields.bytes == size && !s.isEmpty()
                   && s.first().receipt.fields.bytes == size;
        }, 10000);
        if (!settled)
            qWarning("the receipts did not reach the full size within 10 s; the checks below say how far they got");
        const auto relayReceipts = leech.held(ReceiptTable::Relay);
        const auto seedReceipts = seed.held();
        qInfo("relay receipts %d, bytes %lld; seed receipts %d, bytes %lld; content %lld; the relay forwarded %lld bytes to "
              "the seed's listener, %lld back", int(relayReceipts.size()),
              relayReceipts.isEmpty() ? -1 : relayReceipts.first().receipt.fields.bytes, int(seedReceipts.size()),
              seedReceipts.isEmpty() ? -1 : seedReceipts.first().receipt.fields.bytes, size, listener.bytesIn(),
              listener.bytesOut());
        return {relayReceipts, seedReceipts};
    }
};

} // namespace

class TstRelayCredit : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void relayOwnerIsCreditedExactly();
    void relayLearnedMidTransferStillCountsEveryByte();

private:
    QTemporaryDir m_tmp;
};

void TstRelayCredit::relayOwnerIsCreditedExactly()
{
    TestHost host;
    QVERIFY(host.start());
    const qint64 size = (3 << 20) + 4321;
    RelayedSwarm swarm(m_tmp.filePath("exact"), QStringLiteral("127.1.0.6"), size);
    QVERIFY(swarm.start(QStringLiteral("127.1.0.60")));
    CreditPeer &seed = swarm.seed;
    CreditPeer &leech = swarm.leech;
    const Identity &rsOwner = swarm.rsOwner;
    const QString &hash = swarm.hash;
    QString error;

    QSignalSpy finished(leech.engine.get(), &PeerEngine::transferFinished);
    QVERIFY(swarm.refreshDirectory());
    swarm.connect();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, Timeout);
    QVERIFY(swarm.listener.splicedConnections() >= 1);

    // The leech holds a relay receipt for exactly the bytes received through the relay; the seed
    // holds its own receipt for the same bytes.
    const auto [relayReceipts, seedReceipts] = swarm.receipts();
    QCOMPARE(relayReceipts.size(), 1);
    const ReceiptFields &rf = relayReceipts.first().receipt.fields;
    QCOMPARE(rf.uploaderId, rsOwner.userId);
    QCOMPARE(rf.uploaderRole, PeerType::RelayServer);
    QCOMPARE(rf.downloaderId, leech.identity.userId);
    QCOMPARE(rf.overlayId, hash);
    QCOMPARE(rf.bytes, size);
    QVERIFY(isValidReceipt(relayReceipts.first().receipt));
    QCOMPARE(seedReceipts.size(), 1);
    QCOMPARE(seedReceipts.first().receipt.fields.bytes, size);
    QCOMPARE(seedReceipts.first().receipt.fields.uploaderId, seed.identity.userId);
    QVERIFY(leech.held().isEmpty());  // the leech holds nothing as an uploader

    // The leech reports its download (the PAMS's cap), then deposits; the seed redeems.
    LoggedInPair pair(host.baseUrl(), seed, leech, swarm.torrent, hash, size, Timeout);
    QVERIFY(pair.ok);
    ProviderClient &leechClient = pair.leechClient;
    ProviderClient &seedClient = pair.seedClient;

    QSignalSpy deposited(leech.credit.get(), &ContributionCredit::relayDepositFinished);
    leech.credit->startRedeeming(&leechClient);
    leech.credit->redeemNow();
    QVERIFY(deposited.wait(Timeout));
    QVERIFY2(deposited.first().at(0).toBool(), qPrintable(deposited.first().at(4).toString()));
    QCOMPARE(deposited.first().at(1).toLongLong(), size);  // credited to the RS owner
    QCOMPARE(deposited.first().at(2).toInt(), 1);

    QSignalSpy redeemed(seed.credit.get(), &ContributionCredit::redeemFinished);
    seed.credit->startRedeeming(&seedClient);
    seed.credit->redeemNow();
    QVERIFY(redeemed.wait(Timeout));
    QCOMPARE(redeemed.first().at(1).toLongLong(), size);

    const JsonReply owner = getJson(&pair.network, QUrl(host.baseUrl() + "/pams/v1/credit/" + rsOwner.userId));
    QCOMPARE(owner.body.value("balance").toInteger(), size);
    QCOMPARE(owner.body.value("relayed").toInteger(), size);
    const JsonReply seedBalance = getJson(&pair.network, QUrl(host.baseUrl() + "/pams/v1/credit/" + seed.identity.userId));
    QCOMPARE(seedBalance.body.value("balance").toInteger(), size);
    QCOMPARE(seedBalance.body.value("relayed").toInteger(), 0);
    const JsonReply leechBalance = getJson(&pair.network, QUrl(host.baseUrl() + "/pams/v1/credit/" + leech.identity.userId));
    QCOMPARE(leechBalance.body.value("balance").toInteger(), 0);
    QCOMPARE(leechBalance.body.value("rejectedAttempts").toInteger(), 0);

    // A second round deposits nothing new; the local summary agrees.
    deposited.clear();
    leech.credit->redeemNow();
    QVERIFY(deposited.wait(Timeout));
    QCOMPARE(deposited.first().at(2).toInt(), 0);
    const auto summary = leech.credit->summary(&error);
    QVERIFY2(summary, qPrintable(error));
    QCOMPARE(summary->relayBytesSigned, size);
    QCOMPARE(summary->relayCredited, size);
    QCOMPARE(summary->relayPending, 0);
    QCOMPARE(summary->bytesSigned, size);  // the seed's receipt
    swarm.listener.stop();
}

// The relay is learned only after the connection has carried bytes (the OMS list came late):
// the plugin looks again every tick and credits the relay with what the connection had already
// received, so the receipt still covers every byte. The seed is held to 1 MiB/s so the transfer
// is still under way when the directory learns the relay.
void TstRelayCredit::relayLearnedMidTransferStillCountsEveryByte()
{
    const qint64 size = (3 << 20) + 999;
    RelayedSwarm swarm(m_tmp.filePath("late"), QStringLiteral("127.1.0.7"), size, 1 << 20);
    swarm.listRelay = false;
    QVERIFY(swarm.start(QStringLiteral("127.1.0.70")));
    QSignalSpy finished(swarm.leech.engine.get(), &PeerEngine::transferFinished);
    swarm.connect();
    QTRY_VERIFY_WITH_TIMEOUT(swarm.leech.engine->transfer(swarm.hash)->downloaded >= (256 << 10), Timeout);
    QVERIFY2(finished.isEmpty(), "the transfer finished before the relay was learned; the test proves nothing");
    QVERIFY(!swarm.leech.credit->relayDirectory()->ownerOf(swarm.relayed.address, swarm.relayed.port));
    swarm.listRelay = true;
    QVERIFY(swarm.refreshDirectory());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, Timeout);

    const auto [relayReceipts, seedReceipts] = swarm.receipts();
    QCOMPARE(relayReceipts.size(), 1);
    QCOMPARE(relayReceipts.first().receipt.fields.uploaderId, swarm.rsOwner.userId);
    QCOMPARE(relayReceipts.first().receipt.fields.bytes, size);
    QCOMPARE(seedReceipts.size(), 1);
    QCOMPARE(seedReceipts.first().receipt.fields.bytes, size);
    swarm.listener.stop();
}

QTEST_GUILESS_MAIN(TstRelayCredit)
#include "tst_relaycredit.moc"
