// Streaming: a publisher seeds a generated Y4M video at a limited upload rate (about 13 s for
// the file); the desktop peer downloads it and the PlayerWindow plays it through the local
// stream server. Asserts: the first decoded frame arrives while the download is incomplete;
// a seek near the end plays there before the download completes (the deadlines moved); the
// stream server counted waiting; curl gets 206 with the right Content-Range and bytes, and
// 416 past the end; the finished download equals the source. Errors show in the window.
#include "mediasample.h"
#include "playerfixture.h"

#include <player/playerwindow.h>
#include <player/mediabackend.h>
#include <user/stream/streamserver.h>

#include <testrequire.h>

#include <QCryptographicHash>
#include <QDir>
#include <QPointer>
#include <QFile>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QVideoSink>

using namespace mp2p;
using namespace mp2p::test;

namespace {
constexpr int kUploadLimit = 512 << 10;

double progressOf(PeerSession &s, const QString &hash)
{
    const auto t = s.peer()->engine()->transfer(hash);
    return t ? t->progress : 0.0;
}

// Runs curl on `url` with a byte range; returns the status, headers in *headers, body in *body.
int curlRange(const QUrl &url, const QString &range, QByteArray *headers, QByteArray *body)
{
    QProcess curl;
    curl.start(QStringLiteral("curl"), {QStringLiteral("-s"), QStringLiteral("--max-time"), QStringLiteral("60"),
                                        QStringLiteral("-D"), QStringLiteral("-"), QStringLiteral("-o"),
                                        QStringLiteral("/dev/stderr"), QStringLiteral("-r"), range, url.toString()});
    // Waits with the event loop running: the engine (this thread) must keep reporting pieces.
    if (!QTest::qWaitFor([&curl] { return curl.state() == QProcess::NotRunning; }, 70000))
        return -1;
    *headers = curl.readAllStandardOutput();
    *body = curl.readAllStandardError();
    const QList<QByteArray> status = headers->split('\n').value(0).split(' ');
    return status.value(1).toInt();
}

QByteArray headerValue(const QByteArray &headers, const QByteArray &name)
{
    for (const QByteArray &line : headers.split('\n'))
        if (line.toLower().startsWith(name.toLower() + ':'))
            return line.mid(name.size() + 1).trimmed();
    return {};
}
} // namespace

