// PAMS (R2 PAMP + local R1): registration, reports, reads, unregistration, history, storage.
#include "pamsfixture.h"

#include <QFile>

using namespace mp2p;
using namespace mp2p::test;

class TstPamsService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void registrationCreatesPeer();
    void reRegistrationUpdates();
    void reportIsReflectedInReads();
    void stoppedEventKeepsRow();
    void reportImplicitlyRegisters();
    void reportWithoutStaticKeepsStatic();
    void unregistration();
    void unknownPeerIs404();
    void historyRetentionSweep();
    void historyDaysFromConfig();
    void badConfigFailsStart();
    void localSourceMatchesHttpView();
    void dataSurvivesReopen();
    void migratesFromEmpty();
    void health();
};

void TstPamsService::registrationCreatesPeer()
{
    PamsFixture f;
    QVERIFY2(f.startError.isEmpty(), qPrintable(f.startError));
    TestUser u = f.user();
    const HttpResponse r = f.as(u).post("/pams/v1/peers", {{"type", "CS"}, {"static", staticPart(7, 8, 9)}});
    QCOMPARE(r.status, 201);
    const QJsonObject peer = jsonOf(r);
    QCOMPARE(peer["userId"].toString(), u.userId);
    QCOMPARE(peer["type"].toString(), QString("CS"));
    QCOMPARE(peer["static"].toObject(), staticPart(7, 8, 9));
    QCOMPARE(peer["registeredAt"].toInteger(), f.now);
    QCOMPARE(peer["lastReportAt"].toInteger(), 0);
    QCOMPARE(peer["overlays"].toArray().size(), 0);

    const QJsonObject read = jsonOf(f.operatorView().get("/pams/v1/peers/" + u.userId));
    QCOMPARE(read, peer);
}

void TstPamsService::reRegistrationUpdates()
{
    PamsFixture f;
    TestUser u = f.user();
    QCOMPARE(f.as(u).post("/pams/v1/peers", {{"type", "PEER"}, {"static", staticPart()}}).status, 201);
    const qint64 registeredAt = f.now;
    f.now += 100;
    const HttpResponse again = f.as(u).post("/pams/v1/peers", {{"type", "RS"}, {"static", staticPart(1, 2, 3)}});
    QCOMPARE(again.status, 200);
    const QJsonObject peer = jsonOf(again);
    QCOMPARE(peer["type"].toString(), QString("RS"));
    QCOMPARE(peer["static"].toObject()["maxConnections"].toInt(), 3);
    QCOMPARE(peer["registeredAt"].toInteger(), registeredAt);
    QCOMPARE(f.service->store()->peerCount(), 1);
}

void TstPamsService::reportIsReflectedInReads()
{
    PamsFixture f;
    TestUser u = f.user();
    QCOMPARE(f.as(u).post("/pams/v1/peers", {{"type", "PEER"}, {"static", staticPart()}}).status, 201);
    f.now += 60;
    const QJsonArray overlays{overlayPart(hex40('a'), 100, 200, 300, "started", 4, 5),
                              overlayPart(hex40('b'), 1, 2, 0, "completed"),
                              overlayPart(hex40('c'), 10, 20, 30)};
    const HttpResponse r = f.as(u).post("/pams/v1/reports", reportBody(overlays, staticPart(11, 22, 33)));
    QCOMPARE(r.status, 200);
    QCOMPARE(jsonOf(r)["accepted"].toInt(), 3);
    QCOMPARE(jsonOf(r)["nextReportSecs"].toInt(), 60);

    const QJsonObject peer = jsonOf(f.operatorView().get("/pams/v1/peers/" + u.userId));
    QCOMPARE(peer["static"].toObject(), staticPart(11, 22, 33));
    QCOMPARE(peer["lastReportAt"].toInteger(), f.now);
    const QJsonArray got = peer["overlays"].toArray();
    QCOMPARE(got.size(), 3);
    QJsonObject a = got[0].toObject();
    QCOMPARE(a["overlayId"].toString(), hex40('a'));
    QCOMPARE(a["event"].toString(), QString("started"));
    QCOMPARE(a["uploaded"].toInteger(), 100);
    QCOMPARE(a["downloaded"].toInteger(), 200);
    QCOMPARE(a["left"].toInteger(), 300);
    QCOMPARE(a["uploadConnections"].toInt(), 4);
    QCOMPARE(a["downloadConnections"].toInt(), 5);
    QCOMPARE(a["reportedAt"].toInteger(), f.now);
    QCOMPARE(got[1].toObject()["event"].toString(), QString("completed"));
    QCOMPARE(got[2].toObject()["event"].toString(), QString(""));

    const QJsonArray listed = jsonOf(f.operatorView().get("/pams/v1/overlays/" + hex40('b') + "/peers"))["peers"].toArray();
    QCOMPARE(listed.size(), 1);
    const QJsonObject entry = listed[0].toObject();
    QCOMPARE(entry["userId"].toString(), u.userId);
    QCOMPARE(entry["type"].toString(), QString("PEER"));
    QCOMPARE(entry["static"].toObject(), staticPart(11, 22, 33));
    QCOMPARE(entry["status"].toObject()["left"].toInteger(), 0);
    QCOMPARE(entry["status"].toObject()["event"].toString(), QString("completed"));
    QCOMPARE(jsonOf(f.operatorView().get("/pams/v1/overlays/" + hex40('d') + "/peers"))["peers"].toArray().size(), 0);

    // A later periodic report replaces the current status; each report adds history rows.
    f.now += 60;
    QCOMPARE(f.as(u).post("/pams/v1/reports", reportBody({overlayPart(hex40('a'), 500, 600, 0)})).status, 200);
    a = jsonOf(f.operatorView().get("/pams/v1/peers/" + u.userId))["overlays"].toArray()[0].toObject();
    QCOMPARE(a["uploaded"].toInteger(), 500);
    QCOMPARE(a["event"].toString(), QString(""));
    QCOMPARE(f.service->store()->historyRowCount(u.userId), 4);
}

