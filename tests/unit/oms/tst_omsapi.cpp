#include "omsfixture.h"

#include <QJsonArray>

using namespace mp2p;
using namespace mp2p::test;

// The JSON form of OMP: overlay create/query/modify/remove and peer join/refresh/report/leave.
class TstOmsApi : public QObject {
    Q_OBJECT

private:
    QByteArray m_hash = OmsFixture::hashOf("album");
    QString m_path = QStringLiteral("/oms/v1/overlays/") + OmsFixture::hexOf(m_hash);

    static QJsonObject joinBody(char id, int port, qint64 left, const QString &ip)
    {
        return {{"peerId", OmsFixture::hexOf(OmsFixture::peerId(id))}, {"port", port}, {"ip", ip},
                {"uploaded", 0}, {"downloaded", 0}, {"left", left}};
    }

private Q_SLOTS:
    // An overlay belongs to the provider: the creator is recorded for the operators, a second
    // publisher joins it (200), and only operators rename or remove it.
    void overlayLifecycleOperatorsChangeIt()
    {
        OmsFixture f;
        const QJsonObject body{{"overlayId", OmsFixture::hexOf(m_hash).toUpper()}, {"name", " Album "}};
        HttpResponse r = f.as(f.alice).post("/oms/v1/overlays", body);
        QCOMPARE(r.status, 201);
        QJsonObject o = jsonOf(r);
        QCOMPARE(o.value("overlayId").toString(), OmsFixture::hexOf(m_hash));
        QCOMPARE(o.value("name").toString(), QStringLiteral("Album"));
        QCOMPARE(o.value("owner").toString(), f.alice.userId);
        QCOMPARE(o.value("createdAt").toInteger(), f.now);
        QCOMPARE(o.value("seeds").toInt(), 0);
        r = f.as(f.bob).post("/oms/v1/overlays", QJsonObject{{"overlayId", OmsFixture::hexOf(m_hash)}, {"name", "Bob's"}});
        QCOMPARE(r.status, 200);  // joined, not created: the first name and creator stay
        QCOMPARE(jsonOf(r).value("name").toString(), QStringLiteral("Album"));
        QCOMPARE(jsonOf(r).value("owner").toString(), f.alice.userId);

        r = f.anonymous().get(m_path);
        QCOMPARE(r.status, 200);
        QCOMPARE(jsonOf(r).value("name").toString(), QStringLiteral("Album"));
        QCOMPARE(f.anonymous().get("/oms/v1/overlays/" + OmsFixture::hexOf(OmsFixture::hashOf("x"))).status, 404);
        QCOMPARE(jsonOf(f.anonymous().get("/oms/v1/overlays/xyz")).value("error").toString(), QStringLiteral("invalid_value"));

        QCOMPARE(f.as(f.bob).patch(m_path, {{"name", "mine now"}}).status, 403);
        QCOMPARE(f.as(f.alice).patch(m_path, {{"name", "mine only"}}).status, 403);  // creating grants nothing
        QCOMPARE(f.anonymous().patch(m_path, {{"name", "anon"}}).status, 401);
        f.now += 10;
        r = f.operatorView().patch(m_path, {{"name", "Renamed"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(jsonOf(r).value("name").toString(), QStringLiteral("Renamed"));
        QCOMPARE(jsonOf(r).value("updatedAt").toInteger(), f.now);
        QCOMPARE(jsonOf(f.anonymous().get(m_path)).value("name").toString(), QStringLiteral("Renamed"));

        QCOMPARE(f.as(f.bob).del(m_path).status, 403);
        QCOMPARE(f.as(f.alice).del(m_path).status, 403);
        QCOMPARE(f.as(f.alice).post(m_path + "/join", joinBody('s', 6881, 0, "127.0.0.1")).status, 200);
        QCOMPARE(f.operatorView().del(m_path).status, 204);
        QCOMPARE(f.anonymous().get(m_path).status, 404);
        QCOMPARE(f.operatorView().del(m_path).status, 404);
        QCOMPARE(f.service->health().value("peers").toInt(), 0);  // the swarm went with it
        const QString reason = OmsFixture::decode(f.announce(f.alice, OmsFixture::announceQuery(
            m_hash, OmsFixture::peerId('s'), "127.0.0.1", 6881, 0))).value("failure reason").toString();
        QVERIFY(reason.contains("unknown overlay"));
    }

    // Whoever creates an overlay first cannot lock its other publishers out: they join it, a
    // contradicting v2 hash is refused, and a v2 hash claimed by another overlay does not stop
    // the real overlay from being created under its v1 id.
    void secondPublisherJoinsAndV2MustAgree()
    {
        OmsFixture f;
        const QString id = OmsFixture::hexOf(m_hash);
        const QString v2 = QString(64, QLatin1Char('b'));
        HttpResponse r = f.as(f.alice).post("/oms/v1/overlays", QJsonObject{{"overlayId", id}, {"name", "a"}, {"infoHashV2", v2}});
        QCOMPARE(r.status, 201);
        r = f.as(f.bob).post("/oms/v1/overlays", QJsonObject{{"overlayId", id}, {"name", "b"}, {"infoHashV2", v2.toUpper()}});
        QCOMPARE(r.status, 200);
        QCOMPARE(jsonOf(r).value("infoHashV2").toString(), v2);
        QCOMPARE(f.as(f.bob).post("/oms/v1/overlays", QJsonObject{{"overlayId", id}, {"name", "b"}}).status, 200);
        r = f.as(f.bob).post("/oms/v1/overlays", QJsonObject{{"overlayId", id}, {"name", "b"}, {"infoHashV2", QString(64, QLatin1Char('c'))}});
        QCOMPARE(r.status, 409);
        QCOMPARE(jsonOf(r).value("field").toString(), QStringLiteral("infoHashV2"));
        QVERIFY(jsonOf(r).value("message").toString().contains(v2));

        // Mallory claims the v2 hash of Carol's torrent under a made-up overlay id first.
        const QByteArray carols = OmsFixture::hashOf("carol");
        const QString carolsV2 = QString(64, QLatin1Char('d'));
        QCOMPARE(f.as(f.bob).post("/oms/v1/overlays", QJsonObject{{"overlayId", OmsFixture::hexOf(OmsFixture::hashOf("fake"))},
                                                                 {"name", "squat"}, {"infoHashV2", carolsV2}}).status, 201);
        r = f.as(f.alice).post("/oms/v1/overlays", QJsonObject{{"overlayId", OmsFixture::hexOf(carols)}, {"name", "carol"}, {"infoHashV2", carolsV2}});
        QCOMPARE(r.status, 201);
        QVERIFY(jsonOf(r).value("warning").toString().contains(carolsV2));
        QCOMPARE(f.anonymous().get("/oms/v1/overlays/" + OmsFixture::hexOf(carols)).status, 200);
        const QVariantMap reply = OmsFixture::decode(f.announce(
            f.alice, OmsFixture::announceQuery(carols, OmsFixture::peerId('c'), "127.1.0.3", 6883, 0)));
        QVERIFY2(!reply.contains("failure reason"), qPrintable(reply.value("failure reason").toString()));
    }

    // The per-user daily quota on overlay creation: the one over the limit gets 429 + Retry-After.
    void dailyQuotaOnOverlays()
    {
        OmsFixture f;
        f.router->overrideLimit(QStringLiteral("overlays-per-user-per-day"), 3, 86400);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(f.createOverlay(f.alice, OmsFixture::hashOf("q" + QByteArray::number(i))), 201);
        const HttpResponse over = f.as(f.alice).post(QStringLiteral("/oms/v1/overlays"),
                                                     {{"overlayId", OmsFixture::hexOf(OmsFixture::hashOf("q3"))}, {"name", "x"}});
        QCOMPARE(over.status, 429);
        QByteArray retryAfter;
        for (const auto &h : over.headers)
            if (h.first.compare("Retry-After", Qt::CaseInsensitive) == 0)
                retryAfter = h.second;
        QVERIFY2(retryAfter.toInt() > 0 && retryAfter.toInt() <= 86400, retryAfter.constData());
        QCOMPARE(f.anonymous().get("/oms/v1/overlays/" + OmsFixture::hexOf(OmsFixture::hashOf("q3"))).status, 404);
        QCOMPARE(f.createOverlay(f.bob, OmsFixture::hashOf("q3")), 201);
    }

    void createValidation_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QString id = OmsFixture::hexOf(m_hash);
        const auto json = [](const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); };
        QTest::newRow("no overlayId") << json({{"name", "a"}}) << "missing_field" << "overlayId";
        QTest::newRow("39 chars") << json({{"name", "a"}, {"overlayId", id.left(39)}}) << "invalid_value" << "overlayId";
        QTest::newRow("not hex") << json({{"name", "a"}, {"overlayId", QString(40, 'g')}}) << "invalid_value"
                                 << "overlayId";
        QTest::newRow("number id") << json({{"name", "a"}, {"overlayId", 12}}) << "invalid_type" << "overlayId";
        QTest::newRow("no name") << json({{"overlayId", id}}) << "missing_field" << "name";
        QTest::newRow("blank name") << json({{"name", "   "}, {"overlayId", id}}) << "invalid_value" << "name";
        QTest::newRow("long name") << json({{"name", QString(201, 'n')}, {"overlayId", id}}) << "invalid_value"
                                   << "name";
        QTest::newRow("bad v2") << json({{"name", "a"}, {"overlayId", id}, {"infoHashV2", "abc"}}) << "invalid_value"
                                << "infoHashV2";
        QTest::newRow("not json") << QByteArray("{name") << "invalid_json" << "";
        QTest::newRow("empty") << QByteArray() << "empty_body" << "";
    }

    void createValidation()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        QFETCH(QString, field);
        OmsFixture f;
        const HttpResponse r = f.as(f.alice).call(HttpMethod::Post, "/oms/v1/overlays", body);
        QCOMPARE(r.status, 400);
        QCOMPARE(jsonOf(r).value("error").toString(), code);
        QCOMPARE(jsonOf(r).value("field").toString(), field);
        QCOMPARE(f.service->health().value("overlays").toInt(), 0);
    }