class TstPlayerStream : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        preferSelfContainedMediaBackend();
    }

    void playsWhileDownloadingAndSeeks()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        PeerSession session(desktopConfig(dir.path(), QStringLiteral("127.1.0.22")));
        session.open();
        QVERIFY(QTest::qWaitFor([&] { return session.isReady(); }, 20000));

        const MediaSample sample{160, 120, 10, 240};  // 24 s, ~6.9 MB: about 13 s at the upload limit
        const QString source = dir.filePath(QStringLiteral("seed/files/sweep.y4m"));
        QString error;
        const qint64 size = writeY4m(source, sample, &error);
        QVERIFY2(size > 0, qPrintable(error));
        QFile sourceFile(source);
        QVERIFY(sourceFile.open(QIODevice::ReadOnly));
        const QByteArray content = sourceFile.readAll();

        Publisher publisher(dir.filePath(QStringLiteral("seed")), QStringLiteral("127.1.0.23"),
                            QUrl(session.providerUrl()), kUploadLimit);
        QVERIFY2(publisher.start(&error), qPrintable(error));
        QString hash, contentId;
        QVERIFY2(publisher.publish(source, QStringLiteral("Sweep"), &hash, &contentId, &error), qPrintable(error));
        QVERIFY2(startDownload(session, contentId, hash, &error), qPrintable(error));

        PlayerWindow window(&session);
        window.show();
        QSignalSpy firstFrame(&window, &PlayerWindow::firstFrameShown);
        QSignalSpy problems(&window, &PlayerWindow::problemShown);
        QVERIFY(window.play(hash, 0));
        QVERIFY(window.streamUrl().toString().startsWith(QStringLiteral("http://127.0.0.1:")));

        // 1. Playback starts before the download completes.
        QVERIFY2(QTest::qWaitFor([&] { return !firstFrame.isEmpty() || !problems.isEmpty(); }, 60000),
                 "no video frame in 60 s");
        QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).value(0).toString()));
        const double atFirstFrame = progressOf(session, hash);
        qInfo("first frame after %lld ms, download at %.0f %%", firstFrame.first().first().toLongLong(),
              atFirstFrame * 100);
        QVERIFY2(atFirstFrame < 1.0, "the download finished before the first frame: the test proves nothing");

        // 2. A seek near the end plays there while the download is still incomplete.
        QVERIFY(QTest::qWaitFor([&] { return window.mediaPlayer()->duration() > 0; }, 20000));
        QCOMPARE(window.mediaPlayer()->duration(), sample.durationMs());
        QVERIFY(window.mediaPlayer()->isSeekable());
        const qint64 target = sample.durationMs() - 2500;
        window.mediaPlayer()->setPosition(target);
        QVERIFY2(QTest::qWaitFor([&] { return window.mediaPlayer()->position() >= target + 500; }, 60000),
                 qPrintable(QStringLiteral("position %1").arg(window.mediaPlayer()->position())));
        const double atSeekPlayed = progressOf(session, hash);
        qInfo("played past %lld ms with the download at %.0f %%", target + 500, atSeekPlayed * 100);
        QVERIFY2(atSeekPlayed < 1.0, "the download finished before the seek played");
        const StreamStats stats = session.peer()->engine()->findChild<StreamServer *>()->stats();
        QVERIFY2(stats.requests >= 2, "the seek made no new request");
        QVERIFY2(stats.totalWaitedMs > 0, "the stream never had to wait: the download was not the bottleneck");
        QVERIFY(window.bufferingText().contains(QStringLiteral("waited for pieces")));

        // 3. Range requests with curl, while the download may still run (a range waits for its pieces).
        MP2P_REQUIRE(!QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty(),
                     "curl is not installed: the Range checks need it (apt-get install curl)");
        QByteArray headers, body;
        QCOMPARE(curlRange(window.streamUrl(), QStringLiteral("1000-1999"), &headers, &body), 206);
        QCOMPARE(headerValue(headers, "Content-Range"), "bytes 1000-1999/" + QByteArray::number(size));
        QCOMPARE(headerValue(headers, "Content-Length"), QByteArray("1000"));
        QVERIFY(body == content.mid(1000, 1000));
        const qint64 tailFrom = size - 300000;
        QCOMPARE(curlRange(window.streamUrl(), QString::number(tailFrom) + QLatin1Char('-'), &headers, &body), 206);
        QCOMPARE(headerValue(headers, "Content-Range"),
                 "bytes " + QByteArray::number(tailFrom) + '-' + QByteArray::number(size - 1) + '/' + QByteArray::number(size));
        QVERIFY(body == content.mid(tailFrom));
        QCOMPARE(curlRange(window.streamUrl(), QStringLiteral("-500"), &headers, &body), 206);
        QVERIFY(body == content.right(500));
        QCOMPARE(curlRange(window.streamUrl(), QString::number(size) + QLatin1Char('-'), &headers, &body), 416);
        QCOMPARE(headerValue(headers, "Content-Range"), "bytes */" + QByteArray::number(size));

        // 4. The download completes and equals the source.
        QVERIFY(QTest::qWaitFor([&] { return progressOf(session, hash) >= 1.0; }, 90000));
        const QList<TransferFile> files = session.peer()->engine()->files(hash);
        QCOMPARE(files.size(), 1);
        QFile got(files.first().absolutePath);
        QVERIFY(got.open(QIODevice::ReadOnly));
        QCOMPARE(QCryptographicHash::hash(got.readAll(), QCryptographicHash::Sha256),
                 QCryptographicHash::hash(content, QCryptographicHash::Sha256));

        window.close();
        QVERIFY(publisher.stop());
        QVERIFY(shutdownSession(session));
    }

    void problemsShowInTheWindow()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        PeerSession session(desktopConfig(dir.path(), QStringLiteral("127.1.0.24")));
        {
            // The peer is not running yet: a message, no stream.
            PlayerWindow early(&session);
            QSignalSpy problems(&early, &PlayerWindow::problemShown);
            QVERIFY(!early.play(QString(40, QLatin1Char('a')), 0));
            QCOMPARE(problems.count(), 1);
            QVERIFY(early.messageText().contains(QStringLiteral("not running")));
        }
        session.open();
        QVERIFY(QTest::qWaitFor([&] { return session.isReady(); }, 20000));

        // An unknown transfer.
        PlayerWindow unknown(&session);
        QVERIFY(!unknown.play(QString(40, QLatin1Char('b')), 0));
        QVERIFY(unknown.messageText().contains(QStringLiteral("no file 0")));

        // A file that is not media: the session publishes random bytes and plays its own seed.
        const QString junk = dir.filePath(QStringLiteral("files/notes.bin"));
        QDir().mkpath(dir.filePath(QStringLiteral("files")));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray bytes(300000, Qt::Uninitialized);
        for (qsizetype i = 0; i < bytes.size(); ++i)
            bytes[i] = char((i * 7919 + (i >> 5)) & 0xff);
        f.write(bytes);
        f.close();
        QSignalSpy published(session.peer(), &ManagedPeer::published);
        session.peer()->publish({junk, QStringLiteral("Notes"), QStringLiteral("not media"), {}});
        QVERIFY(published.wait(60000));
        const QString hash = published.first().at(1).toString();
        QVERIFY(QTest::qWaitFor([&] { return !session.peer()->engine()->files(hash).isEmpty(); }, 10000));
        PlayerWindow junkWindow(&session);
        junkWindow.show();
        QSignalSpy problems(&junkWindow, &PlayerWindow::problemShown);
        QVERIFY(junkWindow.play(hash, 0));
        QVERIFY2(problems.wait(30000), "no problem shown for a file that is not media");
        QVERIFY(junkWindow.messageText().contains(QStringLiteral("external player")));
        // The buttons still work on a failed stream: copy the URL.
        junkWindow.copyUrlButton()->click();
        QVERIFY(junkWindow.bufferingText().contains(QStringLiteral("Downloaded 100")));
        junkWindow.close();
        QVERIFY(shutdownSession(session));
    }

    void oneWindowPerFile()
    {
        QTemporaryDir dir;
        PeerSession session(desktopConfig(dir.path(), QStringLiteral("127.1.0.25")));
        PlayerWindow *a = PlayerWindow::open(&session, QString(40, QLatin1Char('c')), 0);
        PlayerWindow *b = PlayerWindow::open(&session, QString(40, QLatin1Char('C')), 0);
        QCOMPARE(a, b);
        QVERIFY(a->testAttribute(Qt::WA_DeleteOnClose));
        QPointer<PlayerWindow> gone(a);
        a->close();
        QVERIFY(QTest::qWaitFor([&] { return gone.isNull(); }, 5000));
    }
};

MP2P_TEST_MAIN(TstPlayerStream)
#include "tst_player_stream.moc"
