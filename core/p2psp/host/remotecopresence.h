#pragma once

#include <protocol/auth.h>

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace mp2p {

// The PAMS's co-presence check (credit) when the OMS runs in another mp2pd: answers from a cache
// of the users' sightings, filled by GET {oms}/oms/v1/overlays/{id}/copresence (service key). It
// never waits on the network: when the cache cannot decide, it starts one request and answers
// nullopt ("not known yet"), and the PAMS answers that redemption 503 + Retry-After with nothing
// written, so no receipt is ever counted unchecked. A sighting that covers a receipt's time
// stays valid (sightings only grow); one that does not is asked again after NegativeSecs, since
// the user may have announced since. With the OMS unreachable, every undecided receipt keeps
// getting 503 and problem() says why.
class RemoteCoPresence : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 NegativeSecs = 5;
    static constexpr int MaxInFlight = 64;      // made-up overlay ids cannot turn into a request flood
    static constexpr int MaxEntries = 100000;   // memory bound: the cache is cleared past this many
    static constexpr int RequestTimeoutMs = 3000;

    RemoteCoPresence(QUrl omsBaseUrl, QNetworkAccessManager *network, QByteArray serviceKey, Clock clock,
                     QObject *parent = nullptr);

    // Whether the OMS saw `downloaderId` and (when not empty) `uploaderId` in the overlay's swarm
    // at `time`; nullopt while it is being asked. Thread-safe; the request runs on this object's thread.
    std::optional<bool> together(const QString &overlayId, const QString &downloaderId, const QString &uploaderId,
                                 qint64 time);
    // Why answers are missing (the last request's failure), empty while the OMS answers.
    QString problem() const;

Q_SIGNALS:
    void answered(const QString &overlayId);

private:
    struct Sighting {
        bool present = false;  // the OMS has a sighting of the user in the swarm
        qint64 firstSeen = 0;
        qint64 lastSeen = 0;
        qint64 fetchedAt = 0;
    };
    enum class Known { Yes, No, Ask };
    Known lookup(const QString &overlayId, const QString &userId, qint64 time, qint64 now) const;
    void ask(const QString &overlayId, const QString &a, const QString &b, qint64 time);
    void onFinished(const QString &key, const QString &overlayId, const QStringList &users, QNetworkReply *reply);

    QUrl m_baseUrl;
    QNetworkAccessManager *m_network;
    QByteArray m_serviceKey;
    Clock m_clock;
    mutable QMutex m_lock;
    QHash<QString, Sighting> m_cache;  // "overlay|user"
    QSet<QString> m_inFlight;          // "overlay|a|b"
    qint64 m_slackSecs = 0;            // the OMS's peer TTL, from its answers
    QString m_problem;
};

} // namespace mp2p
