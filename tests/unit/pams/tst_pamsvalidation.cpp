// Every class of bad PAMP input is a 4xx JSON error naming the field, with nothing written.
#include "pamsfixture.h"

using namespace mp2p;
using namespace mp2p::test;

namespace {
QByteArray json(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

QJsonObject withStatic(const QString &key, const QJsonValue &value)
{
    QJsonObject s = staticPart();
    if (value.isUndefined())
        s.remove(key);
    else
        s.insert(key, value);
    return s;
}

QJsonObject withOverlay(const QString &key, const QJsonValue &value)
{
    QJsonObject o = overlayPart(hex40('a'), 1, 2, 3);
    if (value.isUndefined())
        o.remove(key);
    else
        o.insert(key, value);
    return o;
}
} // namespace

class TstPamsValidation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void registration_data();
    void registration();
    void report_data();
    void report();
    void acceptsGoodListenAddresses_data();
    void acceptsGoodListenAddresses();
    void writesNeedToken();
    void partialReportWritesNothing();
};

void TstPamsValidation::registration_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    const auto reg = [](const QJsonValue &type, const QJsonValue &statics) {
        QJsonObject o;
        if (!type.isUndefined())
            o.insert("type", type);
        if (!statics.isUndefined())
            o.insert("static", statics);
        return json(o);
    };
    QTest::newRow("empty body") << QByteArray() << "empty_body" << "";
    QTest::newRow("not json") << QByteArray("{type: PEER") << "invalid_json" << "";
    QTest::newRow("array body") << QByteArray("[1,2]") << "invalid_json" << "";
    QTest::newRow("no type") << reg(QJsonValue::Undefined, staticPart()) << "missing_field" << "type";
    QTest::newRow("bad type") << reg("SUPERPEER", staticPart()) << "invalid_value" << "type";
    QTest::newRow("type lower") << reg("peer", staticPart()) << "invalid_value" << "type";
    QTest::newRow("type number") << reg(3, staticPart()) << "invalid_type" << "type";
    QTest::newRow("no static") << reg("PEER", QJsonValue::Undefined) << "missing_field" << "static";
    QTest::newRow("static string") << reg("PEER", "fast") << "invalid_type" << "static";
    QTest::newRow("negative up") << reg("PEER", withStatic("maxUploadBps", -1)) << "invalid_value" << "static.maxUploadBps";
    QTest::newRow("huge down") << reg("PEER", withStatic("maxDownloadBps", 2e12)) << "invalid_value" << "static.maxDownloadBps";
    QTest::newRow("fraction up") << reg("PEER", withStatic("maxUploadBps", 1.5)) << "invalid_type" << "static.maxUploadBps";
    QTest::newRow("string up") << reg("PEER", withStatic("maxUploadBps", "100")) << "invalid_type" << "static.maxUploadBps";
    QTest::newRow("missing up") << reg("PEER", withStatic("maxUploadBps", QJsonValue::Undefined)) << "missing_field" << "static.maxUploadBps";
    QTest::newRow("too many conns") << reg("PEER", withStatic("maxConnections", 100001)) << "invalid_value" << "static.maxConnections";
    QTest::newRow("reachable string") << reg("PEER", withStatic("reachable", "yes")) << "invalid_type" << "static.reachable";
    QTest::newRow("listen no port") << reg("PEER", withStatic("listenAddress", "192.0.2.1")) << "invalid_value" << "static.listenAddress";
    QTest::newRow("listen port 0") << reg("PEER", withStatic("listenAddress", "192.0.2.1:0")) << "invalid_value" << "static.listenAddress";
    QTest::newRow("listen port big") << reg("PEER", withStatic("listenAddress", "192.0.2.1:65536")) << "invalid_value" << "static.listenAddress";
    QTest::newRow("listen port sign") << reg("PEER", withStatic("listenAddress", "192.0.2.1:+80")) << "invalid_value" << "static.listenAddress";
    QTest::newRow("listen bad ip") << reg("PEER", withStatic("listenAddress", "999.1.1.1:80")) << "invalid_value" << "static.listenAddress";
    QTest::newRow("listen hostname") << reg("PEER", withStatic("listenAddress", "example.com:80")) << "invalid_value" << "static.listenAddress";
    QTest::newRow("listen bare v6") << reg("PEER", withStatic("listenAddress", "2001:db8::1:80")) << "invalid_value" << "static.listenAddress";
    QTest::newRow("listen v4 bracket") << reg("PEER", withStatic("listenAddress", "[192.0.2.1]:80")) << "invalid_value" << "static.listenAddress";
    QTest::newRow("listen sql") << reg("PEER", withStatic("listenAddress", "'; DROP TABLE peers;--")) << "invalid_value" << "static.listenAddress";
    QTest::newRow("listen too long") << reg("PEER", withStatic("listenAddress", QString(100, '1'))) << "invalid_value" << "static.listenAddress";
}

