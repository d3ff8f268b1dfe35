#include "remotecreditview.h"

#include <protocol/keys.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <algorithm>

namespace mp2p {

namespace {
Q_LOGGING_CATEGORY(lcUmsCredit, "mp2p.ums.credit")
}

RemoteCreditView::RemoteCreditView(QUrl pamsBaseUrl, QNetworkAccessManager *network, Clock clock, QObject *parent)
    : QObject(parent)
    , m_baseUrl(std::move(pamsBaseUrl))
    , m_network(network)
    , m_clock(std::move(clock))
{
}

QUrl RemoteCreditView::creditUrl(const QString &userId) const
{
    QUrl url = m_baseUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/pams/v1/credit/") + userId);
    return url;
}

std::optional<qint64> RemoteCreditView::creditOf(const QString &userId) const
{
    // Only well-formed ids reach the URL path (and the cache).
    if (!isValidUserId(userId))
        return std::nullopt;
    const qint64 now = m_clock();
    std::optional<qint64> out;
    bool refresh = false;
    {
        QMutexLocker locker(&m_lock);
        if (!m_cache.contains(userId) && m_cache.size() >= MaxEntries)
            const_cast<RemoteCreditView *>(this)->evict(now);
        Entry &entry = m_cache[userId];
        entry.usedAt = now;
        out = entry.credit;
        const bool stale = entry.attemptedAt == 0 || now - entry.attemptedAt >= m_ttlSecs;
        if (stale && !m_inFlight.contains(userId)) {
            m_inFlight.insert(userId);
            entry.attemptedAt = now;
            refresh = true;
        }
    }
    if (refresh) {
        // Direct call on our own thread, queued from any other: the network manager belongs
        // to this object's thread. Either way the caller never waits for the answer.
        auto *self = const_cast<RemoteCreditView *>(this);
        QMetaObject::invokeMethod(self, [self, userId] { self->startRefresh(userId); }, Qt::QueuedConnection);
    }
    return out;
}

void RemoteCreditView::startRefresh(const QString &userId)
{
    QNetworkRequest request(creditUrl(userId));
    request.setTransferTimeout(RequestTimeoutMs);
    request.setRawHeader("Accept", "application/json");
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, userId, reply] { onFinished(userId, reply); });
}

void RemoteCreditView::onFinished(const QString &userId, QNetworkReply *reply)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QString problem;
    qint64 balance = 0;
    if (reply->error() != QNetworkReply::NoError && status == 0) {
        problem = reply->errorString();
    } else if (status != 200) {
        problem = QStringLiteral("HTTP status %1").arg(status);
    } else {
        const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
        // "counted", not the raw "balance": credit a closed ring of accounts signed for itself
        // must not raise reputation. A PAMS without "counted" is refused (no silent raw figure).
        const QJsonValue v = o.value(QStringLiteral("counted"));
        balance = v.toInteger(-1);
        if (!v.isDouble() || balance < 0 || o.value(QStringLiteral("userId")).toString() != userId)
            problem = QStringLiteral("the answer is not {\"userId\": \"%1\", \"counted\": <bytes>}").arg(userId);
    }

    const qint64 now = m_clock();
    bool logOutage = false;
    bool logRecovery = false;
    {
        QMutexLocker locker(&m_lock);
        m_inFlight.remove(userId);
        const auto it = m_cache.find(userId);
        if (it != m_cache.end()) {
            // The TTL counts from the answer (or the failure), not from the request.
            it->attemptedAt = now;
            if (problem.isEmpty())
                it->credit = balance;  // on failure the last known balance stays
        }
        if (problem.isEmpty()) {
            logRecovery = m_unreachable;
            m_unreachable = false;
        } else {
            logOutage = !m_unreachable;
            m_unreachable = true;
        }
    }
    if (logOutage)
        qCWarning(lcUmsCredit) << "the PAMS at" << m_baseUrl.toString() << "does not answer credit queries (" << problem
                               << "); reputation uses the last known credit until it is back";
    if (logRecovery)
        qCInfo(lcUmsCredit) << "the PAMS at" << m_baseUrl.toString() << "answers credit queries again";
    if (problem.isEmpty())
        Q_EMIT refreshed(userId);
    else
        Q_EMIT refreshFailed(userId, problem);
}

// Called with m_lock held when the cache is full: drops idle entries, then (if still full)
// the least recently read tenth, never one with a request in flight.
void RemoteCreditView::evict(qint64 now)
{
    const qint64 idle = std::max(IdleEvictSecs, 10 * m_ttlSecs);
    for (auto it = m_cache.begin(); it != m_cache.end();) {
        if (now - it->usedAt > idle && !m_inFlight.contains(it.key()))
            it = m_cache.erase(it);
        else
            ++it;
    }
    if (m_cache.size() < MaxEntries)
        return;
    QList<qint64> used;
    used.reserve(m_cache.size());
    for (const Entry &e : std::as_const(m_cache))
        used.append(e.usedAt);
    std::nth_element(used.begin(), used.begin() + used.size() / 10, used.end());
    const qint64 cutoff = used.at(used.size() / 10);
    for (auto it = m_cache.begin(); it != m_cache.end();) {
        if (it->usedAt <= cutoff && !m_inFlight.contains(it.key()))
            it = m_cache.erase(it);
        else
            ++it;
    }
}

} // namespace mp2p
