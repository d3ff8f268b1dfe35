// OCMP register validation: every malformed body gets a 400 that names the field, and nothing
// is stored.
#include "ixsfixture.h"

#include <QJsonDocument>
#include <QTest>

using namespace mp2p;
using namespace mp2p::test;

namespace {
using Mutation = std::function<void(QJsonObject &)>;

Mutation set(const QString &key, const QJsonValue &value)
{
    return [=](QJsonObject &o) { o.insert(key, value); };
}
Mutation drop(const QString &key)
{
    return [=](QJsonObject &o) { o.remove(key); };
}
Mutation setFile(const QString &key, const QJsonValue &value)
{
    return [=](QJsonObject &o) {
        QJsonArray files = o.value(QStringLiteral("files")).toArray();
        QJsonObject first = files.at(0).toObject();
        first.insert(key, value);
        files.replace(0, first);
        o.insert(QStringLiteral("files"), files);
    };
}
QJsonValue b64(const QByteArray &bytes) { return QString::fromLatin1(toBase64Url(bytes)); }
} // namespace

Q_DECLARE_METATYPE(Mutation)

class TestIxsValidation : public QObject {
    Q_OBJECT
private:
    IxsFixture fx;
    TestUser alice;
    TestTorrent v1;
    TestTorrent hybrid;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(fx.open(&error), qPrintable(error));
        alice = fx.newUser();
        v1 = makeTorrent(fx.torrentDir(), false);
        hybrid = makeTorrent(fx.torrentDir(), true);
    }

    void rejects_data()
    {
        QTest::addColumn<bool>("useHybrid");
        QTest::addColumn<Mutation>("mutation");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QString missing = QStringLiteral("missing_field"), type = QStringLiteral("invalid_type"),
                      value = QStringLiteral("invalid_value");
        const auto row = [](const char *name, Mutation m, const QString &code, const char *field, bool h = false) {
            QTest::newRow(name) << h << m << code << QString::fromLatin1(field);
        };
        row("no title", drop(QStringLiteral("title")), missing, "title");
        row("title number", set(QStringLiteral("title"), 42), type, "title");
        row("title blank", set(QStringLiteral("title"), QStringLiteral("   ")), value, "title");
        row("title too long", set(QStringLiteral("title"), QString(201, QLatin1Char('t'))), value, "title");
        row("description too long", set(QStringLiteral("description"), QString(5001, QLatin1Char('d'))), value, "description");
        row("tags not array", set(QStringLiteral("tags"), QStringLiteral("a,b")), type, "tags");
        row("33 tags", set(QStringLiteral("tags"), QJsonArray::fromStringList(QString(32, QLatin1Char('x')).split(QString()))), value, "tags");
        row("tag too long", set(QStringLiteral("tags"), QJsonArray{QString(65, QLatin1Char('g'))}), value, "tags");
        row("tag number", set(QStringLiteral("tags"), QJsonArray{7}), value, "tags");
        row("tag blank", set(QStringLiteral("tags"), QJsonArray{QStringLiteral("  ")}), value, "tags");
        row("no files", drop(QStringLiteral("files")), missing, "files");
        row("files empty", set(QStringLiteral("files"), QJsonArray()), value, "files");
        row("files object", set(QStringLiteral("files"), QJsonObject()), type, "files");
        row("file not object", set(QStringLiteral("files"), QJsonArray{QStringLiteral("a.bin")}), type, "files[0]");
        row("file without path", [](QJsonObject &o) { setFile(QStringLiteral("path"), QJsonValue())(o); }, missing, "files[0].path");
        row("path with ..", setFile(QStringLiteral("path"), QStringLiteral("a/../../etc/passwd")), value, "files[0].path");
        row("path backslash ..", setFile(QStringLiteral("path"), QStringLiteral("a\\..\\b")), value, "files[0].path");
        row("absolute path", setFile(QStringLiteral("path"), QStringLiteral("/etc/passwd")), value, "files[0].path");
        row("drive path", setFile(QStringLiteral("path"), QStringLiteral("C:\\x")), value, "files[0].path");
        row("path too long", setFile(QStringLiteral("path"), QString(4097, QLatin1Char('p'))), value, "files[0].path");
        row("size negative", setFile(QStringLiteral("size"), -1), value, "files[0].size");
        row("size text", setFile(QStringLiteral("size"), QStringLiteral("12")), type, "files[0].size");
        row("size fraction", setFile(QStringLiteral("size"), 1.5), type, "files[0].size");
        row("size over 2^50", setFile(QStringLiteral("size"), double(qint64(1) << 51)), value, "files[0].size");
        row("totalSize wrong", set(QStringLiteral("totalSize"), 1), value, "totalSize");
        row("no infoHashV1", drop(QStringLiteral("infoHashV1")), missing, "infoHashV1");
        row("infoHashV1 upper", [this](QJsonObject &o) { o.insert(QStringLiteral("infoHashV1"), v1.infoHashV1.toUpper()); }, value, "infoHashV1");
        row("infoHashV1 short", set(QStringLiteral("infoHashV1"), QString(39, QLatin1Char('a'))), value, "infoHashV1");
        row("infoHashV1 not hex", set(QStringLiteral("infoHashV1"), QString(40, QLatin1Char('z'))), value, "infoHashV1");
        row("infoHashV1 number", set(QStringLiteral("infoHashV1"), 12), type, "infoHashV1");
        row("infoHashV2 bad", set(QStringLiteral("infoHashV2"), QString(64, QLatin1Char('g'))), value, "infoHashV2");
        row("no overlayId", drop(QStringLiteral("overlayId")), missing, "overlayId");
        row("overlayId bad", set(QStringLiteral("overlayId"), QStringLiteral("x'; --")), value, "overlayId");
        row("omsUrl ftp", set(QStringLiteral("omsUrl"), QStringLiteral("ftp://oms.example")), value, "omsUrl");
        row("omsUrl text", set(QStringLiteral("omsUrl"), QStringLiteral("not a url")), value, "omsUrl");
        row("media array", set(QStringLiteral("media"), QJsonArray{1}), type, "media");
        row("media too big", set(QStringLiteral("media"), QJsonObject{{QStringLiteral("x"), QString(5000, QLatin1Char('m'))}}), value, "media");
        row("no torrent", drop(QStringLiteral("torrent")), missing, "torrent");
        row("torrent number", set(QStringLiteral("torrent"), 3), type, "torrent");
        row("torrent bad base64", set(QStringLiteral("torrent"), QStringLiteral("!!!not base64!!!")), value, "torrent");
        row("torrent not bencoded", set(QStringLiteral("torrent"), b64("hello, world")), value, "torrent");
        row("torrent without info", set(QStringLiteral("torrent"), b64("d3:fooi1ee")), value, "torrent");
        row("torrent too big", set(QStringLiteral("torrent"), b64(QByteArray(4 * 1024 * 1024 + 1, 'x'))), value, "torrent");
        row("info-hash mismatch", [this](QJsonObject &o) {
            const TestTorrent other = makeTorrent(fx.torrentDir(), false);
            o.insert(QStringLiteral("torrent"), b64(other.bytes));
        }, value, "infoHashV1");
        row("v2 mismatch", set(QStringLiteral("infoHashV2"), QString(64, QLatin1Char('a'))), value, "infoHashV2", true);
    }

    void rejects()
    {
        QFETCH(bool, useHybrid);
        QFETCH(Mutation, mutation);
        QFETCH(QString, code);
        QFETCH(QString, field);
        QJsonObject body = IxsFixture::registration(useHybrid ? hybrid : v1, QStringLiteral("Valid title"));
        mutation(body);
        const HttpResponse r = fx.client(alice.token).post(QStringLiteral("/ixs/v1/content"), body);
        const QJsonObject e = jsonOf(r);
        QVERIFY2(r.status == 400, r.body.constData());
        QCOMPARE(e.value(QStringLiteral("error")).toString(), code);
        QCOMPARE(e.value(QStringLiteral("field")).toString(), field);
        QVERIFY(!e.value(QStringLiteral("message")).toString().isEmpty());
        QCOMPARE(fx.service->health().value(QStringLiteral("records")).toInt(), 0);
    }

    void mismatchTellsThePublisher()
    {
        QJsonObject body = IxsFixture::registration(v1, QStringLiteral("Wrong"));
        body.insert(QStringLiteral("torrent"), b64(hybrid.bytes));
        const QJsonObject e = jsonOf(fx.client(alice.token).post(QStringLiteral("/ixs/v1/content"), body));
        QVERIFY2(e.value(QStringLiteral("message")).toString().contains(QStringLiteral("does not match its info-hash")),
                 qPrintable(e.value(QStringLiteral("message")).toString()));
        QVERIFY(!e.value(QStringLiteral("hint")).toString().isEmpty());
    }

    void badBodies()
    {
        const RouterClient c = fx.client(alice.token);
        const QString path = QStringLiteral("/ixs/v1/content");
        QCOMPARE(jsonOf(c.call(HttpMethod::Post, path, {})).value(QStringLiteral("error")).toString(), QStringLiteral("empty_body"));
        QCOMPARE(jsonOf(c.call(HttpMethod::Post, path, "{\"title\":")).value(QStringLiteral("error")).toString(), QStringLiteral("invalid_json"));
        QCOMPARE(jsonOf(c.call(HttpMethod::Post, path, "[1,2]")).value(QStringLiteral("error")).toString(), QStringLiteral("invalid_json"));
        QCOMPARE(c.call(HttpMethod::Put, path, "{}").status, 405);
    }

    // Leaving out every optional field (description, tags, media, infoHashV2) used to give a
    // 500 (a NULL description in a NOT NULL column); it registers, and reads back as "".
    void optionalFieldsMayBeLeftOut()
    {
        const TestTorrent t = makeTorrent(fx.torrentDir(), false);
        QJsonObject body = IxsFixture::registration(t, QStringLiteral("bare record"));
        for (const char *key : {"description", "tags", "media", "infoHashV2"})
            body.remove(QLatin1String(key));
        QVERIFY(!body.contains(QStringLiteral("description")));
        const HttpResponse r = fx.client(alice.token).post(QStringLiteral("/ixs/v1/content"), body);
        QVERIFY2(r.status == 201, r.body.constData());
        const QString id = jsonOf(r).value(QStringLiteral("id")).toString();
        const QJsonObject stored = jsonOf(fx.client().get(QStringLiteral("/ixs/v1/content/") + id));
        QCOMPARE(stored.value(QStringLiteral("title")).toString(), QStringLiteral("bare record"));
        QVERIFY(stored.value(QStringLiteral("description")).isString());
        QCOMPARE(stored.value(QStringLiteral("description")).toString(), QString());
        QCOMPARE(fx.searchTitles(QStringLiteral("q=bare")), QStringList{QStringLiteral("bare record")});
        // An update that leaves the description out keeps it valid too.
        const HttpResponse patched = fx.client(alice.token).call(HttpMethod::Patch, QStringLiteral("/ixs/v1/content/") + id,
                                                                 QJsonDocument(QJsonObject{{QStringLiteral("title"), QStringLiteral("bare record 2")}}).toJson());
        QVERIFY2(patched.status == 200, patched.body.constData());
        QVERIFY(fx.client(alice.token).call(HttpMethod::Delete, QStringLiteral("/ixs/v1/content/") + id, {}).status / 100 == 2);
    }

    void theBaseBodiesAreValid()
    {
        // Guards the table above: without a mutation, both bodies register.
        QCOMPARE(fx.client(alice.token).post(QStringLiteral("/ixs/v1/content"), IxsFixture::registration(v1, QStringLiteral("ok v1"))).status, 201);
        QCOMPARE(fx.client(alice.token).post(QStringLiteral("/ixs/v1/content"), IxsFixture::registration(hybrid, QStringLiteral("ok v2"))).status, 201);
        QCOMPARE(fx.service->health().value(QStringLiteral("records")).toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(TestIxsValidation)
#include "tst_ixsvalidation.moc"
