#include "streamcatalog.h"

#include <QDeadlineTimer>
#include <QMutexLocker>

namespace mp2p {

StreamCatalog::StreamCatalog(PeerEngine *engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_heartbeat(new QTimer(this))
    , m_lastBeatMs(QDeadlineTimer::current().deadline())
{
    m_heartbeat->setInterval(250);
    connect(m_heartbeat, &QTimer::timeout, this, [this] { m_lastBeatMs.storeRelaxed(QDeadlineTimer::current().deadline()); });
    m_heartbeat->start();
    connect(engine, &PeerEngine::pieceFinished, this, &StreamCatalog::onPiece);
    connect(engine, &PeerEngine::transferAdded, this, [this](const QString &hash) { refresh(hash); });
    connect(engine, &PeerEngine::transferFinished, this, [this](const QString &hash) { refresh(hash); });
    connect(engine, &PeerEngine::transferRemoved, this, [this](const QString &hash) {
        const QMutexLocker lock(&m_mutex);
        m_entries.remove(hash);
    });
    // One status query per transfer, once: afterwards pieceFinished keeps the bits current.
    for (const TransferStatus &t : engine->transfers())
        refresh(t.infoHash);
}

bool StreamCatalog::refresh(const QString &infoHash)
{
    if (!m_engine)
        return false;
    Entry e;
    e.files = m_engine->files(infoHash);
    e.pieceSize = m_engine->pieceSize(infoHash);
    const QByteArray states = m_engine->pieceStates(infoHash);
    if (e.files.isEmpty() || e.pieceSize <= 0 || states.isEmpty())
        return false;
    e.have.resize(states.size());
    for (qsizetype i = 0; i < states.size(); ++i)
        e.have.setBit(i, states.at(i) == char(PieceState::Have));
    const QMutexLocker lock(&m_mutex);
    m_entries.insert(infoHash, e);
    return true;
}

std::optional<TransferFile> StreamCatalog::file(const QString &infoHash, int index, int *pieceSize) const
{
    const QMutexLocker lock(&m_mutex);
    const auto it = m_entries.constFind(infoHash);
    if (it == m_entries.cend())
        return std::nullopt;
    for (const TransferFile &f : it->files)
        if (f.index == index) {
            *pieceSize = it->pieceSize;
            return f;
        }
    return std::nullopt;
}

bool StreamCatalog::havePiece(const QString &infoHash, int piece) const
{
    const QMutexLocker lock(&m_mutex);
    const auto it = m_entries.constFind(infoHash);
    return it != m_entries.cend() && piece >= 0 && piece < it->have.size() && it->have.testBit(piece);
}

void StreamCatalog::setPieceDeadlines(const QString &infoHash, int firstPiece, int count)
{
    QMetaObject::invokeMethod(this, [this, infoHash, firstPiece, count] {
        if (m_engine)
            m_engine->setPieceDeadlines(infoHash, firstPiece, count, 0);
    }, Qt::QueuedConnection);
}

void StreamCatalog::clearPieceDeadlines(const QString &infoHash)
{
    QMetaObject::invokeMethod(this, [this, infoHash] {
        if (m_engine)
            m_engine->clearPieceDeadlines(infoHash);
    }, Qt::QueuedConnection);
}

void StreamCatalog::setSequential(const QString &infoHash)
{
    QMetaObject::invokeMethod(this, [this, infoHash] {
        if (m_engine)
            m_engine->setSequential(infoHash, true);  // after the deadlines, read on in order
    }, Qt::QueuedConnection);
}

qint64 StreamCatalog::engineSilentMs() const
{
    return QDeadlineTimer::current().deadline() - m_lastBeatMs.loadRelaxed();
}

void StreamCatalog::onPiece(const QString &infoHash, int piece)
{
    bool known = false;
    {
        const QMutexLocker lock(&m_mutex);
        auto it = m_entries.find(infoHash);
        if (it != m_entries.end() && piece >= 0 && piece < it->have.size()) {
            it->have.setBit(piece);
            known = true;
        }
    }
    // Not catalogued yet (its metadata came late): read the whole transfer now.
    if (known || refresh(infoHash))
        Q_EMIT pieceArrived(infoHash, piece);
}

} // namespace mp2p
