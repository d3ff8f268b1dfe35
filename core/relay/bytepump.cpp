#include "bytepump.h"

#include "tokenbucket.h"

#include <QTimer>

#include <algorithm>

namespace mp2p {

BytePump::BytePump(QTcpSocket *a, QTcpSocket *b, TokenBucket *bucket, QObject *parent)
    : QObject(parent), m_a(a), m_b(b), m_bucket(bucket), m_retry(new QTimer(this))
{
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &BytePump::pumpBoth);
    for (QTcpSocket *s : {a, b}) {
        s->setParent(this);
        s->setReadBufferSize(kReadBuffer);
        s->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        connect(s, &QTcpSocket::disconnected, this, &BytePump::sideClosed);
    }
    connect(a, &QTcpSocket::readyRead, this, [this] { pump(m_a, m_b); });
    connect(b, &QTcpSocket::readyRead, this, [this] { pump(m_b, m_a); });
    connect(b, &QTcpSocket::bytesWritten, this, [this] { pump(m_a, m_b); });
    connect(a, &QTcpSocket::bytesWritten, this, [this] { pump(m_b, m_a); });
    // Bytes may already be buffered (e.g. read together with a ConnectionBind answer).
    QTimer::singleShot(0, this, [this] {
        pumpBoth();
        if (m_a && m_a->state() != QAbstractSocket::ConnectedState)
            sideClosed();
        if (m_b && m_b->state() != QAbstractSocket::ConnectedState)
            sideClosed();
    });
}

BytePump::~BytePump() = default;

void BytePump::pumpBoth()
{
    if (m_a && m_b) {
        pump(m_a, m_b);
        pump(m_b, m_a);
    }
}

void BytePump::pump(QTcpSocket *src, QTcpSocket *dst)
{
    if (!src || !dst || m_finished)
        return;
    const bool dstOpen = dst->state() == QAbstractSocket::ConnectedState;
    while (src->bytesAvailable() > 0 && dstOpen) {
        if (dst->bytesToWrite() >= kHighWater)
            return;   // resumed by dst's bytesWritten
        qint64 n = std::min<qint64>(src->bytesAvailable(), kChunk);
        if (m_bucket) {
            n = m_bucket->take(n);
            if (n == 0) {
                if (!m_retry->isActive())
                    m_retry->start(m_bucket->msUntil(kChunk));
                return;
            }
        }
        const QByteArray chunk = src->read(n);
        dst->write(chunk);
        const bool aToB = src == m_a;
        (aToB ? m_aToB : m_bToA) += chunk.size();
        if (m_counter)
            m_counter(aToB ? chunk.size() : 0, aToB ? 0 : chunk.size());
    }
    // A side that is gone and fully drained closes the other one (after its pending writes).
    if (src->state() != QAbstractSocket::ConnectedState && (src->bytesAvailable() == 0 || !dstOpen)
        && dst->state() == QAbstractSocket::ConnectedState)
        dst->disconnectFromHost();
    checkFinished();
}

void BytePump::sideClosed()
{
    pumpBoth();
    checkFinished();
}

void BytePump::checkFinished()
{
    if (m_finished)
        return;
    const bool aDone = !m_a || m_a->state() == QAbstractSocket::UnconnectedState;
    const bool bDone = !m_b || m_b->state() == QAbstractSocket::UnconnectedState;
    if (aDone && bDone) {
        m_finished = true;
        m_retry->stop();
        Q_EMIT finished();
        deleteLater();
    }
}

void BytePump::close()
{
    if (m_finished)
        return;
    m_closing = true;
    if (m_a)
        m_a->abort();
    if (m_b)
        m_b->abort();
    checkFinished();
}

} // namespace mp2p
