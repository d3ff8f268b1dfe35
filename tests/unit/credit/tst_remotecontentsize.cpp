// The PAMS's content-size lookup at an IXS in another mp2pd: never waits, learns the size from
// GET /ixs/v1/content/by-infohash/{hex}, keeps it, and refuses (nullopt) what it does not know.
#include <base/httprouter.h>
#include <base/httpserver.h>
#include <p2psp/host/remotecontentsize.h>

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <atomic>

using namespace mp2p;

class TestRemoteContentSize : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void learnsSizesWithoutWaiting()
    {
        const QString known(40, QLatin1Char('a')), unknown(40, QLatin1Char('b'));
        std::atomic<int> asked = 0;
        HttpRouter router;
        router.add(HttpMethod::Get, QStringLiteral("/ixs/v1/content/by-infohash/{hex}"), RoutePolicy::open(),
                   [&](const HttpRequest &r) {
                       ++asked;
                       if (r.params.value(QStringLiteral("hex")) != known)
                           return HttpResponse::error(ApiError::notFound(QStringLiteral("no such content")));
                       return HttpResponse::json(QJsonObject{{QStringLiteral("totalSize"), 123456}});
                   });
        HttpServer server(&router);
        QString error;
        const quint16 port = server.listen(QHostAddress::LocalHost, 0, &error);
        QVERIFY2(port != 0, qPrintable(error));
        QNetworkAccessManager network;
        qint64 now = 1000;
        RemoteContentSize sizes(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), &network, [&] { return now; });
        QSignalSpy answered(&sizes, &RemoteContentSize::answered);

        QCOMPARE(sizes.sizeOf(known), std::nullopt);  // not known yet: refused, one request started
        QCOMPARE(sizes.sizeOf(known), std::nullopt);  // ... and not a second one while it runs
        QVERIFY(answered.wait(5000));
        QCOMPARE(sizes.sizeOf(known), std::optional<qint64>(123456));
        QCOMPARE(asked, 1);

        QCOMPARE(sizes.sizeOf(unknown), std::nullopt);
        QVERIFY(answered.wait(5000));
        QCOMPARE(sizes.sizeOf(unknown), std::nullopt);  // 404: still unknown, not asked again yet
        QCOMPARE(asked, 2);
        now += 60;
        QCOMPARE(sizes.sizeOf(unknown), std::nullopt);  // after retrySecs it asks again
        QVERIFY(answered.wait(5000));
        QCOMPARE(asked, 3);
        // Not an info-hash: never sent anywhere.
        QCOMPARE(sizes.sizeOf(QStringLiteral("../../admin")), std::nullopt);
        QCOMPARE(sizes.sizeOf(known), std::optional<qint64>(123456));
        QCOMPARE(asked, 3);
    }
};

QTEST_GUILESS_MAIN(TestRemoteContentSize)
#include "tst_remotecontentsize.moc"
