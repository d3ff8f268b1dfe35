#include "remoteactivitysource.h"

#include "../../protocol/jsonfields.h"
#include "../../protocol/auth.h"
#include "pamslog.h"
#include "pamsmessages.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace mp2p {

RemotePeerActivitySource::RemotePeerActivitySource(QUrl pamsBaseUrl, QNetworkAccessManager *network, Clock clock,
                                                   QObject *parent)
    : QObject(parent)
    , m_baseUrl(std::move(pamsBaseUrl))
    , m_network(network)
    , m_clock(std::move(clock))
{
}

QUrl RemotePeerActivitySource::peersUrl(const QString &overlayId) const
{
    QUrl url = m_baseUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/pams/v1/overlays/%1/peers").arg(overlayId));
    return url;
}

QHash<QString, PeerActivity> RemotePeerActivitySource::activityOf(const QString &overlayId,
                                                                  const QStringList &userIds) const
{
    QHash<QString, PeerActivity> out;
    readCache(overlayId, [&](const QHash<QString, PeerActivity> &peers) {
        for (const QString &id : userIds) {
            const auto it = peers.constFind(id);
            if (it != peers.constEnd())
                out.insert(id, it.value());
        }
    });
    return out;
}

QList<PeerActivity> RemotePeerActivitySource::overlayPeers(const QString &overlayId) const
{
    QList<PeerActivity> out;
    readCache(overlayId, [&](const QHash<QString, PeerActivity> &peers) { out = peers.values(); });
    return out;
}

void RemotePeerActivitySource::readCache(const QString &overlayId,
                                         const std::function<void(const QHash<QString, PeerActivity> &)> &read) const
{
    // Only well-formed ids reach the URL path.
    if (!isHex(overlayId, 40))
        return;
    const qint64 now = m_clock();
    bool refresh = false;
    {
        QMutexLocker locker(&m_lock);
        Entry &entry = m_cache[overlayId];
        entry.usedAt = now;
        read(entry.peers);
        // attemptedAt == 0: nothing asked yet for this overlay; otherwise the last attempt
        // (successful or not) is older than refreshSecs.
        const bool stale = entry.attemptedAt == 0 || now - entry.attemptedAt >= m_refreshSecs;
        if (stale && !m_inFlight.contains(overlayId)) {
            m_inFlight.insert(overlayId);
            entry.attemptedAt = now;
            refresh = true;
        }
    }
    if (refresh) {
        // Direct call on our own thread; queued from any other, since the network manager
        // belongs to this object's thread.
        auto *self = const_cast<RemotePeerActivitySource *>(this);
        QMetaObject::invokeMethod(self, [self, overlayId] { self->startRefresh(overlayId); });
    }
}

void RemotePeerActivitySource::startRefresh(const QString &overlayId)
{
    QNetworkRequest request(peersUrl(overlayId));
    request.setTransferTimeout(RequestTimeoutMs);
    request.setRawHeader("Accept", "application/json");
    if (!m_serviceKey.isEmpty())
        request.setRawHeader("Authorization", Authenticator::serviceAuthorization(m_serviceKey));
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, overlayId, reply] { onFinished(overlayId, reply); });
}

void RemotePeerActivitySource::onFinished(const QString &overlayId, QNetworkReply *reply)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QString problem;
    QJsonArray peers;
    if (reply->error() != QNetworkReply::NoError && status == 0) {
        problem = reply->errorString();
    } else if (status != 200) {
        problem = QStringLiteral("HTTP status %1").arg(status);
    } else {
        const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll());
        if (!doc.isObject() || !doc.object().value(QStringLiteral("peers")).isArray())
            problem = QStringLiteral("the answer is not {\"peers\": [...]}");
        peers = doc.object().value(QStringLiteral("peers")).toArray();
    }

    const qint64 now = m_clock();
    bool logOutage = false;
    bool logRecovery = false;
    {
        QMutexLocker locker(&m_lock);
        m_inFlight.remove(overlayId);
        // The cache's age counts from the answer (or the failure), not from the request.
        m_cache[overlayId].attemptedAt = now;
        if (problem.isEmpty()) {
            QHash<QString, PeerActivity> fresh;
            for (const QJsonValue &v : std::as_const(peers)) {
                if (auto a = overlayPeerFromJson(v.toObject())) {
                    // "credit" is optional: a PAMS that predates credit in R1 sends none (= 0).
                    a->credit = qMax<qint64>(0, v.toObject().value(QStringLiteral("credit")).toInteger(0));
                    fresh.insert(a->userId, *a);
                }
            }
            Entry &entry = m_cache[overlayId];
            entry.peers = std::move(fresh);
            entry.hasData = true;
            logRecovery = m_unreachable;
            m_unreachable = false;
        } else {
            logOutage = !m_unreachable;
            m_unreachable = true;
        }
        evictIdle(now);
    }
    if (logOutage)
        qCWarning(lcPams) << "the PAMS at" << m_baseUrl.toString() << "is unreachable (" << problem
                          << "); the OMS ranks with the last known peer activity until it is back";
    if (logRecovery)
        qCInfo(lcPams) << "the PAMS at" << m_baseUrl.toString() << "is reachable again";
    if (problem.isEmpty())
        Q_EMIT refreshed(overlayId);
    else
        Q_EMIT refreshFailed(overlayId, problem);
}

void RemotePeerActivitySource::evictIdle(qint64 now)
{
    const qint64 idle = qMax(IdleEvictSecs, 10 * m_refreshSecs);
    for (auto it = m_cache.begin(); it != m_cache.end();) {
        if (now - it->usedAt > idle && !m_inFlight.contains(it.key()))
            it = m_cache.erase(it);
        else
            ++it;
    }
}

} // namespace mp2p