void TstPamsValidation::registration()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, field);
    PamsFixture f;
    TestUser u = f.user();
    const HttpResponse r = f.as(u).call(HttpMethod::Post, "/pams/v1/peers", body);
    QCOMPARE(r.status, 400);
    const QJsonObject e = jsonOf(r);
    QCOMPARE(e["error"].toString(), code);
    QCOMPARE(e["field"].toString(), field);
    QVERIFY(!e["message"].toString().isEmpty());
    QCOMPARE(f.service->store()->peerCount(), 0);
}

void TstPamsValidation::report_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    const auto one = [](const QJsonObject &overlay) { return json(reportBody({overlay})); };
    QJsonArray tooMany;
    for (int i = 0; i < 1001; ++i)
        tooMany.append(overlayPart(QStringLiteral("%1").arg(i, 40, 10, QLatin1Char('0')), 0, 0, 0));
    QTest::newRow("no overlays") << json(QJsonObject{{"static", staticPart()}}) << "missing_field" << "overlays";
    QTest::newRow("overlays object") << json(QJsonObject{{"overlays", QJsonObject{}}}) << "invalid_type" << "overlays";
    QTest::newRow("1001 overlays") << json(reportBody(tooMany)) << "invalid_value" << "overlays";
    QTest::newRow("entry not object") << json(QJsonObject{{"overlays", QJsonArray{42}}}) << "invalid_type" << "overlays[0]";
    QTest::newRow("bad static") << json(reportBody({}, withStatic("maxConnections", -5))) << "invalid_value" << "static.maxConnections";
    QTest::newRow("no overlayId") << one(withOverlay("overlayId", QJsonValue::Undefined)) << "missing_field" << "overlays[0].overlayId";
    QTest::newRow("short overlayId") << one(withOverlay("overlayId", "abc")) << "invalid_value" << "overlays[0].overlayId";
    QTest::newRow("upper overlayId") << one(withOverlay("overlayId", QString(40, 'A'))) << "invalid_value" << "overlays[0].overlayId";
    QTest::newRow("non-hex overlayId") << one(withOverlay("overlayId", QString(40, 'g'))) << "invalid_value" << "overlays[0].overlayId";
    QTest::newRow("sql overlayId") << one(withOverlay("overlayId", QString("' OR 1=1; DROP TABLE peers; --").leftJustified(40, 'x'))) << "invalid_value" << "overlays[0].overlayId";
    QTest::newRow("bad event") << one(withOverlay("event", "paused")) << "invalid_value" << "overlays[0].event";
    QTest::newRow("event number") << one(withOverlay("event", 1)) << "invalid_type" << "overlays[0].event";
    QTest::newRow("negative uploaded") << one(withOverlay("uploaded", -1)) << "invalid_value" << "overlays[0].uploaded";
    QTest::newRow("huge downloaded") << one(withOverlay("downloaded", 2.0e18)) << "invalid_value" << "overlays[0].downloaded";
    QTest::newRow("string left") << one(withOverlay("left", "12")) << "invalid_type" << "overlays[0].left";
    QTest::newRow("missing left") << one(withOverlay("left", QJsonValue::Undefined)) << "missing_field" << "overlays[0].left";
    QTest::newRow("too many up conns") << one(withOverlay("uploadConnections", 100001)) << "invalid_value" << "overlays[0].uploadConnections";
    QTest::newRow("negative down conns") << one(withOverlay("downloadConnections", -1)) << "invalid_value" << "overlays[0].downloadConnections";
    QTest::newRow("duplicate overlay") << json(reportBody({overlayPart(hex40('a'), 1, 1, 1), overlayPart(hex40('a'), 2, 2, 2)}))
                                       << "invalid_value" << "overlays[1].overlayId";
}

