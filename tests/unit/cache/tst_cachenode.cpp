// CacheNode (core/cache) on its own, against a real mp2pd (UMS, IXS, OMS, PAMS; no UNIS, so one
// region): a seed publishes three 1 MiB overlays, the test allocates them to the cache through
// ORCP in a known demand order, and checks that
//  - lowering the quota evicts the least recently demanded overlay first, deletes its files and
//    releases it at the OMS (the OMS lists it no more and has the new disk size),
//  - setLimits() applies the upload cap to the running engine at once,
//  - stop() deregisters: the OMS answers 404 for the resource and stopped() is emitted.
#include <cache/cachenode.h>
#include <user/engine/peerengine.h>
#include <user/managedpeer.h>
#include <user/provider/identity.h>
#include <user/provider/providerclient.h>
#include <user/samplecontent.h>

#include <mp2pdprocess.h>

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace mp2p;
using namespace mp2p::test;

namespace {

constexpr qint64 Size = 1 << 20;

PeerConfig peerConfig(const QString &dataDir, const QString &provider, const QString &ip)
{
    PeerConfig c;
    c.dataDir = dataDir;
    c.providerUrl = QUrl(provider);
    c.engine.stateDir = dataDir;
    c.engine.listenInterfaces = ip + QStringLiteral(":0");
    c.engine.outgoingInterfaces = ip;
    c.engine.enableUtp = false;
    return c;
}

QStringList sortedList(QStringList list)
{
    list.sort();
    return list;
}

// Files under a folder (the cache keeps each overlay in <dataDir>/cache/<overlayId>).
int filesUnder(const QString &folder)
{
    int n = 0;
    QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

} // namespace

class TestCacheNode : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    TestHttp m_http;
    QNetworkAccessManager m_network;

    // The overlays the OMS has allocated to the resource (its status answer).
    QStringList allocatedAtOms(const QString &base, const QString &id)
    {
        QStringList out;
        const QJsonObject r = m_http.get(base + QStringLiteral("/oms/v1/resources/") + id, testServiceToken()).json();
        for (const QJsonValue &v : r.value(QStringLiteral("allocations")).toArray())
            out.append(v.toObject().value(QStringLiteral("overlayId")).toString());
        out.sort();
        return out;
    }

    // Allocates through ORCP with the cache's own token (the owner may allocate its resource).
    bool allocate(CacheNode &cache, const QString &overlayId)
    {
        auto status = std::make_shared<int>(0);
        cache.peer()->provider()->call("POST", QStringLiteral("oms"),
                                       QStringLiteral("/oms/v1/resources/%1/allocations").arg(cache.resourceId()),
                                       QJsonObject{{QStringLiteral("overlayId"), overlayId}},
                                       [status](const JsonReply &r) { *status = r.status; });
        QElapsedTimer clock;
        clock.start();
        while (*status == 0 && clock.elapsed() < 10000)
            QTest::qWait(50);
        return *status == 201;
    }

private Q_SLOTS:
    void quotaEvictsLeastRecentlyDemandedFirstThenStopDeregisters()
    {
        QString error;
        const QString config = m_dir.filePath(QStringLiteral("mp2pd.json"));
        {
            // Keep-alive every second; the caching job stays out of the way (the test allocates).
            const QJsonObject oms{{QStringLiteral("resourceTtlSecs"), 3}, {QStringLiteral("cacheIntervalSecs"), 3600},
                                  {QStringLiteral("cacheHoldSecs"), 86400}};
            // A dedicated cache is the provider's own: its key is listed among the operators.
            const auto cacheIdentity = Identity::loadOrCreate(m_dir.filePath(QStringLiteral("cache")), &error);
            QVERIFY2(cacheIdentity, qPrintable(error));
            QFile f(config);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QJsonDocument(QJsonObject{{QStringLiteral("oms"), oms},
                                              {QStringLiteral("operators"), QJsonArray{cacheIdentity->userId}},
                                              {QStringLiteral("serviceKey"), testServiceKey()}})
                        .toJson());
        }
        Mp2pdProcess server(m_dir.filePath(QStringLiteral("p2psp")));
        QVERIFY2(server.start({QStringLiteral("--config"), config}, &error), qPrintable(error));
        const QString base = server.baseUrl();

        ManagedPeer seed(peerConfig(m_dir.filePath(QStringLiteral("seed")), base, QStringLiteral("127.1.0.2")), &m_network);
        QSignalSpy seedReady(&seed, &ManagedPeer::ready);
        QSignalSpy published(&seed, &ManagedPeer::published);
        seed.start();
        QVERIFY(seedReady.count() > 0 || seedReady.wait(30000));
        QStringList hashes;  // A, B, C
        for (int i = 0; i < 3; ++i) {
            const QString content = m_dir.filePath(QStringLiteral("content/%1").arg(i));
            QVERIFY(writeSampleContent(content, {Size}, 100 + i));
            seed.publish({content, QStringLiteral("Overlay %1").arg(i), QString(), {}});
            QTRY_COMPARE_WITH_TIMEOUT(published.count(), i + 1, 60000);
            hashes.append(published.at(i).at(1).toString());
        }
        const QString A = hashes.at(0), B = hashes.at(1), C = hashes.at(2);

