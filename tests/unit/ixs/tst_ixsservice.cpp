// OCMP register / get / update / remove through the IXS routes: ownership, tokens, conflicts
// and persistence.
#include "ixsfixture.h"

#include <protocol/jsonfields.h>

#include <QDir>
#include <QSqlQuery>

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
        QJsonObject found = jsonOf(byHash);
        // The record, plus the list of every publisher's record of this info-hash (one here).
        QCOMPARE(found.take(QStringLiteral("records")).toArray().size(), 1);
        QCOMPARE(found, rec);
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

    // One record per (info-hash, owner): a publisher registering twice is told to update, a second
    // publisher of the same torrent gets their own record (nobody is locked out by coming first).
    void duplicatePerOwnerConflictsOthersGetTheirOwn()
    {
        const TestUser alice = fx.newUser();
        const TestUser bob = fx.newUser();
        const TestTorrent t = makeTorrent(fx.torrentDir(), true);
        QCOMPARE(fx.client(alice.token).post(Content, IxsFixture::registration(t, QStringLiteral("First"))).status, 201);
        const HttpResponse again = fx.client(alice.token).post(Content, IxsFixture::registration(t, QStringLiteral("Again")));
        QCOMPARE(again.status, 409);
        QCOMPARE(str(jsonOf(again), "error"), QStringLiteral("conflict"));
        QVERIFY(str(jsonOf(again), "hint").contains(QStringLiteral("PATCH")));
        fx.now += 5;
        const HttpResponse second = fx.client(bob.token).post(Content, IxsFixture::registration(t, QStringLiteral("Second")));
        QCOMPARE(second.status, 201);
        QCOMPARE(str(jsonOf(second), "owner"), bob.userId);
        QCOMPARE(fx.client(bob.token).post(Content, IxsFixture::registration(t, QStringLiteral("Third"))).status, 409);
        QStringList titles = fx.searchTitles(QStringLiteral("sort=oldest"));
        QCOMPARE(titles, (QStringList{QStringLiteral("First"), QStringLiteral("Second")}));

        // by-infohash: the oldest record (with its torrent) and the list of all of them.
        for (const QString &hash : {t.infoHashV1, t.infoHashV2}) {
            const QJsonObject byHash = jsonOf(fx.client().get(Content + QStringLiteral("/by-infohash/") + hash));
            QCOMPARE(str(byHash, "title"), QStringLiteral("First"));
            QVERIFY(!str(byHash, "torrent").isEmpty());
            const QJsonArray records = byHash.value(QStringLiteral("records")).toArray();
            QCOMPARE(records.size(), 2);
            QCOMPARE(str(records.at(0).toObject(), "owner"), alice.userId);
            QCOMPARE(str(records.at(1).toObject(), "owner"), bob.userId);
            QCOMPARE(str(records.at(1).toObject(), "id"), str(jsonOf(second), "id"));
        }

        // Each removes only their own; the other record then answers.
        const QString id = str(jsonOf(fx.client().get(Content + QStringLiteral("/by-infohash/") + t.infoHashV1)), "id");
        QCOMPARE(fx.client(bob.token).del(Content + QLatin1Char('/') + id).status, 403);
        QCOMPARE(fx.client(alice.token).del(Content + QLatin1Char('/') + id).status, 204);
        QCOMPARE(str(jsonOf(fx.client().get(Content + QStringLiteral("/by-infohash/") + t.infoHashV1)), "title"),
                 QStringLiteral("Second"));
        QCOMPARE(fx.client(alice.token).post(Content, IxsFixture::registration(t, QStringLiteral("Back"))).status, 201);
    }

    // A data folder written before records were per owner keeps its records, their search
    // index and tags; afterwards a second publisher of the same torrent can register.
    void upgradeKeepsRecordsAndAllowsASecondPublisher()
    {
        const TestUser alice = fx.newUser();
        const TestUser bob = fx.newUser();
        const TestTorrent t = makeTorrent(fx.torrentDir(), true);
        const QJsonObject rec = jsonOf(fx.client(alice.token).post(
            Content, IxsFixture::registration(t, QStringLiteral("Old sheep"), {}, {QStringLiteral("kept")})));
        QVERIFY(!rec.isEmpty());
        fx.router.reset();
        fx.service.reset();
        {
            // Put the database back to the older schema (version 2), as an old mp2pd left it.
            DatabaseOptions options;
            options.path = fx.dir.path() + QStringLiteral("/ixs.db");
            Database db(QStringLiteral("ixs-downgrade"), options);
            QString error;
            QVERIFY2(db.open(&error), qPrintable(error));
            QSqlQuery q(db.connection());
            const QStringList downgrade = {
                QStringLiteral("CREATE TABLE content_old (id TEXT PRIMARY KEY, seq BIGINT NOT NULL UNIQUE, "
                               "info_hash_v1 TEXT NOT NULL UNIQUE, info_hash_v2 TEXT UNIQUE, overlay_id TEXT NOT NULL, "
                               "oms_url TEXT NOT NULL, title TEXT NOT NULL, title_key TEXT NOT NULL, description TEXT NOT NULL, "
                               "tags TEXT NOT NULL, files TEXT NOT NULL, media TEXT, total_size BIGINT NOT NULL, "
                               "owner TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, torrent BLOB NOT NULL)"),
                QStringLiteral("INSERT INTO content_old SELECT * FROM content"),
                QStringLiteral("DROP TABLE content"),
                QStringLiteral("ALTER TABLE content_old RENAME TO content"),
                QStringLiteral("DELETE FROM schema_version WHERE version > 2"),
            };
            for (const QString &sql : downgrade)
                QVERIFY2(q.exec(sql), qPrintable(sql));
            q.exec(QStringLiteral("SELECT COUNT(*) FROM content"));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 1);
        }
        QString error;
        QVERIFY2(fx.open(&error), qPrintable(error));
        QCOMPARE(jsonOf(fx.client().get(Content + QLatin1Char('/') + str(rec, "id"))), rec);
        QCOMPARE(fx.searchTitles(QStringLiteral("q=sheep")), QStringList{QStringLiteral("Old sheep")});
        QCOMPARE(fx.searchTitles(QStringLiteral("tag=kept")), QStringList{QStringLiteral("Old sheep")});
        QCOMPARE(fx.client(alice.token).post(Content, IxsFixture::registration(t, QStringLiteral("Dup"))).status, 409);
        QCOMPARE(fx.client(bob.token).post(Content, IxsFixture::registration(t, QStringLiteral("New sheep"))).status, 201);
        QCOMPARE(fx.search(QStringLiteral("q=sheep")).value(QStringLiteral("total")).toInt(), 2);
    }

    // The per-user daily quota on registrations (a rate rule on the route, set by the operator):
    // the registration over the limit gets 429 with Retry-After, and nothing is stored.
    void dailyQuotaOnRegistrations()
    {
        fx.router->overrideLimit(QStringLiteral("records-per-user-per-day"), 3, 86400);
        const TestUser alice = fx.newUser();
        const TestUser bob = fx.newUser();
        for (int i = 0; i < 3; ++i)
            QVERIFY(!fx.publish(alice, QStringLiteral("Quota %1").arg(i)).isEmpty());
        const TestTorrent t = makeTorrent(fx.torrentDir(), false);
        const HttpResponse over = fx.client(alice.token).post(Content, IxsFixture::registration(t, QStringLiteral("Over")));
        QCOMPARE(over.status, 429);
        QByteArray retryAfter;
        for (const auto &h : over.headers)
            if (h.first.compare("Retry-After", Qt::CaseInsensitive) == 0)
                retryAfter = h.second;
        QVERIFY2(retryAfter.toInt() > 0 && retryAfter.toInt() <= 86400, retryAfter.constData());
        QCOMPARE(fx.search(QStringLiteral("owner=") + alice.userId).value(QStringLiteral("total")).toInt(), 3);
        // The quota is per user: another publisher still registers.
        QCOMPARE(fx.client(bob.token).post(Content, IxsFixture::registration(t, QStringLiteral("Bob's"))).status, 201);
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
