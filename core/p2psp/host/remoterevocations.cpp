#include "remoterevocations.h"

#include <protocol/jsonfields.h>

#include <QEventLoop>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QUrlQuery>

#include <algorithm>
#include <vector>

namespace mp2p {

namespace {
Q_LOGGING_CATEGORY(lcRevocations, "mp2p.revocations")

constexpr int SessionIdHexChars = 32;
} // namespace

RemoteRevocations::RemoteRevocations(QUrl umsBaseUrl, QNetworkAccessManager *network, QByteArray serviceKey, Clock clock,
                                     int pollSecs, QObject *parent)
    : QObject(parent)
    , m_baseUrl(std::move(umsBaseUrl))
    , m_network(network)
    , m_serviceKey(std::move(serviceKey))
    , m_clock(std::move(clock))
    , m_pollSecs(std::clamp(pollSecs, MinPollSecs, MaxPollSecs))
{
    m_timer.setInterval(m_pollSecs * 1000);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_pagesThisRound = 0;
        poll();
    });
}

void RemoteRevocations::start()
{
    m_timer.start();
    m_pagesThisRound = 0;
    poll();
}

bool RemoteRevocations::waitUntilCurrent(int timeoutMs)
{
    if (isCurrent())
        return true;
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    connect(this, &RemoteRevocations::current, &loop, &QEventLoop::quit);
    deadline.start(timeoutMs);
    loop.exec();
    return isCurrent();
}

qint64 RemoteRevocations::failClosedAfterSecs() const
{
    return std::clamp<qint64>(3 * qint64(m_pollSecs), 60, 180);
}

bool RemoteRevocations::isStale(qint64 now) const
{
    return m_currentAt == 0 || now - m_currentAt > failClosedAfterSecs();
}

bool RemoteRevocations::isCurrent() const
{
    const qint64 now = m_clock();
    QMutexLocker lock(&m_lock);
    return !isStale(now);
}

int RemoteRevocations::size() const
{
    QMutexLocker lock(&m_lock);
    return int(m_sessions.size() + m_users.size());
}

bool RemoteRevocations::isRevoked(const TokenClaims &claims) const
{
    const qint64 now = m_clock();
    QMutexLocker lock(&m_lock);
    if (isStale(now)) {
        const bool never = m_currentAt == 0;
        lock.unlock();
        warnRateLimited(QStringLiteral("the UMS revocation feed at %1 %2: user tokens are refused until it answers")
                            .arg(m_baseUrl.toString(),
                                 never ? QStringLiteral("has not been read yet")
                                       : QStringLiteral("has not been read for over %1 s").arg(failClosedAfterSecs())));
        return true;
    }
    if (!claims.sessionId.isEmpty() && m_sessions.contains(claims.sessionId))
        return true;
    const auto user = m_users.constFind(claims.userId);
    return user != m_users.cend() && claims.issuedAt < user->revokedAt;
}

void RemoteRevocations::warnRateLimited(const QString &message) const
{
    const qint64 now = m_clock();
    qint64 last = m_lastWarnAt.load();
    if (now - last < WarnEverySecs || !m_lastWarnAt.compare_exchange_strong(last, now))
        return;
    qCWarning(lcRevocations).noquote() << message;
}

void RemoteRevocations::poll()
{
    if (m_inFlight)
        return;
    QUrl url = serviceUrl(m_baseUrl, QStringLiteral("/ums/v1/revocations"));
    url.setQuery(QUrlQuery{{QStringLiteral("since"), m_cursor}});
    m_inFlight = true;
    // What a complete read proves is the UMS's state when its last page was asked for.
    const qint64 sentAt = m_clock();
    getFromService(m_network, url, m_serviceKey, this, [this, sentAt](const ServiceAnswer &a) { onAnswer(a, sentAt); },
                   RequestTimeoutMs);
}

void RemoteRevocations::onAnswer(const ServiceAnswer &answer, qint64 sentAt)
{
    m_inFlight = false;
    if (!answer.ok()) {
        const QString why = answer.status == 401 || answer.status == 403
                                ? QStringLiteral("HTTP %1: %2 (give this mp2pd the provider's \"serviceKey\")")
                                      .arg(answer.status)
                                      .arg(answer.body.value(QStringLiteral("message")).toString())
                                : answer.problem;
        warnRateLimited(QStringLiteral("cannot read the UMS revocation feed at %1: %2; keeping the last set")
                            .arg(m_baseUrl.toString(), why));
        return;
    }
    const QJsonObject &page = answer.body;
    if (!apply(page, m_clock())) {
        warnRateLimited(QStringLiteral("the UMS at %1 answered the revocation feed with something else; keeping the last set")
                            .arg(m_baseUrl.toString()));
        return;
    }
    if (page.value(QStringLiteral("more")).toBool()) {
        if (++m_pagesThisRound < MaxPagesPerRound)
            QMetaObject::invokeMethod(this, &RemoteRevocations::poll, Qt::QueuedConnection);
        return;
    }
    {
        QMutexLocker lock(&m_lock);
        m_currentAt = sentAt;
    }
    Q_EMIT current();
}

bool RemoteRevocations::apply(const QJsonObject &page, qint64 now)
{
    const QJsonValue entries = page.value(QStringLiteral("revocations"));
    const QString next = page.value(QStringLiteral("next")).toString();
    bool cursorOk = false;
    if (!entries.isArray() || next.toLongLong(&cursorOk) < 0 || !cursorOk)
        return false;
    if (page.value(QStringLiteral("reset")).toBool())
        qCInfo(lcRevocations) << "the UMS revocation feed started over (a new UMS database?); reading it from the start";
    QMutexLocker lock(&m_lock);
    const QJsonArray list = entries.toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject e = v.toObject();
        const QString userId = e.value(QStringLiteral("userId")).toString();
        const QString sessionId = e.value(QStringLiteral("sessionId")).toString();
        const qint64 revokedAt = e.value(QStringLiteral("revokedAt")).toInteger();
        const qint64 until = e.value(QStringLiteral("until")).toInteger();
        if (!isHex(userId, 40) || until <= now)
            continue;
        if (!sessionId.isEmpty()) {
            if (isHex(sessionId, SessionIdHexChars))
                m_sessions.insert(sessionId, std::max(until, m_sessions.value(sessionId)));
            continue;
        }
        UserCut &cut = m_users[userId];
        cut.revokedAt = std::max(cut.revokedAt, revokedAt);
        cut.until = std::max(cut.until, until);
    }
    m_cursor = next;
    prune(now);
    return true;
}

void RemoteRevocations::prune(qint64 now)
{
    m_sessions.removeIf([now](const auto &it) { return it.value() <= now; });
    m_users.removeIf([now](const auto &it) { return it.value().until <= now; });
    if (m_sessions.size() <= MaxEntries)
        return;
    // Only a flood of logouts gets here; the entries dropped are those whose tokens expire first.
    std::vector<qint64> untils;
    untils.reserve(size_t(m_sessions.size()));
    for (auto it = m_sessions.cbegin(); it != m_sessions.cend(); ++it)
        untils.push_back(it.value());
    const auto cut = untils.begin() + (untils.size() - MaxEntries);
    std::nth_element(untils.begin(), cut, untils.end());
    const qint64 threshold = *cut;
    m_sessions.removeIf([threshold](const auto &it) { return it.value() < threshold; });
    qCWarning(lcRevocations) << "more than" << MaxEntries << "ended sessions in force; forgot those expiring before" << threshold;
}

} // namespace mp2p
