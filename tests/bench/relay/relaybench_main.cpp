// Relay benchmark driver (see tests/bench/run-relay.sh).
//   mp2p_bench_relay serve PORT USER PASSWORD [UPLOAD_CAP_BYTES_PER_SEC]
//       runs our RS on 127.0.0.1:PORT until SIGTERM/SIGINT
//   mp2p_bench_relay run PORT USER PASSWORD MIB
//       allocates on the RS at 127.0.0.1:PORT (ours or coturn), connects a peer to the relayed
//       address and pushes MIB MiB through it; prints "relay-mibps <value>"
#include <base/unixsignals.h>
#include <relay/relayserver.h>
#include <relay/turnclient.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTimer>

#include <csignal>
#include <cstdio>

using namespace mp2p;

namespace {

int serve(const QStringList &args)
{
    RelayServerConfig config;
    config.listenAddress = QHostAddress::LocalHost;
    config.listenPort = quint16(args.value(0).toUInt());
    config.users.insert(args.value(1), args.value(2));
    config.allowLoopbackPeers = true;   // the benchmark's peers are on 127.x
    RelayServer server;
    server.setLimits({args.value(3).toLongLong(), 0});
    QString error;
    if (!server.start(config, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    UnixSignalWatcher watcher({SIGTERM, SIGINT});
    QObject::connect(&watcher, &UnixSignalWatcher::received, qApp, &QCoreApplication::quit);
    return qApp->exec();
}

int run(const QStringList &args)
{
    const qint64 total = args.value(3).toLongLong() * 1024 * 1024;
    TurnClient client;
    TurnClientConfig cc;
    cc.serverAddress = QHostAddress::LocalHost;
    cc.serverPort = quint16(args.value(0).toUInt());
    cc.username = args.value(1);
    cc.password = args.value(2);
    cc.localAddress = QHostAddress(QStringLiteral("127.1.0.2"));
    const QHostAddress peerIp(QStringLiteral("127.2.0.3"));
    const QByteArray chunk(1 << 20, 'r');
    QTcpSocket peer;
    QTcpSocket *app = nullptr;
    qint64 sent = 0, received = 0;
    QElapsedTimer clock;
    int rc = 2;
    auto fail = [&rc](const QString &why) {
        std::fprintf(stderr, "relay bench: %s\n", qPrintable(why));
        rc = 1;
        qApp->quit();
    };
    auto feed = [&] {
        while (sent < total && peer.bytesToWrite() < 4 * chunk.size()) {
            peer.write(chunk.constData(), std::min<qint64>(chunk.size(), total - sent));
            sent += std::min<qint64>(chunk.size(), total - sent);
        }
    };
    QObject::connect(&client, &TurnClient::failed, qApp, fail);
    QObject::connect(&client, &TurnClient::permissionFailed, qApp, fail);
    QObject::connect(&client, &TurnClient::allocated, qApp, [&] { client.grantPermissions({peerIp}); });
    QObject::connect(&client, &TurnClient::permissionsGranted, qApp, [&] {
        peer.bind(peerIp);
        peer.connectToHost(client.relayedEndpoint().address, client.relayedEndpoint().port);
    });
    QObject::connect(&client, &TurnClient::incomingConnection, qApp, [&](QTcpSocket *s, const QHostAddress &, quint16) {
        app = s;
        app->setReadBufferSize(1 << 20);
        clock.start();
        QObject::connect(app, &QTcpSocket::readyRead, qApp, [&] {
            received += app->skip(app->bytesAvailable());
            if (received >= total) {
                const double secs = double(clock.nsecsElapsed()) / 1e9;
                std::printf("relay-mibps %.1f\n", double(total) / 1048576.0 / secs);
                std::fflush(stdout);
                rc = 0;
                QObject::disconnect(&client, nullptr, qApp, nullptr);
                client.stop();
                qApp->quit();
            }
        });
        feed();
    });
    QObject::connect(&peer, &QTcpSocket::bytesWritten, qApp, feed);
    QTimer::singleShot(300000, qApp, [&] { fail(QStringLiteral("no result within 300 s")); });
    client.start(cc);
    qApp->exec();
    return rc;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    const QString mode = args.isEmpty() ? QString() : args.takeFirst();
    if (mode == QLatin1String("serve") && args.size() >= 3)
        return serve(args);
    if (mode == QLatin1String("run") && args.size() >= 4)
        return run(args);
    std::fprintf(stderr, "usage: mp2p_bench_relay serve PORT USER PASSWORD [CAP] | run PORT USER PASSWORD MIB\n");
    return 2;
}
