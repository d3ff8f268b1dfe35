#include <base/httprouter.h>

#include <QJsonDocument>
#include <QTest>

using namespace mp2p;

class TestHttpRouter : public QObject {
    Q_OBJECT
private:
    static HttpRequest request(HttpMethod method, const QString &path, const QByteArray &query = {}, const QByteArray &body = {})
    {
        HttpRequest r;
        r.method = method;
        r.path = path;
        r.rawQuery = query;
        r.body = body;
        return r;
    }
    static QJsonObject json(const HttpResponse &r) { return QJsonDocument::fromJson(r.body).object(); }

private Q_SLOTS:
    void matchesPlaceholders()
    {
        HttpRouter router;
        router.add(HttpMethod::Get, QStringLiteral("/ixs/v1/content/{id}"), RoutePolicy::open(), [](const HttpRequest &r) {
            return HttpResponse::json(QJsonObject{{QStringLiteral("id"), r.params.value(QStringLiteral("id"))}});
        });
        const HttpResponse ok = router.dispatch(request(HttpMethod::Get, QStringLiteral("/ixs/v1/content/abc")));
        QCOMPARE(ok.status, 200);
        QCOMPARE(json(ok).value(QStringLiteral("id")).toString(), QStringLiteral("abc"));
        const HttpResponse head = router.dispatch(request(HttpMethod::Head, QStringLiteral("/ixs/v1/content/abc")));
        QCOMPARE(head.status, 200);
        QVERIFY(head.body.isEmpty());
    }

    void unknownPathIs404AndWrongMethod405WithJsonBodies()
    {
        HttpRouter router;
        router.add(HttpMethod::Post, QStringLiteral("/a/{x}"), RoutePolicy::open(), [](const HttpRequest &) { return HttpResponse::noContent(); });
        const HttpResponse missing = router.dispatch(request(HttpMethod::Get, QStringLiteral("/nope")));
        QCOMPARE(missing.status, 404);
        QCOMPARE(json(missing).value(QStringLiteral("error")).toString(), QStringLiteral("not_found"));
        const HttpResponse wrong = router.dispatch(request(HttpMethod::Get, QStringLiteral("/a/1")));
        QCOMPARE(wrong.status, 405);
        QCOMPARE(json(wrong).value(QStringLiteral("error")).toString(), QStringLiteral("method_not_allowed"));
        QCOMPARE(router.dispatch(request(HttpMethod::Post, QStringLiteral("/a/1/extra"))).status, 404);
    }

    void oversizedBodyIs413()
    {
        HttpRouter router;
        router.setMaxBodyBytes(10);
        router.add(HttpMethod::Post, QStringLiteral("/a"), RoutePolicy::open(), [](const HttpRequest &) { return HttpResponse::noContent(); });
        QCOMPARE(router.dispatch(request(HttpMethod::Post, QStringLiteral("/a"), {}, QByteArray(11, 'x'))).status, 413);
        QCOMPARE(router.dispatch(request(HttpMethod::Post, QStringLiteral("/a"), {}, QByteArray(10, 'x'))).status, 204);
    }

    void rawQueryValuesKeepBinaryBytes()
    {
        QByteArray hash;
        for (int i = 0; i < 20; ++i)
            hash.append(char(i * 13));
        HttpRequest r = request(HttpMethod::Get, QStringLiteral("/announce"), "a=1&info_hash=" + hash.toPercentEncoding() + "&flag");
        QCOMPARE(r.rawQueryValue("info_hash"), hash);
        QCOMPARE(r.rawQueryValue("a"), QByteArray("1"));
        QVERIFY(r.hasQueryItem("flag"));
        QVERIFY(!r.hasQueryItem("info"));
        QVERIFY(r.rawQueryValue("missing").isEmpty());
    }

    void parsesJsonObjectsAndExplainsFailures()
    {
        QJsonObject out;
        ApiError error;
        QVERIFY(parseJsonObject("{\"a\":1}", &out, &error));
        QCOMPARE(out.value(QStringLiteral("a")).toInt(), 1);
        QVERIFY(!parseJsonObject("", &out, &error));
        QCOMPARE(error.code, QStringLiteral("empty_body"));
        QVERIFY(!parseJsonObject("{\"a\":", &out, &error));
        QCOMPARE(error.code, QStringLiteral("invalid_json"));
        QVERIFY(error.message.contains(QStringLiteral("offset")));
        QVERIFY(!parseJsonObject("[1,2]", &out, &error));
        QCOMPARE(error.status, 400);
    }
};

QTEST_GUILESS_MAIN(TestHttpRouter)
#include "tst_httprouter.moc"
