#include "streamworker.h"

#include "byterange.h"
#include "piecedevice.h"

#include "base/apierror.h"
#include "base/limitedtcpserver.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QMimeDatabase>
#include <QMutexLocker>

#include <algorithm>

namespace mp2p {

namespace {
using Status = QHttpServerResponder::StatusCode;

void writeError(QHttpServerResponder &responder, const ApiError &error)
{
    responder.write(QJsonDocument(error.toJson()), static_cast<Status>(error.status));
}

QByteArray headerOf(const QHttpServerRequest &request, const QByteArray &lowerCaseName)
{
    for (const auto &h : request.headers())
        if (h.first.toLower() == lowerCaseName)
            return h.second;
    return {};
}

QByteArray mimeTypeOf(const QString &path)
{
    static const QMimeDatabase db;
    return db.mimeTypeForFile(path, QMimeDatabase::MatchExtension).name().toLatin1();
}

void writeUnsatisfiable(QHttpServerResponder &responder, qint64 fileSize, bool malformed)
{
    const ApiError e = malformed
        ? ApiError{416, QStringLiteral("range_malformed"),
                   QStringLiteral("the Range header is not a byte range this server reads"), QStringLiteral("Range"),
                   QStringLiteral("send bytes=FIRST-LAST, bytes=FIRST- or bytes=-COUNT with FIRST <= LAST, or no Range")}
        : ApiError{416, QStringLiteral("range_not_satisfiable"),
                   QStringLiteral("the range starts past the end of the %1-byte file").arg(fileSize),
                   QStringLiteral("Range"), QStringLiteral("ask for bytes below %1").arg(fileSize)};
    responder.write(QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact),
                    {{"Content-Type", "application/json"}, {"Content-Range", "bytes */" + QByteArray::number(fileSize)}},
                    Status::RequestRangeNotSatisfiable);
}

} // namespace

StreamWorker::StreamWorker(StreamCatalog *catalog)
    : m_catalog(catalog)
    , m_server(new QHttpServer(this))
    , m_statsTimer(new QTimer(this))
{
    // No QtHttpServer routes: one path shape, parsed here, and our own 404/405 bodies.
    m_server->setMissingHandler([this](const QHttpServerRequest &req, QHttpServerResponder &&responder) {
        handle(req, std::move(responder));
    });
    m_statsTimer->setInterval(250);
    connect(m_statsTimer, &QTimer::timeout, this, &StreamWorker::publishStats);
}

StreamWorker::~StreamWorker()
{
    // Responses still sending end with the server; their devices must not report to us.
    const QList<PieceDevice *> active = m_active;
    for (PieceDevice *d : active) {
        disconnect(d, nullptr, this, nullptr);
        delete d;  // the pump inside QtHttpServer goes with it (it watches destroyed)
    }
}

ServerLimits streamLimits()
{
    ServerLimits limits;
    limits.maxRequestLineBytes = 4 * 1024;
    limits.maxHeadBytes = 8 * 1024;
    limits.headerTimeoutMs = 10'000;
    limits.bodyTimeoutMs = 10'000;
    limits.idleTimeoutMs = 5 * 60'000;
    limits.maxConnectionsPerAddress = 32;
    limits.maxConnections = 32;
    limits.maxBodyBytesInFlight = 0;
    return limits;
}

quint16 StreamWorker::listen(const QHostAddress &address, quint16 port)
{
    // QtHttpServer alone reads any request whole and never times a connection out: the socket
    // layer enforces the limits before it sees a byte (GET and HEAD only, so no body at all).
    auto tcp = std::make_unique<LimitedTcpServer>(m_limits, 0);
    if (!tcp->listen(address, port))
        return 0;
    const quint16 bound = tcp->serverPort();
    m_server->bind(tcp.release());  // QtHttpServer takes ownership
    return bound;
}

StreamStats StreamWorker::stats() const
{
    const QMutexLocker lock(&m_statsMutex);
    return m_snapshot;
}

void StreamWorker::publishStats()
{
    StreamStats s = m_done;
    s.activeRequests = int(m_active.size());
    for (const PieceDevice *d : std::as_const(m_active)) {
        s.totalWaitedMs += d->waitedMs();
        if (d->isWaiting())
            ++s.waitingRequests;
    }
    {
        const QMutexLocker lock(&m_statsMutex);
        m_snapshot = s;
    }
    if (s.waitingRequests > 0 && !m_statsTimer->isActive())
        m_statsTimer->start();
    else if (s.waitingRequests == 0)
        m_statsTimer->stop();
    Q_EMIT statsChanged();
}

