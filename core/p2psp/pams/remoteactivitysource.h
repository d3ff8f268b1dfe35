#pragma once

#include "../../protocol/auth.h"
#include "../../protocol/peeractivity.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace mp2p {

// R1 for an OMS whose PAMS runs in another process. activityOf() never waits on the network:
// it answers from a per-overlay cache filled by GET {pams}/pams/v1/overlays/{id}/peers, and
// when that cache is missing or older than refreshSecs it starts one asynchronous refresh
// (at most one in flight per overlay). While the PAMS is unreachable the last known state is
// served and one warning is logged per outage.
//
// activityOf() may be called from any thread; the requests themselves run on this object's
// thread (the one that owns `network`).
class RemotePeerActivitySource : public QObject, public PeerActivitySource {
    Q_OBJECT
public:
    RemotePeerActivitySource(QUrl pamsBaseUrl, QNetworkAccessManager *network, Clock clock,
                             QObject *parent = nullptr);

    QHash<QString, PeerActivity> activityOf(const QString &overlayId, const QStringList &userIds) const override;
    // From the same cache (and the same refresh) as activityOf. Each entry's "credit" is read when
    // the PAMS sends it, 0 otherwise.
    QList<PeerActivity> overlayPeers(const QString &overlayId) const override;

    void setRefreshSecs(qint64 secs) { m_refreshSecs = secs; }
    qint64 refreshSecs() const { return m_refreshSecs; }
    // Overlays not asked about for this long are dropped from the cache (memory bound).
    static constexpr qint64 IdleEvictSecs = 600;
    // The provider's service key: these views are operator-only at the PAMS.
    void setServiceKey(QByteArray key) { m_serviceKey = std::move(key); }
    static constexpr int RequestTimeoutMs = 5000;

Q_SIGNALS:
    void refreshed(QString overlayId);
    void refreshFailed(QString overlayId, QString error);

private:
    struct Entry {
        QHash<QString, PeerActivity> peers;
        qint64 attemptedAt = 0;  // last refresh started or ended (success or not), so an outage is not hammered
        qint64 usedAt = 0;
        bool hasData = false;
    };

    // Calls `read` on the cached peers of the overlay under the lock and starts a refresh when stale.
    void readCache(const QString &overlayId, const std::function<void(const QHash<QString, PeerActivity> &)> &read) const;
    void startRefresh(const QString &overlayId);
    void onFinished(const QString &overlayId, QNetworkReply *reply);
    void evictIdle(qint64 now);
    QUrl peersUrl(const QString &overlayId) const;

    QUrl m_baseUrl;
    QNetworkAccessManager *m_network;
    QByteArray m_serviceKey;
    Clock m_clock;
    qint64 m_refreshSecs = 5;

    mutable QMutex m_lock;  // guards everything below
    mutable QHash<QString, Entry> m_cache;
    mutable QSet<QString> m_inFlight;
    bool m_unreachable = false;
};

} // namespace mp2p
