// The PAMS's co-presence check at an OMS in another mp2pd: never waits, asks
// GET /oms/v1/overlays/{id}/copresence with the service key, decides later receipts from the
// cached sightings, asks again when a sighting does not cover a receipt's time, and says why
// when the OMS does not answer (the PAMS then answers 503 and counts nothing).
#include <base/httprouter.h>
#include <base/httpserver.h>
#include <p2psp/host/remotecopresence.h>

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <atomic>

using namespace mp2p;

class TestRemoteCoPresence : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void decidesFromCachedSightings()
    {
        const QString overlay(40, QLatin1Char('a')), ghost(40, QLatin1Char('f'));
        const QString a(40, QLatin1Char('1')), b(40, QLatin1Char('2')), stranger(40, QLatin1Char('3'));
        std::atomic<int> asked = 0;
        QByteArray authorization;
        HttpRouter router;
        router.add(HttpMethod::Get, QStringLiteral("/oms/v1/overlays/{id}/copresence"), RoutePolicy::open(),
                   [&](const HttpRequest &r) {
                       ++asked;
                       authorization = r.header("authorization");
                       if (r.params.value(QStringLiteral("id")) != overlay)
                           return HttpResponse::error(ApiError{404, QStringLiteral("unknown_overlay"), QStringLiteral("no overlay"), {}, {}});
                       QJsonObject sightings;
                       for (const QString &u : {r.query.queryItemValue(QStringLiteral("a")), r.query.queryItemValue(QStringLiteral("b"))}) {
                           if (u == a || u == b)
                               sightings.insert(u, QJsonObject{{QStringLiteral("firstSeen"), 1000}, {QStringLiteral("lastSeen"), 2000}});
                           else if (!u.isEmpty())
                               sightings.insert(u, QJsonValue::Null);
                       }
                       return HttpResponse::json(QJsonObject{{QStringLiteral("slackSecs"), 100}, {QStringLiteral("sightings"), sightings}});
                   });
        HttpServer server(&router);
        QString error;
        const quint16 port = server.listen(QHostAddress::LocalHost, 0, &error);
        QVERIFY2(port != 0, qPrintable(error));
        QNetworkAccessManager network;
        qint64 now = 5000;
        RemoteCoPresence presence(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), &network, "k3y", [&] { return now; });
        QSignalSpy answered(&presence, &RemoteCoPresence::answered);

        QCOMPARE(presence.together(overlay, a, b, 1500), std::nullopt);  // asked, not waited for
        QCOMPARE(presence.together(overlay, a, b, 1500), std::nullopt);  // one request at a time
        QVERIFY(answered.wait(5000));
        QCOMPARE(authorization, QByteArray("Bearer svc.k3y"));
        QCOMPARE(presence.together(overlay, a, b, 1500), std::optional<bool>(true));
        QCOMPARE(presence.together(overlay, b, a, 900), std::optional<bool>(true));   // within the slack
        QCOMPARE(presence.together(overlay, a, QString(), 2100), std::optional<bool>(true));  // a relay receipt
        QCOMPARE(presence.together(overlay, a, b, 2500), std::optional<bool>(false));  // fresh answer: no
        QCOMPARE(asked, 1);
        now += RemoteCoPresence::NegativeSecs;
        QCOMPARE(presence.together(overlay, a, b, 2500), std::nullopt);  // may have announced since: ask again
        QVERIFY(answered.wait(5000));
        QCOMPARE(asked, 2);

        QCOMPARE(presence.together(overlay, a, stranger, 1500), std::nullopt);
        QVERIFY(answered.wait(5000));
        QCOMPARE(presence.together(overlay, a, stranger, 1500), std::optional<bool>(false));
        QCOMPARE(presence.together(ghost, a, b, 1500), std::nullopt);
        QVERIFY(answered.wait(5000));
        QCOMPARE(presence.together(ghost, a, b, 1500), std::optional<bool>(false));  // no such overlay
        QVERIFY(presence.problem().isEmpty());
        // Not ids: never sent anywhere.
        QCOMPARE(presence.together(QStringLiteral("../admin"), a, b, 1500), std::optional<bool>(false));
        QCOMPARE(asked, 4);
    }

    void unreachableOmsIsNeverTakenForAnAnswer()
    {
        QNetworkAccessManager network;
        RemoteCoPresence presence(QUrl(QStringLiteral("http://127.0.0.1:9")), &network, "k3y", [] { return qint64(5000); });
        QSignalSpy answered(&presence, &RemoteCoPresence::answered);
        const QString overlay(40, QLatin1Char('a')), a(40, QLatin1Char('1')), b(40, QLatin1Char('2'));
        QCOMPARE(presence.together(overlay, a, b, 1500), std::nullopt);
        QVERIFY(answered.wait(5000));
        QCOMPARE(presence.together(overlay, a, b, 1500), std::nullopt);
        QVERIFY2(presence.problem().contains(QStringLiteral("unreachable")), qPrintable(presence.problem()));
    }
};

QTEST_GUILESS_MAIN(TestRemoteCoPresence)
#include "tst_remotecopresence.moc"
