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

// The PAMS's content-size lookup (credit caps) when the IXS runs in another mp2pd: answers from
// a cache of GET {ixs}/ixs/v1/content/by-infohash/{hex} ("totalSize"). It never waits on the
// network: an unknown overlay starts one asynchronous request and is unknown until it answers,
// so the PAMS refuses that receipt (unknown_content, nothing recorded as credited) and the
// uploader's next redemption counts it. A size, once known, is kept (the IXS binds it to the
// torrent); "no such content" is asked again after retrySecs.
class RemoteContentSize : public QObject {
    Q_OBJECT
public:
    RemoteContentSize(QUrl ixsBaseUrl, QNetworkAccessManager *network, Clock clock, QObject *parent = nullptr);

    // Thread-safe; the request itself runs on this object's thread.
    std::optional<qint64> sizeOf(const QString &infoHash);

    void setRetrySecs(qint64 secs) { m_retrySecs = secs; }
    static constexpr int RequestTimeoutMs = 3000;
    static constexpr int MaxEntries = 100000;  // memory bound: the cache is cleared past this many

Q_SIGNALS:
    void answered(const QString &infoHash);

private:
    struct Entry {
        std::optional<qint64> size;
        qint64 askedAt = 0;
        bool inFlight = false;
    };
    void ask(const QString &infoHash);
    void onAnswer(const QString &infoHash, const ServiceAnswer &answer);

    QUrl m_baseUrl;
    QNetworkAccessManager *m_network;
    Clock m_clock;
    qint64 m_retrySecs = 10;
    QMutex m_lock;
    QHash<QString, Entry> m_cache;
};

} // namespace mp2p
