#include "remotepasskeys.h"

#include <protocol/jsonfields.h>
#include <protocol/servicecall.h>


namespace mp2p {

RemotePasskeys::RemotePasskeys(QUrl umsBaseUrl, QNetworkAccessManager *network, QByteArray serviceKey, Clock clock,
                               QObject *parent)
    : QObject(parent)
    , m_baseUrl(std::move(umsBaseUrl))
    , m_network(network)
    , m_serviceKey(std::move(serviceKey))
    , m_clock(std::move(clock))
{
}

std::optional<QString> RemotePasskeys::userFor(const QString &passkey)
{
    if (!isHex(passkey, 64))
        return std::nullopt;
    const qint64 now = m_clock();
    bool askNow = false;
    std::optional<QString> answer;
    {
        QMutexLocker locker(&m_lock);
        if (m_cache.size() > MaxEntries && !m_cache.contains(passkey))
            m_cache.clear();
        Entry &e = m_cache[passkey];
        const qint64 age = now - e.answeredAt;
        if (e.answeredAt > 0 && !e.userId.isEmpty() && age < CacheSecs)
            answer = e.userId;
        const bool stale = e.answeredAt == 0 || age >= (e.userId.isEmpty() ? NegativeSecs : CacheSecs);
        if (stale && !e.inFlight && m_inFlight < MaxInFlight) {
            e.inFlight = true;
            ++m_inFlight;
            askNow = true;
        }
    }
    if (askNow)
        QMetaObject::invokeMethod(this, [this, passkey] { ask(passkey); });
    return answer;
}

void RemotePasskeys::ask(const QString &passkey)
{
    getFromService(m_network, serviceUrl(m_baseUrl, QStringLiteral("/ums/v1/passkeys/") + passkey), m_serviceKey, this,
                   [this, passkey](const ServiceAnswer &a) { onAnswer(passkey, a); }, RequestTimeoutMs);
}

void RemotePasskeys::onAnswer(const QString &passkey, const ServiceAnswer &answer)
{
    const QString userId = answer.body.value(QStringLiteral("userId")).toString();
    {
        QMutexLocker locker(&m_lock);
        --m_inFlight;
        Entry &e = m_cache[passkey];
        e.inFlight = false;
        // A UMS that cannot be reached answers nothing: the passkey is asked again next time.
        if (answer.ok() || answer.status == 404) {
            e.userId = answer.ok() && isHex(userId, 40) ? userId : QString();
            e.answeredAt = m_clock();
        }
    }
    Q_EMIT answered(passkey);
}

} // namespace mp2p