void TstPamsService::stoppedEventKeepsRow()
{
    PamsFixture f;
    TestUser u = f.user();
    QCOMPARE(f.as(u).post("/pams/v1/reports", reportBody({overlayPart(hex40('a'), 1, 2, 3, "started")})).status, 200);
    f.now += 30;
    QCOMPARE(f.as(u).post("/pams/v1/reports", reportBody({overlayPart(hex40('a'), 9, 9, 3, "stopped")})).status, 200);
    const QJsonArray listed = jsonOf(f.operatorView().get("/pams/v1/overlays/" + hex40('a') + "/peers"))["peers"].toArray();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed[0].toObject()["status"].toObject()["event"].toString(), QString("stopped"));
    const auto local = f.service->activitySource()->activityOf(hex40('a'), {u.userId});
    QCOMPARE(local.value(u.userId).overlay->event, QString("stopped"));
    QCOMPARE(f.service->store()->historyRowCount(u.userId), 2);
}

void TstPamsService::reportImplicitlyRegisters()
{
    PamsFixture f;
    TestUser u = f.user();
    QCOMPARE(f.operatorView().get("/pams/v1/peers/" + u.userId).status, 404);
    const HttpResponse r = f.as(u).post("/pams/v1/reports", reportBody({overlayPart(hex40('e'), 1, 2, 3, "started")}));
    QCOMPARE(r.status, 200);
    const QJsonObject peer = jsonOf(f.operatorView().get("/pams/v1/peers/" + u.userId));
    QCOMPARE(peer["type"].toString(), QString("PEER"));
    QCOMPARE(peer["registeredAt"].toInteger(), f.now);
    QCOMPARE(peer["lastReportAt"].toInteger(), f.now);
    QCOMPARE(peer["static"].toObject()["maxUploadBps"].toInteger(), 0);
    QCOMPARE(peer["overlays"].toArray().size(), 1);
}

void TstPamsService::reportWithoutStaticKeepsStatic()
{
    PamsFixture f;
    TestUser u = f.user();
    QCOMPARE(f.as(u).post("/pams/v1/peers", {{"type", "RS"}, {"static", staticPart(5, 6, 7)}}).status, 201);
    const HttpResponse r = f.as(u).post("/pams/v1/reports", reportBody({}));
    QCOMPARE(r.status, 200);
    QCOMPARE(jsonOf(r)["accepted"].toInt(), 0);
    const QJsonObject peer = jsonOf(f.operatorView().get("/pams/v1/peers/" + u.userId));
    QCOMPARE(peer["type"].toString(), QString("RS"));  // a report never changes the type
    QCOMPARE(peer["static"].toObject(), staticPart(5, 6, 7));
    QCOMPARE(peer["lastReportAt"].toInteger(), f.now);
}