    void createNeedsAToken()
    {
        OmsFixture f;
        const HttpResponse r = f.anonymous().post("/oms/v1/overlays", {{"overlayId", OmsFixture::hexOf(m_hash)},
                                                                        {"name", "a"}});
        QCOMPARE(r.status, 401);
        QCOMPARE(f.anonymous().get(m_path).status, 404);
    }

    void sqlLookingNamesAreJustText()
    {
        OmsFixture f;
        const QString evil = QStringLiteral("x'); DROP TABLE overlays; --");
        QCOMPARE(f.createOverlay(f.alice, m_hash, evil), 201);
        QCOMPARE(jsonOf(f.anonymous().get(m_path)).value("name").toString(), evil);
    }

    void joinRefreshReportLeave()
    {
        OmsFixture f;
        QCOMPARE(f.createOverlay(f.alice, m_hash), 201);
        HttpResponse r = f.as(f.alice).post(m_path + "/join", joinBody('s', 6881, 0, "127.1.0.1"));
        QCOMPARE(r.status, 200);
        QCOMPARE(jsonOf(r).value("interval").toInt(), 120);
        QCOMPARE(jsonOf(r).value("peers").toArray().size(), 0);  // never itself

        r = f.as(f.bob).post(m_path + "/join", joinBody('l', 6882, 50, "127.1.0.2"));
        QJsonArray peers = jsonOf(r).value("peers").toArray();
        QCOMPARE(peers.size(), 1);
        const QJsonObject seed = peers.first().toObject();
        QCOMPARE(seed.value("peerId").toString(), OmsFixture::hexOf(OmsFixture::peerId('s')));
        QCOMPARE(seed.value("userId").toString(), f.alice.userId);
        QCOMPARE(seed.value("ip").toString(), QStringLiteral("127.1.0.1"));
        QCOMPARE(seed.value("port").toInt(), 6881);
        QVERIFY(seed.value("seed").toBool());

        QCOMPARE(f.as(f.bob).post(m_path + "/refresh", joinBody('m', 6883, 50, "127.1.0.3")).status, 200);
        r = f.as(f.bob).post(m_path + "/refresh", joinBody('l', 6882, 10, "127.1.0.2"));
        peers = jsonOf(r).value("peers").toArray();
        QCOMPARE(peers.size(), 2);
        QCOMPARE(peers.first().toObject().value("userId").toString(), f.alice.userId);  // seeds first

        const QJsonObject report{{"peerId", OmsFixture::hexOf(OmsFixture::peerId('l'))},
                                 {"uploaded", 5}, {"downloaded", 50}, {"left", 0}};
        QCOMPARE(f.as(f.alice).post(m_path + "/report", report).status, 403);  // bob's peer
        QCOMPARE(f.as(f.bob).post(m_path + "/report", report).status, 204);
        QCOMPARE(jsonOf(f.anonymous().get(m_path)).value("seeds").toInt(), 2);
        QCOMPARE(jsonOf(f.anonymous().get(m_path)).value("leechers").toInt(), 1);
        QJsonObject unknown = report;
        unknown.insert("peerId", OmsFixture::hexOf(OmsFixture::peerId('u')));
        QCOMPARE(f.as(f.bob).post(m_path + "/report", unknown).status, 404);

        const QJsonObject leave{{"peerId", OmsFixture::hexOf(OmsFixture::peerId('l'))}};
        QCOMPARE(f.as(f.alice).post(m_path + "/leave", leave).status, 403);
        QCOMPARE(f.as(f.bob).post(m_path + "/leave", leave).status, 204);
        QCOMPARE(f.as(f.bob).post(m_path + "/leave", leave).status, 204);  // idempotent
        QCOMPARE(jsonOf(f.anonymous().get(m_path)).value("seeds").toInt(), 1);
    }

