#include "remotepasskeys.h"

#include <protocol/jsonfields.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

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
    QUrl url = m_baseUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/ums/v1/passkeys/") + passkey);
    QNetworkRequest request(url);
    request.setTransferTimeout(RequestTimeoutMs);
    request.setRawHeader("Accept", "application/json");
    if (!m_serviceKey.isEmpty())
        request.setRawHeader("Authorization", Authenticator::serviceAuthorization(m_serviceKey));
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, passkey, reply] { onFinished(passkey, reply); });
}

void RemotePasskeys::onFinished(const QString &passkey, QNetworkReply *reply)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QString userId;
    if (status == 200)
        userId = QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("userId")).toString();
    {
        QMutexLocker locker(&m_lock);
        --m_inFlight;
        Entry &e = m_cache[passkey];
        e.inFlight = false;
        // A UMS that cannot be reached answers nothing: the passkey is asked again next time.
        if (status == 200 || status == 404) {
            e.userId = isHex(userId, 40) ? userId : QString();
            e.answeredAt = m_clock();
        }
    }
    Q_EMIT answered(passkey);
}

} // namespace mp2p