void TstPamsService::unregistration()
{
    PamsFixture f;
    TestUser u = f.user();
    TestUser other = f.user();
    QCOMPARE(f.as(u).post("/pams/v1/reports", reportBody({overlayPart(hex40('a'), 1, 2, 3)}, staticPart())).status, 200);

    QCOMPARE(f.anonymous().del("/pams/v1/peers/" + u.userId).status, 401);
    const HttpResponse forged = RouterClient{f.router.get(), "v1.abc.def"}.del("/pams/v1/peers/" + u.userId);
    QCOMPARE(forged.status, 401);
    const HttpResponse byOther = f.as(other).del("/pams/v1/peers/" + u.userId);
    QCOMPARE(byOther.status, 403);
    QCOMPARE(jsonOf(byOther)["error"].toString(), QString("forbidden"));
    QCOMPARE(f.operatorView().get("/pams/v1/peers/" + u.userId).status, 200);

    QCOMPARE(f.as(u).del("/pams/v1/peers/" + u.userId).status, 204);
    QCOMPARE(f.operatorView().get("/pams/v1/peers/" + u.userId).status, 404);
    QCOMPARE(jsonOf(f.operatorView().get("/pams/v1/overlays/" + hex40('a') + "/peers"))["peers"].toArray().size(), 0);
    QVERIFY(f.service->activitySource()->activityOf(hex40('a'), {u.userId}).isEmpty());
    QCOMPARE(f.as(u).del("/pams/v1/peers/" + u.userId).status, 404);
    QCOMPARE(f.as(u).del("/pams/v1/peers/NOT-A-USER").status, 403);  // not theirs, whatever it is
    QCOMPARE(f.operatorView().del("/pams/v1/peers/NOT-A-USER").status, 400);
}

void TstPamsService::unknownPeerIs404()
{
    PamsFixture f;
    const HttpResponse r = f.operatorView().get("/pams/v1/peers/" + hex40('1'));
    QCOMPARE(r.status, 404);
    QCOMPARE(jsonOf(r)["error"].toString(), QString("not_found"));
    QCOMPARE(f.operatorView().get("/pams/v1/peers/x'%20OR%201=1").status, 400);
    QCOMPARE(f.operatorView().get("/pams/v1/overlays/ABC/peers").status, 400);
}

void TstPamsService::historyRetentionSweep()
{
    PamsFixture f;
    TestUser u = f.user();
    const QJsonArray two{overlayPart(hex40('a'), 1, 2, 3), overlayPart(hex40('b'), 1, 2, 3)};
    QCOMPARE(f.as(u).post("/pams/v1/reports", reportBody(two)).status, 200);
    f.now += 20 * 86400;
    f.renew(u);
    QCOMPARE(f.as(u).post("/pams/v1/reports", reportBody({overlayPart(hex40('a'), 5, 5, 0)})).status, 200);
    QCOMPARE(f.service->store()->historyRowCount(), 3);

    f.now += 11 * 86400;  // the first report is now 31 days old, the second 11
    QCOMPARE(f.service->sweepHistory(), 2);
    QCOMPARE(f.service->store()->historyRowCount(), 1);
    // The sweep trims history only: the current status of both overlays remains.
    QCOMPARE(jsonOf(f.operatorView().get("/pams/v1/peers/" + u.userId))["overlays"].toArray().size(), 2);

    // Reports also sweep, at most hourly, without anyone calling sweepHistory().
    f.now += 20 * 86400;
    f.renew(u);
    QCOMPARE(f.as(u).post("/pams/v1/reports", reportBody({overlayPart(hex40('c'), 5, 5, 0)})).status, 200);
    QCOMPARE(f.service->store()->historyRowCount(), 1);
}

void TstPamsService::historyDaysFromConfig()
{
    PamsFixture f(QJsonObject{{"historyDays", 2}, {"reportIntervalSecs", 120}});
    QVERIFY2(f.startError.isEmpty(), qPrintable(f.startError));
    TestUser u = f.user();
    const HttpResponse r = f.as(u).post("/pams/v1/reports", reportBody({overlayPart(hex40('a'), 1, 2, 3)}));
    QCOMPARE(jsonOf(r)["nextReportSecs"].toInt(), 120);
    f.now += 86400;
    QCOMPARE(f.service->sweepHistory(), 0);
    f.now += 86401;
    QCOMPARE(f.service->sweepHistory(), 1);
}

void TstPamsService::badConfigFailsStart()
{
    PamsFixture f(QJsonObject{{"historyDays", "thirty"}});
    QVERIFY(f.startError.contains("historyDays"));
    PamsFixture g(QJsonObject{{"reportIntervalSecs", 0}});
    QVERIFY(g.startError.contains("reportIntervalSecs"));
}

