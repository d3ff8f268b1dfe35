// Integration (R8, ORCP): a real mp2pd (UMS, IXS, OMS, PAMS) and a real mp2p-unis with two ISPs,
// ISP A = 127.1.x.x and ISP B = 127.2.x.x. The only seed is in ISP A; a cache (CacheNode) and
// three downloaders are in ISP B. The OMS sees the unserved demand in B, allocates the cache,
// the cache fetches through the swarm and serves B, and the bytes that cross into ISP B are
// counted exactly (block accounting). The goal, asserted: about one copy crosses into
// ISP B (<= 1.3, where one per downloader would be 3) and ISP B's downloaders get most of their
// bytes (> 50 %) from the cache. That holds because the region's leechers wait for the cache
// instead of opening their own door out (LocalityRanking + CacheView::awaitsCache). Then the
// cache stops and the OMS stops listing it within a second. Last, `mp2pd --services cs` (the
// dedicated cache) registers with the OMS and deregisters when it gets SIGTERM.
#include <cache/cachenode.h>
#include <user/engine/peerengine.h>
#include <user/managedpeer.h>
#include <user/provider/identity.h>
#include <user/samplecontent.h>

#include <mp2pdprocess.h>

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace mp2p;
using namespace mp2p::test;

namespace {

const char *UnisToken = "cache-integration-token-0123456789";
constexpr qint64 ContentBytes = 24 << 20;
constexpr int SeedUploadBps = 3 << 19;  // the cross-ISP link is slow: a copy takes ~16 s

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QByteArray unisConfig()
{
    const QJsonObject pids{{QStringLiteral("isp-a"), QJsonObject{{QStringLiteral("ipv4"), QJsonArray{QStringLiteral("127.1.0.0/16")}}}},
                           {QStringLiteral("isp-b"), QJsonObject{{QStringLiteral("ipv4"), QJsonArray{QStringLiteral("127.2.0.0/16")}}}}};
    const QJsonObject config{
        {QStringLiteral("networkMap"), QJsonObject{{QStringLiteral("pids"), pids}}},
        {QStringLiteral("costMap"), QJsonObject{{QStringLiteral("samePidCost"), 1}, {QStringLiteral("defaultCost"), 10}, {QStringLiteral("costs"), QJsonArray{}}}},
        {QStringLiteral("auth"), QJsonObject{{QStringLiteral("tokens"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("oms")},
                                                                                              {QStringLiteral("token"), QLatin1String(UnisToken)}}}}}}};
    return QJsonDocument(config).toJson();
}

PeerConfig peerConfig(const QString &dataDir, const QString &provider, const QString &ip)
{
    PeerConfig c;
    c.dataDir = dataDir;
    c.providerUrl = QUrl(provider);
    c.engine.stateDir = dataDir;
    c.engine.listenInterfaces = ip + QStringLiteral(":0");
    c.engine.outgoingInterfaces = ip;
    c.engine.enableUtp = false;
    c.engine.accountBytesByPeer = true;
    return c;
}

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QTest::qWait(100);
    }
    return true;
}

bool inIspA(const QString &address)
{
    return address.startsWith(QLatin1String("127.1."));
}

} // namespace

class TestCache : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    TestHttp m_http;
    QNetworkAccessManager m_network;

    QJsonArray resources(const QString &base, const QString &query)
    {
        return m_http.get(base + QStringLiteral("/oms/v1/resources") + query, testServiceToken()).json().value(QStringLiteral("resources")).toArray();
    }

