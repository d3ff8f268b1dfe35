// A real transfer between two engines on loopback, and the alert pump's coalescing.

#include "enginefixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace mp2p;
using namespace mp2p::test;

class TstPeerEngine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void transfersBetweenTwoEngines();
    void coalescesAlertBursts();

private:
    // Flags any signal of `e` that is emitted off the main thread.
    void watchThread(PeerEngine &e, bool *offMainThread);
};

void TstPeerEngine::watchThread(PeerEngine &e, bool *offMainThread)
{
    auto check = [offMainThread]() {
        if (QThread::currentThread() != QCoreApplication::instance()->thread())
            *offMainThread = true;
    };
    connect(&e, &PeerEngine::transferAdded, this, check, Qt::DirectConnection);
    connect(&e, &PeerEngine::transferFinished, this, check, Qt::DirectConnection);
    connect(&e, &PeerEngine::peerConnected, this, check, Qt::DirectConnection);
    connect(&e, &PeerEngine::statsUpdated, this, check, Qt::DirectConnection);
    connect(&e, &PeerEngine::resumeDataSaved, this, check, Qt::DirectConnection);
}

void TstPeerEngine::transfersBetweenTwoEngines()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const qint64 size = 32 << 20;
    const QString seedDir = tmp.filePath("seed");
    const QString leechDir = tmp.filePath("leech");
    QVERIFY(QDir().mkpath(seedDir));
    QVERIFY(writeData(seedDir + "/payload.bin", size, 7));
    const QByteArray torrent = makeTorrent(seedDir + "/payload.bin");

    PeerEngine seed(loopbackSettings(tmp.filePath("state-seed"), "127.1.0.2"));
    PeerEngine leech(loopbackSettings(tmp.filePath("state-leech"), "127.1.0.3"));
    bool offMainThread = false;
    watchThread(seed, &offMainThread);
    watchThread(leech, &offMainThread);
    QString error;
    QVERIFY2(seed.start(&error), qPrintable(error));
    QVERIFY2(leech.start(&error), qPrintable(error));

    QSignalSpy seedAdded(&seed, &PeerEngine::transferAdded);
    QSignalSpy leechAdded(&leech, &PeerEngine::transferAdded);
    QSignalSpy finished(&leech, &PeerEngine::transferFinished);
    QSignalSpy connected(&leech, &PeerEngine::peerConnected);
    QSignalSpy errors(&leech, &PeerEngine::transferError);
    QList<TransferStatus> lastStats;
    int statsWithProgress = 0;
    connect(&leech, &PeerEngine::statsUpdated, this, [&](const QList<TransferStatus> &list) {
        lastStats = list;
        for (const TransferStatus &t : list)
            if (t.totalDone > 0 && t.totalDone < t.totalWanted)
                ++statsWithProgress;
    });

    AddTransferOptions seedOptions;
    seedOptions.savePath = seedDir;
    seedOptions.seedMode = true;
    const QString hash = seed.addTransfer(torrent, seedOptions, &error);
    QVERIFY2(!hash.isEmpty(), qPrintable(error));
    QCOMPARE(hash.size(), 40);
    AddTransferOptions leechOptions;
    leechOptions.savePath = leechDir;
    QCOMPARE(leech.addTransfer(torrent, leechOptions, &error), hash);
    QTRY_COMPARE_WITH_TIMEOUT(seedAdded.count(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(leechAdded.count(), 1, 5000);
    QCOMPARE(leechAdded.at(0).at(0).toString(), hash);
    QTRY_VERIFY_WITH_TIMEOUT(seed.listenPort() != 0, 5000);

    QElapsedTimer clock;
    clock.start();
    leech.connectPeer(hash, QHostAddress("127.1.0.2"), seed.listenPort());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    const double seconds = clock.elapsed() / 1000.0;
    qInfo("32 MiB over loopback in %.2f s: %.1f MB/s", seconds, size / seconds / 1e6);
    QCOMPARE(finished.at(0).at(0).toString(), hash);
    QVERIFY(errors.isEmpty());
    QVERIFY(!connected.isEmpty());
    QCOMPARE(connected.at(0).at(0).toString(), hash);
    QVERIFY(connected.at(0).at(1).toString().startsWith("127.1.0.2:"));
    QCOMPARE(sha256OfFile(leechDir + "/payload.bin"), sha256OfFile(seedDir + "/payload.bin"));

    // The snapshot after completion: every field consistent.
    const auto done = leech.transfer(hash);
    QVERIFY(done.has_value());
    QCOMPARE(done->state, TransferState::Seeding);
    QCOMPARE(done->progress, 1.0);
    QCOMPARE(done->totalWanted, size);
    QCOMPARE(done->totalDone, size);
    QCOMPARE(done->left, 0);
    // The all-time counters follow libtorrent's once-a-second accounting.
    QTRY_VERIFY_WITH_TIMEOUT(leech.transfer(hash)->downloaded >= size, 3000);
    QCOMPARE(done->name, QStringLiteral("payload.bin"));
    QCOMPARE(QDir(done->savePath), QDir(leechDir));
    // Periodic stats: arrived, and the seed side counts what it uploaded.
    QTRY_VERIFY_WITH_TIMEOUT(!lastStats.isEmpty(), 3000);
    QTRY_VERIFY_WITH_TIMEOUT(seed.transfer(hash).has_value() && seed.transfer(hash)->uploaded >= size, 5000);
    QCOMPARE(seed.transfer(hash)->state, TransferState::Seeding);
    qInfo("stats snapshots with partial progress: %d", statsWithProgress);
    QVERIFY(!offMainThread);

    QVERIFY(shutdownAndWait(leech));
    QVERIFY(shutdownAndWait(seed));
    QVERIFY(!leech.hasTransfer(hash));
    QCOMPARE(leech.listenPort(), quint16(0));
}

void TstPeerEngine::coalescesAlertBursts()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const int count = 20;
    QList<QByteArray> torrents;
    for (int i = 0; i < count; ++i) {
        const QString dir = tmp.filePath(QStringLiteral("data%1").arg(i));
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(writeData(dir + "/small.bin", 64 << 10, 100 + i));
        torrents.append(makeTorrent(dir + "/small.bin"));
    }
    PeerEngine engine(loopbackSettings(tmp.filePath("state"), "127.1.0.9"));
    QString error;
    QVERIFY2(engine.start(&error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(engine.listenPort() != 0, 5000);  // let start-up alerts go by

    QStringList added;
    QList<quint64> pumpRunAtAdd;
    bool offMainThread = false;
    connect(&engine, &PeerEngine::transferAdded, this, [&](const QString &hash) {
        added.append(hash);
        pumpRunAtAdd.append(engine.alertPumpRuns());
        if (QThread::currentThread() != QCoreApplication::instance()->thread())
            offMainThread = true;
    });
    const quint64 runsBefore = engine.alertPumpRuns();
    QStringList hashes;
    for (int i = 0; i < count; ++i) {
        AddTransferOptions options;
        options.savePath = tmp.filePath(QStringLiteral("data%1").arg(i));
        options.seedMode = true;
        hashes.append(engine.addTransfer(torrents.at(i), options, &error));
        QVERIFY2(!hashes.last().isEmpty(), qPrintable(error));
    }
    // Keep the main thread busy while libtorrent posts the 20 add alerts: every notify in
    // this window must collapse into one queued readAlerts().
    QThread::msleep(500);
    QCOMPARE(engine.alertPumpRuns(), runsBefore);
    QTRY_COMPARE_WITH_TIMEOUT(added.size(), count, 5000);
    QVERIFY(!offMainThread);
    // All 20 were delivered by the same single pump run, none lost, none twice.
    QCOMPARE(pumpRunAtAdd.first(), runsBefore + 1);
    QCOMPARE(pumpRunAtAdd.count(pumpRunAtAdd.first()), count);
    QStringList sortedAdded = added;
    sortedAdded.sort();
    hashes.sort();
    QCOMPARE(sortedAdded, hashes);
    QCOMPARE(engine.transfers().size(), count);
    QVERIFY(shutdownAndWait(engine));
}

QTEST_GUILESS_MAIN(TstPeerEngine)
#include "tst_peerengine.moc"
