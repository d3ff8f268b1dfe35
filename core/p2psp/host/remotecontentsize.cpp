#include "remotecontentsize.h"

#include <protocol/jsonfields.h>
#include <protocol/servicecall.h>

#include <QJsonObject>

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
    // The content index is public: no service key needed.
    getFromService(m_network, serviceUrl(m_baseUrl, QStringLiteral("/ixs/v1/content/by-infohash/") + infoHash), {}, this,
                   [this, infoHash](const ServiceAnswer &a) { onAnswer(infoHash, a); }, RequestTimeoutMs);
}

void RemoteContentSize::onAnswer(const QString &infoHash, const ServiceAnswer &answer)
{
    std::optional<qint64> size;
    const QJsonValue v = answer.body.value(QStringLiteral("totalSize"));
    if (answer.ok() && v.isDouble() && v.toDouble() >= 0)
        size = v.toInteger();
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