void TstPamsValidation::report()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, field);
    PamsFixture f;
    TestUser u = f.user();
    const HttpResponse r = f.as(u).call(HttpMethod::Post, "/pams/v1/reports", body);
    QCOMPARE(r.status, 400);
    const QJsonObject e = jsonOf(r);
    QCOMPARE(e["error"].toString(), code);
    QCOMPARE(e["field"].toString(), field);
    QCOMPARE(f.service->store()->peerCount(), 0);  // no implicit registration from a rejected report
    QCOMPARE(f.service->store()->historyRowCount(), 0);
}

void TstPamsValidation::acceptsGoodListenAddresses_data()
{
    QTest::addColumn<QString>("address");
    QTest::newRow("v4") << "203.0.113.5:6881";
    QTest::newRow("v4 port 1") << "10.0.0.1:1";
    QTest::newRow("v4 port max") << "10.0.0.1:65535";
    QTest::newRow("v6") << "[2001:db8::7]:51413";
    QTest::newRow("v6 loopback") << "[::1]:80";
    QTest::newRow("empty (not stated)") << "";
}

void TstPamsValidation::acceptsGoodListenAddresses()
{
    QFETCH(QString, address);
    PamsFixture f;
    TestUser u = f.user();
    const HttpResponse r = f.as(u).post("/pams/v1/peers", {{"type", "PEER"}, {"static", withStatic("listenAddress", address)}});
    QCOMPARE(r.status, 201);
    QCOMPARE(jsonOf(r)["static"].toObject()["listenAddress"].toString(), address);
}

void TstPamsValidation::writesNeedToken()
{
    PamsFixture f;
    TestUser u = f.user();
    const QJsonObject reg{{"type", "PEER"}, {"static", staticPart()}};
    QCOMPARE(f.anonymous().post("/pams/v1/peers", reg).status, 401);
    QCOMPARE(jsonOf(f.anonymous().post("/pams/v1/reports", reportBody({})))["error"].toString(), QString("unauthorized"));
    // A token signed by another key, and an expired one.
    TokenIssuer stranger(KeyPair::generate());
    QCOMPARE((RouterClient{f.router.get(), stranger.issue(u.userId, f.now, 3600)}.post("/pams/v1/peers", reg).status), 401);
    f.now += 7200;
    QCOMPARE(f.as(u).post("/pams/v1/reports", reportBody({})).status, 401);
    QCOMPARE(f.service->store()->peerCount(), 0);
    // Who is in an overlay is the operators' to read, not a stranger's or another member's.
    f.renew(u);
    QCOMPARE(f.anonymous().get("/pams/v1/overlays/" + hex40('a') + "/peers").status, 401);
    QCOMPARE(f.as(u).get("/pams/v1/overlays/" + hex40('a') + "/peers").status, 403);
    QCOMPARE(f.as(u).get("/pams/v1/peers/" + f.user().userId).status, 403);
    QCOMPARE(f.operatorView().get("/pams/v1/overlays/" + hex40('a') + "/peers").status, 200);
    // Wrong methods are 405.
    QCOMPARE(f.anonymous().call(HttpMethod::Put, "/pams/v1/reports").status, 405);
}

void TstPamsValidation::partialReportWritesNothing()
{
    PamsFixture f;
    TestUser u = f.user();
    QCOMPARE(f.as(u).post("/pams/v1/reports", reportBody({overlayPart(hex40('a'), 1, 1, 1)})).status, 200);
    f.now += 60;
    const QJsonArray mixed{overlayPart(hex40('a'), 99, 99, 0), overlayPart(hex40('b'), 1, 1, 1, "bogus")};
    const HttpResponse r = f.as(u).post("/pams/v1/reports", reportBody(mixed, staticPart(9, 9, 9)));
    QCOMPARE(r.status, 400);
    QCOMPARE(jsonOf(r)["field"].toString(), QString("overlays[1].event"));
    const QJsonObject peer = jsonOf(f.operatorView().get("/pams/v1/peers/" + u.userId));
    QCOMPARE(peer["overlays"].toArray().size(), 1);
    QCOMPARE(peer["overlays"].toArray()[0].toObject()["uploaded"].toInteger(), 1);
    QCOMPARE(peer["lastReportAt"].toInteger(), f.now - 60);
    QCOMPARE(peer["static"].toObject()["maxUploadBps"].toInteger(), 0);
    QCOMPARE(f.service->store()->historyRowCount(), 1);
}

QTEST_GUILESS_MAIN(TstPamsValidation)
#include "tst_pamsvalidation.moc"
