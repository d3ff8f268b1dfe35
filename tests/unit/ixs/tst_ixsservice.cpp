// OCMP register / get / update / remove through the IXS routes: ownership, tokens, conflicts
// and persistence.
#include "ixsfixture.h"

#include <protocol/jsonfields.h>

#include <QDir>

#include <QTest>

using namespace mp2p;
using namespace mp2p::test;

namespace {
const QString Content = QStringLiteral("/ixs/v1/content");
QString str(const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toString(); }
}

class TestIxsService : public QObject {
    Q_OBJECT
private:
    IxsFixture fx;

private Q_SLOTS:
    void init()
    {
        fx.now = 1'700'000'000;
        QString error;
        QVERIFY2(fx.open(&error), qPrintable(error));
    }

    void cleanup()
    {
        fx.router.reset();
        fx.service.reset();
        QDir(fx.dir.path()).removeRecursively();
        QDir().mkpath(fx.dir.path());
    }

    void registerThenGetByIdAndInfoHash()
    {
        const TestUser alice = fx.newUser();
        const TestTorrent t = makeTorrent(fx.torrentDir(), false);
        QJsonObject body = IxsFixture::registration(t, QStringLiteral("Big Buck Bunny"), QStringLiteral("An open movie"),
                                                    {QStringLiteral("Animation"), QStringLiteral("animation "),
                                                     QStringLiteral("HD")});
        body.insert(QStringLiteral("media"), QJsonObject{{QStringLiteral("codec"), QStringLiteral("h264")}});
        const HttpResponse r = fx.client(alice.token).post(Content, body);
        QCOMPARE(r.status, 201);
        const QJsonObject rec = jsonOf(r);
        QVERIFY(isHex(str(rec, "id"), 32));
        QCOMPARE(str(rec, "owner"), alice.userId);
        QCOMPARE(rec.value(QStringLiteral("createdAt")).toInteger(), fx.now);
        QCOMPARE(rec.value(QStringLiteral("updatedAt")).toInteger(), fx.now);
        QCOMPARE(rec.value(QStringLiteral("tags")).toArray(), (QJsonArray{QStringLiteral("animation"), QStringLiteral("hd")}));
        qint64 total = 0;
        for (const auto &f : t.files)
            total += f.second;
        QCOMPARE(rec.value(QStringLiteral("totalSize")).toInteger(), total);
        QCOMPARE(rec.value(QStringLiteral("files")).toArray().size(), t.files.size());
        QCOMPARE(str(rec, "torrent"), QString::fromLatin1(toBase64Url(t.bytes)));
        QCOMPARE(str(rec, "infoHashV1"), t.infoHashV1);
        QVERIFY(!rec.contains(QStringLiteral("infoHashV2")));

        const HttpResponse byId = fx.client().get(Content + QLatin1Char('/') + str(rec, "id"));
        QCOMPARE(byId.status, 200);
        QCOMPARE(jsonOf(byId), rec);
        const HttpResponse byHash = fx.client().get(Content + QStringLiteral("/by-infohash/") + t.infoHashV1.toUpper());
        QCOMPARE(byHash.status, 200);
        QCOMPARE(jsonOf(byHash), rec);
    }

    void hybridTorrentIsFoundByEitherHash()
    {
        const TestUser alice = fx.newUser();
        const TestTorrent t = makeTorrent(fx.torrentDir(), true);
        QVERIFY(!t.infoHashV2.isEmpty());
        const HttpResponse r = fx.client(alice.token).post(Content, IxsFixture::registration(t, QStringLiteral("Hybrid")));
        QCOMPARE(r.status, 201);
        QCOMPARE(str(jsonOf(r), "infoHashV2"), t.infoHashV2);
        const QString id = str(jsonOf(r), "id");
        QCOMPARE(str(jsonOf(fx.client().get(Content + QStringLiteral("/by-infohash/") + t.infoHashV2)), "id"), id);
        QCOMPARE(str(jsonOf(fx.client().get(Content + QStringLiteral("/by-infohash/") + t.infoHashV1)), "id"), id);
    }

    void unknownAndMalformedIds()
    {
        QCOMPARE(fx.client().get(Content + QStringLiteral("/0123456789abcdef0123456789abcdef")).status, 404);
        const HttpResponse bad = fx.client().get(Content + QStringLiteral("/nope'--"));
        QCOMPARE(bad.status, 400);
        QCOMPARE(str(jsonOf(bad), "field"), QStringLiteral("id"));
        QCOMPARE(fx.client().get(Content + QStringLiteral("/by-infohash/") + QString(40, QLatin1Char('a'))).status, 404);
        QCOMPARE(fx.client().get(Content + QStringLiteral("/by-infohash/xyz")).status, 400);
    }

