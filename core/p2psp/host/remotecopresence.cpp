#include "remotecopresence.h"

#include <protocol/jsonfields.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcCoPresence, "mp2p.pams.copresence")

namespace mp2p {

RemoteCoPresence::RemoteCoPresence(QUrl omsBaseUrl, QNetworkAccessManager *network, QByteArray serviceKey, Clock clock,
                                   QObject *parent)
    : QObject(parent)
    , m_baseUrl(std::move(omsBaseUrl))
    , m_network(network)
    , m_serviceKey(std::move(serviceKey))
    , m_clock(std::move(clock))
{
}

RemoteCoPresence::Known RemoteCoPresence::lookup(const QString &overlayId, const QString &userId, qint64 time,
                                                 qint64 now) const
{
    const auto it = m_cache.constFind(overlayId + QLatin1Char('|') + userId);
    if (it == m_cache.cend())
        return Known::Ask;
    if (it->present && it->firstSeen - m_slackSecs <= time && time <= it->lastSeen + m_slackSecs)
        return Known::Yes;
    return now - it->fetchedAt < NegativeSecs ? Known::No : Known::Ask;
}

std::optional<bool> RemoteCoPresence::together(const QString &overlayId, const QString &downloaderId,
                                               const QString &uploaderId, qint64 time)
{
    if (!isHex(overlayId, 40) || !isHex(downloaderId, 40) || (!uploaderId.isEmpty() && !isHex(uploaderId, 40)))
        return false;
    const qint64 now = m_clock();
    bool askNow = false;
    {
        QMutexLocker locker(&m_lock);
        const Known d = lookup(overlayId, downloaderId, time, now);
        const Known u = uploaderId.isEmpty() ? Known::Yes : lookup(overlayId, uploaderId, time, now);
        if (d == Known::No || u == Known::No)
            return false;
        if (d == Known::Yes && u == Known::Yes)
            return true;
        const QString key = overlayId + QLatin1Char('|') + downloaderId + QLatin1Char('|') + uploaderId;
        if (!m_inFlight.contains(key) && m_inFlight.size() < MaxInFlight) {
            m_inFlight.insert(key);
            askNow = true;
        }
    }
    if (askNow)
        QMetaObject::invokeMethod(this, [this, overlayId, downloaderId, uploaderId, time] {
            ask(overlayId, downloaderId, uploaderId, time);
        });
    return std::nullopt;
}

QString RemoteCoPresence::problem() const
{
    QMutexLocker locker(&m_lock);
    return m_problem;
}

void RemoteCoPresence::ask(const QString &overlayId, const QString &a, const QString &b, qint64 time)
{
    QUrl url = m_baseUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/oms/v1/overlays/%1/copresence").arg(overlayId));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("a"), a);
    if (!b.isEmpty())
        query.addQueryItem(QStringLiteral("b"), b);
    query.addQueryItem(QStringLiteral("at"), QString::number(time));
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setTransferTimeout(RequestTimeoutMs);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("Authorization", Authenticator::serviceAuthorization(m_serviceKey));
    QNetworkReply *reply = m_network->get(request);
    const QString key = overlayId + QLatin1Char('|') + a + QLatin1Char('|') + b;
    const QStringList users = b.isEmpty() ? QStringList{a} : QStringList{a, b};
    connect(reply, &QNetworkReply::finished, this, [this, key, overlayId, users, reply] {
        onFinished(key, overlayId, users, reply);
    });
}

void RemoteCoPresence::onFinished(const QString &key, const QString &overlayId, const QStringList &users,
                                  QNetworkReply *reply)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    QString problem;
    if (reply->error() != QNetworkReply::NoError && status == 0)
        problem = QStringLiteral("the OMS at %1 is unreachable: %2").arg(m_baseUrl.toString(), reply->errorString());
    else if (status != 200 && !(status == 404 && body.value(QStringLiteral("error")).toString() == QLatin1String("unknown_overlay")))
        problem = QStringLiteral("the OMS at %1 answered co-presence queries with HTTP %2 (%3)")
                      .arg(m_baseUrl.toString()).arg(status).arg(body.value(QStringLiteral("message")).toString());
    const qint64 now = m_clock();
    bool logOutage = false;
    {
        QMutexLocker locker(&m_lock);
        m_inFlight.remove(key);
        logOutage = !problem.isEmpty() && m_problem != problem;
        m_problem = problem;
        if (problem.isEmpty()) {
            if (m_cache.size() >= MaxEntries)
                m_cache.clear();
            // An unknown overlay: nobody was ever in its swarm.
            const QJsonObject sightings = body.value(QStringLiteral("sightings")).toObject();
            m_slackSecs = qMax<qint64>(0, body.value(QStringLiteral("slackSecs")).toInteger(m_slackSecs));
            for (const QString &user : users) {
                const QJsonObject seen = sightings.value(user).toObject();
                Sighting s;
                s.present = status == 200 && !seen.isEmpty();
                s.firstSeen = seen.value(QStringLiteral("firstSeen")).toInteger(0);
                s.lastSeen = seen.value(QStringLiteral("lastSeen")).toInteger(0);
                s.fetchedAt = now;
                m_cache.insert(overlayId + QLatin1Char('|') + user, s);
            }
        }
    }
    if (logOutage)
        qCWarning(lcCoPresence).noquote() << problem << "- receipts are not redeemed (503, retry later) until it answers";
    Q_EMIT answered(overlayId);
}

} // namespace mp2p
