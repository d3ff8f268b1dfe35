#include "ratelimiter.h"

#include <QMutexLocker>

#include <algorithm>
#include <cmath>

namespace mp2p {

RateLimiter::RateLimiter(int maxKeys)
    : m_maxKeys(std::max(16, maxKeys))
{
    m_started.start();
    m_nowMs = [this] { return m_started.elapsed(); };
}

void RateLimiter::refill(Bucket &bucket, qint64 nowMs) const
{
    const double earned = double(nowMs - bucket.updatedMs) * bucket.count / (1000.0 * bucket.windowSecs);
    bucket.tokens = std::min<double>(bucket.count, bucket.tokens + std::max(0.0, earned));
    bucket.updatedMs = nowMs;
}

void RateLimiter::makeRoom(qint64 nowMs)
{
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        refill(it.value(), nowMs);
        it = it->tokens >= it->count ? m_buckets.erase(it) : std::next(it);
    }
    if (m_buckets.size() >= m_maxKeys)
        m_buckets.clear();
}

int RateLimiter::take(const QByteArray &key, int count, int windowSecs)
{
    if (count <= 0 || windowSecs <= 0)
        return 0;
    QMutexLocker lock(&m_lock);
    const qint64 now = m_nowMs();
    auto it = m_buckets.find(key);
    if (it == m_buckets.end()) {
        if (m_buckets.size() >= m_maxKeys)
            makeRoom(now);
        it = m_buckets.insert(key, Bucket{double(count), now, count, windowSecs});
    }
    Bucket &bucket = it.value();
    bucket.count = count;
    bucket.windowSecs = windowSecs;
    refill(bucket, now);
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return 0;
    }
    const double msToOne = (1.0 - bucket.tokens) * 1000.0 * windowSecs / count;
    return std::max(1, int(std::ceil(msToOne / 1000.0)));
}

int RateLimiter::size() const
{
    QMutexLocker lock(&m_lock);
    return int(m_buckets.size());
}

} // namespace mp2p
