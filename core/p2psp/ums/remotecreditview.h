#pragma once

#include "creditview.h"

#include <protocol/auth.h>

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace mp2p {

// The credit view of a PAMS in another mp2pd, over GET {pams}/pams/v1/credit/{userId}: its
// "counted" figure (credit that counts for reputation, without closed rings' credit).
// creditOf() answers from a per-user cache and, when the entry is missing or older than
// ttlSecs, starts one asynchronous refresh (at most one in flight per user) — the first read of
// a user therefore answers nullopt and a later one the balance. While the PAMS is unreachable
// the last known balance is served and one warning is logged per outage.
//
// creditOf() may be called from any thread; requests run on this object's thread (the one that
// owns `network`).
class RemoteCreditView : public QObject, public CreditView {
    Q_OBJECT
public:
    static constexpr qint64 DefaultTtlSecs = 30;
    static constexpr int RequestTimeoutMs = 5000;
    // Entries not read for this long are dropped; the cache never holds more than MaxEntries
    // users (the oldest-read go first), so reading many profiles cannot grow it without bound.
    static constexpr qint64 IdleEvictSecs = 600;
    static constexpr int MaxEntries = 10000;

    RemoteCreditView(QUrl pamsBaseUrl, QNetworkAccessManager *network, Clock clock, QObject *parent = nullptr);

    std::optional<qint64> creditOf(const QString &userId) const override;

    void setTtlSecs(qint64 secs) { m_ttlSecs = secs; }
    qint64 ttlSecs() const { return m_ttlSecs; }

Q_SIGNALS:
    void refreshed(QString userId);
    void refreshFailed(QString userId, QString error);

private:
    struct Entry {
        std::optional<qint64> credit;
        qint64 attemptedAt = 0;  // last refresh started or ended, so an outage is not hammered
        qint64 usedAt = 0;
    };

    void startRefresh(const QString &userId);
    void onFinished(const QString &userId, QNetworkReply *reply);
    void evict(qint64 now);
    QUrl creditUrl(const QString &userId) const;

    QUrl m_baseUrl;
    QNetworkAccessManager *m_network;
    Clock m_clock;
    qint64 m_ttlSecs = DefaultTtlSecs;

    mutable QMutex m_lock;  // guards everything below
    mutable QHash<QString, Entry> m_cache;
    mutable QSet<QString> m_inFlight;
    bool m_unreachable = false;
};

} // namespace mp2p
