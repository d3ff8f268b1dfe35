#include "remotecontentsize.h"

#include <protocol/jsonfields.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace mp2p {

RemoteContentSize::RemoteContentSize(QUrl ixsBaseUrl, QNetworkAccessManager *network, Clock clock, QObject *parent)
    : QObject(parent)
    , m_baseUrl(std::move(ixsBaseUrl))
    , m_network(network)
    , m_clock(std::move(clock))
{
}

std::optional<qint64> RemoteContentSize::sizeOf(const QString &infoHash)
{
    if (!isHex(infoHash, 40))
        return std::nullopt;
    const qint64 now = m_clock();
    bool askNow = false;
    std::optional<qint64> size;
    {
        QMutexLocker locker(&m_lock);
        if (m_cache.size() >= MaxEntries && !m_cache.contains(infoHash))
            m_cache.clear();
        Entry &e = m_cache[infoHash];
        size = e.size;
        if (!e.size && !e.inFlight && (e.askedAt == 0 || now - e.askedAt >= m_retrySecs)) {
            e.inFlight = true;
            e.askedAt = now;
            askNow = true;
        }
    }
    if (askNow)
        QMetaObject::invokeMethod(this, [this, infoHash] { ask(infoHash); });
    return size;
}

void RemoteContentSize::ask(const QString &infoHash)
{
    QUrl url = m_baseUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/ixs/v1/content/by-infohash/") + infoHash);
    QNetworkRequest request(url);
    request.setTransferTimeout(RequestTimeoutMs);
    request.setRawHeader("Accept", "application/json");
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, infoHash, reply] { onFinished(infoHash, reply); });
}

void RemoteContentSize::onFinished(const QString &infoHash, QNetworkReply *reply)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    std::optional<qint64> size;
    if (status == 200) {
        const QJsonValue v = QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("totalSize"));
        if (v.isDouble() && v.toDouble() >= 0)
            size = v.toInteger();
    }
    {
        QMutexLocker locker(&m_lock);
        Entry &e = m_cache[infoHash];
        e.inFlight = false;
        if (size)
            e.size = size;
    }
    Q_EMIT answered(infoHash);
}

} // namespace mp2p
