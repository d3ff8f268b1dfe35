#include "rawhttp.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

namespace mp2p::test {

RawHttp::RawHttp(const QHostAddress &from)
{
    if (!from.isNull())
        m_socket.bind(from, 0);
    QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] { m_received += m_socket.readAll(); });
    QObject::connect(&m_socket, &QTcpSocket::disconnected, &m_socket, [this] { m_closed = true; });
    QObject::connect(&m_socket, &QTcpSocket::errorOccurred, &m_socket, [this](QAbstractSocket::SocketError e) {
        if (e != QAbstractSocket::SocketTimeoutError)
            m_closed = true;
    });
}

bool RawHttp::connectTo(quint16 port, int timeoutMs)
{
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState || m_closed; }, timeoutMs)
           && !m_closed;
}

void RawHttp::send(const QByteArray &bytes)
{
    m_socket.write(bytes);
    m_socket.flush();
}

qint64 RawHttp::stream(const QByteArray &chunk, qint64 total, int timeoutMs, qint64 window)
{
    QElapsedTimer clock;
    clock.start();
    qint64 written = 0;
    while (written < total && isConnected() && clock.elapsed() < timeoutMs) {
        if (m_socket.bytesToWrite() < window) {
            const QByteArray piece = chunk.left(int(qMin<qint64>(chunk.size(), total - written)));
            m_socket.write(piece);
            written += piece.size();
        }
        (void)QTest::qWaitFor([this, window] { return m_socket.bytesToWrite() < window || !isConnected(); }, 50);
    }
    return written;
}

QList<RawHttp::Response> RawHttp::parse() const
{
    QList<Response> out;
    qsizetype at = 0;
    while (true) {
        const qsizetype end = m_received.indexOf("\r\n\r\n", at);
        if (end < 0)
            break;
        Response r;
        r.head = m_received.mid(at, end - at);
        const QList<QByteArray> words = r.head.left(r.head.indexOf('\r')).split(' ');
        r.status = words.size() > 1 ? words.at(1).toInt() : 0;
        qint64 length = 0;
        for (const QByteArray &line : r.head.split('\n')) {
            const int colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == "content-length")
                length = line.mid(colon + 1).trimmed().toLongLong();
        }
        if (m_received.size() < end + 4 + length)
            break;
        r.body = m_received.mid(end + 4, length);
        out.append(r);
        at = end + 4 + length;
    }
    return out;
}

int RawHttp::responseCount() const
{
    return int(parse().size());
}

int RawHttp::waitForResponse(int n, int timeoutMs)
{
    (void)QTest::qWaitFor([this, n] { return responseCount() >= n || m_closed; }, timeoutMs);
    return status(n);
}

bool RawHttp::waitForClose(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_closed; }, timeoutMs);
}

int RawHttp::status(int n) const
{
    const auto all = parse();
    return n >= 1 && n <= all.size() ? all.at(n - 1).status : 0;
}

QByteArray RawHttp::header(const QByteArray &lowerName, int n) const
{
    const auto all = parse();
    if (n < 1 || n > all.size())
        return {};
    for (const QByteArray &line : all.at(n - 1).head.split('\n')) {
        const int colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == lowerName)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

QByteArray RawHttp::body(int n) const
{
    const auto all = parse();
    return n >= 1 && n <= all.size() ? all.at(n - 1).body : QByteArray();
}

int rawGet(quint16 port, const QByteArray &path, const QHostAddress &from, int timeoutMs, const QByteArray &extraHeaders)
{
    RawHttp http(from);
    if (!http.connectTo(port, timeoutMs))
        return 0;
    http.send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n");
    return http.waitForResponse(1, timeoutMs);
}

qint64 residentBytes(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() * 1024;
    return -1;
}

qint64 cpuTicks(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    // Fields after the ")" that closes the command name: state is field 3, utime 14, stime 15.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return fields.at(11).toLongLong() + fields.at(12).toLongLong();
}

} // namespace mp2p::test
