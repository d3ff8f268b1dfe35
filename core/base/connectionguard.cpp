#include "connectionguard.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTcpSocket>

#include <cstring>

Q_LOGGING_CATEGORY(lcLimits, "mp2p.limits")

namespace mp2p {

namespace {
// Where a refused connection goes once its error is written: closed for good after this long
// even if the client never reads.
constexpr int ClosingGraceMs = 5000;
// A refused body is drained (read and dropped, never buffered) only up to this many times the
// body limit: enough for a client that overshot, too little to be worth streaming at us.
constexpr qint64 DrainFactor = 4;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 400: return "Bad Request";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 431: return "Request Header Fields Too Large";
    case 503: return "Service Unavailable";
    default: return "Error";
    }
}

bool allDigits(const QByteArray &value)
{
    if (value.isEmpty() || value.size() > 18)  // 18 digits fit a qint64
        return false;
    for (char c : value)
        if (c < '0' || c > '9')
            return false;
    return true;
}
} // namespace

QByteArray addressKey(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        return QHostAddress(v4).toString().toLatin1();
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    return QByteArray(reinterpret_cast<const char *>(v6.c), 8).toHex();
}

QByteArray errorResponse(int status, const ApiError &error, const QByteArray &retryAfter)
{
    const QByteArray body = QJsonDocument(error.toJson()).toJson(QJsonDocument::Compact);
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n"
                     "Content-Type: application/json\r\n"
                     "Content-Length: " + QByteArray::number(body.size()) + "\r\n"
                     "Connection: close\r\n";
    if (!retryAfter.isEmpty())
        out += "Retry-After: " + retryAfter + "\r\n";
    return out + "\r\n" + body;
}

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const ServerLimits &limits, qint64 maxBodyBytes,
                                 std::shared_ptr<ConnectionTally> tally, QByteArray addressKey)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(limits)
    , m_maxBodyBytes(maxBodyBytes)
    , m_tally(std::move(tally))
    , m_addressKey(std::move(addressKey))
{
    // Whatever is buffered belongs to a request being checked, so the buffer never needs to
    // hold more than one whole request (QtHttpServer keeps a request's bytes until it is done).
    socket->setReadBufferSize(m_limits.maxHeadBytes + maxBodyBytes + 64 * 1024);
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::beforeServerReads);
    connect(socket, &QTcpSocket::bytesWritten, this, [this] { m_wroteSinceCheck = true; });
    connect(socket, &QTcpSocket::disconnected, this, [this] {
        m_timer.stop();
        if (!m_attached)  // QtHttpServer never saw it (e.g. a failed TLS handshake)
            m_socket->deleteLater();
    });
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionGuard::timedOut);
    m_timer.start(m_limits.headerTimeoutMs);  // a new connection must say something soon
}

ConnectionGuard::~ConnectionGuard()
{
    m_tally->bodyBytesInFlight -= m_bodyReserved;
    --m_tally->total;
    auto it = m_tally->perAddress.find(m_addressKey);
    if (it != m_tally->perAddress.end() && --it.value() <= 0)
        m_tally->perAddress.erase(it);
}

void ConnectionGuard::serverAttached()
{
    m_attached = true;
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::afterServerReads);
    // A TLS client may have sent its request along with the end of the handshake.
    m_seenUnread = 0;
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(m_socket, &QAbstractSocket::readyRead, Qt::QueuedConnection);
}

void ConnectionGuard::beforeServerReads()
{
    if (m_phase == Phase::Closing) {
        discardBuffered();
        return;
    }
    if (m_socket->bytesToWrite() > m_limits.maxUnsentBytes) {
        // More requests from a client that does not read the answers already owed to it:
        // serving them would only grow our write buffer, so the connection ends here.
        qCInfo(lcLimits, "closed %s: %lld bytes of answers unread", m_addressKey.constData(),
               static_cast<long long>(m_socket->bytesToWrite()));
        m_phase = Phase::Closing;
        m_socket->abort();
        return;
    }
    const qint64 available = m_socket->bytesAvailable();
    if (available <= m_seenUnread) {  // a re-emitted readyRead for pipelined bytes: nothing new
        m_seenUnread = available;
        return;
    }
    const QByteArray buffered = m_socket->peek(available);
    scan(buffered.constData() + m_seenUnread, buffered.size() - m_seenUnread);
    m_seenUnread = buffered.size();
    if (m_phase == Phase::Drain || m_phase == Phase::Closing)
        discardBuffered();
}

