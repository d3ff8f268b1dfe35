// Integration: a real mp2pd and real `mp2p` peers on their own loopback addresses moving
// real content through the managed flow (publish, search, join, transfer, report), and the
// failures the flow must survive (server crash, downloader crash).
#include <user/samplecontent.h>
#include "peertestbed.h"

#include <mp2pdprocess.h>
#include <peerprocess.h>

#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace mp2p;
using namespace mp2p::test;

namespace {
// Overwrites `path` in place, keeping its size: with zeros, or with the same bytes of `from`.
bool overwrite(const QString &path, const QString &from)
{
    QFile out(path);
    QFile in(from);
    if (!out.open(QIODevice::ReadWrite) || (!from.isEmpty() && !in.open(QIODevice::ReadOnly)))
        return false;
    const qint64 size = out.size();
    for (qint64 at = 0; at < size; at += 1 << 20) {
        const qint64 n = qMin<qint64>(1 << 20, size - at);
        const QByteArray chunk = from.isEmpty() ? QByteArray(n, '\0') : in.read(n);
        if (chunk.size() != n || out.write(chunk) != n)
            return false;
    }
    return out.flush();
}
} // namespace

class TestPeerFlow : public QObject {
    Q_OBJECT
private:
    PeerTestBed m_bed;

private Q_SLOTS:
    void publishSearchDownloadReport()
    {
        Mp2pdProcess server(m_bed.path(QStringLiteral("p2psp-1")));
        QVERIFY(m_bed.startServer(&server));
        const QString content = m_bed.path(QStringLiteral("content-1/album"));
        QVERIFY(writeSampleContent(content, {90 << 20, 70 << 20, 40 << 20, 12345}, 1));
        const QString leecherA = m_bed.login(server, QStringLiteral("a1"), 3);
        QVERIFY(!leecherA.isEmpty());

        PeerProcess publisher;
        publisher.start(QStringList{QStringLiteral("publish"), content, QStringLiteral("--title"), QStringLiteral("Field recordings"),
                                    QStringLiteral("--tags"), QStringLiteral("audio,field"), QStringLiteral("--seed")}
                        + m_bed.peerArgs(server, QStringLiteral("p1"), 2));
        const QJsonObject published = publisher.waitForEvent(QStringLiteral("published"), 90000);
        QVERIFY2(!published.isEmpty(), publisher.allOutput().constData());
        const QString contentId = published.value(QStringLiteral("contentId")).toString();
        const QString infoHash = published.value(QStringLiteral("infoHash")).toString();

        // Search finds it (a separate short-lived process).
        PeerProcess search;
        search.start(QStringList{QStringLiteral("search"), QStringLiteral("field")} + m_bed.peerArgs(server, QStringLiteral("s1"), 9));
        const QJsonObject results = search.waitForEvent(QStringLiteral("results"), 30000);
        QCOMPARE(results.value(QStringLiteral("items")).toArray().at(0).toObject().value(QStringLiteral("id")).toString(), contentId);

        PeerProcess a, b;
        a.start(QStringList{QStringLiteral("get"), contentId, QStringLiteral("--to"), m_bed.path(QStringLiteral("dl-a")), QStringLiteral("--seed")}
                + m_bed.peerArgs(server, QStringLiteral("a1"), 3));
        b.start(QStringList{QStringLiteral("get"), infoHash, QStringLiteral("--to"), m_bed.path(QStringLiteral("dl-b")), QStringLiteral("--seed")}
                + m_bed.peerArgs(server, QStringLiteral("b1"), 4));
        QVERIFY2(!a.waitForEvent(QStringLiteral("completed"), 180000).isEmpty(), a.allOutput().constData());
        QVERIFY2(!b.waitForEvent(QStringLiteral("completed"), 180000).isEmpty(), b.allOutput().constData());
        const auto original = sha256OfFiles(m_bed.path(QStringLiteral("content-1")));
        QCOMPARE(original.size(), 4);
        QCOMPARE(sha256OfFiles(m_bed.path(QStringLiteral("dl-a"))), original);
        QCOMPARE(sha256OfFiles(m_bed.path(QStringLiteral("dl-b"))), original);

        // The PAMS has A's reports up to completion; the OMS lists all three peers.
        TestHttp http;
        QJsonObject pamsStatus;
        for (int i = 0; i < 120; ++i) {
            const QJsonArray overlays = http.get(server.baseUrl() + QStringLiteral("/pams/v1/peers/") + leecherA, testServiceToken()).json().value(QStringLiteral("overlays")).toArray();
            for (const QJsonValue &v : overlays)
                if (v.toObject().value(QStringLiteral("overlayId")).toString() == infoHash)
                    pamsStatus = v.toObject();
            // The "completed" report goes out at once; the byte counters catch up (they lag a
            // second in libtorrent) in the next periodic report.
            if (pamsStatus.value(QStringLiteral("left")).toInteger(-1) == 0
                && pamsStatus.value(QStringLiteral("downloaded")).toInteger() >= (200 << 20))
                break;
            QTest::qWait(250);
        }
        QCOMPARE(pamsStatus.value(QStringLiteral("left")).toInteger(-1), 0);
        QVERIFY(pamsStatus.value(QStringLiteral("downloaded")).toInteger() >= (200 << 20));
        QTRY_COMPARE_WITH_TIMEOUT(http.get(server.baseUrl() + QStringLiteral("/oms/v1/overlays/%1/peers").arg(infoHash), testServiceToken()).json().value(QStringLiteral("peers")).toArray().size(), 3, 20000);

        QCOMPARE(a.terminate(), 0);
        QCOMPARE(b.terminate(), 0);
        QCOMPARE(publisher.terminate(), 0);
    }

