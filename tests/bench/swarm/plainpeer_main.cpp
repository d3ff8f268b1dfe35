// One plain peer for the swarm benchmark: the same mp2p::PeerEngine (same libtorrent settings
// as `mp2p`) with no control plane at all. It adds the .torrent it is given and is told the
// other peers' addresses on the command line, so the swarm forms the full mesh a tracker
// would give, without a login, an index lookup or an announce.
//
//   mp2p_bench_swarm_peer --torrent F --save DIR --state DIR --listen IP:PORT
//                         [--seed-mode] [--connect IP:PORT]... [--tracker URL]
// With --tracker it announces to that plain tracker (opentracker) instead of being told.
//
// stdout: JSON lines like `mp2p --json`: {"event":"ready"} once the transfer is added,
// {"event":"progress",...} every second, {"event":"completed"} when every piece is verified,
// {"event":"announced"} for every tracker reply.
// It runs until it is killed (the driver reads its peak RSS first).
#include <user/cli/progressprinter.h>
#include <user/engine/peerengine.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QTimer>

#include <cstdio>

namespace {

struct Endpoint {
    QHostAddress address;
    quint16 port = 0;
};

bool parseEndpoint(const QString &text, Endpoint *out)
{
    const int colon = text.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (colon <= 0 || !ok || port == 0 || port > 65535 || !out->address.setAddress(text.left(colon)))
        return false;
    out->port = quint16(port);
    return true;
}

int fail(const QString &message)
{
    std::fprintf(stderr, "mp2p_bench_swarm_peer: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("torrent"), QStringLiteral(".torrent file"), QStringLiteral("file")},
                       {QStringLiteral("save"), QStringLiteral("save path"), QStringLiteral("dir")},
                       {QStringLiteral("state"), QStringLiteral("engine state folder"), QStringLiteral("dir")},
                       {QStringLiteral("listen"), QStringLiteral("ip:port"), QStringLiteral("ip:port")},
                       {QStringLiteral("seed-mode"), QStringLiteral("the files are complete: seed without checking")},
                       {QStringLiteral("connect"), QStringLiteral("a peer to connect to (repeatable)"), QStringLiteral("ip:port")},
                       {QStringLiteral("tracker"), QStringLiteral("a plain tracker's announce URL"), QStringLiteral("url")}});
    parser.process(app);

    Endpoint self;
    if (!parseEndpoint(parser.value(QStringLiteral("listen")), &self))
        return fail(QStringLiteral("--listen needs ip:port with a fixed port"));
    QList<Endpoint> others;
    for (const QString &text : parser.values(QStringLiteral("connect"))) {
        Endpoint e;
        if (!parseEndpoint(text, &e))
            return fail(QStringLiteral("--connect %1 is not ip:port").arg(text));
        others.append(e);
    }
    QFile torrentFile(parser.value(QStringLiteral("torrent")));
    if (!torrentFile.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read --torrent %1").arg(torrentFile.fileName()));

    // The settings `mp2p --listen IP:PORT --no-utp` gives its engine (see cliconfig.cpp).
    mp2p::EngineSettings settings;
    settings.stateDir = parser.value(QStringLiteral("state"));
    settings.listenInterfaces = parser.value(QStringLiteral("listen"));
    settings.outgoingInterfaces = self.address.toString();
    settings.enableUtp = false;
    mp2p::PeerEngine engine(settings);
    mp2p::ProgressPrinter printer(true);
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

    // Peers start at about the same time, so an early attempt may find a peer not listening
    // yet (or this torrent still checking): ask again every 250 ms, so the plain mesh forms
    // as fast as it can (libtorrent ignores a peer it is already connected to).
    auto connectAll = [&] {
        for (const Endpoint &e : std::as_const(others))
            engine.connectPeer(hash, e.address, e.port);
    };
    QTimer connector;
    connector.setInterval(250);
    QObject::connect(&connector, &QTimer::timeout, connectAll);
    QObject::connect(&engine, &mp2p::PeerEngine::transferAdded, [&](const QString &added) {
        if (added != hash)
            return;
        printer.event(QStringLiteral("ready"), {{QStringLiteral("infoHash"), hash}, {QStringLiteral("port"), engine.listenPort()}});
        connectAll();
        connector.start();
    });
    QObject::connect(&engine, &mp2p::PeerEngine::statsUpdated, [&](const QList<mp2p::TransferStatus> &all) {
        for (const mp2p::TransferStatus &t : all)
            printer.progress(t);
    });
    QObject::connect(&engine, &mp2p::PeerEngine::transferFinished, [&](const QString &finished) {
        if (finished == hash && !seedMode)
            printer.event(QStringLiteral("completed"), {{QStringLiteral("infoHash"), hash}});
    });
    QObject::connect(&engine, &mp2p::PeerEngine::transferError, [&](const QString &, const QString &message) {
        printer.error(message);
        QCoreApplication::exit(1);
    });
    QObject::connect(&engine, &mp2p::PeerEngine::trackerReply, [&](const QString &, int peers) {
        printer.event(QStringLiteral("announced"), {{QStringLiteral("peers"), peers}});
    });
    QObject::connect(&engine, &mp2p::PeerEngine::sessionError, [&](const QString &message) { printer.error(message); });
    return app.exec();
}