void ConnectionGuard::afterServerReads()
{
    m_seenUnread = (m_phase == Phase::Drain || m_phase == Phase::Closing) ? 0 : m_socket->bytesAvailable();
}

void ConnectionGuard::scan(const char *data, qint64 size)
{
    while (size > 0 && m_phase != Phase::Closing) {
        qint64 used = 0;
        if (m_phase == Phase::Body || m_phase == Phase::Drain) {
            used = qMin(size, m_bodyLeft);
            m_bodyLeft -= used;
            if (m_bodyLeft == 0 && m_phase == Phase::Body)
                endRequest();
            else if (m_bodyLeft == 0)
                close();
        } else {
            used = scanHead(data, size);
        }
        data += used;
        size -= used;
    }
}

qint64 ConnectionGuard::scanHead(const char *data, qint64 size)
{
    if (m_phase == Phase::Idle) {  // the first byte of the next request on a kept-alive connection
        m_phase = Phase::Head;
        m_timer.start(m_limits.headerTimeoutMs);
    }
    const char *newline = static_cast<const char *>(std::memchr(data, '\n', size_t(size)));
    const qint64 take = newline ? (newline - data) + 1 : size;
    m_headBytes += take;
    if (m_lineIndex == 0 && m_line.size() + take > m_limits.maxRequestLineBytes + 2) {  // + CRLF
        refuse(414, {414, QStringLiteral("uri_too_long"),
                     QStringLiteral("the request line is longer than this server accepts (%1 bytes)").arg(m_limits.maxRequestLineBytes),
                     {}, QStringLiteral("send a shorter URL: move data into a request body")});
        return take;
    }
    if (m_headBytes > m_limits.maxHeadBytes) {
        refuse(431, {431, QStringLiteral("headers_too_large"),
                     QStringLiteral("the request line and headers are larger than this server accepts (%1 bytes)").arg(m_limits.maxHeadBytes),
                     {}, QStringLiteral("send fewer or shorter headers")});
        return take;
    }
    m_line.append(data, newline ? take - 1 : take);
    if (!newline)
        return take;
    if (m_line.endsWith('\r'))
        m_line.chop(1);
    const QByteArray line = std::exchange(m_line, QByteArray());
    if (m_lineIndex == 0 && line.isEmpty()) {  // blank lines before a request are allowed (RFC 9112 §2.2)
        m_headBytes = 0;
        return take;
    }
    if (m_lineIndex > 0 && line.isEmpty()) {
        endHead();
        return take;
    }
    if (m_lineIndex > 0 && !headerLine(line))
        return take;
    ++m_lineIndex;
    return take;
}

bool ConnectionGuard::headerLine(const QByteArray &line)
{
    // A folded line would make QtHttpServer and this counter disagree on the headers.
    if (line.startsWith(' ') || line.startsWith('\t')) {
        refuse(400, ApiError::badRequest(QStringLiteral("folded_header"),
                                         QStringLiteral("header lines continued on the next line (obs-fold) are not accepted")));
        return false;
    }
    const int colon = line.indexOf(':');
    const QByteArray name = (colon < 0 ? line : line.left(colon)).trimmed().toLower();
    const QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1).trimmed();
    if (name == "content-length") {
        if (m_contentLength >= 0) {
            refuse(400, ApiError::badRequest(QStringLiteral("duplicate_content_length"),
                                             QStringLiteral("the request has more than one Content-Length header"),
                                             QStringLiteral("Content-Length")));
            return false;
        }
        if (!allDigits(value)) {
            refuse(400, ApiError::badRequest(QStringLiteral("invalid_content_length"),
                                             QStringLiteral("Content-Length must be one decimal number"),
                                             QStringLiteral("Content-Length")));
            return false;
        }
        m_contentLength = value.toLongLong();
    } else if (name == "transfer-encoding") {
        refuse(411, {411, QStringLiteral("length_required"),
                     QStringLiteral("request bodies must have a Content-Length; Transfer-Encoding is not accepted"),
                     QStringLiteral("Transfer-Encoding"), QStringLiteral("send the body with a Content-Length header")});
        return false;
    }
    return true;
}

