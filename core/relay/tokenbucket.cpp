#include "tokenbucket.h"

#include <algorithm>
#include <cmath>

namespace mp2p {

TokenBucket::TokenBucket()
{
    m_clock.start();
}

void TokenBucket::setRate(qint64 bytesPerSec)
{
    refill();
    m_rate = std::max<qint64>(0, bytesPerSec);
    m_tokens = std::min<double>(m_tokens, double(burst()));
}

qint64 TokenBucket::burst() const
{
    return std::max<qint64>(16 * 1024, m_rate / 10);
}

void TokenBucket::refill()
{
    const qint64 now = m_clock.nsecsElapsed();
    if (m_rate > 0)
        m_tokens = std::min<double>(double(burst()), m_tokens + double(now - m_lastNs) * 1e-9 * double(m_rate));
    m_lastNs = now;
}

qint64 TokenBucket::take(qint64 wanted)
{
    if (m_rate <= 0)
        return wanted;
    refill();
    const qint64 granted = std::min<qint64>(wanted, qint64(m_tokens));
    m_tokens -= double(granted);
    return std::max<qint64>(0, granted);
}

int TokenBucket::msUntil(qint64 bytes) const
{
    if (m_rate <= 0)
        return 0;
    const double need = double(std::min(bytes, burst())) - m_tokens;
    if (need <= 0)
        return 0;
    return std::max(1, int(std::ceil(need * 1000.0 / double(m_rate))));
}

} // namespace mp2p
