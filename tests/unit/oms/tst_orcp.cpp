// ORCP (X.609.2) at the OMS: the resource pool behind /oms/v1/resources — registration,
// keep-alive expiry, allocation / deallocation with capacity, relay start, status, persistence
// across a restart, bad input — and the caching job end to end on the pool.
#include "omsfixture.h"

#include <p2psp/oms/cacheview.h>

#include <QJsonArray>

using namespace mp2p;
using namespace mp2p::test;

namespace {
QJsonObject csBody(const QString &address, qint64 disk, qint64 upload = 1000000)
{
    return {{QStringLiteral("type"), QStringLiteral("cs")}, {QStringLiteral("address"), address},
            {QStringLiteral("port"), 6881}, {QStringLiteral("diskBytes"), disk}, {QStringLiteral("uploadBps"), upload},
            {QStringLiteral("mode"), QStringLiteral("volunteer")}, {QStringLiteral("region"), QStringLiteral("isp-b")}};
}

const QString Base = QStringLiteral("/oms/v1/resources");
} // namespace

class TestOrcp : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void registerKeepAliveAndExpire()
    {
        OmsFixture f(QJsonObject{{QStringLiteral("resourceTtlSecs"), 30}});
        const HttpResponse created = f.as(f.alice).post(Base, csBody(QStringLiteral("127.2.0.5"), 1000));
        QCOMPARE(created.status, 201);
        const QJsonObject r = jsonOf(created);
        const QString id = r.value(QStringLiteral("resourceId")).toString();
        QCOMPARE(id.size(), 32);
        QCOMPARE(r.value(QStringLiteral("owner")).toString(), f.alice.userId);
        QCOMPARE(r.value(QStringLiteral("address")).toString(), QStringLiteral("127.2.0.5"));
        QCOMPARE(r.value(QStringLiteral("region")).toString(), QStringLiteral("isp-b"));  // no map: as stated
        QCOMPARE(r.value(QStringLiteral("keepAliveSecs")).toInt(), 10);
        QCOMPARE(r.value(QStringLiteral("expiresAt")).toInteger(), f.now + 30);
        QCOMPARE(r.value(QStringLiteral("mode")).toString(), QStringLiteral("volunteer"));
        // The same owner, type and endpoint registers again under the same id (200, not 201).
        QCOMPARE(f.as(f.alice).post(Base, csBody(QStringLiteral("127.2.0.5"), 2000)).status, 200);
        QCOMPARE(jsonOf(f.anonymous().get(Base + QLatin1Char('/') + id)).value(QStringLiteral("diskBytes")).toInteger(), 2000);

        // Keep-alives move the expiry; only the owner may send them.
        f.now += 20;
        QCOMPARE(f.as(f.bob).post(Base + QStringLiteral("/%1/keepalive").arg(id), {}).status, 403);
        const HttpResponse alive = f.as(f.alice).post(Base + QStringLiteral("/%1/keepalive").arg(id), {});
        QCOMPARE(alive.status, 200);
        QCOMPARE(jsonOf(alive).value(QStringLiteral("expiresAt")).toInteger(), f.now + 30);
        f.now += 29;
        QCOMPARE(jsonOf(f.anonymous().get(Base)).value(QStringLiteral("resources")).toArray().size(), 1);
        // Keep-alives stop: it leaves the list at its expiry, and a late keep-alive is told to register again.
        f.now += 1;
        QCOMPARE(jsonOf(f.anonymous().get(Base)).value(QStringLiteral("resources")).toArray().size(), 0);
        QCOMPARE(jsonOf(f.anonymous().get(Base + QLatin1Char('/') + id)).value(QStringLiteral("alive")).toBool(true), false);
        QCOMPARE(f.as(f.alice).post(Base + QStringLiteral("/%1/keepalive").arg(id), {}).status, 404);
        // The caching job sweeps it out of the database.
        f.service->runCachingJob();
        QCOMPARE(f.anonymous().get(Base + QLatin1Char('/') + id).status, 404);
    }

    void allocateDeallocateWithCapacity()
    {
        OmsFixture f;
        const QByteArray h1 = OmsFixture::hashOf("one"), h2 = OmsFixture::hashOf("two");
        QCOMPARE(f.createOverlay(f.alice, h1), 201);
        QCOMPARE(f.createOverlay(f.alice, h2), 201);
        const QString id = jsonOf(f.as(f.bob).post(Base, csBody(QStringLiteral("127.2.0.5"), 1000))).value(QStringLiteral("resourceId")).toString();
        const QString allocations = Base + QStringLiteral("/%1/allocations").arg(id);
        QCOMPARE(f.as(f.alice).post(allocations, {{QStringLiteral("overlayId"), OmsFixture::hexOf(h1)}}).status, 403);
        QCOMPARE(f.as(f.bob).post(allocations, {{QStringLiteral("overlayId"), OmsFixture::hexOf(h1)}, {QStringLiteral("reservedBytes"), 600}}).status, 201);
        // 600 + 600 > 1000: refused with a conflict that says why.
        const HttpResponse full = f.as(f.bob).post(allocations, {{QStringLiteral("overlayId"), OmsFixture::hexOf(h2)}, {QStringLiteral("reservedBytes"), 600}});
        QCOMPARE(full.status, 409);
        QVERIFY(jsonOf(full).value(QStringLiteral("message")).toString().contains(QStringLiteral("disk")));
        QCOMPARE(f.as(f.bob).post(allocations, {{QStringLiteral("overlayId"), OmsFixture::hexOf(h2)}, {QStringLiteral("reservedBytes"), 400}}).status, 201);
        const QJsonObject status = jsonOf(f.anonymous().get(Base + QLatin1Char('/') + id));
        QCOMPARE(status.value(QStringLiteral("reservedBytes")).toInteger(), 1000);
        QCOMPARE(status.value(QStringLiteral("allocations")).toArray().size(), 2);
        // Filter by overlay.
        QCOMPARE(jsonOf(f.anonymous().get(Base + QStringLiteral("?overlayId=") + OmsFixture::hexOf(h1))).value(QStringLiteral("resources")).toArray().size(), 1);
        // Release one; releasing it again is a 404.
        QCOMPARE(f.as(f.bob).del(allocations + QLatin1Char('/') + OmsFixture::hexOf(h1)).status, 204);
        QCOMPARE(f.as(f.bob).del(allocations + QLatin1Char('/') + OmsFixture::hexOf(h1)).status, 404);
        QCOMPARE(jsonOf(f.anonymous().get(Base + QLatin1Char('/') + id)).value(QStringLiteral("reservedBytes")).toInteger(), 400);
        // An overlay this OMS does not know cannot be allocated.
        QCOMPARE(f.as(f.bob).post(allocations, {{QStringLiteral("overlayId"), OmsFixture::hexOf(OmsFixture::hashOf("nope"))}}).status, 404);
    }

    void relayStartAndStop()
    {
        OmsFixture f;
        const QByteArray h = OmsFixture::hashOf("relayed");
        QCOMPARE(f.createOverlay(f.alice, h), 201);
        QJsonObject rs{{QStringLiteral("type"), QStringLiteral("rs")}, {QStringLiteral("address"), QStringLiteral("127.1.0.9")},
                       {QStringLiteral("port"), 3478}};
        const HttpResponse registered = f.as(f.bob).post(Base, rs);
        QVERIFY2(registered.status == 201, registered.body.constData());
        const QString id = jsonOf(registered).value(QStringLiteral("resourceId")).toString();
        const QString relays = Base + QStringLiteral("/%1/relays").arg(id);
        QCOMPARE(f.as(f.bob).post(relays, {{QStringLiteral("overlayId"), OmsFixture::hexOf(h)}, {QStringLiteral("relayedAddress"), QStringLiteral("nonsense")}}).status, 400);
        QCOMPARE(f.as(f.bob).post(relays, {{QStringLiteral("overlayId"), OmsFixture::hexOf(h)}, {QStringLiteral("relayedAddress"), QStringLiteral("127.1.0.9:50000")}}).status, 201);
        const QJsonArray listed = jsonOf(f.anonymous().get(Base + QLatin1Char('/') + id)).value(QStringLiteral("relays")).toArray();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.at(0).toObject().value(QStringLiteral("relayedAddress")).toString(), QStringLiteral("127.1.0.9:50000"));
        // A relay is not allocated as a cache, and a cache starts no relays.
        QCOMPARE(f.as(f.bob).post(Base + QStringLiteral("/%1/allocations").arg(id), {{QStringLiteral("overlayId"), OmsFixture::hexOf(h)}}).status, 400);
        QCOMPARE(f.as(f.bob).del(relays + QLatin1Char('/') + OmsFixture::hexOf(h)).status, 204);
        QCOMPARE(f.as(f.bob).del(relays + QLatin1Char('/') + OmsFixture::hexOf(h)).status, 404);
    }

    void poolSurvivesARestart()
    {
        OmsFixture f;
        const QByteArray h = OmsFixture::hashOf("durable");
        QCOMPARE(f.createOverlay(f.alice, h), 201);
        const QString id = jsonOf(f.as(f.bob).post(Base, csBody(QStringLiteral("127.2.0.5"), 1000))).value(QStringLiteral("resourceId")).toString();
        QCOMPARE(f.as(f.bob).post(Base + QStringLiteral("/%1/allocations").arg(id), {{QStringLiteral("overlayId"), OmsFixture::hexOf(h)}, {QStringLiteral("reservedBytes"), 10}}).status, 201);
        f.reopen();
        const QJsonObject status = jsonOf(f.anonymous().get(Base + QLatin1Char('/') + id));
        QCOMPARE(status.value(QStringLiteral("alive")).toBool(), true);
        QCOMPARE(status.value(QStringLiteral("allocations")).toArray().at(0).toObject().value(QStringLiteral("overlayId")).toString(), OmsFixture::hexOf(h));
        QCOMPARE(f.as(f.bob).post(Base + QStringLiteral("/%1/keepalive").arg(id), {}).status, 200);
    }

    void deregisterDropsTheCacheFromPeerLists()
    {
        OmsFixture f;
        const QByteArray h = OmsFixture::hashOf("listed");
        QCOMPARE(f.createOverlay(f.alice, h), 201);
        const QString id = jsonOf(f.as(f.bob).post(Base, csBody(QStringLiteral("127.2.0.5"), 1000))).value(QStringLiteral("resourceId")).toString();
        QCOMPARE(f.as(f.bob).post(Base + QStringLiteral("/%1/allocations").arg(id), {{QStringLiteral("overlayId"), OmsFixture::hexOf(h)}}).status, 201);
        // The cache (bob) seeds the overlay; alice leeches.
        QCOMPARE(f.announce(f.bob, OmsFixture::announceQuery(h, OmsFixture::peerId('c'), QStringLiteral("127.2.0.5"), 6881, 0)).status, 200);
        const QString peers = QStringLiteral("/oms/v1/overlays/%1/peers").arg(OmsFixture::hexOf(h));
        QCOMPARE(jsonOf(f.anonymous().get(peers)).value(QStringLiteral("peers")).toArray().size(), 1);
        QCOMPARE(f.as(f.alice).del(Base + QLatin1Char('/') + id).status, 403);
        QCOMPARE(f.as(f.bob).del(Base + QLatin1Char('/') + id).status, 204);
        QCOMPARE(jsonOf(f.anonymous().get(peers)).value(QStringLiteral("peers")).toArray().size(), 0);
        QCOMPARE(f.anonymous().get(Base + QLatin1Char('/') + id).status, 404);
    }

    void badInputIsRefusedClearly_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        const QJsonObject ok = csBody(QStringLiteral("127.2.0.5"), 1000);
        auto with = [&](const QString &k, const QJsonValue &v) { QJsonObject o = ok; o.insert(k, v); return o; };
        auto without = [&](const QString &k) { QJsonObject o = ok; o.remove(k); return o; };
        QTest::newRow("no type") << without(QStringLiteral("type")) << QStringLiteral("type");
        QTest::newRow("bad type") << with(QStringLiteral("type"), QStringLiteral("cdn")) << QStringLiteral("type");
        QTest::newRow("no port") << without(QStringLiteral("port")) << QStringLiteral("port");
        QTest::newRow("port 0") << with(QStringLiteral("port"), 0) << QStringLiteral("port");
        QTest::newRow("port text") << with(QStringLiteral("port"), QStringLiteral("80")) << QStringLiteral("port");
        QTest::newRow("bad address") << with(QStringLiteral("address"), QStringLiteral("not-an-ip")) << QStringLiteral("address");
        QTest::newRow("cs without disk") << without(QStringLiteral("diskBytes")) << QStringLiteral("diskBytes");
        QTest::newRow("cs zero disk") << with(QStringLiteral("diskBytes"), 0) << QStringLiteral("diskBytes");
        QTest::newRow("negative disk") << with(QStringLiteral("diskBytes"), -5) << QStringLiteral("diskBytes");
        QTest::newRow("negative upload") << with(QStringLiteral("uploadBps"), -1) << QStringLiteral("uploadBps");
        QTest::newRow("bad mode") << with(QStringLiteral("mode"), QStringLiteral("forced")) << QStringLiteral("mode");
        QTest::newRow("long region") << with(QStringLiteral("region"), QString(65, QLatin1Char('x'))) << QStringLiteral("region");
    }

    void badInputIsRefusedClearly()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        OmsFixture f;
        const HttpResponse r = f.as(f.alice).post(Base, body);
        QCOMPARE(r.status, 400);
        QCOMPARE(jsonOf(r).value(QStringLiteral("field")).toString(), field);
        QVERIFY(!jsonOf(r).value(QStringLiteral("message")).toString().isEmpty());
        QCOMPARE(jsonOf(f.anonymous().get(Base)).value(QStringLiteral("resources")).toArray().size(), 0);
    }

    void authAndMalformedPaths()
    {
        OmsFixture f;
        QCOMPARE(f.anonymous().post(Base, csBody(QStringLiteral("127.2.0.5"), 1000)).status, 401);
        QCOMPARE(f.as(f.alice).call(HttpMethod::Post, Base, "{not json").status, 400);
        QCOMPARE(f.anonymous().get(Base + QStringLiteral("/xyz")).status, 400);
        QCOMPARE(f.anonymous().get(Base + QStringLiteral("?type=cdn")).status, 400);
        QCOMPARE(f.as(f.alice).post(Base + QStringLiteral("/%1/keepalive").arg(QString(32, QLatin1Char('0'))), {}).status, 404);
    }

    void cachingJobAllocatesWhereDemandIsUnserved()
    {
        // No map: one region (""). Two leechers and no seed → the job allocates bob's cache;
        // when the leechers are gone it holds the cache for cacheHoldSecs, then releases it.
        OmsFixture f(QJsonObject{{QStringLiteral("cacheHoldSecs"), 60}, {QStringLiteral("resourceTtlSecs"), 3600},
                                 {QStringLiteral("peerTtlSecs"), 1000}, {QStringLiteral("announceIntervalSecs"), 100}});
        const QByteArray h = OmsFixture::hashOf("demand");
        QCOMPARE(f.createOverlay(f.alice, h), 201);
        const QString id = jsonOf(f.as(f.bob).post(Base, csBody(QStringLiteral("127.2.0.5"), 1 << 20))).value(QStringLiteral("resourceId")).toString();
        QCOMPARE(f.announce(f.alice, OmsFixture::announceQuery(h, OmsFixture::peerId('a'), QStringLiteral("127.2.0.2"), 6881, 5000)).status, 200);
        QCOMPARE(f.service->runCachingJob(), 0);  // one leecher is not enough
        QCOMPARE(f.announce(f.alice, OmsFixture::announceQuery(h, OmsFixture::peerId('b'), QStringLiteral("127.2.0.3"), 6881, 5000)).status, 200);
        QCOMPARE(f.service->runCachingJob(), 1);
        const QJsonArray allocations = jsonOf(f.as(f.bob).post(Base + QStringLiteral("/%1/keepalive").arg(id), {})).value(QStringLiteral("allocations")).toArray();
        QCOMPARE(allocations.size(), 1);
        QCOMPARE(allocations.at(0).toObject().value(QStringLiteral("overlayId")).toString(), OmsFixture::hexOf(h));
        QCOMPARE(allocations.at(0).toObject().value(QStringLiteral("reservedBytes")).toInteger(), 5000);  // from the leechers' "left"
        QCOMPARE(f.service->cacheView()->cacheUsers(OmsFixture::hexOf(h)), QSet<QString>{f.bob.userId});
        QCOMPARE(f.service->runCachingJob(), 0);  // stable: no second cache
        // Both leechers complete: demand is gone, the cache is held, then released.
        f.now += 10;
        QCOMPARE(f.announce(f.alice, OmsFixture::announceQuery(h, OmsFixture::peerId('a'), QStringLiteral("127.2.0.2"), 6881, 0)).status, 200);
        QCOMPARE(f.announce(f.alice, OmsFixture::announceQuery(h, OmsFixture::peerId('b'), QStringLiteral("127.2.0.3"), 6881, 0)).status, 200);
        f.service->runCachingJob();
        QCOMPARE(f.service->cacheView()->cacheUsers(OmsFixture::hexOf(h)).size(), 1);
        f.now += 61;
        f.service->runCachingJob();
        QVERIFY(f.service->cacheView()->cacheUsers(OmsFixture::hexOf(h)).isEmpty());
        QCOMPARE(jsonOf(f.as(f.bob).post(Base + QStringLiteral("/%1/keepalive").arg(id), {})).value(QStringLiteral("allocations")).toArray().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestOrcp)
#include "tst_orcp.moc"