    void peerOperationErrors()
    {
        OmsFixture f;
        QCOMPARE(f.createOverlay(f.alice, m_hash), 201);
        const QString other = "/oms/v1/overlays/" + OmsFixture::hexOf(OmsFixture::hashOf("none"));
        QCOMPARE(f.as(f.bob).post(other + "/join", joinBody('l', 1, 1, "127.0.0.1")).status, 404);
        QCOMPARE(f.operatorView().get(other + "/peers").status, 404);
        QCOMPARE(f.anonymous().post(m_path + "/join", joinBody('l', 1, 1, "127.0.0.1")).status, 401);
        QJsonObject bad = joinBody('l', 1, 1, "127.0.0.1");
        bad.insert("peerId", "zz");
        HttpResponse r = f.as(f.bob).post(m_path + "/join", bad);
        QCOMPARE(r.status, 400);
        QCOMPARE(jsonOf(r).value("field").toString(), QStringLiteral("peerId"));
        r = f.as(f.bob).post(m_path + "/join", joinBody('l', 0, 1, "127.0.0.1"));
        QCOMPARE(jsonOf(r).value("field").toString(), QStringLiteral("port"));
        r = f.as(f.bob).post(m_path + "/join", joinBody('l', 1, -1, "127.0.0.1"));
        QCOMPARE(jsonOf(r).value("field").toString(), QStringLiteral("left"));
        r = f.as(f.bob).post(m_path + "/join", joinBody('l', 1, 1, "not-an-ip"));
        QCOMPARE(jsonOf(r).value("field").toString(), QStringLiteral("ip"));
        QCOMPARE(f.service->health().value("peers").toInt(), 0);
    }

