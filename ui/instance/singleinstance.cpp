#include "singleinstance.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>

namespace mp2p {

namespace {

// Guards against something else that happens to listen on our name.
constexpr quint32 kMagic = 0x6d703270;  // "mp2p"
constexpr char kAck = '1';
constexpr int kMaxMessageBytes = 1 << 20;

} // namespace

SingleInstance::SingleInstance(QString serverName, QObject *parent)
    : QObject(parent)
    , m_serverName(std::move(serverName))
{
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::defaultServerName()
{
    // Per user: the socket lives in a shared temp folder unless XDG_RUNTIME_DIR is used, so the
    // user name is part of the name (hashed: it may contain characters a socket name cannot).
    QByteArray user = qgetenv("USER");
    if (user.isEmpty())
        user = QDir::homePath().toUtf8();
    return QStringLiteral("mp2p-desktop-") + QString::fromLatin1(QCryptographicHash::hash(user, QCryptographicHash::Sha1).toHex().left(16));
}

QStringList SingleInstance::handOffArguments(const QStringList &applicationArguments)
{
    QStringList out;
    for (const QString &argument : applicationArguments.mid(1)) {
        if (argument.startsWith(QLatin1String("magnet:"), Qt::CaseInsensitive))
            out.append(argument);
        else if (!argument.startsWith(QLatin1Char('-')) && QFileInfo(argument).isFile())
            out.append(QFileInfo(argument).absoluteFilePath());
    }
    return out;
}

bool SingleInstance::sendToRunning(const QStringList &arguments, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(m_serverName);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    QByteArray message;
    QDataStream out(&message, QIODevice::WriteOnly);
    out << kMagic << arguments;
    socket.write(message);
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    // Wait for the acknowledgement: only then has the running instance taken the arguments.
    while (socket.bytesAvailable() < 1) {
        if (!socket.waitForReadyRead(timeoutMs))
            return false;
    }
    return socket.read(1) == QByteArray(1, kAck);
}

bool SingleInstance::listen(QString *error)
{
    if (m_server)
        return true;
    // Ask first: with UserAccessOption Qt binds in a private folder and renames the socket into
    // place, which would silently take the name from a running instance.
    QLocalSocket probe;
    probe.connectToServer(m_serverName);
    if (probe.waitForConnected(500)) {
        *error = tr("mp2p is already running.");
        return false;
    }
    QLocalServer::removeServer(m_serverName);  // a socket file left behind by a crash
    auto *server = new QLocalServer(this);
    server->setSocketOptions(QLocalServer::UserAccessOption);  // other users cannot connect
    if (!server->listen(m_serverName)) {
        *error = tr("Cannot open the local socket %1: %2").arg(m_serverName, server->errorString());
        delete server;
        return false;
    }
    m_server = server;
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::acceptConnections);
    return true;
}

bool SingleInstance::isListening() const
{
    return m_server && m_server->isListening();
}

void SingleInstance::acceptConnections()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readFrom(socket); });
        if (socket->bytesAvailable() > 0)
            readFrom(socket);
    }
}

void SingleInstance::readFrom(QLocalSocket *socket)
{
    if (socket->bytesAvailable() > kMaxMessageBytes) {
        socket->abort();  // not one of ours
        return;
    }
    QDataStream in(socket);
    in.startTransaction();
    quint32 magic = 0;
    QStringList arguments;
    in >> magic >> arguments;
    if (!in.commitTransaction())
        return;  // incomplete: wait for more bytes
    if (magic != kMagic) {
        socket->abort();
        return;
    }
    socket->write(QByteArray(1, kAck));
    socket->flush();
    socket->disconnectFromServer();
    Q_EMIT argumentsReceived(arguments);
}

} // namespace mp2p
