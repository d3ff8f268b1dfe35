// Helper for tst_relay_nat, run inside the test's network namespaces (ip netns exec):
//   relaynattool serve PORT USER PASSWORD            our RS on 0.0.0.0:PORT until SIGTERM
//   relaynattool receive RS_IP RS_PORT USER PASSWORD PERMIT_IP
//       a peer behind a NAT: allocates on the RS, joins relayed connections to a local echo
//       listener (the stand-in for libtorrent's), prints "relayed <ip>:<port>", runs until SIGTERM
//   relaynattool send IP PORT BYTES TIMEOUT_S
//       connects to IP:PORT, sends 68 bytes, waits for their echo, then the rest of BYTES of a
//       pattern, and expects everything echoed back; prints
//       "ok <bytes>" or "fail <why>" (exit 0 / 1)
#include <base/unixsignals.h>
#include <relay/relayserver.h>
#include <user/relayed/relayedlistener.h>

#include <QCoreApplication>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <csignal>
#include <cstdio>

using namespace mp2p;

namespace {

QByteArray pattern(qint64 size)
{
    QByteArray b(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        b[i] = char((i * 131 + (i >> 12)) & 0xff);
    return b;
}

void say(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

int serve(const QStringList &a)
{
    RelayServerConfig config;
    config.listenAddress = QHostAddress::AnyIPv4;
    config.listenPort = quint16(a.value(0).toUInt());
    config.users.insert(a.value(1), a.value(2));
    RelayServer server;
    QString error;
    if (!server.start(config, &error)) {
        say(QStringLiteral("fail ") + error);
        return 1;
    }
    say(QStringLiteral("listening %1").arg(server.port()));
    UnixSignalWatcher watcher({SIGTERM, SIGINT});
    QObject::connect(&watcher, &UnixSignalWatcher::received, qApp, &QCoreApplication::quit);
    return qApp->exec();
}

int receive(const QStringList &a)
{
    QTcpServer echo;   // libtorrent's listener in a real peer
    echo.listen(QHostAddress::AnyIPv4, 0);   // on the LAN too, so the test can try it directly
    QObject::connect(&echo, &QTcpServer::newConnection, [&echo] {
        while (QTcpSocket *s = echo.nextPendingConnection())
            QObject::connect(s, &QTcpSocket::readyRead, s, [s] { s->write(s->readAll()); });
    });
    say(QStringLiteral("echo %1").arg(echo.serverPort()));
    RelayedListener listener;
    QObject::connect(&listener, &RelayedListener::ready, [&](const QString &relayed) {
        listener.grantPeers({QHostAddress(a.value(4))});
        QObject::connect(listener.client(), &TurnClient::permissionsGranted, qApp,
                         [relayed] { say(QStringLiteral("relayed ") + relayed); });
    });
    QObject::connect(&listener, &RelayedListener::failed, [](const QString &why) {
        say(QStringLiteral("fail ") + why);
        qApp->exit(1);
    });
    TurnClientConfig turn;
    turn.serverAddress = QHostAddress(a.value(0));
    turn.serverPort = quint16(a.value(1).toUInt());
    turn.username = a.value(2);
    turn.password = a.value(3);
    listener.start(turn, QHostAddress::LocalHost, echo.serverPort());
    UnixSignalWatcher watcher({SIGTERM, SIGINT});
    QObject::connect(&watcher, &UnixSignalWatcher::received, qApp, &QCoreApplication::quit);
    const int rc = qApp->exec();
    std::fprintf(stderr, "receiver: %d spliced, %lld bytes in, %lld out\n", listener.splicedConnections(),
                 listener.bytesIn(), listener.bytesOut());
    // What is still held in user space, to tell a stall in this process from one in the RS.
    for (QTcpSocket *s : listener.findChildren<QTcpSocket *>())
        std::fprintf(stderr, "receiver: socket %s:%u state %d buffered-in %lld buffered-out %lld\n",
                     qPrintable(s->peerAddress().toString()), s->peerPort(), int(s->state()), s->bytesAvailable(),
                     s->bytesToWrite());
    return rc;
}

int send(const QStringList &a)
{
    const qint64 bytes = a.value(2).toLongLong();
    const QByteArray data = pattern(bytes);
    QByteArray back;
    QTcpSocket s;
    qint64 written = 0;
    auto feed = [&] {
        while (written < bytes && s.bytesToWrite() < (1 << 20)) {
            const qint64 n = std::min<qint64>(256 * 1024, bytes - written);
            s.write(data.constData() + written, n);
            written += n;
        }
    };
    // Like a BitTorrent handshake, a short greeting goes first and the stream starts once it
    // came back: coturn 4.6.1 keeps only the first 64 KiB a peer sends before the allocating
    // client's ConnectionBind and drops the rest (RFC 6062 §5.3 says it must buffer it).
    const qint64 greeting = std::min<qint64>(68, bytes);
    bool greeted = false;
    QObject::connect(&s, &QTcpSocket::connected, [&] {
        s.write(data.constData(), greeting);
        written = greeting;
    });
    QObject::connect(&s, &QTcpSocket::bytesWritten, [&] {
        if (greeted)
            feed();
    });
    QObject::connect(&s, &QTcpSocket::readyRead, [&] {
        back += s.readAll();
        if (!greeted && back.size() >= greeting) {
            greeted = true;
            feed();
        }
        if (back.size() >= bytes)
            qApp->exit(back == data ? 0 : 1);
    });
    QObject::connect(&s, &QTcpSocket::errorOccurred, [&] {
        say(QStringLiteral("fail ") + s.errorString());
        qApp->exit(1);
    });
    QTimer::singleShot(a.value(3).toInt() * 1000, [&] {
        say(QStringLiteral("fail no echo of %1 bytes within %2 s (got %3)").arg(bytes).arg(a.value(3)).arg(back.size()));
        qApp->exit(1);
    });
    s.connectToHost(QHostAddress(a.value(0)), quint16(a.value(1).toUInt()));
    const int rc = qApp->exec();
    if (rc == 0)
        say(QStringLiteral("ok %1").arg(back.size()));
    else if (back.size() >= bytes)
        say(QStringLiteral("fail the echoed bytes differ"));
    return rc;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    const QString mode = args.isEmpty() ? QString() : args.takeFirst();
    if (mode == QLatin1String("serve") && args.size() == 3)
        return serve(args);
    if (mode == QLatin1String("receive") && args.size() == 5)
        return receive(args);
    if (mode == QLatin1String("send") && args.size() == 4)
        return send(args);
    std::fprintf(stderr, "usage: see the comment at the top of relaynattool_main.cpp\n");
    return 2;
}