    // A member gets the peers its ranking gives it; the whole overlay is for operators.
    void memberListsArePrivate()
    {
        OmsFixture f;
        QCOMPARE(f.createOverlay(f.alice, m_hash), 201);
        QCOMPARE(f.as(f.alice).post(m_path + "/join", joinBody('s', 6881, 0, "127.1.0.1")).status, 200);
        QCOMPARE(f.as(f.bob).post(m_path + "/join", joinBody('l', 6882, 9, "127.1.0.2")).status, 200);
        const TestUser stranger = makeUser(f.issuer, f.now, 3600);
        QCOMPARE(f.anonymous().get(m_path + "/peers").status, 401);
        QCOMPARE(f.as(stranger).get(m_path + "/peers").status, 403);
        const QJsonArray mine = jsonOf(f.as(f.bob).get(m_path + "/peers")).value("peers").toArray();
        QCOMPARE(mine.size(), 1);  // the seed; never the caller itself
        QCOMPARE(mine.at(0).toObject().value("ip").toString(), QStringLiteral("127.1.0.1"));
        QCOMPARE(jsonOf(f.operatorView().get(m_path + "/peers")).value("peers").toArray().size(), 2);
    }

    void peersCarryPamsActivity()
    {
        FakeActivitySource pams;
        OmsFixture f({}, &pams);
        PeerActivity a;
        a.userId = f.alice.userId;
        a.staticStatus.type = PeerType::CacheServer;
        a.staticStatus.maxUploadBps = 1000000;
        a.staticStatus.reachable = true;
        a.overlay = PeerOverlayStatus{QStringLiteral("completed"), 500, 0, 0, 3, 0, f.now - 5};
        a.lastReportAt = f.now - 5;
        pams.known.insert(f.alice.userId, a);
        QCOMPARE(f.createOverlay(f.alice, m_hash), 201);
        f.as(f.alice).post(m_path + "/join", joinBody('s', 6881, 0, "127.1.0.1"));
        f.as(f.bob).post(m_path + "/join", joinBody('l', 6882, 9, "127.1.0.2"));

        const QJsonArray peers = jsonOf(f.operatorView().get(m_path + "/peers")).value("peers").toArray();
        QCOMPARE(peers.size(), 2);
        QCOMPARE(pams.lastOverlay, OmsFixture::hexOf(m_hash));
        for (const QJsonValue &v : peers) {
            const QJsonObject p = v.toObject();
            QCOMPARE(p.value("lastSeen").toInteger(), f.now);
            if (p.value("userId").toString() == f.bob.userId) {
                QVERIFY(!p.contains("activity"));
                continue;
            }
            const QJsonObject act = p.value("activity").toObject();
            QCOMPARE(act.value("type").toString(), QStringLiteral("CS"));
            QCOMPARE(act.value("static").toObject().value("maxUploadBps").toInteger(), 1000000);
            QCOMPARE(act.value("status").toObject().value("uploaded").toInteger(), 500);
            QCOMPARE(act.value("status").toObject().value("event").toString(), QStringLiteral("completed"));
        }
    }

