#pragma once

#include <protocol/auth.h>
#include <protocol/servicecall.h>

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <atomic>

class QNetworkAccessManager;

namespace mp2p {

// The revocation check of an mp2pd whose UMS runs in another process: it polls the UMS's feed
// GET {ums}/ums/v1/revocations?since=<cursor> (service key) every pollSecs and keeps the ended
// sessions in memory, so isRevoked() answers at once and never waits on the network. A logout
// at the UMS reaches this process within one poll interval (plus one request).
//
// While the feed cannot be read the last set is kept and a warning is logged (at most once a
// minute). When no read has reached the end of the feed for failClosedAfterSecs() (three poll
// intervals, 60..180 s), every user token is refused until a read succeeds: past that bound this
// process could no longer say a logout reached it within the minute the provider promises.
// Entries are forgotten at their "until" (the token lifetime at the UMS), so the set stays small.
class RemoteRevocations : public QObject {
    Q_OBJECT
public:
    static constexpr int DefaultPollSecs = 20;
    static constexpr int MinPollSecs = 1;
    static constexpr int MaxPollSecs = 60;
    static constexpr int RequestTimeoutMs = 5000;
    // Far beyond a realistic hour of logouts; past it the entries closest to expiry go first.
    static constexpr int MaxEntries = 500000;
    // A feed that keeps saying "more" is read in rounds of at most this many pages.
    static constexpr int MaxPagesPerRound = 50;
    static constexpr qint64 WarnEverySecs = 60;

    RemoteRevocations(QUrl umsBaseUrl, QNetworkAccessManager *network, QByteArray serviceKey, Clock clock,
                      int pollSecs = DefaultPollSecs, QObject *parent = nullptr);

    // Reads the feed now and then every pollSecs.
    void start();
    // Runs a local event loop until a read has reached the end of the feed, or timeoutMs passed
    // (true when current). For start-up only: a restarted verifier must not re-open revoked tokens.
    bool waitUntilCurrent(int timeoutMs);

    // Thread-safe and immediate: true for a token of an ended session, of a user who ended all
    // their sessions after it was issued, or for any token while the feed is stale.
    bool isRevoked(const TokenClaims &claims) const;
    bool isCurrent() const;
    qint64 failClosedAfterSecs() const;
    int pollSecs() const { return m_pollSecs; }
    int size() const;

Q_SIGNALS:
    // A read reached the end of the feed.
    void current();

private:
    void poll();
    void onAnswer(const ServiceAnswer &answer, qint64 sentAt);
    // Takes in one page; false when the answer is not a feed page.
    bool apply(const QJsonObject &page, qint64 now);
    void prune(qint64 now);
    void warnRateLimited(const QString &message) const;
    bool isStale(qint64 now) const;

    QUrl m_baseUrl;
    QNetworkAccessManager *m_network;
    QByteArray m_serviceKey;
    Clock m_clock;
    int m_pollSecs;
    QTimer m_timer;
    QString m_cursor = QStringLiteral("0");
    bool m_inFlight = false;
    int m_pagesThisRound = 0;

    struct UserCut {
        qint64 revokedAt = 0;  // tokens of this user issued before it are refused
        qint64 until = 0;
    };
    mutable QMutex m_lock;
    QHash<QString, qint64> m_sessions;  // ended session id -> until
    QHash<QString, UserCut> m_users;
    qint64 m_currentAt = 0;             // when the last read that reached the end was sent; 0: never
    mutable std::atomic<qint64> m_lastWarnAt{0};
};

} // namespace mp2p