        CacheNodeConfig cacheConfig;
        cacheConfig.peer = peerConfig(m_dir.filePath(QStringLiteral("cache")), base, QStringLiteral("127.2.0.9"));
        cacheConfig.peer.advertisedAddress = QStringLiteral("127.2.0.9:0");
        cacheConfig.limits.diskQuotaBytes = 8 * Size;
        CacheNode cache(cacheConfig, &m_network);
        QSignalSpy registered(&cache, &CacheNode::registered);
        QSignalSpy cached(&cache, &CacheNode::overlayCached);
        QSignalSpy evicted(&cache, &CacheNode::overlayEvicted);
        QVERIFY2(cache.start(&error), qPrintable(error));
        QVERIFY(registered.count() > 0 || registered.wait(30000));
        const QString id = cache.resourceId();

        // Demand order (the OMS's demandAt, whole seconds): B, then C, then A (re-allocated last).
        // The pauses are what is tested: a second has to pass for the demand times to differ.
        QVERIFY(allocate(cache, A));
        QTest::qWait(1100);
        QVERIFY(allocate(cache, B));
        QTest::qWait(1100);
        QVERIFY(allocate(cache, C));
        QTest::qWait(1100);
        QVERIFY(allocate(cache, A));
        QTRY_VERIFY_WITH_TIMEOUT(cached.count() >= 3, 60000);
        // The cache learns A's new demand time from its next keep-alive.
        QTRY_VERIFY_WITH_TIMEOUT(cache.demandAt(B) > 0 && cache.demandAt(B) < cache.demandAt(C)
                                     && cache.demandAt(C) < cache.demandAt(A), 15000);
        QCOMPARE(cache.cachedOverlays(), sortedList({A, B, C}));
        QCOMPARE(cache.usedBytes(), 3 * Size);
        const QString filesOfB = m_dir.filePath(QStringLiteral("cache/cache/") + B);
        QCOMPARE(filesUnder(filesOfB), 1);

        // Room for two: B (least recently demanded) goes, with its files, and the OMS lets it go.
        cache.setLimits({0, 2 * Size + Size / 2});
        QCOMPARE(evicted.count(), 1);
        QCOMPARE(evicted.at(0).at(0).toString(), B);
        QCOMPARE(cache.cachedOverlays(), sortedList({A, C}));
        QCOMPARE(cache.usedBytes(), 2 * Size);
        QTRY_COMPARE_WITH_TIMEOUT(allocatedAtOms(base, id), sortedList({A, C}), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_http.get(base + QStringLiteral("/oms/v1/resources/") + id, testServiceToken()).json().value(QStringLiteral("diskBytes")).toInteger(),
                                  2 * Size + Size / 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(filesUnder(filesOfB), 0, 10000);
        // Several keep-alives later B stays released (a reply that crossed the release is ignored):
        // a negative check, so time has to pass.
        QTest::qWait(2500);
        QCOMPARE(cache.cachedOverlays(), sortedList({A, C}));
        QCOMPARE(evicted.count(), 1);

        // Room for one, and an upload cap: C goes next (A was demanded last); the engine applies
        // the cap at once.
        QCOMPARE(cache.peer()->engine()->uploadRateLimit(), 0);
        cache.setLimits({64 * 1024, Size + Size / 2});
        QCOMPARE(evicted.count(), 2);
        QCOMPARE(evicted.at(1).at(0).toString(), C);
        QCOMPARE(cache.cachedOverlays(), QStringList{A});
        QCOMPARE(cache.limits().uploadBytesPerSec, qint64(64 * 1024));
        QCOMPARE(cache.peer()->engine()->uploadRateLimit(), 64 * 1024);
        QTRY_COMPARE_WITH_TIMEOUT(allocatedAtOms(base, id), QStringList{A}, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_http.get(base + QStringLiteral("/oms/v1/resources/") + id, testServiceToken()).json().value(QStringLiteral("uploadBps")).toInteger(),
                                  qint64(64 * 1024), 10000);

        // stop(): deregistered at the OMS, no longer serving.
        QSignalSpy stopped(&cache, &CacheNode::stopped);
        cache.stop();
        QVERIFY(!cache.isServing());
        QVERIFY(stopped.count() > 0 || stopped.wait(10000));
        QCOMPARE(m_http.get(base + QStringLiteral("/oms/v1/resources/") + id, testServiceToken()).status, 404);
        QVERIFY(m_http.get(base + QStringLiteral("/oms/v1/resources?type=cs")).json().value(QStringLiteral("resources")).toArray().isEmpty());

        for (ManagedPeer *peer : {cache.peer(), &seed}) {
            bool done = false;
            peer->shutdown([&done] { done = true; });
            QTRY_VERIFY_WITH_TIMEOUT(done, 15000);
        }
    }
};

QTEST_GUILESS_MAIN(TestCacheNode)
#include "tst_cachenode.moc"
