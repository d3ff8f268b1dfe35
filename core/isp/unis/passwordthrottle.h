#pragma once

#include "unisconfig.h"

#include <protocol/auth.h>

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QMutex>
#include <QString>

#include <optional>

namespace mp2p {

// Keeps password guessing from costing the UNIS its CPU: each HTTP Basic check that is not
// in UnisAuth's cache is an Argon2id run. An address with too many failures in a window gets
// 429 until the window ends; beyond a few checks per second (or at once), all addresses
// together, a check is refused with 503 instead of queued. Credentials that checked out
// before come from UnisAuth's cache and pass without a check, so known clients stay fast.
class PasswordThrottle {
public:
    struct Refusal {
        int status;          // 429 or 503
        int retryAfterSecs;
        QString message;
    };

    explicit PasswordThrottle(Clock clock);
    void setLimits(const PasswordLimits &limits);

    // 429 while `from` has used up its failures.
    std::optional<Refusal> checkAddress(const QHostAddress &from);
    // 503 when a check may not start now; otherwise a slot is held until endCheck().
    std::optional<Refusal> startCheck();
    void endCheck();
    void recordFailure(const QHostAddress &from);

private:
    struct Failures {
        qint64 windowEnd = 0;
        int count = 0;
    };

    QMutex m_lock;
    Clock m_clock;
    PasswordLimits m_limits;
    QHash<QByteArray, Failures> m_failures;  // by addressKey()
    qint64 m_second = 0;
    int m_checksThisSecond = 0;
    int m_running = 0;
};

} // namespace mp2p
