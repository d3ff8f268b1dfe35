#include "passwordthrottle.h"

#include <base/connectionguard.h>

#include <QMutexLocker>

namespace mp2p {

namespace {
// Addresses remembered at once; past this, expired entries go, then (under a flood from very
// many addresses) all of them: the per-second budget still bounds the work then.
constexpr int MaxTrackedAddresses = 10000;
} // namespace

PasswordThrottle::PasswordThrottle(Clock clock)
    : m_clock(std::move(clock))
{
}

void PasswordThrottle::setLimits(const PasswordLimits &limits)
{
    QMutexLocker lock(&m_lock);
    m_limits = limits;
}

std::optional<PasswordThrottle::Refusal> PasswordThrottle::checkAddress(const QHostAddress &from)
{
    QMutexLocker lock(&m_lock);
    const auto it = m_failures.constFind(addressKey(from));
    const qint64 now = m_clock();
    if (it == m_failures.constEnd() || it->windowEnd <= now || it->count < m_limits.maxFailures)
        return std::nullopt;
    return Refusal{429, int(it->windowEnd - now),
                   QStringLiteral("too many failed logins from this address; wait before trying again")};
}

std::optional<PasswordThrottle::Refusal> PasswordThrottle::startCheck()
{
    QMutexLocker lock(&m_lock);
    const qint64 now = m_clock();
    if (now != m_second) {
        m_second = now;
        m_checksThisSecond = 0;
    }
    if (m_running >= m_limits.maxConcurrentChecks || m_checksThisSecond >= m_limits.maxChecksPerSecond)
        return Refusal{503, 1, QStringLiteral("the server is checking too many passwords at once; retry shortly")};
    ++m_running;
    ++m_checksThisSecond;
    return std::nullopt;
}

void PasswordThrottle::endCheck()
{
    QMutexLocker lock(&m_lock);
    --m_running;
}

void PasswordThrottle::recordFailure(const QHostAddress &from)
{
    QMutexLocker lock(&m_lock);
    const qint64 now = m_clock();
    if (m_failures.size() >= MaxTrackedAddresses) {
        m_failures.removeIf([now](const auto &entry) { return entry.value().windowEnd <= now; });
        if (m_failures.size() >= MaxTrackedAddresses)
            m_failures.clear();
    }
    Failures &f = m_failures[addressKey(from)];
    if (f.windowEnd <= now)
        f = {now + m_limits.failureWindowSecs, 0};
    ++f.count;
}

} // namespace mp2p