private Q_SLOTS:
    void cacheServesItsRegionAndLeavesAtOnce()
    {
        QString error;
        const QString unisPath = m_dir.filePath(QStringLiteral("unis.json"));
        QVERIFY(writeFile(unisPath, unisConfig()));
        Mp2pdProcess unis(QStringLiteral("mp2p-unis"), QString());
        QVERIFY2(unis.start({QStringLiteral("--config"), unisPath}, &error), qPrintable(error));
        const QJsonObject oms{{QStringLiteral("unis"), QJsonArray{QJsonObject{{QStringLiteral("url"), unis.baseUrl() + QStringLiteral("/alto")},
                                                                             {QStringLiteral("token"), QLatin1String(UnisToken)},
                                                                             {QStringLiteral("refreshSecs"), 1}}}},
                              {QStringLiteral("announceIntervalSecs"), 5}, {QStringLiteral("minAnnounceIntervalSecs"), 2},
                              {QStringLiteral("resourceTtlSecs"), 3}, {QStringLiteral("cacheIntervalSecs"), 1}};
        const QString serverConfig = m_dir.filePath(QStringLiteral("mp2pd.json"));
        QVERIFY(writeFile(serverConfig, QJsonDocument(QJsonObject{{QStringLiteral("oms"), oms},
                                                                  {QStringLiteral("pams"), QJsonObject{{QStringLiteral("reportIntervalSecs"), 5}}}}).toJson()));
        Mp2pdProcess server(m_dir.filePath(QStringLiteral("p2psp")));
        QVERIFY2(server.start({QStringLiteral("--config"), serverConfig}, &error), qPrintable(error));
        const QString base = server.baseUrl();

        // The only seed, in ISP A, with a slow uplink (the limit holds on loopback too).
        const QString content = m_dir.filePath(QStringLiteral("content/video"));
        QVERIFY(writeSampleContent(content, {ContentBytes}, 7));
        PeerConfig seedConfig = peerConfig(m_dir.filePath(QStringLiteral("seed")), base, QStringLiteral("127.1.0.2"));
        seedConfig.engine.uploadRateLimit = SeedUploadBps;
        seedConfig.engine.rateLimitLocalPeers = true;
        ManagedPeer seed(seedConfig, &m_network);
        QSignalSpy seedReady(&seed, &ManagedPeer::ready);
        QSignalSpy published(&seed, &ManagedPeer::published);
        seed.start();
        QVERIFY(seedReady.wait(30000));
        seed.publish({content, QStringLiteral("Cache test video"), QString(), {QStringLiteral("cache")}});
        QVERIFY(published.count() > 0 || published.wait(60000));
        const QString infoHash = published.first().at(1).toString();

        // The cache in ISP B registers; the OMS places it in isp-b by the UNIS map.
        CacheNodeConfig cacheConfig;
        cacheConfig.peer = peerConfig(m_dir.filePath(QStringLiteral("cache")), base, QStringLiteral("127.2.0.9"));
        cacheConfig.peer.advertisedAddress = QStringLiteral("127.2.0.9:0");
        cacheConfig.limits.diskQuotaBytes = 256 << 20;
        cacheConfig.volunteer = true;
        // A volunteer's cache is registered only under the user's consent at the PAMS (ORCP
        // refuses it otherwise): consent first, as a user would, with `mp2p volunteer`.
        QProcess volunteer;
        volunteer.start(qEnvironmentVariable("MP2P_BIN_DIR") + QStringLiteral("/mp2p"),
                        {QStringLiteral("volunteer"), QStringLiteral("--cache"), QStringLiteral("--disk-quota"), QStringLiteral("256MiB"),
                         QStringLiteral("--yes"), QStringLiteral("--server"), base, QStringLiteral("--data-dir"), cacheConfig.peer.dataDir});
        QVERIFY(volunteer.waitForFinished(60000));
        QVERIFY2(volunteer.exitStatus() == QProcess::NormalExit && volunteer.exitCode() == 0,
                 qPrintable(volunteer.readAllStandardError() + volunteer.readAllStandardOutput()));
        CacheNode cache(cacheConfig, &m_network);
        QSignalSpy registered(&cache, &CacheNode::registered);
        QVERIFY2(cache.start(&error), qPrintable(error));
        QVERIFY(registered.wait(30000));
        QTRY_COMPARE_WITH_TIMEOUT(resources(base, QStringLiteral("?type=cs")).size(), 1, 10000);
        QCOMPARE(resources(base, QStringLiteral("?type=cs")).at(0).toObject().value(QStringLiteral("region")).toString(), QStringLiteral("isp-b"));

        // Three downloaders in ISP B.
        std::vector<std::unique_ptr<ManagedPeer>> downloaders;
        for (int i = 0; i < 3; ++i) {
            const QString ip = QStringLiteral("127.2.0.%1").arg(2 + i);
            downloaders.push_back(std::make_unique<ManagedPeer>(peerConfig(m_dir.filePath(QStringLiteral("dl%1").arg(i)), base, ip), &m_network));
        }
        int ready = 0, finished = 0;
        for (auto &d : downloaders) {
            connect(d.get(), &ManagedPeer::ready, this, [&ready] { ++ready; });
            connect(d.get(), &ManagedPeer::finished, this, [&finished, infoHash](const QString &h) { finished += h == infoHash; });
            d->start();
        }
        QVERIFY(waitFor([&] { return ready == 3; }, 30000));
        QElapsedTimer transferClock;
        transferClock.start();
        for (int i = 0; i < 3; ++i)
            downloaders[i]->download(infoHash, m_dir.filePath(QStringLiteral("got%1").arg(i)), false);

        // The OMS allocates the cache to the overlay; the cache fetches and completes.
        QSignalSpy cached(&cache, &CacheNode::overlayCached);
        QTRY_COMPARE_WITH_TIMEOUT(resources(base, QStringLiteral("?overlayId=") + infoHash).size(), 1, 20000);
        QVERIFY2(waitFor([&] { return finished == 3; }, 90000), qPrintable(QStringLiteral("%1 of 3 finished").arg(finished)));
        QVERIFY(cached.count() > 0 || cached.wait(60000));
        // The last blocks are counted just after completion: wait until every node has counted
        // the whole content (block accounting is exact), then read the split.
        auto received = [&](PeerEngine *engine) {
            qint64 sum = 0;
            for (qint64 b : engine->bytesReceivedByAddress(infoHash))
                sum += b;
            return sum;
        };
        QTRY_COMPARE_WITH_TIMEOUT(received(cache.peer()->engine()), ContentBytes, 10000);
        for (int i = 0; i < 3; ++i)
            QTRY_COMPARE_WITH_TIMEOUT(received(downloaders[i]->engine()), ContentBytes, 10000);

        // Exact accounting: what each ISP-B node received, by sender.
        qint64 crossIsp = 0, fromCache = 0, total = 0;
        QStringList lines;
        auto add = [&](const QString &who, const QHash<QString, qint64> &byAddress) {
            for (auto it = byAddress.begin(); it != byAddress.end(); ++it) {
                if (inIspA(it.key()))
                    crossIsp += it.value();
                lines.append(QStringLiteral("%1 <- %2: %3").arg(who, it.key()).arg(it.value()));
            }
        };
        add(QStringLiteral("cache"), cache.peer()->engine()->bytesReceivedByAddress(infoHash));
        for (int i = 0; i < 3; ++i) {
            const QHash<QString, qint64> got = downloaders[i]->engine()->bytesReceivedByAddress(infoHash);
            add(QStringLiteral("dl%1").arg(i), got);
            fromCache += got.value(QStringLiteral("127.2.0.9"));
            for (qint64 b : got)
                total += b;
        }
        qInfo().noquote() << lines.join(QStringLiteral("; "));
        qInfo("FIGURES cross-ISP bytes into ISP B: %.3f copies (limit 1.3; one per downloader would be 3); "
              "ISP-B downloaders got %.1f %% of their bytes from the cache (goal > 50 %%); %lld ms from the downloads' start",
              double(crossIsp) / ContentBytes, 100.0 * double(fromCache) / double(qMax<qint64>(1, total)), transferClock.elapsed());
        QCOMPARE(total, 3 * ContentBytes);  // every byte of every downloader is accounted for
        QVERIFY2(crossIsp * 10 <= ContentBytes * 13, qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY2(fromCache * 2 > total, qPrintable(lines.join(QLatin1Char('\n'))));
        const auto sums = sha256OfFiles(m_dir.filePath(QStringLiteral("content")));
        QCOMPARE(sha256OfFiles(m_dir.filePath(QStringLiteral("got0"))), sums);

        // Stop: within a second the OMS lists the cache neither as a resource nor as a peer.
        const QString peersUrl = base + QStringLiteral("/oms/v1/overlays/%1/peers").arg(infoHash);
        auto listsCache = [&] {
            for (const QJsonValue &v : m_http.get(peersUrl, testServiceToken()).json().value(QStringLiteral("peers")).toArray())
                if (v.toObject().value(QStringLiteral("ip")).toString() == QLatin1String("127.2.0.9"))
                    return true;
            return false;
        };
        QVERIFY(listsCache());
        QElapsedTimer stopClock;
        stopClock.start();
        QSignalSpy stopped(&cache, &CacheNode::stopped);
        cache.stop();
        QVERIFY(waitFor([&] { return resources(base, QStringLiteral("?type=cs")).isEmpty() && !listsCache(); }, 1000));
        qInfo("the OMS dropped the stopped cache after %lld ms", stopClock.elapsed());
        QVERIFY(stopped.count() > 0 || stopped.wait(5000));

        for (auto &d : downloaders) {
            bool done = false;
            d->shutdown([&done] { done = true; });
            QVERIFY(waitFor([&] { return done; }, 15000));
        }
        bool seedDone = false;
        seed.shutdown([&seedDone] { seedDone = true; });
        QVERIFY(waitFor([&] { return seedDone; }, 15000));
    }

    void dedicatedCacheRegistersFromMp2pd()
    {
        QString error;
        const auto csIdentity = Identity::loadOrCreate(m_dir.filePath(QStringLiteral("cs/cs")), &error);
        QVERIFY2(csIdentity, qPrintable(error));
        Mp2pdProcess server(m_dir.filePath(QStringLiteral("p2psp-2")));
        QVERIFY2(server.start({QStringLiteral("--config"),
                               writeOperatorsConfig(m_dir.filePath(QStringLiteral("p2psp-2.json")), {csIdentity->userId})},
                              &error),
                 qPrintable(error));
        const QString config = m_dir.filePath(QStringLiteral("cs.json"));
        QVERIFY(writeFile(config, QJsonDocument(QJsonObject{{QStringLiteral("cs"), QJsonObject{{QStringLiteral("providerUrl"), server.baseUrl()},
                                                                                           {QStringLiteral("diskQuotaBytes"), 1 << 30},
                                                                                           {QStringLiteral("listen"), QStringLiteral("127.2.0.20:0")},
                                                                                           {QStringLiteral("utp"), false}}}}).toJson()));
        Mp2pdProcess cs(m_dir.filePath(QStringLiteral("cs")));
        QVERIFY2(cs.start({QStringLiteral("--services"), QStringLiteral("cs"), QStringLiteral("--config"), config}, &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(resources(server.baseUrl(), QStringLiteral("?type=cs")).size(), 1, 20000);
        const QJsonObject r = resources(server.baseUrl(), QStringLiteral("?type=cs")).at(0).toObject();
        QCOMPARE(r.value(QStringLiteral("address")).toString(), QStringLiteral("127.2.0.20"));
        QCOMPARE(r.value(QStringLiteral("mode")).toString(), QStringLiteral("dedicated"));
        QCOMPARE(r.value(QStringLiteral("diskBytes")).toInteger(), qint64(1) << 30);
        QTRY_VERIFY_WITH_TIMEOUT(m_http.get(cs.baseUrl() + QStringLiteral("/cs/healthz")).json().value(QStringLiteral("registered")).toBool(), 10000);
        // A config without a quota is refused with a message naming the field.
        const QByteArray noQuota = "{\"cs\": {\"providerUrl\": \"http://127.0.0.1:9\"}}";
        QVERIFY(writeFile(config, noQuota));
        Mp2pdProcess bad(m_dir.filePath(QStringLiteral("cs-bad")));
        QVERIFY(!bad.start({QStringLiteral("--services"), QStringLiteral("cs"), QStringLiteral("--config"), config}, &error));
        QVERIFY2(bad.output().contains("diskQuotaBytes") || error.contains(QStringLiteral("diskQuotaBytes")), bad.output().constData());
        // SIGTERM: the dedicated cache deregisters before it exits (the OMS's lease is 30 s, so
        // an empty pool right after the exit can only come from the deregistration).
        QCOMPARE(cs.terminate(), 0);
        QVERIFY(resources(server.baseUrl(), QStringLiteral("?type=cs")).isEmpty());
        QCOMPARE(m_http.get(server.baseUrl() + QStringLiteral("/oms/v1/resources/") + r.value(QStringLiteral("resourceId")).toString(), testServiceToken()).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestCache)
#include "tst_cache.moc"
