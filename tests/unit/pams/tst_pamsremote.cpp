// RemotePeerActivitySource against a real PamsService behind mp2p::HttpServer on 127.0.0.1.
#include "pamsfixture.h"

#include <base/httpserver.h>
#include <p2psp/pams/remoteactivitysource.h>

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>

using namespace mp2p;
using namespace mp2p::test;

class TstPamsRemote : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void servesFromCacheAndSurvivesOutage();
    void ignoresMalformedOverlayIds();
};

void TstPamsRemote::servesFromCacheAndSurvivesOutage()
{
    PamsFixture f;
    QVERIFY2(f.startError.isEmpty(), qPrintable(f.startError));
    auto server = std::make_unique<HttpServer>(f.router.get());
    QString error;
    const quint16 port = server->listen(QHostAddress::LocalHost, 0, &error);
    QVERIFY2(port != 0, qPrintable(error));

    TestUser seed = f.user(), leecher = f.user();
    const QString overlay = hex40('c');
    QCOMPARE(f.as(seed).post("/pams/v1/reports", reportBody({overlayPart(overlay, 500, 0, 0, "completed", 7, 0)},
                                                              staticPart(1000, 2000, 30))).status, 200);
    QCOMPARE(f.as(leecher).post("/pams/v1/reports", reportBody({overlayPart(overlay, 0, 10, 90, "started")})).status, 200);

    QNetworkAccessManager network;
    qint64 clientNow = 1000;
    RemotePeerActivitySource remote(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)), &network,
                                    [&clientNow] { return clientNow; });
    QCOMPARE(remote.refreshSecs(), 5);
    QSignalSpy refreshed(&remote, &RemotePeerActivitySource::refreshed);
    QSignalSpy failed(&remote, &RemotePeerActivitySource::refreshFailed);
    const QStringList ids{seed.userId, leecher.userId, hex40('9')};

    // Without the provider's service key the member view is refused: it is operator-only.
    {
        RemotePeerActivitySource stranger(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)), &network,
                                          [&clientNow] { return clientNow; });
        QSignalSpy refused(&stranger, &RemotePeerActivitySource::refreshFailed);
        QVERIFY(stranger.activityOf(overlay, ids).isEmpty());
        QVERIFY(refused.wait(5000));
    }
    remote.setServiceKey(f.serviceKey);

    // First call: nothing cached yet, answers empty at once and starts one refresh.
    QVERIFY(remote.activityOf(overlay, ids).isEmpty());
    clientNow += 10;  // stale again, but a refresh is in flight: no second request
    QVERIFY(remote.activityOf(overlay, ids).isEmpty());
    QVERIFY(refreshed.wait(5000));
    QCOMPARE(refreshed.first().first().toString(), overlay);

    auto got = remote.activityOf(overlay, ids);
    QCOMPARE(got.size(), 2);
    QCOMPARE(got.value(seed.userId).staticStatus.maxUploadBps, 1000);
    QCOMPARE(got.value(seed.userId).overlay->event, QString("completed"));
    QCOMPARE(got.value(seed.userId).overlay->uploadConnections, 7);
    QCOMPARE(got.value(leecher.userId).overlay->left, 90);
    QCOMPARE(got.value(leecher.userId).lastReportAt, f.now);
    // Same answer as the in-process view.
    const auto local = f.service->activitySource()->activityOf(overlay, ids);
    for (const QString &id : {seed.userId, leecher.userId})
        QCOMPARE(overlayPeerToJson(got.value(id)), overlayPeerToJson(local.value(id)));
    QTest::qWait(100);  // a negative check: time for a second (wrong) refresh to show up
    QCOMPARE(refreshed.size(), 1);  // the in-flight guard held

    // Fresh cache: a new report is not seen until refreshSecs have passed.
    f.now += 30;
    QCOMPARE(f.as(leecher).post("/pams/v1/reports", reportBody({overlayPart(overlay, 0, 60, 40)})).status, 200);
    QCOMPARE(remote.activityOf(overlay, ids).value(leecher.userId).overlay->left, 90);
    QTest::qWait(100);  // a negative check: a fresh cache starts no refresh
    QCOMPARE(refreshed.size(), 1);
    clientNow += 5;
    QCOMPARE(remote.activityOf(overlay, ids).value(leecher.userId).overlay->left, 90);  // stale answer, refresh started
    QVERIFY(refreshed.wait(5000));
    QCOMPARE(remote.activityOf(overlay, ids).value(leecher.userId).overlay->left, 40);

    // The PAMS goes away: the last state is still served, without waiting, with one warning.
    server.reset();
    network.clearConnectionCache();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("unreachable"));
    QTest::failOnWarning(QRegularExpression("unreachable"));
    clientNow += 5;
    QElapsedTimer timer;
    timer.start();
    got = remote.activityOf(overlay, ids);
    QVERIFY(timer.elapsed() < 50);
    QCOMPARE(got.value(leecher.userId).overlay->left, 40);
    QVERIFY(failed.wait(8000));
    clientNow += 5;
    QCOMPARE(remote.activityOf(overlay, ids).value(seed.userId).overlay->uploaded, 500);
    QVERIFY(failed.wait(8000));  // second failure in the same outage: no second warning
    QCOMPARE(remote.activityOf(overlay, ids).size(), 2);
    QCOMPARE(refreshed.size(), 2);
}

void TstPamsRemote::ignoresMalformedOverlayIds()
{
    QNetworkAccessManager network;
    RemotePeerActivitySource remote(QUrl("http://127.0.0.1:1"), &network, [] { return qint64(1); });
    QSignalSpy failed(&remote, &RemotePeerActivitySource::refreshFailed);
    QVERIFY(remote.activityOf("../../etc/passwd", {hex40('a')}).isEmpty());
    QTest::qWait(200);  // a negative check: a request would fail (port 1) within this time
    QCOMPARE(failed.size(), 0);  // no request was made for it
}

QTEST_GUILESS_MAIN(TstPamsRemote)
#include "tst_pamsremote.moc"