    void transferOutlivesTheServerAndPeersRejoin()
    {
        const QString dataDir = m_bed.path(QStringLiteral("p2psp-2"));
        Mp2pdProcess server(dataDir);
        QVERIFY(m_bed.startServer(&server));
        const quint16 port = server.port();
        const QString content = m_bed.path(QStringLiteral("content-2/film"));
        QVERIFY(writeSampleContent(content, {60 << 20, 20 << 20}, 2));
        PeerProcess publisher;
        // 8 MiB/s: slow enough that the server can be killed mid-transfer.
        publisher.start(QStringList{QStringLiteral("publish"), content, QStringLiteral("--seed"), QStringLiteral("--upload-limit"), QStringLiteral("8192")}
                        + m_bed.peerArgs(server, QStringLiteral("p2"), 12));
        const QJsonObject published = publisher.waitForEvent(QStringLiteral("published"), 60000);
        QVERIFY2(!published.isEmpty(), publisher.allOutput().constData());
        const QString infoHash = published.value(QStringLiteral("infoHash")).toString();

        PeerProcess downloader;
        downloader.start(QStringList{QStringLiteral("get"), infoHash, QStringLiteral("--to"), m_bed.path(QStringLiteral("dl-2")), QStringLiteral("--seed")}
                         + m_bed.peerArgs(server, QStringLiteral("d2"), 13));
        QVERIFY2(!downloader.waitForProgress(0.1, 60000).isEmpty(), downloader.allOutput().constData());
        server.kill9();
        QVERIFY2(!downloader.waitForEvent(QStringLiteral("completed"), 120000).isEmpty(), downloader.allOutput().constData());
        QCOMPARE(sha256OfFiles(m_bed.path(QStringLiteral("dl-2"))), sha256OfFiles(m_bed.path(QStringLiteral("content-2"))));

        // The provider comes back on the same address: both peers re-join and report again.
        Mp2pdProcess restarted(dataDir);
        QVERIFY(m_bed.startServer(&restarted, {QStringLiteral("--port"), QString::number(port)}));
        TestHttp http;
        QTRY_COMPARE_WITH_TIMEOUT(http.get(restarted.baseUrl() + QStringLiteral("/oms/v1/overlays/%1/peers").arg(infoHash), testServiceToken()).json().value(QStringLiteral("peers")).toArray().size(), 2, 60000);
        QCOMPARE(downloader.terminate(), 0);
        QCOMPARE(publisher.terminate(), 0);
    }

