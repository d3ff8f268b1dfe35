// ORCP (X.609.2) at the OMS: the resource pool behind /oms/v1/resources — registration,
// keep-alive expiry, allocation / deallocation with capacity, relay start, status, persistence
// across a restart, bad input — and the caching job end to end on the pool.
#include "omsfixture.h"

#include <p2psp/oms/cacheview.h>
#include <p2psp/oms/networkmapview.h>

#include <QJsonArray>
#include <QSet>

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
        QCOMPARE(jsonOf(f.operatorView().get(Base + QLatin1Char('/') + id)).value(QStringLiteral("diskBytes")).toInteger(), 2000);

        // Keep-alives move the expiry; only the owner may send them.
        f.now += 20;
        QCOMPARE(f.as(f.bob).post(Base + QStringLiteral("/%1/keepalive").arg(id), {}).status, 403);
        const HttpResponse alive = f.as(f.alice).post(Base + QStringLiteral("/%1/keepalive").arg(id), {});
        QCOMPARE(alive.status, 200);
        QCOMPARE(jsonOf(alive).value(QStringLiteral("expiresAt")).toInteger(), f.now + 30);
        f.now += 29;
        QCOMPARE(jsonOf(f.operatorView().get(Base)).value(QStringLiteral("resources")).toArray().size(), 1);
        // Keep-alives stop: it leaves the list at its expiry, and a late keep-alive is told to register again.
        f.now += 1;
        QCOMPARE(jsonOf(f.operatorView().get(Base)).value(QStringLiteral("resources")).toArray().size(), 0);
        QCOMPARE(jsonOf(f.operatorView().get(Base + QLatin1Char('/') + id)).value(QStringLiteral("alive")).toBool(true), false);
        QCOMPARE(f.as(f.alice).post(Base + QStringLiteral("/%1/keepalive").arg(id), {}).status, 404);
        // The caching job sweeps it out of the database.
        f.service->runCachingJob();
        QCOMPARE(f.operatorView().get(Base + QLatin1Char('/') + id).status, 404);
    }

    void volunteersServeOnlyUnderConsent()
    {
        OmsFixture f;
        QSet<QString> consented;  // what the PAMS would say, per "user/type"
        f.service->setVolunteerConsentCheck([&consented](const QString &user, const QString &type) {
            return consented.contains(user + QLatin1Char('/') + type);
        });
        // No consent: a volunteer cache is refused with what to do; a dedicated one needs none.
        const HttpResponse refused = f.as(f.alice).post(Base, csBody(QStringLiteral("127.2.0.5"), 1000));
        QCOMPARE(refused.status, 403);
        QVERIFY(jsonOf(refused).value(QStringLiteral("message")).toString().contains(QStringLiteral("mp2p volunteer --cache")));
        QJsonObject dedicated = csBody(QStringLiteral("127.2.0.6"), 1000);
        dedicated.insert(QStringLiteral("mode"), QStringLiteral("dedicated"));
        // Only the provider's operators may add a dedicated server; a user who says so is refused.
        QCOMPARE(f.as(f.bob).post(Base, dedicated).status, 403);
        QCOMPARE(f.as(f.provider).post(Base, dedicated).status, 201);

        consented.insert(f.alice.userId + QStringLiteral("/cs"));
        const HttpResponse created = f.as(f.alice).post(Base, csBody(QStringLiteral("127.2.0.5"), 1000));
        QCOMPARE(created.status, 201);
        const QString id = jsonOf(created).value(QStringLiteral("resourceId")).toString();
        QCOMPARE(f.as(f.alice).post(Base + QStringLiteral("/%1/keepalive").arg(id), {}).status, 200);
        // Revoked at the PAMS: the next keep-alive is refused and the cache leaves the pool at once.
        consented.clear();
        QCOMPARE(f.as(f.alice).post(Base + QStringLiteral("/%1/keepalive").arg(id), {}).status, 403);
        QCOMPARE(f.operatorView().get(Base + QLatin1Char('/') + id).status, 404);
        QCOMPARE(jsonOf(f.operatorView().get(Base)).value(QStringLiteral("resources")).toArray().size(), 1);  // bob's
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
        const QJsonObject status = jsonOf(f.operatorView().get(Base + QLatin1Char('/') + id));
        QCOMPARE(status.value(QStringLiteral("reservedBytes")).toInteger(), 1000);
        QCOMPARE(status.value(QStringLiteral("allocations")).toArray().size(), 2);
        // Filter by overlay.
        QCOMPARE(jsonOf(f.operatorView().get(Base + QStringLiteral("?overlayId=") + OmsFixture::hexOf(h1))).value(QStringLiteral("resources")).toArray().size(), 1);
        // Release one; releasing it again is a 404.
        QCOMPARE(f.as(f.bob).del(allocations + QLatin1Char('/') + OmsFixture::hexOf(h1)).status, 204);
        QCOMPARE(f.as(f.bob).del(allocations + QLatin1Char('/') + OmsFixture::hexOf(h1)).status, 404);
        QCOMPARE(jsonOf(f.operatorView().get(Base + QLatin1Char('/') + id)).value(QStringLiteral("reservedBytes")).toInteger(), 400);
        // An overlay this OMS does not know cannot be allocated.
        QCOMPARE(f.as(f.bob).post(allocations, {{QStringLiteral("overlayId"), OmsFixture::hexOf(OmsFixture::hashOf("nope"))}}).status, 404);
    }

    void relayStartAndStop()
    {
        OmsFixture f;
        const QByteArray h = OmsFixture::hashOf("relayed");
        QCOMPARE(f.createOverlay(f.alice, h), 201);
        QJsonObject rs{{QStringLiteral("type"), QStringLiteral("rs")}, {QStringLiteral("address"), QStringLiteral("127.1.0.9")},
                       {QStringLiteral("port"), 3478}, {QStringLiteral("mode"), QStringLiteral("volunteer")}};
        const HttpResponse registered = f.as(f.bob).post(Base, rs);
        QVERIFY2(registered.status == 201, registered.body.constData());
        const QString id = jsonOf(registered).value(QStringLiteral("resourceId")).toString();
        const QString relays = Base + QStringLiteral("/%1/relays").arg(id);
        QCOMPARE(f.as(f.bob).post(relays, {{QStringLiteral("overlayId"), OmsFixture::hexOf(h)}, {QStringLiteral("relayedAddress"), QStringLiteral("nonsense")}}).status, 400);
        QCOMPARE(f.as(f.bob).post(relays, {{QStringLiteral("overlayId"), OmsFixture::hexOf(h)}, {QStringLiteral("relayedAddress"), QStringLiteral("127.1.0.9:50000")}}).status, 201);
        const QJsonArray listed = jsonOf(f.operatorView().get(Base + QLatin1Char('/') + id)).value(QStringLiteral("relays")).toArray();
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
        const QJsonObject status = jsonOf(f.operatorView().get(Base + QLatin1Char('/') + id));
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
        QCOMPARE(jsonOf(f.operatorView().get(peers)).value(QStringLiteral("peers")).toArray().size(), 1);
        QCOMPARE(f.as(f.alice).del(Base + QLatin1Char('/') + id).status, 403);
        QCOMPARE(f.as(f.bob).del(Base + QLatin1Char('/') + id).status, 204);
        QCOMPARE(jsonOf(f.operatorView().get(peers)).value(QStringLiteral("peers")).toArray().size(), 0);
        QCOMPARE(f.operatorView().get(Base + QLatin1Char('/') + id).status, 404);
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
        QCOMPARE(jsonOf(f.operatorView().get(Base)).value(QStringLiteral("resources")).toArray().size(), 0);
    }

    // Without a PAMS to ask, no volunteer is used: consent fails closed.
    void consentFailsClosedWithoutAPams()
    {
        OmsFixture f;
        f.everyoneConsents = false;
        f.reopen();
        const HttpResponse r = f.as(f.alice).post(Base, csBody(QStringLiteral("127.2.0.5"), 1000));
        QCOMPARE(r.status, 503);
        QVERIFY(jsonOf(r).value(QStringLiteral("message")).toString().contains(QStringLiteral("no PAMS")));
        QJsonObject noMode = csBody(QStringLiteral("127.2.0.5"), 1000);
        noMode.remove(QStringLiteral("mode"));
        QCOMPARE(jsonOf(f.as(f.alice).post(Base, noMode)).value(QStringLiteral("field")).toString(), QStringLiteral("mode"));
    }

    void authAndMalformedPaths()
    {
        OmsFixture f;
        // The pool is the operators' view; a user gets 403, a stranger 401.
        QCOMPARE(f.anonymous().get(Base).status, 401);
        QCOMPARE(f.as(f.alice).get(Base).status, 403);
        QCOMPARE(f.anonymous().post(Base, csBody(QStringLiteral("127.2.0.5"), 1000)).status, 401);
        QCOMPARE(f.as(f.alice).call(HttpMethod::Post, Base, "{not json").status, 400);
        QCOMPARE(f.operatorView().get(Base + QStringLiteral("/xyz")).status, 400);
        QCOMPARE(f.operatorView().get(Base + QStringLiteral("?type=cdn")).status, 400);
        QCOMPARE(f.as(f.alice).post(Base + QStringLiteral("/%1/keepalive").arg(QString(32, QLatin1Char('0'))), {}).status, 404);
    }

    void cachingJobAllocatesWhereDemandIsUnserved()
    {
        // No map: one region (""). Demand and no seed → the job allocates bob's cache (an idle
        // cache from the first leecher, a busy one from cacheMinLeechers = 2); when the leechers
        // are gone it holds the cache for cacheHoldSecs, then releases it.
        OmsFixture f(QJsonObject{{QStringLiteral("cacheHoldSecs"), 60}, {QStringLiteral("resourceTtlSecs"), 3600},
                                 {QStringLiteral("peerTtlSecs"), 1000}, {QStringLiteral("announceIntervalSecs"), 100}});
        const QByteArray h = OmsFixture::hashOf("demand");
        const QByteArray other = OmsFixture::hashOf("other");
        QCOMPARE(f.createOverlay(f.alice, h), 201);
        QCOMPARE(f.createOverlay(f.alice, other), 201);
        const QString id = jsonOf(f.as(f.bob).post(Base, csBody(QStringLiteral("127.2.0.5"), 1 << 20))).value(QStringLiteral("resourceId")).toString();
        QCOMPARE(f.announce(f.alice, OmsFixture::announceQuery(other, OmsFixture::peerId('o'), QStringLiteral("127.2.0.7"), 6881, 100)).status, 200);
        QCOMPARE(f.service->runCachingJob(), 1);  // idle: the first leecher of `other` is enough
        QCOMPARE(f.announce(f.alice, OmsFixture::announceQuery(h, OmsFixture::peerId('a'), QStringLiteral("127.2.0.2"), 6881, 5000)).status, 200);
        QCOMPARE(f.service->runCachingJob(), 0);  // busy now: one leecher of `h` is not enough
        QCOMPARE(f.announce(f.alice, OmsFixture::announceQuery(h, OmsFixture::peerId('b'), QStringLiteral("127.2.0.3"), 6881, 5000)).status, 200);
        QCOMPARE(f.service->runCachingJob(), 1);
        QCOMPARE(f.announce(f.alice, OmsFixture::announceQuery(other, OmsFixture::peerId('o'), QStringLiteral("127.2.0.7"), 6881, 100,
                                                               QStringLiteral("&event=stopped"))).status, 200);
        f.now += 61;
        QCOMPARE(f.announce(f.alice, OmsFixture::announceQuery(h, OmsFixture::peerId('a'), QStringLiteral("127.2.0.2"), 6881, 5000)).status, 200);
        QCOMPARE(f.announce(f.alice, OmsFixture::announceQuery(h, OmsFixture::peerId('b'), QStringLiteral("127.2.0.3"), 6881, 5000)).status, 200);
        QCOMPARE(f.service->runCachingJob(), 0);  // `other` released, `h` kept
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

    void regionWaitsForItsCacheForABoundedTime()
    {
        // cacheIntervalSecs 10, keep-alive 10 s: a hold ends at max(begin + 10, allocatedAt) + 20.
        OmsFixture f(QJsonObject{{QStringLiteral("cacheIntervalSecs"), 10}, {QStringLiteral("resourceTtlSecs"), 30},
                                 {QStringLiteral("cacheHoldSecs"), 3600}, {QStringLiteral("peerTtlSecs"), 100000},
                                 {QStringLiteral("announceIntervalSecs"), 100}});
        TwoIspMap map;
        f.service->setNetworkMap(&map);
        const CacheView *view = f.service->cacheView();
        const QByteArray h = OmsFixture::hashOf("wait");
        const QString o = OmsFixture::hexOf(h);
        QCOMPARE(f.createOverlay(f.alice, h), 201);
        const QString B = QStringLiteral("isp-2");
        QVERIFY(!view->awaitsCache(o, B, 1, 5000, f.now));  // no cache registered in isp-2
        const QString id = jsonOf(f.as(f.bob).post(Base, csBody(QStringLiteral("127.2.0.5"), 1 << 20))).value(QStringLiteral("resourceId")).toString();
        QVERIFY(!id.isEmpty());
        QVERIFY(!view->awaitsCache(o, QStringLiteral("isp-1"), 1, 5000, f.now));  // none in isp-1
        QVERIFY(!view->awaitsCache(o, B, 1, 2 << 20, f.now));                    // too big for it
        QVERIFY(!view->awaitsCache(o, QString(), 1, 5000, f.now));               // no region, no hold
        const qint64 begin = f.now;
        QVERIFY(view->awaitsCache(o, B, 1, 5000, f.now));  // idle, with room: wait for it
        // The first leecher arrives; the job's pass comes late (25 s) and allocates.
        QCOMPARE(f.announce(f.alice, OmsFixture::announceQuery(h, OmsFixture::peerId('a'), QStringLiteral("127.2.0.2"), 6881, 5000)).status, 200);
        f.now = begin + 25;
        QCOMPARE(f.service->runCachingJob(), 1);
        f.now = begin + 44;
        QVERIFY(view->awaitsCache(o, B, 1, 5000, f.now));
        f.now = begin + 45;  // allocatedAt + 2 keep-alives: the cache did not come, stop waiting
        QVERIFY(!view->awaitsCache(o, B, 1, 5000, f.now));
        // (Registering again keeps the cache alive over the long jumps of the clock, allocations kept.)
        auto stayAlive = [&] { QCOMPARE(f.as(f.bob).post(Base, csBody(QStringLiteral("127.2.0.5"), 1 << 20)).status, 200); };
        f.now = begin + 500;
        stayAlive();
        f.service->runCachingJob();
        QCOMPARE(f.service->cacheView()->cacheUsers(o), QSet<QString>{f.bob.userId});
        QVERIFY(!view->awaitsCache(o, B, 1, 5000, f.now));  // still the same demand: no new wait
        // The demand goes away and comes back: a new (bounded) wait.
        QCOMPARE(f.announce(f.alice, OmsFixture::announceQuery(h, OmsFixture::peerId('a'), QStringLiteral("127.2.0.2"), 6881, 5000,
                                                               QStringLiteral("&event=stopped"))).status, 200);
        f.service->runCachingJob();
        f.now = begin + 600;
        stayAlive();
        QVERIFY(view->awaitsCache(o, B, 1, 5000, f.now));
        f.now += 29;
        QVERIFY(view->awaitsCache(o, B, 1, 5000, f.now));
        f.now += 1;
        QVERIFY(!view->awaitsCache(o, B, 1, 5000, f.now));
        // A busy cache with room is waited for only where the job would allocate it (>= 2 leechers).
        const QByteArray h2 = OmsFixture::hashOf("wait-2");
        QCOMPARE(f.createOverlay(f.alice, h2), 201);
        QVERIFY(!view->awaitsCache(OmsFixture::hexOf(h2), B, 1, 5000, f.now));
        QVERIFY(view->awaitsCache(OmsFixture::hexOf(h2), B, 2, 5000, f.now));
    }
};

QTEST_GUILESS_MAIN(TestOrcp)
#include "tst_orcp.moc"
