#include "limitedtcpserver.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTimer>

#if QT_CONFIG(ssl)
#include <QSslSocket>
#endif

#include <sys/socket.h>
#include <unistd.h>

Q_DECLARE_LOGGING_CATEGORY(lcLimits)

namespace mp2p {

namespace {
constexpr int AcceptRetryMs = 1000;
constexpr int RefusalReportMs = 10'000;
} // namespace

LimitedTcpServer::LimitedTcpServer(const ServerLimits &limits, qint64 maxBodyBytes, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
    , m_maxConnections(limits.effectiveMaxConnections())
    , m_maxBodyBytes(maxBodyBytes)
{
    // QTcpServer pauses for good after an accept error such as "too many open files".
    connect(this, &QTcpServer::acceptError, this, [this](QAbstractSocket::SocketError error) {
        qCWarning(lcLimits, "accept failed (%d: %s); accepting again in %d ms", int(error), qPrintable(errorString()), AcceptRetryMs);
        pauseAccepting();
        QTimer::singleShot(AcceptRetryMs, this, &QTcpServer::resumeAccepting);
    });
}

void LimitedTcpServer::refuse(qintptr descriptor, const char *why)
{
    // Written straight into the kernel's send buffer without waiting: the client learns why,
    // and the descriptor is free again at once.
    const ApiError error{503, QStringLiteral("too_many_connections"), QString::fromLatin1(why), {},
                         QStringLiteral("close idle connections and retry after the time in Retry-After")};
    const QByteArray response = errorResponse(503, error, "5");
    [[maybe_unused]] const ssize_t sent = ::send(int(descriptor), response.constData(), size_t(response.size()), MSG_DONTWAIT | MSG_NOSIGNAL);
    ::close(int(descriptor));
    ++m_refusedSinceReport;
    if (!m_sinceReport.isValid() || m_sinceReport.elapsed() >= RefusalReportMs) {
        qCWarning(lcLimits, "refused %d connection(s) (latest: %s); %d open", m_refusedSinceReport, why, m_tally->total);
        m_refusedSinceReport = 0;
        m_sinceReport.start();
    }
}

void LimitedTcpServer::incomingConnection(qintptr descriptor)
{
    if (m_tally->total >= m_maxConnections) {
        refuse(descriptor, "the server has as many connections open as it keeps");
        return;
    }
    sockaddr_storage peer{};
    socklen_t peerLength = sizeof peer;
    if (::getpeername(int(descriptor), reinterpret_cast<sockaddr *>(&peer), &peerLength) != 0) {
        ::close(int(descriptor));
        return;
    }
    const QByteArray key = addressKey(QHostAddress(reinterpret_cast<const sockaddr *>(&peer)));
    int &fromThere = m_tally->perAddress[key];
    if (fromThere >= m_limits.maxConnectionsPerAddress) {
        refuse(descriptor, "this address has as many connections open as the server allows one address");
        return;
    }

#if QT_CONFIG(ssl)
    QTcpSocket *socket = m_ssl ? new QSslSocket(this) : new QTcpSocket(this);
#else
    QTcpSocket *socket = new QTcpSocket(this);
#endif
    if (!socket->setSocketDescriptor(descriptor)) {
        ::close(int(descriptor));
        delete socket;
        if (fromThere == 0)
            m_tally->perAddress.remove(key);
        return;
    }
    ++fromThere;
    ++m_tally->total;
    auto *guard = new ConnectionGuard(socket, m_limits, m_maxBodyBytes, m_tally, key);  // owned by the socket

#if QT_CONFIG(ssl)
    if (m_ssl) {
        auto *tls = static_cast<QSslSocket *>(socket);
        tls->setSslConfiguration(*m_ssl);
        connect(tls, &QSslSocket::encrypted, this, [this, tls, guard] {
            addPendingConnection(tls);
            guard->serverAttached();
        });
        connect(tls, &QSslSocket::sslErrors, tls, [tls] { tls->abort(); });
        tls->startServerEncryption();
        return;
    }
#endif
    addPendingConnection(socket);  // QtHttpServer connects its slots here (pendingConnectionAvailable)
    guard->serverAttached();
}

} // namespace mp2p