    void killedDownloaderResumesFromResumeData()
    {
        Mp2pdProcess server(m_bed.path(QStringLiteral("p2psp-3")));
        QVERIFY(m_bed.startServer(&server));
        const QString content = m_bed.path(QStringLiteral("content-3/set"));
        QVERIFY(writeSampleContent(content, {80 << 20}, 3));
        PeerProcess publisher;
        // 2 MiB/s: the 60 % left after the first save takes ~30 s, far beyond the 10 s until the
        // engine saves resume data, so the kill below always lands mid-download.
        publisher.start(QStringList{QStringLiteral("publish"), content, QStringLiteral("--seed"), QStringLiteral("--upload-limit"), QStringLiteral("2048")}
                        + m_bed.peerArgs(server, QStringLiteral("p3"), 22));
        const QJsonObject published = publisher.waitForEvent(QStringLiteral("published"), 60000);
        QVERIFY2(!published.isEmpty(), publisher.allOutput().constData());
        const QString infoHash = published.value(QStringLiteral("infoHash")).toString();
        const QStringList getArgs = QStringList{QStringLiteral("get"), infoHash, QStringLiteral("--to"), m_bed.path(QStringLiteral("dl-3"))}
                                    + m_bed.peerArgs(server, QStringLiteral("d3"), 23);
        PeerProcess first;
        first.start(getArgs);
        QVERIFY2(!first.waitForProgress(0.4, 60000).isEmpty(), first.allOutput().constData());
        // The engine saves the resume data of a transfer that gains pieces within seconds
        // (resumeProgressSaveSecs): kill -9 right after such a save, mid-download.
        QVERIFY2(!first.waitForEvent(QStringLiteral("resumeSaved"), 30000).isEmpty(), first.allOutput().constData());
        first.kill9();

        // Resume data, not a re-check: with the only seed frozen, the downloaded file is blanked
        // (same size) before the second run starts. Hashing would then find no valid piece;
        // only the resume data can say which pieces are there. The bytes come back before the
        // seed goes on, so the file still ends up right.
        QCOMPARE(::kill(pid_t(publisher.pid()), SIGSTOP), 0);
        auto thaw = qScopeGuard([&publisher] { ::kill(pid_t(publisher.pid()), SIGCONT); });
        const QString source = m_bed.path(QStringLiteral("content-3/set/file-0.bin"));
        QString part;
        for (QDirIterator it(m_bed.path(QStringLiteral("dl-3")), {QStringLiteral("file-0.bin")}, QDir::Files, QDirIterator::Subdirectories);
             it.hasNext();)
            part = it.next();
        QVERIFY2(!part.isEmpty(), "the first run left no partial file");
        QVERIFY(overwrite(part, QString()));

        PeerProcess second;
        second.start(getArgs);
        QJsonObject resumed;
        const QDeadlineTimer loaded(30000);
        do
            resumed = second.waitForEvent(QStringLiteral("progress"), int(qMax<qint64>(0, loaded.remainingTime())));
        while (!resumed.isEmpty() && resumed.value(QStringLiteral("state")).toString() == QLatin1String("checking"));
        QVERIFY2(!resumed.isEmpty(), second.allOutput().constData());
        qInfo("after kill -9 at >= 40%%, the restarted peer starts at %.1f%% (%s) of a blanked file",
              resumed.value(QStringLiteral("progress")).toDouble() * 100, qPrintable(resumed.value(QStringLiteral("state")).toString()));
        QVERIFY2(resumed.value(QStringLiteral("progress")).toDouble() >= 0.2,
                 (QJsonDocument(resumed).toJson() + "\n--- second run ---\n" + second.allOutput().right(3000)).constData());
        QVERIFY2(!second.allOutput().contains("re-checking its files"), second.allOutput().constData());
        QVERIFY(overwrite(part, source));
        QCOMPARE(::kill(pid_t(publisher.pid()), SIGCONT), 0);  // the seed goes on: the rest downloads
        thaw.dismiss();
        QVERIFY2(!second.waitForEvent(QStringLiteral("completed"), 120000).isEmpty(), second.allOutput().constData());
        QVERIFY(second.waitForExit(30000));
        QCOMPARE(second.exitCode(), 0);
        QCOMPARE(sha256OfFiles(m_bed.path(QStringLiteral("dl-3"))), sha256OfFiles(m_bed.path(QStringLiteral("content-3"))));
        QCOMPARE(publisher.terminate(), 0);
    }

    void badInputGetsClearMessages()
    {
        Mp2pdProcess server(m_bed.path(QStringLiteral("p2psp-4")));
        QVERIFY(m_bed.startServer(&server));
        struct Case {
            QStringList args;
            int exitCode;
            QByteArray says;
        };
        const QList<Case> cases = {
            {{QStringLiteral("get"), QStringLiteral("magnet:?xt=urn:btih:zzzz")}, 1, "magnet"},
            {{QStringLiteral("get"), QStringLiteral("not-a-reference")}, 1, "content id"},
            {{QStringLiteral("get"), QString(40, QLatin1Char('a'))}, 1, "no such content"},
            {{QStringLiteral("publish"), m_bed.path(QStringLiteral("does-not-exist"))}, 1, "cannot read"},
            {{QStringLiteral("frobnicate")}, 2, "unknown command"},
            {{QStringLiteral("get")}, 2, "needs"},
        };
        for (const Case &c : cases) {
            PeerProcess p;
            p.start(c.args + m_bed.peerArgs(server, QStringLiteral("bad"), 30));
            QVERIFY(p.waitForExit(30000));
            QVERIFY2(p.exitCode() == c.exitCode && p.allOutput().contains(c.says),
                     qPrintable(c.args.join(QLatin1Char(' ')) + QStringLiteral(" -> ") + QString::number(p.exitCode()) + QStringLiteral(": ")
                                + QString::fromUtf8(p.allOutput())));
        }
        // An empty folder has nothing to share.
        QDir().mkpath(m_bed.path(QStringLiteral("empty")));
        PeerProcess empty;
        empty.start(QStringList{QStringLiteral("publish"), m_bed.path(QStringLiteral("empty"))} + m_bed.peerArgs(server, QStringLiteral("bad"), 30));
        QVERIFY(empty.waitForExit(30000));
        QCOMPARE(empty.exitCode(), 1);
        QVERIFY2(empty.allOutput().contains("no files"), empty.allOutput().constData());
    }
};

QTEST_GUILESS_MAIN(TestPeerFlow)
#include "tst_peer_flow.moc"