    void overlaysSurviveARestartSwarmsDoNot()
    {
        OmsFixture f;
        QCOMPARE(f.createOverlay(f.alice, m_hash, "kept"), 201);
        f.as(f.alice).post(m_path + "/join", joinBody('s', 6881, 0, "127.1.0.1"));
        f.reopen();
        QCOMPARE(jsonOf(f.anonymous().get(m_path)).value("name").toString(), QStringLiteral("kept"));
        QCOMPARE(f.service->health().value("overlays").toInt(), 1);
        QCOMPARE(f.service->health().value("peers").toInt(), 0);
        QCOMPARE(f.as(f.bob).post("/oms/v1/overlays", {{"overlayId", OmsFixture::hexOf(m_hash)}, {"name", "b"}}).status, 200);
        const QVariantMap reply = OmsFixture::decode(f.announce(
            f.bob, OmsFixture::announceQuery(m_hash, OmsFixture::peerId('l'), "127.1.0.2", 6882, 1)));
        QVERIFY(!reply.contains("failure reason"));
        QCOMPARE(reply.value("incomplete").toLongLong(), 1);
    }

    void healthReportsCounts()
    {
        OmsFixture f;
        QCOMPARE(f.service->health().value("status").toString(), QStringLiteral("ok"));
        QCOMPARE(f.service->name(), QStringLiteral("oms"));
        QCOMPARE(f.createOverlay(f.alice, m_hash), 201);
        f.as(f.alice).post(m_path + "/join", joinBody('s', 6881, 0, "127.1.0.1"));
        QCOMPARE(f.service->health().value("overlays").toInt(), 1);
        QCOMPARE(f.service->health().value("peers").toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TstOmsApi)
#include "tst_omsapi.moc"
