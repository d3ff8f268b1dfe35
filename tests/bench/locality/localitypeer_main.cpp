// One peer of the locality benchmark: mp2p::PeerEngine (TCP only, no discovery) announcing to
// the OMS tracker, with exact per-address byte accounting on (EngineSettings::accountBytesByPeer).
//
//   mp2p_bench_locality_peer --torrent F --save DIR --state DIR --listen IP:PORT --tracker URL [--seed-mode]
//
// stdout, one JSON object a line:
//   {"event":"ready"}                       the transfer is added
//   {"event":"announced","peers":N}         every tracker reply
//   {"event":"progress","progress":0..1}    every second while downloading
//   {"event":"completed","secs":S}          every piece verified; S from the start of the process
//   {"event":"counted","bytesByAddress":{"127.2.0.3":bytes,...}}
//                                           shortly after: the final counters (a complete peer asks
//                                           for nothing more)
//   {"event":"connected","endpoint":"ip:port"}  a connection in either direction; the port is
//                                           the remote's listen port only if we dialed it
//   {"event":"error","message":text}
// It keeps seeding until it is stopped (SIGTERM by PID from the driver).
#include <user/engine/peerengine.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cstdio>

namespace {

void emitLine(const QJsonObject &line)
{
    std::fputs(QJsonDocument(line).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

int fail(const QString &message)
{
    emitLine({{QStringLiteral("event"), QStringLiteral("error")}, {QStringLiteral("message"), message}});
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QElapsedTimer clock;
    clock.start();
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("torrent"), QStringLiteral(".torrent file"), QStringLiteral("file")},
                       {QStringLiteral("save"), QStringLiteral("save path"), QStringLiteral("dir")},
                       {QStringLiteral("state"), QStringLiteral("engine state folder"), QStringLiteral("dir")},
                       {QStringLiteral("listen"), QStringLiteral("own address and port"), QStringLiteral("ip:port")},
                       {QStringLiteral("tracker"), QStringLiteral("the OMS announce URL with the token"), QStringLiteral("url")},
                       {QStringLiteral("seed-mode"), QStringLiteral("the files are complete: seed without checking")}});
    parser.process(app);
    const QString listen = parser.value(QStringLiteral("listen"));
    const int colon = listen.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0 || parser.value(QStringLiteral("tracker")).isEmpty())
        return fail(QStringLiteral("--listen ip:port and --tracker url are required"));
    QFile torrentFile(parser.value(QStringLiteral("torrent")));
    if (!torrentFile.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read --torrent %1").arg(torrentFile.fileName()));

    mp2p::EngineSettings settings;
    settings.stateDir = parser.value(QStringLiteral("state"));
    settings.listenInterfaces = listen;
    settings.outgoingInterfaces = listen.left(colon);  // peer connections leave from our own address
    settings.enableUtp = false;
    settings.accountBytesByPeer = true;
    mp2p::PeerEngine engine(settings);
    QString error;
    if (!engine.start(&error))
        return fail(error);

    const bool seedMode = parser.isSet(QStringLiteral("seed-mode"));
    mp2p::AddTransferOptions options;
    options.savePath = parser.value(QStringLiteral("save"));
    options.seedMode = seedMode;
    options.trackerUrl = parser.value(QStringLiteral("tracker"));
    const QString hash = engine.addTransfer(torrentFile.readAll(), options, &error);
    if (hash.isEmpty())
        return fail(error);

    bool completed = false;
    QTimer settle;
    QHash<QString, qint64> lastCounters;
    int stableTicks = 0;
    int settleTicks = 0;
    QObject::connect(&engine, &mp2p::PeerEngine::transferAdded, [&](const QString &added) {
        if (added == hash)
            emitLine({{QStringLiteral("event"), QStringLiteral("ready")}});
    });
    QObject::connect(&engine, &mp2p::PeerEngine::trackerReply, [&](const QString &, int peers) {
        emitLine({{QStringLiteral("event"), QStringLiteral("announced")}, {QStringLiteral("peers"), peers}});
    });
    QObject::connect(&engine, &mp2p::PeerEngine::statsUpdated, [&](const QList<mp2p::TransferStatus> &all) {
        for (const mp2p::TransferStatus &t : all)
            if (t.infoHash == hash && !completed && !seedMode)
                emitLine({{QStringLiteral("event"), QStringLiteral("progress")}, {QStringLiteral("progress"), t.progress}});
    });
    QObject::connect(&engine, &mp2p::PeerEngine::transferFinished, [&](const QString &finished) {
        if (finished != hash || seedMode || completed)
            return;
        completed = true;
        emitLine({{QStringLiteral("event"), QStringLiteral("completed")}, {QStringLiteral("secs"), clock.nsecsElapsed() / 1e9}});
        settle.start();
    });
    // libtorrent posts block_finished_alert when a block's disk write completes, which can be
    // after the last piece's hash passed: the last blocks may be counted just after
    // "completed". Report the counters once they have not moved for a second (at most 5 s).
    settle.setInterval(200);
    QObject::connect(&settle, &QTimer::timeout, [&] {
        const QHash<QString, qint64> now = engine.bytesReceivedByAddress(hash);
        stableTicks = now == lastCounters ? stableTicks + 1 : 0;
        lastCounters = now;
        if (stableTicks < 5 && ++settleTicks < 25)
            return;
        settle.stop();
        QJsonObject bytes;
        for (auto it = now.begin(); it != now.end(); ++it)
            bytes.insert(it.key(), double(it.value()));  // exact below 2^53
        emitLine({{QStringLiteral("event"), QStringLiteral("counted")}, {QStringLiteral("bytesByAddress"), bytes}});
    });
    QObject::connect(&engine, &mp2p::PeerEngine::transferError, [&](const QString &, const QString &message) {
        emitLine({{QStringLiteral("event"), QStringLiteral("error")}, {QStringLiteral("message"), message}});
        QCoreApplication::exit(1);
    });
    QObject::connect(&engine, &mp2p::PeerEngine::peerConnected, [&](const QString &, const QString &endpoint) {
        emitLine({{QStringLiteral("event"), QStringLiteral("connected")}, {QStringLiteral("endpoint"), endpoint}});
    });
    QObject::connect(&engine, &mp2p::PeerEngine::trackerError, [&](const QString &, const QString &message) {
        emitLine({{QStringLiteral("event"), QStringLiteral("trackerError")}, {QStringLiteral("message"), message}});
    });
    return app.exec();
}
