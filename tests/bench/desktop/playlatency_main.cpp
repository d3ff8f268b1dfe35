// mp2p_bench_playlatency: time from "Play" to the first decoded video frame on loopback. A
// publisher seeds a generated Y4M video; the desktop peer (embedded P2PSP) starts its download
// and the PlayerWindow plays it at once through the local stream server. Several rounds, each
// with a new file (nothing is cached); prints every figure and the median (goal <= 2000 ms).
// Usage: mp2p_bench_playlatency [--rounds 5]
#include "mediasample.h"
#include "playerfixture.h"

#include <player/mediabackend.h>
#include <player/playerwindow.h>

#include <QApplication>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>

using namespace mp2p;
using namespace mp2p::test;

int main(int argc, char **argv)
{
    mp2p::preferSelfContainedMediaBackend();
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const int at = app.arguments().indexOf(QStringLiteral("--rounds"));
    const int rounds = qBound(1, at > 0 ? app.arguments().value(at + 1).toInt() : 5, 20);
    QTemporaryDir dir;
    PeerSession session(desktopConfig(dir.path(), QStringLiteral("127.1.0.42")));
    session.open();
    if (!QTest::qWaitFor([&] { return session.isReady(); }, 30000)) {
        std::fprintf(stderr, "playlatency: the session did not start\n");
        return 1;
    }
    QString error;
    Publisher publisher(dir.filePath(QStringLiteral("seed")), QStringLiteral("127.1.0.43"), QUrl(session.providerUrl()), 0);
    if (!publisher.start(&error)) {
        std::fprintf(stderr, "playlatency: %s\n", qPrintable(error));
        return 1;
    }
    QList<qint64> figures;
    for (int r = 0; r < rounds; ++r) {
        const QString file = dir.filePath(QStringLiteral("seed/files/round-%1.y4m").arg(r));
        QString hash, contentId;
        if (writeY4m(file, MediaSample{320, 240, 25, 100 + r}, &error) <= 0
            || !publisher.publish(file, QStringLiteral("Round %1").arg(r), &hash, &contentId, &error)
            || !startDownload(session, contentId, hash, &error)) {
            std::fprintf(stderr, "playlatency: %s\n", qPrintable(error));
            return 1;
        }
        PlayerWindow window(&session);
        window.show();
        QSignalSpy frame(&window, &PlayerWindow::firstFrameShown);
        QSignalSpy problem(&window, &PlayerWindow::problemShown);
        window.play(hash, 0);
        if (!QTest::qWaitFor([&] { return !frame.isEmpty() || !problem.isEmpty(); }, 30000) || frame.isEmpty()) {
            std::fprintf(stderr, "playlatency: round %d: no frame (%s)\n", r, qPrintable(window.messageText()));
            return 1;
        }
        figures.append(frame.first().first().toLongLong());
        std::printf("round %d: play -> first frame %lld ms\n", r + 1, figures.last());
        std::fflush(stdout);
        window.close();
    }
    std::sort(figures.begin(), figures.end());
    const qint64 median = figures.at(figures.size() / 2);
    std::printf("play-to-first-frame median %lld ms over %d rounds (goal <= 2000 ms): %s\n", median, rounds,
                median <= 2000 ? "met" : "NOT met");
    publisher.stop();
    bool done = false;
    session.shutdown([&done] { done = true; });
    return QTest::qWaitFor([&done] { return done; }, 15000) ? 0 : 1;
}
