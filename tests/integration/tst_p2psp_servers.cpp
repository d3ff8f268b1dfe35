// Integration: real mp2pd processes on loopback, driven over HTTP like clients drive them.
#include "flowhelpers.h"

#include <libtorrent/bdecode.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>

using namespace mp2p;
using namespace mp2p::test;

namespace {
const QByteArray SeedPeerId = QByteArrayLiteral("-MP0100-seed00000001");
const QByteArray LeechPeerId = QByteArrayLiteral("-MP0100-leech0000001");

lt::bdecode_node decodeTracker(const QByteArray &body, std::vector<char> *storage)
{
    storage->assign(body.begin(), body.end());
    lt::error_code ec;
    lt::bdecode_node node = lt::bdecode({storage->data(), int(storage->size())}, ec);
    return ec ? lt::bdecode_node() : node;
}
} // namespace

class TestP2pspServers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void wholeControlFlow()
    {
        QTemporaryDir data;
        Mp2pdProcess server(data.filePath(QStringLiteral("p2psp")));
        QString error;
        QVERIFY2(server.start({}, &error), qPrintable(error));
        TestHttp http;
        const QString base = server.baseUrl();

        const QJsonObject dir = http.get(base + QStringLiteral("/.well-known/mp2p")).json();
        QCOMPARE(dir.value(QStringLiteral("services")).toObject().value(QStringLiteral("oms")).toString(), base);
        QVERIFY(!dir.value(QStringLiteral("umsPublicKey")).toString().isEmpty());

        const LoggedInUser publisher = registerAndLogin(http, base, QStringLiteral("Publisher"));
        const LoggedInUser downloader = registerAndLogin(http, base, QStringLiteral("Downloader"));
        QVERIFY(!publisher.token.isEmpty() && !downloader.token.isEmpty());

        const FakeTorrent torrent = fakeTorrent(1);
        QCOMPARE(http.post(base + QStringLiteral("/oms/v1/overlays"),
                           {{QStringLiteral("overlayId"), torrent.infoHashV1}, {QStringLiteral("name"), QStringLiteral("Flow")}},
                           publisher.token).status, 201);
        const HttpResult published = http.post(base + QStringLiteral("/ixs/v1/content"),
                                               contentFor(torrent, QStringLiteral("Sunrise over Seoul"), base), publisher.token);
        QCOMPARE(published.status, 201);
        const QString contentId = published.json().value(QStringLiteral("id")).toString();

        const QJsonObject found = http.get(base + QStringLiteral("/ixs/v1/content?q=seoul")).json();
        QCOMPARE(found.value(QStringLiteral("total")).toInt(), 1);
        QCOMPARE(found.value(QStringLiteral("items")).toArray().at(0).toObject().value(QStringLiteral("id")).toString(), contentId);
        const QJsonObject record = http.get(base + QStringLiteral("/ixs/v1/content/") + contentId).json();
        QCOMPARE(record.value(QStringLiteral("torrent")).toString(), QString::fromLatin1(toBase64Url(torrent.bytes)));

        // Join: the seed, then the leecher, who must get the seed back (compact, BEP 23).
        HttpResult seed = http.get(announceUrl(base, publisher.passkey, torrent.infoHashV1, SeedPeerId, 6881, 0, QStringLiteral("started"), true, QStringLiteral("127.1.0.2")));
        QCOMPARE(seed.status, 200);
        std::vector<char> buffer;
        HttpResult leech = http.get(announceUrl(base, downloader.passkey, torrent.infoHashV1, LeechPeerId, 6882, 1000, QStringLiteral("started"), true, QStringLiteral("127.1.0.3")));
        lt::bdecode_node answer = decodeTracker(leech.body, &buffer);
        QVERIFY2(answer.type() == lt::bdecode_node::dict_t, leech.body.constData());
        QVERIFY(!answer.dict_find_string("failure reason"));
        QCOMPARE(answer.dict_find_int_value("complete"), 1);
        const auto peers = answer.dict_find_string_value("peers");
        QCOMPARE(int(peers.size()), 6);
        QCOMPARE(QByteArray(peers.data(), 6), QByteArray("\x7f\x01\x00\x02\x1a\xe1", 6));  // 127.1.0.2:6881

        // The same join, non-compact: a list of dictionaries with the peer id.
        leech = http.get(announceUrl(base, downloader.passkey, torrent.infoHashV1, LeechPeerId, 6882, 1000, {}, false, QStringLiteral("127.1.0.3")));
        answer = decodeTracker(leech.body, &buffer);
        const lt::bdecode_node list = answer.dict_find_list("peers");
        QCOMPARE(list.list_size(), 1);
        QCOMPARE(QString::fromStdString(std::string(list.list_at(0).dict_find_string_value("ip"))), QStringLiteral("127.1.0.2"));
        QCOMPARE(list.list_at(0).dict_find_int_value("port"), 6881);
        const auto pid = list.list_at(0).dict_find_string_value("peer id");
        QCOMPARE(QByteArray(pid.data(), qsizetype(pid.size())), SeedPeerId);

        // PAMS report, then the OMS's view shows it (R1, in-process here).
        const QJsonObject overlayStatus{{QStringLiteral("overlayId"), torrent.infoHashV1}, {QStringLiteral("event"), QStringLiteral("started")},
                                        {QStringLiteral("uploaded"), 0}, {QStringLiteral("downloaded"), 400}, {QStringLiteral("left"), 600},
                                        {QStringLiteral("uploadConnections"), 0}, {QStringLiteral("downloadConnections"), 1}};
        const QJsonObject staticStatus{{QStringLiteral("maxUploadBps"), 100000}, {QStringLiteral("maxDownloadBps"), 900000},
                                       {QStringLiteral("maxConnections"), 40}, {QStringLiteral("listenAddress"), QStringLiteral("127.1.0.3:6882")},
                                       {QStringLiteral("reachable"), true}};
        QCOMPARE(http.post(base + QStringLiteral("/pams/v1/reports"),
                           {{QStringLiteral("static"), staticStatus}, {QStringLiteral("overlays"), QJsonArray{overlayStatus}}},
                           downloader.token).status, 200);
        const QJsonArray omsPeers = http.get(base + QStringLiteral("/oms/v1/overlays/%1/peers").arg(torrent.infoHashV1), testServiceToken()).json().value(QStringLiteral("peers")).toArray();
        QCOMPARE(omsPeers.size(), 2);
        bool sawActivity = false;
        for (const QJsonValue &v : omsPeers) {
            const QJsonObject p = v.toObject();
            if (p.value(QStringLiteral("userId")).toString() == downloader.userId)
                sawActivity = p.value(QStringLiteral("activity")).toObject().value(QStringLiteral("status")).toObject().value(QStringLiteral("downloaded")).toInteger() == 400
                              || p.value(QStringLiteral("activity")).toObject().value(QStringLiteral("downloaded")).toInteger() == 400;
        }
        QVERIFY2(sawActivity, QJsonDocument(omsPeers).toJson().constData());
        QCOMPARE(http.get(base + QStringLiteral("/healthz")).status, 200);
        QCOMPARE(server.terminate(), 0);  // SIGTERM: clean shutdown, exit code 0
    }

    void writesWithoutTokenAreRefused()
    {
        QTemporaryDir data;
        Mp2pdProcess server(data.filePath(QStringLiteral("p2psp")));
        QString error;
        QVERIFY2(server.start({}, &error), qPrintable(error));
        TestHttp http;
        const QString base = server.baseUrl();
        const FakeTorrent torrent = fakeTorrent(2);
        const HttpResult ixs = http.post(base + QStringLiteral("/ixs/v1/content"), contentFor(torrent, QStringLiteral("x"), base));
        QCOMPARE(ixs.status, 401);
        QCOMPARE(ixs.json().value(QStringLiteral("error")).toString(), QStringLiteral("unauthorized"));
        QCOMPARE(http.post(base + QStringLiteral("/oms/v1/overlays"), {{QStringLiteral("overlayId"), torrent.infoHashV1}, {QStringLiteral("name"), QStringLiteral("x")}}).status, 401);
        QCOMPARE(http.post(base + QStringLiteral("/pams/v1/reports"), {{QStringLiteral("overlays"), QJsonArray()}}).status, 401);
        QCOMPARE(http.post(base + QStringLiteral("/ixs/v1/content"), contentFor(torrent, QStringLiteral("x"), base), QStringLiteral("v1.forged.token")).status, 401);
        std::vector<char> buffer;
        const lt::bdecode_node answer = decodeTracker(http.get(announceUrl(base, QString(), torrent.infoHashV1, SeedPeerId, 6881, 0, {}, true)).body, &buffer);
        QVERIFY(answer.type() == lt::bdecode_node::dict_t && answer.dict_find_string("failure reason"));
    }

    void badInputGetsClearErrorsAndTheServerKeepsServing()
    {
        QTemporaryDir data;
        Mp2pdProcess server(data.filePath(QStringLiteral("p2psp")));
        QString error;
        QVERIFY2(server.start({}, &error), qPrintable(error));
        TestHttp http;
        const QString base = server.baseUrl();
        const LoggedInUser user = registerAndLogin(http, base, QStringLiteral("User"));
        const HttpResult huge = http.request("POST", base + QStringLiteral("/ixs/v1/content"), {}, user.token, QByteArray(9 << 20, 'x'));
        QCOMPARE(huge.status, 413);
        const HttpResult notJson = http.request("POST", base + QStringLiteral("/ixs/v1/content"), {}, user.token, "{\"title\":");
        QCOMPARE(notJson.status, 400);
        QCOMPARE(notJson.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_json"));
        QCOMPARE(http.get(base + QStringLiteral("/ixs/v1/content?q=%27%3B%20DROP%20TABLE%20content%3B%20--")).status, 200);
        QCOMPARE(http.get(base + QStringLiteral("/ixs/v1/content?q=%22unbalanced%20NEAR(")).status, 200);
        QCOMPARE(http.get(base + QStringLiteral("/oms/v1/overlays/") + QString(40, QLatin1Char('0'))).status, 404);
        const HttpResult garbage = http.get(base + QStringLiteral("/announce/") + user.passkey + QStringLiteral("?info_hash=abc&peer_id=x&port=99999"));
        QCOMPARE(garbage.status, 200);
        QVERIFY(garbage.body.contains("failure reason"));
        QCOMPARE(http.get(base + QStringLiteral("/healthz")).status, 200);
    }

    void acknowledgedWritesSurviveKill9()
    {
        QTemporaryDir data;
        const QString dataDir = data.filePath(QStringLiteral("p2psp"));
        Mp2pdProcess server(dataDir);
        QString error;
        QVERIFY2(server.start({}, &error), qPrintable(error));
        TestHttp http;
        QString base = server.baseUrl();
        const LoggedInUser user = registerAndLogin(http, base, QStringLiteral("Writer"));
        QVERIFY(!user.token.isEmpty());

        // A burst of writes to three services; each one acknowledged is remembered, and the
        // server is killed without warning in the middle of the burst.
        QStringList contentIds, overlayIds;
        const qint64 pid = server.pid();
        // The kill fires from the event loop while a request is in flight (TestHttp waits in one).
        QTimer::singleShot(1500, [pid] { ::kill(pid_t(pid), SIGKILL); });
        for (int i = 0; i < 5000; ++i) {
            const FakeTorrent t = fakeTorrent(1000 + i);
            const HttpResult o = http.post(base + QStringLiteral("/oms/v1/overlays"),
                                           {{QStringLiteral("overlayId"), t.infoHashV1}, {QStringLiteral("name"), QStringLiteral("burst %1").arg(i)}}, user.token);
            if (o.status == 0)
                break;
            if (o.status == 201)
                overlayIds.append(t.infoHashV1);
            const HttpResult c = http.post(base + QStringLiteral("/ixs/v1/content"), contentFor(t, QStringLiteral("burst %1").arg(i), base), user.token);
            if (c.status == 0)
                break;
            if (c.status == 201)
                contentIds.append(c.json().value(QStringLiteral("id")).toString());
        }
        server.kill9();
        qInfo("acknowledged before the kill: %lld content records, %lld overlays", qint64(contentIds.size()), qint64(overlayIds.size()));
        QVERIFY2(contentIds.size() >= 20, "the burst should have been acknowledged at least in part before the kill");

        Mp2pdProcess restarted(dataDir);
        QVERIFY2(restarted.start({}, &error), qPrintable(error));
        base = restarted.baseUrl();
        for (const QString &id : std::as_const(contentIds))
            QCOMPARE(http.get(base + QStringLiteral("/ixs/v1/content/") + id).status, 200);
        for (const QString &id : std::as_const(overlayIds))
            QCOMPARE(http.get(base + QStringLiteral("/oms/v1/overlays/") + id).status, 200);
        QCOMPARE(http.get(base + QStringLiteral("/ums/v1/users/") + user.userId).status, 200);
        // The old token still verifies: the UMS key and the session survived too.
        QCOMPARE(http.get(base + QStringLiteral("/ums/v1/passkey"), user.token).status, 200);
    }

    void servicesSplitOverTwoProcesses()
    {
        QTemporaryDir data;
        Mp2pdProcess accounts(data.filePath(QStringLiteral("a")));
        QString error;
        QVERIFY2(accounts.start({QStringLiteral("--services"), QStringLiteral("ums,pams")}, &error), qPrintable(error));
        Mp2pdProcess overlays(data.filePath(QStringLiteral("b")));
        QVERIFY2(overlays.start({QStringLiteral("--services"), QStringLiteral("oms,ixs"), QStringLiteral("--ums-url"), accounts.baseUrl(),
                                 QStringLiteral("--pams-url"), accounts.baseUrl()}, &error), qPrintable(error));
        TestHttp http;
        const QJsonObject dir = http.get(overlays.baseUrl() + QStringLiteral("/.well-known/mp2p")).json();
        QCOMPARE(dir.value(QStringLiteral("services")).toObject().value(QStringLiteral("ums")).toString(), accounts.baseUrl());
        QCOMPARE(dir.value(QStringLiteral("services")).toObject().value(QStringLiteral("oms")).toString(), overlays.baseUrl());

        const LoggedInUser user = registerAndLogin(http, accounts.baseUrl(), QStringLiteral("Split"));
        const FakeTorrent torrent = fakeTorrent(3);
        // A token from the UMS in process A is accepted by the OMS in process B.
        QCOMPARE(http.post(overlays.baseUrl() + QStringLiteral("/oms/v1/overlays"),
                           {{QStringLiteral("overlayId"), torrent.infoHashV1}, {QStringLiteral("name"), QStringLiteral("split")}}, user.token).status, 201);
        // The tracker in B resolves the passkey at the UMS in A (asynchronously: the first
        // announce may be told to retry, as a BitTorrent client would).
        QTRY_VERIFY_WITH_TIMEOUT(http.get(announceUrl(overlays.baseUrl(), user.passkey, torrent.infoHashV1, LeechPeerId, 6882, 1000, QStringLiteral("started"), true, QStringLiteral("127.2.0.3"))).body.contains("interval"), 10000);
        const QJsonObject overlayStatus{{QStringLiteral("overlayId"), torrent.infoHashV1}, {QStringLiteral("uploaded"), 7}, {QStringLiteral("downloaded"), 300},
                                        {QStringLiteral("left"), 700}, {QStringLiteral("uploadConnections"), 0}, {QStringLiteral("downloadConnections"), 1}};
        QCOMPARE(http.post(accounts.baseUrl() + QStringLiteral("/pams/v1/reports"), {{QStringLiteral("overlays"), QJsonArray{overlayStatus}}}, user.token).status, 200);
        // R1 over HTTP: the OMS in B sees the report made to the PAMS in A once its cache refreshes.
        bool seen = false;
        for (int attempt = 0; attempt < 60 && !seen; ++attempt) {
            const QByteArray body = http.get(overlays.baseUrl() + QStringLiteral("/oms/v1/overlays/%1/peers").arg(torrent.infoHashV1), testServiceToken()).body;
            seen = body.contains("\"downloaded\":300");
            if (!seen)
                QTest::qWait(250);
        }
        QVERIFY2(seen, "the OMS never showed the PAMS state reported in the other process");
    }

    void walkCommandPrintsTheFlow()
    {
        QTemporaryDir data;
        Mp2pdProcess server(data.filePath(QStringLiteral("p2psp")));
        QString error;
        QVERIFY2(server.start({}, &error), qPrintable(error));
        QProcess walk;
        walk.setProcessChannelMode(QProcess::MergedChannels);
        walk.start(Mp2pdProcess::binary(QStringLiteral("mp2p")), {QStringLiteral("walk"), QStringLiteral("--server"), server.baseUrl()});
        QVERIFY(walk.waitForFinished(60000));
        const QByteArray out = walk.readAll();
        QVERIFY2(walk.exitCode() == 0, out.constData());
        QVERIFY(out.contains("works end to end"));
        QVERIFY(out.contains("ours found"));
    }
};

QTEST_GUILESS_MAIN(TestP2pspServers)
#include "tst_p2psp_servers.moc"
