#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QTcpSocket>

namespace mp2p::test {

// One client connection that sends whatever bytes a test (or an attacker) likes, from a chosen
// 127.x source address, and reads the server's answer. Waits process events, so the server may
// run in the same thread.
class RawHttp {
public:
    // `from` = the source address to bind (any loopback address on Linux); null = the default.
    explicit RawHttp(const QHostAddress &from = {});

    bool connectTo(quint16 port, int timeoutMs = 5000);
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState && !m_closed; }
    bool closed() const { return m_closed; }
    void send(const QByteArray &bytes);
    // Keeps writing `chunk` until `total` bytes went out, the server closes, or `timeoutMs`
    // passes; never more than `window` bytes unsent in this process. Returns bytes written.
    qint64 stream(const QByteArray &chunk, qint64 total, int timeoutMs, qint64 window = 1 << 20);

    // Waits for the n-th complete response (1-based) or the close; its status, 0 if none.
    int waitForResponse(int n = 1, int timeoutMs = 10000);
    bool waitForClose(int timeoutMs = 10000);
    int responseCount() const;
    // Status, named header (lower-case name) and body of the n-th response received.
    int status(int n = 1) const;
    QByteArray header(const QByteArray &lowerName, int n = 1) const;
    QByteArray body(int n = 1) const;
    const QByteArray &received() const { return m_received; }
    QTcpSocket &socket() { return m_socket; }

private:
    struct Response {
        int status = 0;
        QByteArray head;
        QByteArray body;
    };
    QList<Response> parse() const;

    QTcpSocket m_socket;
    QByteArray m_received;
    bool m_closed = false;
};

// A simple GET with a fresh connection from `from`; the status (0 = no answer in time).
int rawGet(quint16 port, const QByteArray &path, const QHostAddress &from = {}, int timeoutMs = 10000,
           const QByteArray &extraHeaders = {});

// Resident memory (VmRSS) of a process in bytes, -1 if unreadable; CPU time (user + system)
// in clock ticks from /proc/<pid>/stat.
qint64 residentBytes(qint64 pid);
qint64 cpuTicks(qint64 pid);

} // namespace mp2p::test
