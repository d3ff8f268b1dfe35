#pragma once

#include <p2psp/oms/volunteerconsent.h>
#include <protocol/auth.h>

#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;

namespace mp2p {

struct ServiceAnswer;

// The OMS's volunteer consent check (R8) when its PAMS runs in another mp2pd: answers from a
// per-user cache of GET {pams}/pams/v1/consent/{userId} (a public route; its "active" object says
// which roles hold a current, unrevoked consent). It never waits on the network: a missing or
// stale answer starts one asynchronous request and, until an answer younger than maxAgeSecs is
// known, the check says Unknown with the reason (fail closed: the OMS refuses the volunteer and
// the volunteer's ORCP client retries). Answers are used for freshSecs without asking again.
class RemoteConsentCheck : public QObject {
    Q_OBJECT
public:
    RemoteConsentCheck(QUrl pamsBaseUrl, QNetworkAccessManager *network, Clock clock, QObject *parent = nullptr);

    // `type` is ORCP's resource type: "rs" (relay) or "cs" (cache).
    ConsentAnswer check(const QString &userId, const QString &type);

    void setFreshSecs(qint64 secs) { m_freshSecs = secs; }
    void setMaxAgeSecs(qint64 secs) { m_maxAgeSecs = secs; }
    // The provider's service key: these views are operator-only at the PAMS.
    void setServiceKey(QByteArray key) { m_serviceKey = std::move(key); }
    static constexpr int RequestTimeoutMs = 3000;

Q_SIGNALS:
    void answered(const QString &userId);   // a request finished (with data or a problem)

private:
    struct Entry {
        QJsonObject active;        // {"relay": bool, "cache": bool} of the last good answer
        qint64 answeredAt = 0;     // 0 = never answered
        qint64 askedAt = 0;
        bool inFlight = false;
        QString problem;           // of the last failed request
    };
    void ask(const QString &userId);
    void onAnswer(const QString &userId, const ServiceAnswer &answer);

    QUrl m_baseUrl;
    QNetworkAccessManager *m_network;
    QByteArray m_serviceKey;
    Clock m_clock;
    qint64 m_freshSecs = 2;
    qint64 m_maxAgeSecs = 30;
    QMutex m_lock;
    QHash<QString, Entry> m_cache;
};

} // namespace mp2p
