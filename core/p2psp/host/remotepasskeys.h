#pragma once

#include <protocol/auth.h>

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;

namespace mp2p {

struct ServiceAnswer;

// The OMS's tracker passkey look-up when the UMS runs in another mp2pd: answers from a cache of
// GET {ums}/ums/v1/passkeys/{passkey} (service key). It never waits on the network: an unknown
// passkey starts one asynchronous request and is refused until the answer is in (the client's
// next announce, a few seconds later, gets through). A known passkey is used for CacheSecs, so
// a rotation reaches a remote OMS within that time; a refused one is remembered NegativeSecs.
class RemotePasskeys : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 CacheSecs = 30;
    static constexpr qint64 NegativeSecs = 5;
    static constexpr int MaxInFlight = 64;      // random passkeys cannot turn into a request flood
    static constexpr int MaxEntries = 100000;
    static constexpr int RequestTimeoutMs = 3000;

    RemotePasskeys(QUrl umsBaseUrl, QNetworkAccessManager *network, QByteArray serviceKey, Clock clock,
                   QObject *parent = nullptr);

    std::optional<QString> userFor(const QString &passkey);

Q_SIGNALS:
    void answered(const QString &passkey);

private:
    struct Entry {
        QString userId;        // empty: no such passkey
        qint64 answeredAt = 0;
        bool inFlight = false;
    };
    void ask(const QString &passkey);
    void onAnswer(const QString &passkey, const ServiceAnswer &answer);

    QUrl m_baseUrl;
    QNetworkAccessManager *m_network;
    QByteArray m_serviceKey;
    Clock m_clock;
    QMutex m_lock;
    QHash<QString, Entry> m_cache;
    int m_inFlight = 0;
};

} // namespace mp2p