void StreamWorker::handle(const QHttpServerRequest &req, QHttpServerResponder &&responder)
{
    ++m_done.requests;
    publishStats();
    const bool head = req.method() == QHttpServerRequest::Method::Head;
    if (!head && req.method() != QHttpServerRequest::Method::Get) {
        ApiError e = ApiError::badRequest(QStringLiteral("method_not_allowed"),
                                          QStringLiteral("only GET and HEAD are served here"));
        e.status = 405;
        return writeError(responder, e);
    }
    const QStringList seg = req.url().path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    bool indexOk = false;
    const int index = seg.size() == 3 ? seg[2].toInt(&indexOk) : -1;
    if (seg.size() != 3 || seg[0] != QLatin1String("stream") || !indexOk)
        return writeError(responder, ApiError::notFound(QStringLiteral("use /stream/<infohash>/<fileIndex>")));
    const QString hash = seg[1].toLower();
    int pieceSize = 0;
    const std::optional<TransferFile> file = m_catalog->file(hash, index, &pieceSize);
    if (!file || pieceSize <= 0)
        return writeError(responder, ApiError::notFound(
                                         QStringLiteral("no file %1 in a transfer %2 of this peer").arg(index).arg(hash)));

    const QByteArray size = QByteArray::number(file->size);
    const ByteRange range = ByteRange::parse(headerOf(req, "range"), file->size);
    if (range.kind == ByteRange::Kind::Unsatisfiable || range.kind == ByteRange::Kind::Invalid)
        return writeUnsatisfiable(responder, file->size, range.kind == ByteRange::Kind::Invalid);
    const bool partial = range.kind == ByteRange::Kind::Partial;
    const QByteArray mime = mimeTypeOf(file->path);
    const QByteArray length = QByteArray::number(partial ? range.length() : file->size);
    const QByteArray contentRange = "bytes " + QByteArray::number(range.first) + '-' + QByteArray::number(range.last)
                                    + '/' + size;
    const Status status = partial ? Status::PartialContent : Status::Ok;
    if (head || range.length() <= 0) {
        // Headers only (HEAD, or an empty file): write() with bytes would add its own length.
        responder.writeStatusLine(status);
        responder.writeHeaders({{"Content-Type", mime}, {"Content-Length", head ? length : "0"},
                                {"Accept-Ranges", "bytes"}});
        if (partial)
            responder.writeHeader("Content-Range", contentRange);
        responder.writeBody(QByteArray());
        return;
    }

    // A new body request is usually a seek: the player left (or will leave) its old position,
    // so the deadlines around it go and this request's own come first. A request that really
    // still waits (a second connection of the same player) puts its deadlines back within a
    // poll interval (PieceDevice).
    if (std::any_of(m_active.cbegin(), m_active.cend(), [&](const PieceDevice *d) { return d->infoHash() == hash; }))
        m_catalog->clearPieceDeadlines(hash);
    PieceDevice::Source src{hash, *file, pieceSize, range.first, range.last};
    auto *device = new PieceDevice(m_catalog, src, m_readAhead.loadRelaxed());
    device->open(QIODevice::ReadOnly);
    device->setSocket(responder.socket());
    track(device, hash, index);
    // A sequential device gets no Content-Length from QtHttpServer: we know it, so we send it.
    if (partial)
        responder.write(device, {{"Content-Type", mime}, {"Content-Length", length}, {"Accept-Ranges", "bytes"},
                                 {"Content-Range", contentRange}}, status);
    else
        responder.write(device, {{"Content-Type", mime}, {"Content-Length", length}, {"Accept-Ranges", "bytes"}},
                        status);
}

void StreamWorker::track(PieceDevice *device, const QString &infoHash, int fileIndex)
{
    m_active.append(device);
    connect(device, &PieceDevice::waitingChanged, this, [this, infoHash](bool waiting) {
        if (waiting && !m_sequential.contains(infoHash)) {
            m_sequential.insert(infoHash);
            m_catalog->setSequential(infoHash);  // after the deadlines, read on in order
        }
        publishStats();
    });
    connect(device, &PieceDevice::finished, this,
            [this, device, infoHash, fileIndex](qint64 waitedMs, bool incomplete) {
        m_active.removeOne(device);
        // A player that left (seeked away, stopped) no longer needs its pieces first.
        const bool othersStream = std::any_of(m_active.cbegin(), m_active.cend(),
                                              [&](const PieceDevice *d) { return d->infoHash() == infoHash; });
        if (incomplete && !othersStream)
            m_catalog->clearPieceDeadlines(infoHash);
        m_done.totalWaitedMs += waitedMs;
        m_done.lastWaitedMs = waitedMs;
        publishStats();  // before the signal: a receiver reads stats() at once
        Q_EMIT requestFinished(infoHash, fileIndex, waitedMs);
    });
    publishStats();
}

} // namespace mp2p
