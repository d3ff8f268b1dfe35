#include "streamserver.h"

#include "streamcatalog.h"
#include "streamworker.h"

#include <QThread>

namespace mp2p {

StreamServer::StreamServer(PeerEngine *engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_catalog(new StreamCatalog(engine, this))
    , m_thread(new QThread(this))
    , m_worker(new StreamWorker(m_catalog))
{
    m_thread->setObjectName(QStringLiteral("mp2p-stream"));
    m_worker->moveToThread(m_thread);
    connect(m_worker, &StreamWorker::statsChanged, this, &StreamServer::statsChanged);
    connect(m_worker, &StreamWorker::requestFinished, this, &StreamServer::requestFinished);
    m_thread->start();
}

StreamServer::~StreamServer()
{
    // The worker (its sockets, its devices) is deleted on its own thread, before the catalog
    // it reads. The stream thread never waits for this one, so the blocking call cannot deadlock.
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { delete w; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

quint16 StreamServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (!address.isLoopback()) {
        // Anyone who reaches the port reads the transfers' files; there is no login here.
        if (error)
            *error = QStringLiteral("the stream server listens on loopback only (127.0.0.1 or ::1), not on %1")
                         .arg(address.toString());
        return 0;
    }
    quint16 bound = 0;
    QMetaObject::invokeMethod(m_worker, [&] { bound = m_worker->listen(address, port); }, Qt::BlockingQueuedConnection);
    m_port = bound;
    m_address = address;
    if (m_port == 0 && error)
        *error = QStringLiteral("cannot listen on %1:%2 for streaming (in use, or not an address of this machine)")
                     .arg(address.toString())
                     .arg(port);
    return m_port;
}

void StreamServer::setLimits(const ServerLimits &limits)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, limits] { w->setLimits(limits); }, Qt::BlockingQueuedConnection);
}

QUrl StreamServer::urlFor(const QString &infoHash, int fileIndex) const
{
    int pieceSize = 0;
    if (!m_catalog->file(infoHash.toLower(), fileIndex, &pieceSize))
        m_catalog->refresh(infoHash.toLower());  // e.g. its metadata arrived after the catalog was made
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_address.toString());
    url.setPort(m_port);
    url.setPath(QStringLiteral("/stream/%1/%2").arg(infoHash.toLower()).arg(fileIndex));
    return url;
}

bool StreamServer::prepareOpen(const QString &infoHash, int fileIndex, qint64 headBytes, qint64 tailBytes)
{
    const QString hash = infoHash.toLower();
    int pieceSize = 0;
    std::optional<TransferFile> file = m_catalog->file(hash, fileIndex, &pieceSize);
    if (!file && m_catalog->refresh(hash))
        file = m_catalog->file(hash, fileIndex, &pieceSize);
    if (!file || pieceSize <= 0 || file->size <= 0)
        return false;
    const auto pieceAt = [&](qint64 offset) { return int((file->offset + offset) / pieceSize); };
    const qint64 last = file->size - 1;
    QList<int> missing;
    const auto collect = [&](qint64 from, qint64 to) {
        for (int p = pieceAt(from); p <= pieceAt(to); ++p)
            if (!m_catalog->havePiece(hash, p) && !missing.contains(p))
                missing.append(p);
    };
    collect(0, qMin(last, headBytes - 1));
    collect(qMax<qint64>(0, file->size - tailBytes), last);
    for (int i = 0; i < missing.size(); ++i)
        m_engine->setPieceDeadlines(hash, missing.at(i), 1, i * 50);
    return missing.isEmpty();
}

StreamStats StreamServer::stats() const
{
    return m_worker->stats();
}

void StreamServer::setReadAheadPieces(int pieces)
{
    m_worker->setReadAheadPieces(pieces);
}

} // namespace mp2p
