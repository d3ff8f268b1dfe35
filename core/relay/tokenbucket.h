#pragma once

#include <QElapsedTimer>
#include <QtGlobal>

namespace mp2p {

// A token bucket in bytes per second, shared by every relayed connection of one server so the
// volunteer's upload cap holds for their sum. A rate of 0 means unlimited. The burst is a tenth
// of a second of traffic (at least 16 KiB), so a cap is met over any window of ~0.5 s or more.
class TokenBucket {
public:
    TokenBucket();
    void setRate(qint64 bytesPerSec);   // takes effect at once
    qint64 rate() const { return m_rate; }
    // Grants up to |wanted| bytes now (possibly 0) and takes them from the bucket.
    qint64 take(qint64 wanted);
    // Milliseconds until at least |bytes| (capped at the burst) can be granted.
    int msUntil(qint64 bytes) const;

private:
    void refill();
    qint64 burst() const;

    qint64 m_rate = 0;
    double m_tokens = 0;
    qint64 m_lastNs = 0;
    QElapsedTimer m_clock;
};

} // namespace mp2p