    void writesNeedAValidToken()
    {
        const TestUser alice = fx.newUser();
        const QJsonObject rec = fx.publish(alice, QStringLiteral("Owned"));
        const QString path = Content + QLatin1Char('/') + str(rec, "id");
        const QJsonObject body = IxsFixture::registration(makeTorrent(fx.torrentDir(), false), QStringLiteral("X"));

        const HttpResponse none = fx.client().post(Content, body);
        QCOMPARE(none.status, 401);
        QCOMPARE(str(jsonOf(none), "error"), QStringLiteral("unauthorized"));
        QCOMPARE(fx.client(QStringLiteral("v1.garbage.sig")).post(Content, body).status, 401);
        QCOMPARE(fx.client().patch(path, {{QStringLiteral("title"), QStringLiteral("Y")}}).status, 401);
        QCOMPARE(fx.client().del(path).status, 401);

        fx.now += 2 * 3600;  // the token (1 h) has expired
        QCOMPARE(fx.client(alice.token).post(Content, body).status, 401);
        QCOMPARE(fx.service->health().value(QStringLiteral("records")).toInt(), 1);
    }

    void ownerUpdatesAndSearchFollows()
    {
        const TestUser alice = fx.newUser();
        const QJsonObject rec = fx.publish(alice, QStringLiteral("Sintel"), QStringLiteral("a dragon story"),
                                           {QStringLiteral("fantasy")});
        const QString path = Content + QLatin1Char('/') + str(rec, "id");
        fx.now += 100;
        const HttpResponse r = fx.client(alice.token).patch(
            path, {{QStringLiteral("title"), QStringLiteral("Tears of Steel")},
                   {QStringLiteral("description"), QStringLiteral("robots in amsterdam")},
                   {QStringLiteral("tags"), QJsonArray{QStringLiteral("SciFi")}}});
        QCOMPARE(r.status, 200);
        const QJsonObject updated = jsonOf(r);
        QCOMPARE(str(updated, "title"), QStringLiteral("Tears of Steel"));
        QCOMPARE(updated.value(QStringLiteral("updatedAt")).toInteger(), fx.now);
        QCOMPARE(updated.value(QStringLiteral("createdAt")).toInteger(), fx.now - 100);
        QVERIFY(!updated.contains(QStringLiteral("torrent")));

        QCOMPARE(fx.searchTitles(QStringLiteral("q=sintel")), QStringList());
        QCOMPARE(fx.searchTitles(QStringLiteral("q=dragon")), QStringList());
        QCOMPARE(fx.searchTitles(QStringLiteral("tag=fantasy")), QStringList());
        QCOMPARE(fx.searchTitles(QStringLiteral("q=amsterdam")), QStringList{QStringLiteral("Tears of Steel")});
        QCOMPARE(fx.searchTitles(QStringLiteral("tag=scifi")), QStringList{QStringLiteral("Tears of Steel")});
        QCOMPARE(fx.searchTitles(QStringLiteral("q=steel")), QStringList{QStringLiteral("Tears of Steel")});
        // The torrent is untouched by an update.
        QCOMPARE(str(jsonOf(fx.client().get(path)), "torrent"), str(rec, "torrent"));
    }

    void updateRejectsBadPatches()
    {
        const TestUser alice = fx.newUser();
        const QString path = Content + QLatin1Char('/') + str(fx.publish(alice, QStringLiteral("Keep")), "id");
        const auto patch = [&](const QJsonObject &body) { return jsonOf(fx.client(alice.token).patch(path, body)); };
        QCOMPARE(str(patch({{QStringLiteral("infoHashV1"), QString(40, QLatin1Char('a'))}}), "field"), QStringLiteral("infoHashV1"));
        QCOMPARE(str(patch({}), "error"), QStringLiteral("missing_field"));
        QCOMPARE(str(patch({{QStringLiteral("title"), 5}}), "error"), QStringLiteral("invalid_type"));
        QCOMPARE(str(patch({{QStringLiteral("title"), QString(201, QLatin1Char('x'))}}), "error"), QStringLiteral("invalid_value"));
        QCOMPARE(fx.client(alice.token).call(HttpMethod::Patch, path, "{oops").status, 400);
        QCOMPARE(fx.searchTitles(QStringLiteral("q=keep")), QStringList{QStringLiteral("Keep")});
    }

