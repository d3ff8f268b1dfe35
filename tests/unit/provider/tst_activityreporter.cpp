// ActivityReporter (R2, PAMP) against a real in-process P2PSP: registration, periodic and
// event reports, the bounded queue while the PAMS is down, and draining it in order.
#include "providertesthost.h"

#include <user/provider/activityreporter.h>
#include <user/provider/providerclient.h>

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace mp2p;
using namespace mp2p::test;

namespace {
constexpr int Timeout = 20000;
const QString Overlay = QStringLiteral("0123456789abcdef0123456789abcdef01234567");

QJsonObject staticStatus()
{
    return {{QStringLiteral("maxUploadBps"), 1000000}, {QStringLiteral("maxDownloadBps"), 5000000},
            {QStringLiteral("maxConnections"), 50}, {QStringLiteral("listenAddress"), QStringLiteral("127.0.0.1:6881")},
            {QStringLiteral("reachable"), true}};
}

// One peer: a logged-in client and a reporter whose snapshot the test controls.
struct Peer {
    QNetworkAccessManager network;
    std::unique_ptr<ProviderClient> client;
    std::unique_ptr<ActivityReporter> reporter;
    ActivityReporter::OverlayStatus status;

    explicit Peer(const TestHost &host)
    {
        client = std::make_unique<ProviderClient>(QUrl(host.baseUrl()), freshIdentity(), &network);
        status.overlayId = Overlay;
        status.left = 5000;
        reporter = std::make_unique<ActivityReporter>(client.get(), staticStatus(), [this] {
            return QList<ActivityReporter::OverlayStatus>{status};
        });
    }
    bool login()
    {
        QSignalSpy ready(client.get(), &ProviderClient::ready);
        client->connectToProvider();
        if (!ready.wait(Timeout) && !client->isReady())
            return false;
        // The PAMS takes reports only for overlays its OMS knows (the first peer creates it).
        const JsonReply created = waitReply([&](auto done) {
            client->createOverlay({{QStringLiteral("overlayId"), Overlay}, {QStringLiteral("name"), QStringLiteral("reports")}}, done);
        });
        return created.status == 201 || created.status == 200;  // 200: another peer created it first
    }
    QString userId() const { return client->identity().userId; }
};

// What the PAMS holds for the peer: GET /pams/v1/peers/{userId}.
JsonReply pamsPeer(Peer &peer, const TestHost &host)
{
    return getJson(&peer.network, QUrl(host.baseUrl() + QStringLiteral("/pams/v1/peers/") + peer.userId()),
                   TestHost::serviceToken());
}

QJsonObject lastStatus(Peer &peer, const TestHost &host)
{
    return pamsPeer(peer, host).body.value(QStringLiteral("overlays")).toArray().first().toObject();
}

// The uploaded counters of the peer's reports, in the order the PAMS stored them.
QList<qint64> historyUploaded(const TestHost &host, const QString &userId)
{
    QList<qint64> out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("history-reader"));
        db.setDatabaseName(host.dataDir() + QStringLiteral("/pams.db"));
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT uploaded FROM report_history WHERE user_id = ? ORDER BY rowid"));
            q.addBindValue(userId);
            q.exec();
            while (q.next())
                out.append(q.value(0).toLongLong());
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("history-reader"));
    return out;
}
} // namespace

