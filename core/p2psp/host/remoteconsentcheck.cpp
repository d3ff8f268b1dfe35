#include "remoteconsentcheck.h"

#include <protocol/auth.h>
#include <protocol/jsonfields.h>
#include <protocol/servicecall.h>


namespace mp2p {

namespace {
constexpr int MaxUsers = 10000;  // memory bound: the cache is cleared past this many users
}

RemoteConsentCheck::RemoteConsentCheck(QUrl pamsBaseUrl, QNetworkAccessManager *network, Clock clock, QObject *parent)
    : QObject(parent)
    , m_baseUrl(std::move(pamsBaseUrl))
    , m_network(network)
    , m_clock(std::move(clock))
{
}

ConsentAnswer RemoteConsentCheck::check(const QString &userId, const QString &type)
{
    if (!isHex(userId, 40))
        return ConsentAnswer::no(QStringLiteral("not a user id"));
    const QString role = type == QLatin1String("cs") ? QStringLiteral("cache") : QStringLiteral("relay");
    const qint64 now = m_clock();
    ConsentAnswer answer;
    bool askNow = false;
    {
        QMutexLocker locker(&m_lock);
        if (m_cache.size() > MaxUsers && !m_cache.contains(userId))
            m_cache.clear();
        Entry &e = m_cache[userId];
        const bool known = e.answeredAt > 0 && now - e.answeredAt < m_maxAgeSecs;
        if (known)
            answer = e.active.value(role).toBool() ? ConsentAnswer::yes()
                                                   : ConsentAnswer::no(QStringLiteral("the PAMS holds no current %1 consent").arg(role));
        else if (!e.problem.isEmpty())
            answer = ConsentAnswer::unknown(QStringLiteral("the PAMS at %1 did not answer (%2)").arg(m_baseUrl.toString(), e.problem));
        else
            answer = ConsentAnswer::unknown(QStringLiteral("the OMS is asking the PAMS at %1 now").arg(m_baseUrl.toString()));
        // Ask again when the answer is older than freshSecs; at most one request per user at a
        // time and one a second while the PAMS fails.
        if (!e.inFlight && (e.answeredAt == 0 || now - e.answeredAt >= m_freshSecs) && now - e.askedAt >= 1) {
            e.inFlight = true;
            e.askedAt = now;
            askNow = true;
        }
    }
    if (askNow)
        QMetaObject::invokeMethod(this, [this, userId] { ask(userId); });
    return answer;
}

void RemoteConsentCheck::ask(const QString &userId)
{
    getFromService(m_network, serviceUrl(m_baseUrl, QStringLiteral("/pams/v1/consent/") + userId), m_serviceKey, this,
                   [this, userId](const ServiceAnswer &a) { onAnswer(userId, a); }, RequestTimeoutMs);
}

void RemoteConsentCheck::onAnswer(const QString &userId, const ServiceAnswer &answer)
{
    QString problem = answer.problem;
    const QJsonObject active = answer.body.value(QStringLiteral("active")).toObject();
    if (problem.isEmpty() && active.isEmpty())
        problem = QStringLiteral("the answer has no \"active\" object");
    {
        QMutexLocker locker(&m_lock);
        Entry &e = m_cache[userId];
        e.inFlight = false;
        e.problem = problem;
        if (problem.isEmpty()) {
            e.active = active;
            e.answeredAt = m_clock();
        }
    }
    Q_EMIT answered(userId);
}

} // namespace mp2p
