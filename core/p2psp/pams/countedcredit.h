#pragma once

#include "ringfilter.h"

#include <QFuture>
#include <QHash>
#include <QMutex>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace mp2p {

// The counted credit of every uploader (ringfilter.h), cached. The whole receipt graph is read
// and filtered at once after the ledger changed (markDirty). While that is cheap (the last
// computation took at most InlineBudgetMs: a graph of some thousands of edges, measured in
// tst_creditring) the read that finds it changed recomputes at once, so counted credit follows
// redemptions exactly. On a bigger graph readers never pay for it: they get the last snapshot,
// and a read starts one recomputation on the thread pool, at most every MinIntervalMs, so
// counted credit then lags redemptions by about one computation and never blocks an announce
// or a UMS read for longer than the budget.
class CountedCredit {
public:
    using ReadEdges = std::function<std::optional<QList<CreditEdge>>(QString *error)>;
    static constexpr qint64 MinIntervalMs = 1000;
    static constexpr qint64 InlineBudgetMs = 10;

    explicit CountedCredit(ReadEdges readEdges);
    ~CountedCredit();  // waits for a running computation (it reads the ledger)
    CountedCredit(const CountedCredit &) = delete;
    CountedCredit &operator=(const CountedCredit &) = delete;

    // Computes now, on this thread (at open, and for tests); false on a read error.
    bool refreshNow(QString *error);
    // The ledger changed: the next read schedules a recomputation.
    void markDirty();
    // The user's counted credit in the current snapshot (0 when none).
    qint64 countedOf(const QString &userId) const;
    RingStats stats() const;
    // Whether a recomputation is pending or running (tests wait for it to settle).
    bool isSettled() const;

private:
    void updateIfDirty() const;
    void compute();

    ReadEdges m_readEdges;
    QMutex m_computeLock;  // one computation at a time
    mutable QMutex m_lock;
    std::shared_ptr<const QHash<QString, qint64>> m_counted;
    RingStats m_stats;
    mutable bool m_dirty = false;
    mutable bool m_running = false;
    mutable qint64 m_lastStartMs = 0;
    mutable QFuture<void> m_future;
};

} // namespace mp2p