class TestActivityReporter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(initCrypto()); }

    void registersAndReportsPeriodically()
    {
        TestHost host;
        host.sections.insert(QStringLiteral("pams"), QJsonObject{{QStringLiteral("reportIntervalSecs"), 5}});
        QVERIFY(host.start());
        Peer peer(host);
        QVERIFY(peer.login());
        peer.status.uploaded = 100;
        peer.reporter->start(3600);
        QTRY_COMPARE_WITH_TIMEOUT(peer.reporter->sent(), 1, Timeout);
        QCOMPARE(peer.reporter->queued(), 0);
        QCOMPARE(peer.reporter->intervalSecs(), 5);  // the PAMS's nextReportSecs

        const JsonReply pams = pamsPeer(peer, host);
        QCOMPARE(pams.status, 200);
        QCOMPARE(pams.body.value(QStringLiteral("type")).toString(), QStringLiteral("PEER"));
        QCOMPARE(pams.body.value(QStringLiteral("static")).toObject(), staticStatus());
        QCOMPARE(lastStatus(peer, host).value(QStringLiteral("uploaded")).toInteger(), 100);
        QCOMPARE(lastStatus(peer, host).value(QStringLiteral("left")).toInteger(), 5000);

        // The next periodic report comes by itself, with the snapshot of that moment.
        peer.status.uploaded = 250;
        QTRY_COMPARE_WITH_TIMEOUT(peer.reporter->sent(), 2, Timeout);
        QCOMPARE(lastStatus(peer, host).value(QStringLiteral("uploaded")).toInteger(), 250);
    }

    void eventsGoOutAtOnce()
    {
        TestHost host;
        QVERIFY(host.start());
        Peer peer(host);
        QVERIFY(peer.login());
        QSignalSpy sentSpy(peer.reporter.get(), &ActivityReporter::reportSent);
        peer.reporter->start(3600);
        QTRY_COMPARE_WITH_TIMEOUT(peer.reporter->sent(), 1, Timeout);
        peer.status.left = 0;
        peer.status.downloaded = 5000;
        peer.reporter->reportEvent(Overlay, QStringLiteral("completed"));
        QTRY_COMPARE_WITH_TIMEOUT(peer.reporter->sent(), 2, 3000);  // not after the hour-long interval
        const QJsonObject status = lastStatus(peer, host);
        QCOMPARE(status.value(QStringLiteral("event")).toString(), QStringLiteral("completed"));
        QCOMPARE(status.value(QStringLiteral("downloaded")).toInteger(), 5000);
        QCOMPARE(sentSpy.count(), 2);
        QCOMPARE(sentSpy.last().first().toInt(), 0);
    }

    void waitsForTheLoginBeforeRegistering()
    {
        TestHost host;
        QVERIFY(host.start());
        // The overlay exists before this peer logs in: its queued reports go out at the login.
        Peer creator(host);
        QVERIFY(creator.login());
        Peer peer(host);
        peer.reporter->start(3600);
        peer.reporter->reportEvent(Overlay, QStringLiteral("started"));
        QTest::qWait(200);  // a negative check: nothing may go out before the login
        QCOMPARE(peer.reporter->sent(), 0);
        QCOMPARE(peer.reporter->queued(), 2);
        QVERIFY(peer.login());
        QTRY_COMPARE_WITH_TIMEOUT(peer.reporter->sent(), 2, Timeout);
        QCOMPARE(lastStatus(peer, host).value(QStringLiteral("event")).toString(), QStringLiteral("started"));
    }

    void queuesWhileDownAndDrainsInOrder()
    {
        TestHost host;
        QVERIFY(host.start());
        Peer peer(host);
        QVERIFY(peer.login());
        peer.reporter->setRetryDelays(100, 400);
        peer.reporter->setMaxQueued(3);
        QSignalSpy queuedSpy(peer.reporter.get(), &ActivityReporter::reportQueued);
        peer.reporter->start(3600);
        QTRY_COMPARE_WITH_TIMEOUT(peer.reporter->sent(), 1, Timeout);

        host.stop();
        peer.status.uploaded = 1000;
        peer.reporter->reportEvent(Overlay, QStringLiteral("started"));
        QTRY_VERIFY_WITH_TIMEOUT(queuedSpy.count() >= 1, Timeout);  // the send failed: it waits
        QCOMPARE(peer.reporter->queued(), 1);
        for (int i = 2; i <= 6; ++i) {
            peer.status.uploaded = i * 1000;
            peer.reporter->reportEvent(Overlay, QString());
        }
        QCOMPARE(peer.reporter->queued(), 3);   // bounded
        QCOMPARE(peer.reporter->dropped(), 3);  // the oldest three went
        QTest::qWait(1000);                     // several failed retries lose nothing more
        QCOMPARE(peer.reporter->queued(), 3);
        QCOMPARE(peer.reporter->dropped(), 3);
        QCOMPARE(peer.reporter->sent(), 1);

        QVERIFY(host.start(host.port()));  // back on the same port with the same data
        QTRY_COMPARE_WITH_TIMEOUT(peer.reporter->queued(), 0, Timeout);
        QCOMPARE(peer.reporter->sent(), 4);
        QCOMPARE(lastStatus(peer, host).value(QStringLiteral("uploaded")).toInteger(), 6000);
        QCOMPARE(historyUploaded(host, peer.userId()), (QList<qint64>{0, 4000, 5000, 6000}));
    }

    void refusedReportsAreDroppedNotRetried()
    {
        TestHost host;
        QVERIFY(host.start());
        Peer peer(host);
        QVERIFY(peer.login());
        peer.reporter->start(3600);
        QTRY_COMPARE_WITH_TIMEOUT(peer.reporter->sent(), 1, Timeout);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("refused a status report")));
        peer.reporter->reportEvent(QStringLiteral("not-an-overlay-id"), QStringLiteral("started"));
        QTRY_COMPARE_WITH_TIMEOUT(peer.reporter->rejected(), 1, Timeout);
        QCOMPARE(peer.reporter->queued(), 0);
        // The queue is not stuck behind it.
        peer.status.uploaded = 777;
        peer.reporter->reportEvent(Overlay, QString());
        QTRY_COMPARE_WITH_TIMEOUT(peer.reporter->sent(), 2, Timeout);
        QCOMPARE(lastStatus(peer, host).value(QStringLiteral("uploaded")).toInteger(), 777);
        QCOMPARE(peer.reporter->rejected(), 1);
    }
};

QTEST_GUILESS_MAIN(TestActivityReporter)
#include "tst_activityreporter.moc"
