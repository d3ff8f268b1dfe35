#pragma once

#include "apierror.h"
#include "serverlimits.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <memory>

class QTcpSocket;

namespace mp2p {

// What all connections of one server hold together (shared so that a connection outliving
// its server's bookkeeping stays safe).
struct ConnectionTally {
    QHash<QByteArray, int> perAddress;  // key: addressKey()
    int total = 0;
    qint64 bodyBytesInFlight = 0;
};

// The per-address key: an IPv4 address, or the /64 of an IPv6 one (one host's share).
QByteArray addressKey(const QHostAddress &address);

// Watches one server connection for the limits of ServerLimits before QtHttpServer reads it.
// This is a limit checker, not an HTTP parser: per request it counts the head up to its blank
// line, reads only Content-Length and Transfer-Encoding from it, then counts that many body
// bytes; QtHttpServer parses for real. On a violation it discards what is buffered (so
// QtHttpServer never sees it), writes a short JSON error and closes.
//
// It must see each chunk before QtHttpServer does: construct it (its readyRead slot connects
// first) before the socket is handed to QtHttpServer, and call serverAttached() right after,
// so a second slot learns how much QtHttpServer left unread (pipelined requests stay in the
// socket's buffer between its reads; those bytes have been counted already). This relies on
// handlers not running a nested event loop (none does: they are synchronous), which could
// let the socket buffer new bytes between the two slots.
class ConnectionGuard : public QObject {
    Q_OBJECT
public:
    ConnectionGuard(QTcpSocket *socket, const ServerLimits &limits, qint64 maxBodyBytes,
                    std::shared_ptr<ConnectionTally> tally, QByteArray addressKey);
    ~ConnectionGuard() override;

    void serverAttached();

private:
    // Drain: refused with 413, the declared body is read and dropped so that a client still
    // sending it gets to read the answer (closing on unread data would reset the connection).
    enum class Phase { Head, Body, Idle, Drain, Closing };

    void beforeServerReads();
    void afterServerReads();
    void scan(const char *data, qint64 size);
    qint64 scanHead(const char *data, qint64 size);  // bytes used; may end the head
    bool headerLine(const QByteArray &line);         // false = refused
    void endHead();
    void endRequest();
    void timedOut();
    void refuse(int status, const ApiError &error, const QByteArray &retryAfter = {});  // respond + close
    void respond(int status, const ApiError &error, const QByteArray &retryAfter = {});
    void close();
    void discardBuffered();

    QTcpSocket *m_socket;
    ServerLimits m_limits;
    qint64 m_maxBodyBytes;
    std::shared_ptr<ConnectionTally> m_tally;
    QByteArray m_addressKey;
    QTimer m_timer;
    bool m_attached = false;
    bool m_wroteSinceCheck = false;

    Phase m_phase = Phase::Head;
    qint64 m_seenUnread = 0;    // bytes QtHttpServer left in the buffer that were counted
    qint64 m_headBytes = 0;
    int m_lineIndex = 0;        // 0 = request line
    QByteArray m_line;          // the header line being read (bounded by maxHeadBytes)
    qint64 m_contentLength = -1;
    qint64 m_bodyLeft = 0;
    qint64 m_bodyReserved = 0;  // counted in m_tally->bodyBytesInFlight
};

// A minimal HTTP/1.1 response with a JSON ApiError body and "Connection: close".
QByteArray errorResponse(int status, const ApiError &error, const QByteArray &retryAfter = {});

} // namespace mp2p
