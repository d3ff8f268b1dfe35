#include "countedcredit.h"

#include "pamslog.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace mp2p {

CountedCredit::CountedCredit(ReadEdges readEdges)
    : m_readEdges(std::move(readEdges))
    , m_counted(std::make_shared<const QHash<QString, qint64>>())
{
}

CountedCredit::~CountedCredit()
{
    QFuture<void> running;
    {
        QMutexLocker locker(&m_lock);
        running = m_future;
    }
    running.waitForFinished();
}

bool CountedCredit::refreshNow(QString *error)
{
    QMutexLocker computing(&m_computeLock);
    QElapsedTimer timer;
    timer.start();
    {
        QMutexLocker locker(&m_lock);
        m_dirty = false;  // anything marked after this point is read by a later computation
    }
    const auto edges = m_readEdges(error);
    if (!edges) {
        QMutexLocker locker(&m_lock);
        m_dirty = true;
        return false;
    }
    RingStats stats;
    auto counted = std::make_shared<const QHash<QString, qint64>>(countedCredit(*edges, &stats));
    stats.computeMs = timer.elapsed();
    QMutexLocker locker(&m_lock);
    m_counted = std::move(counted);
    m_stats = stats;
    return true;
}

void CountedCredit::compute()
{
    QString error;
    if (!refreshNow(&error))
        qCWarning(lcPams) << "counted credit: the receipt graph could not be read:" << error;
    QMutexLocker locker(&m_lock);
    m_running = false;
}

void CountedCredit::markDirty()
{
    QMutexLocker locker(&m_lock);
    m_dirty = true;
}

void CountedCredit::updateIfDirty() const
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto *self = const_cast<CountedCredit *>(this);
    {
        QMutexLocker locker(&m_lock);
        if (!m_dirty || m_running)
            return;
        if (m_stats.computeMs > InlineBudgetMs) {
            if (now - m_lastStartMs < MinIntervalMs)
                return;
            m_running = true;
            m_lastStartMs = now;
            m_future = QtConcurrent::run([self] { self->compute(); });
            return;
        }
    }
    QString error;
    if (!self->refreshNow(&error))
        qCWarning(lcPams) << "counted credit: the receipt graph could not be read:" << error;
}

qint64 CountedCredit::countedOf(const QString &userId) const
{
    updateIfDirty();
    QMutexLocker locker(&m_lock);
    return m_counted->value(userId, 0);
}

RingStats CountedCredit::stats() const
{
    QMutexLocker locker(&m_lock);
    return m_stats;
}

bool CountedCredit::isSettled() const
{
    updateIfDirty();
    QMutexLocker locker(&m_lock);
    return !m_dirty && !m_running;
}

} // namespace mp2p
