// mp2p_bench_desktop_setup: prepares the idle benchmark's content. Writes N small files,
// publishes each at the provider with one ManagedPeer whose state (identity, transfers.db,
// resume data) is kept in <work>/mp2p-state, and writes the same torrents as .torrent files
// into <work>/torrents for qBittorrent (same info-hashes: the torrent is rebuilt from the same
// bytes and checked). Usage: --provider URL --work DIR [--count 100] [--size-kib 256]
#include <user/managedpeer.h>
#include <user/torrentmaker.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <cstdio>

using namespace mp2p;

namespace {
int fail(const QString &why)
{
    std::fprintf(stderr, "setup: %s\n", qPrintable(why));
    return 1;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("provider"), QStringLiteral("P2PSP URL"), QStringLiteral("url")},
                       {QStringLiteral("work"), QStringLiteral("work folder"), QStringLiteral("dir")},
                       {QStringLiteral("count"), QStringLiteral("torrents"), QStringLiteral("n"), QStringLiteral("100")},
                       {QStringLiteral("size-kib"), QStringLiteral("bytes per file"), QStringLiteral("kib"), QStringLiteral("256")}});
    parser.process(app);
    const QString work = parser.value(QStringLiteral("work"));
    const int count = parser.value(QStringLiteral("count")).toInt();
    const qint64 size = parser.value(QStringLiteral("size-kib")).toLongLong() * 1024;
    if (work.isEmpty() || parser.value(QStringLiteral("provider")).isEmpty() || count <= 0 || count > 10000 || size <= 0)
        return fail(QStringLiteral("need --provider URL --work DIR, 0 < --count <= 10000, --size-kib > 0"));
    QDir().mkpath(work + QStringLiteral("/content"));
    QDir().mkpath(work + QStringLiteral("/torrents"));

    PeerConfig config;
    config.dataDir = work + QStringLiteral("/mp2p-state");
    config.engine.stateDir = config.dataDir;
    config.providerUrl = QUrl(parser.value(QStringLiteral("provider")));
    config.displayName = QStringLiteral("bench-seed");
    config.engine.listenInterfaces = QStringLiteral("127.0.0.1:0");
    config.engine.outgoingInterfaces = QStringLiteral("127.0.0.1");
    config.engine.enableUtp = false;
    config.advertisedAddress = QStringLiteral("127.0.0.1:0");
    QNetworkAccessManager network;
    ManagedPeer peer(config, &network);
    QSignalSpy ready(&peer, &ManagedPeer::ready);
    QSignalSpy failed(&peer, &ManagedPeer::failed);
    peer.start();
    if (!QTest::qWaitFor([&] { return !ready.isEmpty() || !failed.isEmpty(); }, 30000) || ready.isEmpty())
        return fail(failed.isEmpty() ? QStringLiteral("peer not ready in 30 s") : failed.first().first().toString());

    QRandomGenerator rng(100);
    for (int i = 0; i < count; ++i) {
        const QString name = QStringLiteral("item-%1.bin").arg(i, 3, 10, QLatin1Char('0'));
        const QString path = work + QStringLiteral("/content/") + name;
        QByteArray data(size, Qt::Uninitialized);
        rng.fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(data) != size)
            return fail(QStringLiteral("cannot write %1").arg(path));
        f.close();
        QSignalSpy published(&peer, &ManagedPeer::published);
        QSignalSpy opFailed(&peer, &ManagedPeer::operationFailed);
        peer.publish({path, QStringLiteral("Bench item %1").arg(i), QStringLiteral("idle benchmark"), {QStringLiteral("bench")}});
        if (!QTest::qWaitFor([&] { return !published.isEmpty() || !opFailed.isEmpty(); }, 60000) || published.isEmpty())
            return fail(opFailed.isEmpty() ? QStringLiteral("publish %1 timed out").arg(name) : opFailed.first().first().toString());
        QString error;
        const auto made = makeTorrent(path, &error);
        if (!made)
            return fail(error);
        if (made->infoHashV1 != published.first().at(1).toString())
            return fail(QStringLiteral("%1: the rebuilt torrent has another info-hash (%2 vs %3)")
                            .arg(name, made->infoHashV1, published.first().at(1).toString()));
        QFile t(work + QStringLiteral("/torrents/") + name + QStringLiteral(".torrent"));
        if (!t.open(QIODevice::WriteOnly) || t.write(made->torrentFile) != made->torrentFile.size())
            return fail(QStringLiteral("cannot write %1").arg(t.fileName()));
    }
    bool done = false;
    peer.shutdown([&done] { done = true; });
    const bool stopped = QTest::qWaitFor([&done] { return done; }, 30000);
    std::printf("published %d torrents of %lld KiB\n", count, size / 1024);
    return stopped ? 0 : fail(QStringLiteral("shutdown did not finish in 30 s"));
}
