// EngineSettings::accountBytesByPeer: a leecher fed by two seeds on different 127.x addresses
// counts, per remote address, exactly the content's bytes (the locality benchmark relies on it).

#include "enginefixture.h"

#include <user/torrentmaker.h>

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mp2p;
using namespace mp2p::test;

class TstEngineBytes : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void countsEveryBlockBySender();
    void offByDefault();
};

void TstEngineBytes::countsEveryBlockBySender()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    // Two files of odd sizes in a hybrid torrent (as `mp2p publish` makes): the first file is
    // followed by a pad file, whose bytes must not be counted.
    const QString content = tmp.filePath("content/album");
    QVERIFY(QDir().mkpath(content));
    const qint64 sizeA = (9 << 20) + 12345;
    const qint64 sizeB = (3 << 20) + 777;
    QVERIFY(writeData(content + "/a.bin", sizeA, 11));
    QVERIFY(writeData(content + "/b.bin", sizeB, 12));
    QString error;
    const auto made = makeTorrent(content, &error);
    QVERIFY2(made.has_value(), qPrintable(error));
    QVERIFY(made->totalSize > sizeA + sizeB);  // the pad file is there

    // Two rate-limited seeds, so both surely serve part of it.
    auto seedSettings = [&](const QString &name, const QString &ip) {
        EngineSettings s = loopbackSettings(tmp.filePath(name), ip);
        s.uploadRateLimit = 6 << 20;
        s.rateLimitLocalPeers = true;
        s.accountBytesByPeer = true;
        return s;
    };
    PeerEngine seedA(seedSettings("seed-a", "127.1.0.21"));
    PeerEngine seedB(seedSettings("seed-b", "127.2.0.21"));
    EngineSettings leechSettings = loopbackSettings(tmp.filePath("leech"), "127.3.0.21");
    leechSettings.accountBytesByPeer = true;
    PeerEngine leech(leechSettings);
    for (PeerEngine *e : {&seedA, &seedB, &leech})
        QVERIFY2(e->start(&error), qPrintable(error));

    AddTransferOptions seedOptions;
    seedOptions.savePath = tmp.filePath("content");
    seedOptions.seedMode = true;
    const QString hash = seedA.addTransfer(made->torrentFile, seedOptions, &error);
    QVERIFY2(!hash.isEmpty(), qPrintable(error));
    QCOMPARE(seedB.addTransfer(made->torrentFile, seedOptions, &error), hash);
    QSignalSpy finished(&leech, &PeerEngine::transferFinished);
    AddTransferOptions leechOptions;
    leechOptions.savePath = tmp.filePath("download");
    QCOMPARE(leech.addTransfer(made->torrentFile, leechOptions, &error), hash);
    QTRY_VERIFY_WITH_TIMEOUT(seedA.hasTransfer(hash) && seedB.hasTransfer(hash) && leech.transfer(hash).has_value()
                                 && seedA.listenPort() != 0 && seedB.listenPort() != 0, 5000);
    leech.connectPeer(hash, QHostAddress("127.1.0.21"), seedA.listenPort());
    leech.connectPeer(hash, QHostAddress("127.2.0.21"), seedB.listenPort());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    // The last blocks' alerts may follow the finish (they are posted when the write completes).
    auto sum = [&] {
        qint64 total = 0;
        for (qint64 v : leech.bytesReceivedByAddress(hash))
            total += v;
        return total;
    };
    QTRY_COMPARE_WITH_TIMEOUT(sum(), sizeA + sizeB, 5000);
    QTest::qWait(300);  // and nothing more comes in afterwards

    const QHash<QString, qint64> bytes = leech.bytesReceivedByAddress(hash);
    qInfo("received by address: 127.1.0.21 %lld, 127.2.0.21 %lld", bytes.value("127.1.0.21"), bytes.value("127.2.0.21"));
    QCOMPARE(QSet<QString>(bytes.keyBegin(), bytes.keyEnd()), (QSet<QString>{"127.1.0.21", "127.2.0.21"}));
    QVERIFY(bytes.value("127.1.0.21") > 0);
    QVERIFY(bytes.value("127.2.0.21") > 0);
    QCOMPARE(bytes.value("127.1.0.21") + bytes.value("127.2.0.21"), sizeA + sizeB);
    // Seeds received nothing; an unknown transfer has no counters.
    QVERIFY(seedA.bytesReceivedByAddress(hash).isEmpty());
    QVERIFY(leech.bytesReceivedByAddress(QString(40, QLatin1Char('0'))).isEmpty());

    for (PeerEngine *e : {&leech, &seedA, &seedB})
        QVERIFY(shutdownAndWait(*e));
    // Still readable after the session is gone (the benchmark reads them at the end).
    QCOMPARE(leech.bytesReceivedByAddress(hash).value("127.1.0.21") + leech.bytesReceivedByAddress(hash).value("127.2.0.21"),
             sizeA + sizeB);
}

void TstEngineBytes::offByDefault()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QVERIFY(QDir().mkpath(tmp.filePath("seed")));
    QVERIFY(writeData(tmp.filePath("seed/payload.bin"), 2 << 20, 5));
    const QByteArray torrent = mp2p::test::makeTorrent(tmp.filePath("seed/payload.bin"));
    PeerEngine seed(loopbackSettings(tmp.filePath("state-seed"), "127.1.0.22"));
    PeerEngine leech(loopbackSettings(tmp.filePath("state-leech"), "127.1.0.23"));
    QString error;
    QVERIFY2(seed.start(&error) && leech.start(&error), qPrintable(error));
    AddTransferOptions seedOptions;
    seedOptions.savePath = tmp.filePath("seed");
    seedOptions.seedMode = true;
    const QString hash = seed.addTransfer(torrent, seedOptions, &error);
    QVERIFY2(!hash.isEmpty(), qPrintable(error));
    QSignalSpy finished(&leech, &PeerEngine::transferFinished);
    AddTransferOptions leechOptions;
    leechOptions.savePath = tmp.filePath("leech");
    QCOMPARE(leech.addTransfer(torrent, leechOptions, &error), hash);
    QTRY_VERIFY_WITH_TIMEOUT(seed.listenPort() != 0 && seed.transfer(hash).has_value() && leech.transfer(hash).has_value(), 5000);
    leech.connectPeer(hash, QHostAddress("127.1.0.22"), seed.listenPort());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QVERIFY(leech.bytesReceivedByAddress(hash).isEmpty());
    QVERIFY(shutdownAndWait(leech));
    QVERIFY(shutdownAndWait(seed));
}

QTEST_GUILESS_MAIN(TstEngineBytes)
#include "tst_enginebytes.moc"