void ConnectionGuard::endHead()
{
    const qint64 length = qMax<qint64>(m_contentLength, 0);
    if (length > m_maxBodyBytes) {
        respond(413, ApiError::tooLarge(m_maxBodyBytes));
        if (length > DrainFactor * m_maxBodyBytes) {
            close();
            return;
        }
        m_phase = Phase::Drain;
        m_bodyLeft = length;
        m_timer.start(m_limits.bodyTimeoutMs);
        return;
    }
    if (length == 0) {
        endRequest();
        return;
    }
    if (m_tally->bodyBytesInFlight + length > m_limits.maxBodyBytesInFlight) {
        refuse(503, {503, QStringLiteral("busy"),
                     QStringLiteral("the server is receiving too much data at once"), {},
                     QStringLiteral("retry after the time in Retry-After")},
               "5");
        return;
    }
    m_bodyReserved = length;
    m_tally->bodyBytesInFlight += length;
    m_bodyLeft = length;
    m_phase = Phase::Body;
    m_timer.start(m_limits.bodyTimeoutMs);
}

void ConnectionGuard::endRequest()
{
    m_tally->bodyBytesInFlight -= m_bodyReserved;
    m_bodyReserved = 0;
    m_headBytes = 0;
    m_lineIndex = 0;
    m_contentLength = -1;
    m_bodyLeft = 0;
    m_phase = Phase::Idle;
    m_wroteSinceCheck = false;
    m_timer.start(m_limits.idleTimeoutMs);
}

void ConnectionGuard::timedOut()
{
    switch (m_phase) {
    case Phase::Idle:
        // A response still going out to a client that reads it is not idleness.
        if (m_socket->bytesToWrite() > 0 && std::exchange(m_wroteSinceCheck, false)) {
            m_timer.start(m_limits.idleTimeoutMs);
            return;
        }
        m_phase = Phase::Closing;
        m_socket->abort();
        return;
    case Phase::Head:
        if (m_headBytes == 0 && m_lineIndex == 0) {  // connected and said nothing
            m_phase = Phase::Closing;
            m_socket->abort();
            return;
        }
        refuse(408, {408, QStringLiteral("request_timeout"),
                     QStringLiteral("the request head did not arrive within %1 s").arg(m_limits.headerTimeoutMs / 1000.0), {},
                     QStringLiteral("send the whole request line and headers at once")});
        return;
    case Phase::Body:
        refuse(408, {408, QStringLiteral("request_timeout"),
                     QStringLiteral("the request body did not arrive within %1 s").arg(m_limits.bodyTimeoutMs / 1000.0), {},
                     QStringLiteral("send a smaller body, or over a faster link")});
        return;
    case Phase::Drain:
    case Phase::Closing:
        m_phase = Phase::Closing;
        m_socket->abort();
        return;
    }
}

void ConnectionGuard::refuse(int status, const ApiError &error, const QByteArray &retryAfter)
{
    respond(status, error, retryAfter);
    close();
}

void ConnectionGuard::respond(int status, const ApiError &error, const QByteArray &retryAfter)
{
    qCDebug(lcLimits, "refused %s: %d %s", m_addressKey.constData(), status, qPrintable(error.code));
    m_phase = Phase::Closing;  // until the caller says otherwise: nothing more reaches QtHttpServer
    m_tally->bodyBytesInFlight -= m_bodyReserved;
    m_bodyReserved = 0;
    discardBuffered();
    m_socket->write(errorResponse(status, error, retryAfter));
}

void ConnectionGuard::close()
{
    m_phase = Phase::Closing;
    m_socket->disconnectFromHost();  // after the response is written; reading stops now
    m_timer.start(ClosingGraceMs);
}

void ConnectionGuard::discardBuffered()
{
    // QtHttpServer keeps a transaction open while a request is incomplete; committing it lets
    // the read below free the bytes instead of keeping them for a rollback.
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    m_socket->skip(m_socket->bytesAvailable());
    m_seenUnread = 0;
}

} // namespace mp2p
