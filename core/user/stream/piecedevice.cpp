#include "piecedevice.h"

#include <QTcpSocket>

namespace mp2p {

namespace {
constexpr qint64 kMaxUnsent = 2 << 20;  // bytes queued in the socket before we hold back
constexpr qint64 kResumeBelow = 512 << 10;
constexpr int kPollMs = 500;
constexpr qint64 kEngineSilentMs = 3000;
} // namespace

PieceDevice::PieceDevice(StreamCatalog *catalog, Source source, int readAheadPieces, QObject *parent)
    : QIODevice(parent)
    , m_catalog(catalog)
    , m_src(std::move(source))
    , m_readAhead(qMax(1, readAheadPieces))
    , m_file(m_src.file.absolutePath)
    , m_pos(m_src.first)
    , m_readyEnd(m_src.first)
{
    connect(catalog, &StreamCatalog::pieceArrived, this, &PieceDevice::onPieceFinished);
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, [this]() {
        if (advanceReady()) {
            stopWaiting();
            Q_EMIT readyRead();
        } else if (m_waiting && m_catalog->engineSilentMs() > kEngineSilentMs) {
            // The engine's thread is blocked (e.g. a player opening this very URL synchronously
            // on it): no piece can be reported until it returns, so end this response and let
            // the player fail and retry instead of both waiting for ever.
            setErrorString(QStringLiteral("the engine's thread is busy; the stream was ended"));
            qWarning("mp2p stream: %s: the engine's thread did not run for %lld ms while a response waited "
                     "for piece %d; ending the response so the player can retry",
                     qPrintable(m_src.infoHash), m_catalog->engineSilentMs(), pieceOf(m_readyEnd));
            if (m_socket)
                m_socket->abort();
        } else if (m_waiting) {
            // Another request of the same transfer (the player seeked) may have cleared our
            // deadlines: a request still waiting puts them back.
            startWaiting();
        }
    });
}

PieceDevice::~PieceDevice()
{
    if (m_waiting)
        m_waitedMs += m_waitClock.elapsed();
    m_waiting = false;
    Q_EMIT finished(m_waitedMs, !atEnd());
}

bool PieceDevice::open(OpenMode mode)
{
    if ((mode & ReadWrite) != ReadOnly)
        return false;
    // The file may not exist yet when nothing of it has arrived; it is opened on first read.
    return QIODevice::open(mode | Unbuffered);
}

qint64 PieceDevice::bytesAvailable() const
{
    return (m_readyEnd - m_pos) + QIODevice::bytesAvailable();
}

bool PieceDevice::atEnd() const
{
    return m_pos > m_src.last;
}

void PieceDevice::setSocket(QTcpSocket *socket)
{
    m_socket = socket;
    if (socket)
        connect(socket, &QTcpSocket::bytesWritten, this, &PieceDevice::onSocketDrained);
}

qint64 PieceDevice::waitedMs() const
{
    return m_waitedMs + (m_waiting ? m_waitClock.elapsed() : 0);
}

qint64 PieceDevice::readData(char *data, qint64 maxSize)
{
    // 0, not -1, at the end: the pump may have a read queued from before the last chunk, and
    // it logs -1 as a read error.
    if (atEnd())
        return 0;
    if (m_socket && m_socket->bytesToWrite() > kMaxUnsent) {
        m_throttled = true;  // onSocketDrained() wakes the reader up again
        return 0;
    }
    if (m_pos >= m_readyEnd && !advanceReady()) {
        startWaiting();
        return 0;
    }
    // Unbuffered: a buffered QFile reads ahead past the verified pieces and would later serve
    // those stale (not yet downloaded) bytes from its buffer.
    if (!m_file.isOpen() && !m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        setErrorString(m_file.errorString());
        return -1;
    }
    const qint64 n = qMin(maxSize, m_readyEnd - m_pos);
    if (!m_file.seek(m_pos))
        return -1;
    const qint64 got = m_file.read(data, n);
    if (got <= 0) {
        setErrorString(m_file.errorString());
        return -1;
    }
    m_pos += got;
    // Ask for what comes next now: the pump only reads again on readyRead.
    if (m_pos >= m_readyEnd && !atEnd() && !advanceReady())
        startWaiting();
    return got;
}

void PieceDevice::onPieceFinished(const QString &infoHash, int piece)
{
    if (infoHash != m_src.infoHash || m_pos > m_src.last || piece != pieceOf(m_readyEnd))
        return;
    if (advanceReady()) {
        stopWaiting();
        Q_EMIT readyRead();
    }
}

void PieceDevice::onSocketDrained()
{
    if (m_throttled && !atEnd() && m_socket && m_socket->bytesToWrite() < kResumeBelow) {
        m_throttled = false;
        Q_EMIT readyRead();
    }
}

bool PieceDevice::advanceReady()
{
    const qint64 start = m_readyEnd;
    while (m_readyEnd <= m_src.last && m_catalog->havePiece(m_src.infoHash, pieceOf(m_readyEnd)))
        m_readyEnd = pieceEndInFile(pieceOf(m_readyEnd));
    return m_readyEnd > start;
}

void PieceDevice::startWaiting()
{
    const int piece = pieceOf(m_readyEnd);
    const int lastPiece = pieceOf(m_src.last);
    // The missing piece first, then a few after it within the range (a player reads on).
    m_catalog->setPieceDeadlines(m_src.infoHash, piece, qMin(m_readAhead, lastPiece - piece + 1));
    if (m_waiting)
        return;
    m_waiting = true;
    m_waitClock.start();
    m_poll.start();
    Q_EMIT waitingChanged(true);
}

void PieceDevice::stopWaiting()
{
    if (!m_waiting)
        return;
    m_waiting = false;
    m_waitedMs += m_waitClock.elapsed();
    m_poll.stop();
    Q_EMIT waitingChanged(false);
}

int PieceDevice::pieceOf(qint64 fileOffset) const
{
    return int((m_src.file.offset + fileOffset) / m_src.pieceSize);
}

qint64 PieceDevice::pieceEndInFile(int piece) const
{
    const qint64 end = qint64(piece + 1) * m_src.pieceSize - m_src.file.offset;
    return qMin(end, m_src.last + 1);
}

} // namespace mp2p