void TstPamsService::localSourceMatchesHttpView()
{
    PamsFixture f;
    TestUser a = f.user(), b = f.user(), c = f.user(), outside = f.user();
    const QString overlay = hex40('f');
    QCOMPARE(f.as(a).post("/pams/v1/peers", {{"type", "CS"}, {"static", staticPart(1, 2, 3)}}).status, 201);
    QCOMPARE(f.as(a).post("/pams/v1/reports", reportBody({overlayPart(overlay, 10, 0, 0, "completed")})).status, 200);
    f.now += 5;
    QCOMPARE(f.as(b).post("/pams/v1/reports", reportBody({overlayPart(overlay, 0, 50, 70, "started", 0, 9)},
                                                           staticPart(4, 5, 6, "[2001:db8::1]:51413", false))).status, 200);
    f.now += 5;
    QCOMPARE(f.as(c).post("/pams/v1/reports", reportBody({overlayPart(overlay, 3, 3, 3, "stopped")})).status, 200);
    QCOMPARE(f.as(outside).post("/pams/v1/reports", reportBody({overlayPart(hex40('0'), 1, 1, 1)})).status, 200);

    const QJsonArray http = jsonOf(f.operatorView().get("/pams/v1/overlays/" + overlay + "/peers"))["peers"].toArray();
    QCOMPARE(http.size(), 3);
    const QString unknown = hex40('9');
    const auto local = f.service->activitySource()->activityOf(overlay, {a.userId, b.userId, c.userId, outside.userId, unknown});
    QCOMPARE(local.size(), 4);
    QVERIFY(!local.contains(unknown));
    QVERIFY(!local.value(outside.userId).overlay.has_value());  // known to the PAMS, not in this overlay
    for (const QJsonValue &v : http) {
        const auto fromHttp = overlayPeerFromJson(v.toObject());
        QVERIFY(fromHttp);
        QVERIFY(local.contains(fromHttp->userId));
        QCOMPARE(overlayPeerToJson(local.value(fromHttp->userId)), v.toObject());
    }
    const PeerActivity pb = local.value(b.userId);
    QCOMPARE(pb.staticStatus.listenAddress, QString("[2001:db8::1]:51413"));
    QCOMPARE(pb.staticStatus.reachable, false);
    QCOMPARE(pb.overlay->downloadConnections, 9);
    QCOMPARE(pb.overlay->left, 70);
    QCOMPARE(local.value(a.userId).staticStatus.type, PeerType::CacheServer);
    QVERIFY(f.service->activitySource()->activityOf(overlay, {}).isEmpty());
}

void TstPamsService::dataSurvivesReopen()
{
    PamsFixture f;
    TestUser u = f.user();
    QCOMPARE(f.as(u).post("/pams/v1/peers", {{"type", "RS"}, {"static", staticPart(1, 2, 3)}}).status, 201);
    QCOMPARE(f.as(u).post("/pams/v1/reports", reportBody({overlayPart(hex40('a'), 7, 8, 9, "started")})).status, 200);
    const QJsonObject before = jsonOf(f.operatorView().get("/pams/v1/peers/" + u.userId));
    f.service->stop();
    QVERIFY(f.service->activitySource() == nullptr);
    f.restart();
    QVERIFY2(f.startError.isEmpty(), qPrintable(f.startError));
    QCOMPARE(jsonOf(f.operatorView().get("/pams/v1/peers/" + u.userId)), before);
    QCOMPARE(f.service->store()->historyRowCount(u.userId), 1);
    QCOMPARE(f.service->activitySource()->activityOf(hex40('a'), {u.userId}).value(u.userId).overlay->uploaded, 7);
}

void TstPamsService::migratesFromEmpty()
{
    PamsFixture f;
    QCOMPARE(f.service->store()->schemaVersion(), 1);
    f.restart();  // a second open finds version 1 and runs nothing
    QCOMPARE(f.service->store()->schemaVersion(), 1);

    // An existing, empty database file (e.g. created by an operator) migrates too.
    QTemporaryDir other;
    QFile empty(other.filePath("pams.db"));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
    PamsStore store(other.filePath("pams.db"));
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    QCOMPARE(store.schemaVersion(), 1);
    QCOMPARE(store.peerCount(), 0);
}

void TstPamsService::health()
{
    PamsFixture f;
    TestUser u = f.user();
    QCOMPARE(f.service->health()["status"].toString(), QString("ok"));
    QCOMPARE(f.service->health()["peers"].toInt(), 0);
    QCOMPARE(f.as(u).post("/pams/v1/peers", {{"type", "PEER"}, {"static", staticPart()}}).status, 201);
    QCOMPARE(f.service->health()["peers"].toInt(), 1);
    QCOMPARE(jsonOf(f.anonymous().get("/pams/healthz"))["peers"].toInt(), 1);
    f.service->stop();
    QCOMPARE(f.service->health()["status"].toString(), QString("stopped"));
    QCOMPARE(f.operatorView().get("/pams/v1/peers/" + u.userId).status, 500);
}

QTEST_GUILESS_MAIN(TstPamsService)
#include "tst_pamsservice.moc"
