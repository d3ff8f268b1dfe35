#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QMutex>

#include <functional>

namespace mp2p {

// Token buckets by key: each key may spend `count` at once and earns them back over
// `windowSecs`. The table is bounded: when it is full, buckets that have refilled completely are
// dropped first (they carry no state), then the table is cleared rather than grown, so a
// stranger who sends a new key with every request costs memory for at most `maxKeys` keys.
class RateLimiter {
public:
    explicit RateLimiter(int maxKeys = 100000);

    // Takes one token for `key`. Returns 0 when allowed, else the seconds until one is free.
    int take(const QByteArray &key, int count, int windowSecs);
    // Test hook: the limiter's notion of now, in milliseconds.
    void setClock(std::function<qint64()> nowMs) { m_nowMs = std::move(nowMs); }
    int size() const;

private:
    struct Bucket {
        double tokens = 0;
        qint64 updatedMs = 0;
        int count = 0;
        int windowSecs = 0;
    };
    void refill(Bucket &bucket, qint64 nowMs) const;
    void makeRoom(qint64 nowMs);

    mutable QMutex m_lock;
    QHash<QByteArray, Bucket> m_buckets;
    int m_maxKeys;
    QElapsedTimer m_started;
    std::function<qint64()> m_nowMs;
};

} // namespace mp2p