    void onlyTheOwnerMayUpdateOrRemove()
    {
        const TestUser alice = fx.newUser();
        const TestUser mallory = fx.newUser();
        const QString path = Content + QLatin1Char('/') + str(fx.publish(alice, QStringLiteral("Mine")), "id");
        const HttpResponse u = fx.client(mallory.token).patch(path, {{QStringLiteral("title"), QStringLiteral("Stolen")}});
        QCOMPARE(u.status, 403);
        QCOMPARE(str(jsonOf(u), "error"), QStringLiteral("forbidden"));
        QCOMPARE(fx.client(mallory.token).del(path).status, 403);
        QCOMPARE(str(jsonOf(fx.client().get(path)), "title"), QStringLiteral("Mine"));
        QCOMPARE(fx.client(mallory.token).del(Content + QStringLiteral("/0123456789abcdef0123456789abcdef")).status, 404);
    }

    void removeDeletesEverywhere()
    {
        const TestUser alice = fx.newUser();
        const QJsonObject rec = fx.publish(alice, QStringLiteral("Elephants Dream"), {}, {QStringLiteral("classic")});
        fx.publish(alice, QStringLiteral("Other"));
        const QString path = Content + QLatin1Char('/') + str(rec, "id");
        const HttpResponse r = fx.client(alice.token).del(path);
        QCOMPARE(r.status, 204);
        QVERIFY(r.body.isEmpty());
        QCOMPARE(fx.client().get(path).status, 404);
        QCOMPARE(fx.client().get(Content + QStringLiteral("/by-infohash/") + str(rec, "infoHashV1")).status, 404);
        QCOMPARE(fx.searchTitles(QStringLiteral("q=elephants")), QStringList());
        QCOMPARE(fx.searchTitles(QStringLiteral("tag=classic")), QStringList());
        QCOMPARE(fx.search({}).value(QStringLiteral("total")).toInt(), 1);
        QCOMPARE(fx.client(alice.token).del(path).status, 404);
    }

    void duplicateInfoHashConflicts()
    {
        const TestUser alice = fx.newUser();
        const TestUser bob = fx.newUser();
        const TestTorrent t = makeTorrent(fx.torrentDir(), false);
        QCOMPARE(fx.client(alice.token).post(Content, IxsFixture::registration(t, QStringLiteral("First"))).status, 201);
        const HttpResponse again = fx.client(bob.token).post(Content, IxsFixture::registration(t, QStringLiteral("Second")));
        QCOMPARE(again.status, 409);
        QCOMPARE(str(jsonOf(again), "error"), QStringLiteral("conflict"));
        QCOMPARE(fx.searchTitles({}), QStringList{QStringLiteral("First")});

        // After removal the same torrent may be registered again.
        const QString id = str(jsonOf(fx.client().get(Content + QStringLiteral("/by-infohash/") + t.infoHashV1)), "id");
        QCOMPARE(fx.client(alice.token).del(Content + QLatin1Char('/') + id).status, 204);
        QCOMPARE(fx.client(bob.token).post(Content, IxsFixture::registration(t, QStringLiteral("Second"))).status, 201);
    }

    void dataSurvivesReopening()
    {
        const TestUser alice = fx.newUser();
        const QJsonObject rec = fx.publish(alice, QStringLiteral("Cosmos Laundromat"), QStringLiteral("a sheep"),
                                           {QStringLiteral("short")});
        QString error;
        QVERIFY2(fx.open(&error), qPrintable(error));
        QCOMPARE(jsonOf(fx.client().get(Content + QLatin1Char('/') + str(rec, "id"))), rec);
        QCOMPARE(fx.searchTitles(QStringLiteral("q=sheep")), QStringList{QStringLiteral("Cosmos Laundromat")});
        QCOMPARE(fx.searchTitles(QStringLiteral("tag=short")), QStringList{QStringLiteral("Cosmos Laundromat")});
        const QJsonObject health = fx.service->health();
        QCOMPARE(str(health, "status"), QStringLiteral("ok"));
        QCOMPARE(health.value(QStringLiteral("records")).toInt(), 1);
        QCOMPARE(fx.client().get(QStringLiteral("/ixs/healthz")).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestIxsService)
#include "tst_ixsservice.moc"
