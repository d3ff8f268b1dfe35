#pragma once

#include "swarmpeer.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QSet>

#include <optional>

namespace mp2p {

enum class PeerEvent { None, Started, Completed, Stopped };

enum class SwarmStatus { Ok, UnknownOverlay, UnknownPeer, NotYours };

struct SwarmCounts {
    int seeds = 0;
    int leechers = 0;
    qint64 completed = 0;  // "downloaded" in a scrape: completions seen since the OMS started
};

// When a user was in a swarm: the first and last time the OMS saw any of its peers there (an
// announce, a report or a stop). Credit asks it: a receipt counts only when both of its users
// were present at the time it was signed.
struct SwarmPresence {
    qint64 firstSeen = 0;
    qint64 lastSeen = 0;
};

// One user's sighting in one swarm, as persisted (PresenceStore) so co-presence survives an
// OMS restart.
struct PresenceSighting {
    QByteArray infoHash;  // v1, 20 bytes
    QString userId;
    SwarmPresence seen;
};

struct AnnounceResult {
    SwarmStatus status = SwarmStatus::Ok;
    SwarmCounts counts;             // after this announce
    QList<SwarmPeer> candidates;    // a random sample of each class, never the requester
};

// Who is in which swarm, kept in memory only (soft state). Overlays themselves are durable
// (OverlayStore); peers are not, on purpose: every peer re-announces each interval, so after a
// restart the swarms refill within one announce interval, and an announce — the OMS's hot path —
// never touches the disk. Peers that stop announcing expire after `ttlSecs`: lazily when their
// swarm is touched, and by sweep() from the service's timer for swarms nobody touches.
// Swarms are keyed by the 20-byte binary v1 info-hash; a hybrid torrent's truncated v2 hash is
// an alias of the same swarm (libtorrent announces both). Thread-safe (one mutex).
class SwarmRegistry {
public:
    explicit SwarmRegistry(qint64 ttlSecs);

    void addOverlay(const QByteArray &infoHash, const QByteArray &v2Alias = {});
    void removeOverlay(const QByteArray &infoHash);
    bool hasOverlay(const QByteArray &infoHash) const;
    // The v1 info-hash a swarm is keyed by, for a v1 hash or a hybrid torrent's v2 alias.
    QByteArray canonicalHash(const QByteArray &infoHash) const;

    // Upserts the peer (or removes it on Stopped) and samples up to `poolPerClass` seeds and as
    // many leechers as candidates for the peer list. A peer id held by another user is refused.
    AnnounceResult announce(const QByteArray &infoHash, const SwarmPeer &peer, PeerEvent event, int poolPerClass);
    SwarmStatus report(const QByteArray &infoHash, const SwarmPeer &counters);
    SwarmStatus leave(const QByteArray &infoHash, const QByteArray &peerId, const QString &userId);

    std::optional<SwarmCounts> counts(const QByteArray &infoHash, qint64 now);
    QList<SwarmPeer> peers(const QByteArray &infoHash, qint64 now);

    // The v1 hashes of swarms that have at least one peer (the caching job walks them).
    QList<QByteArray> activeOverlays() const;
    // Removes every peer `userId` has in the swarm (a cache that deregistered); returns how many.
    int removeUser(const QByteArray &infoHash, const QString &userId);
    int sweep(qint64 now);  // drops expired peers of every swarm; returns how many
    int overlayCount() const;
    int peerCount() const;

    // Co-presence for credit. Each swarm keeps, per user, when it was first and last seen there,
    // for `keepSecs` after the last sighting (the receipt validity window) and for at most
    // MaxPresencePerSwarm users (the longest-gone are dropped first). Kept in memory; the OMS
    // writes what changed to SQLite on its sweep timer (takeChangedPresence, PresenceStore) and
    // restores it at start (restorePresence), so a restart keeps co-presence.
    static constexpr int MaxPresencePerSwarm = 100000;
    void setPresenceWindow(qint64 keepSecs);
    qint64 presenceWindow() const;
    qint64 ttlSecs() const { return m_ttlSecs; }
    // The sightings that changed since the last call (each once, with its current interval).
    QList<PresenceSighting> takeChangedPresence();
    // Merges persisted sightings into the swarms this registry knows (others are ignored):
    // first = the earlier, last = the later. Older than the window at `now`: ignored.
    void restorePresence(const QList<PresenceSighting> &sightings, qint64 now);
    std::optional<SwarmPresence> presence(const QByteArray &infoHash, const QString &userId) const;
    // Whether `userA` and (when not empty) `userB` were both in the swarm at `time`: each was
    // first seen no later than `time` + ttl and last seen no earlier than `time` − ttl (a peer
    // counts as present until its announce expires, and clocks differ a little).
    bool wereTogether(const QByteArray &infoHash, const QString &userA, const QString &userB, qint64 time) const;

private:
    struct Slot {
        bool seed = false;
        int pos = 0;
    };
    struct Swarm {
        QList<SwarmPeer> seeds;
        QList<SwarmPeer> leechers;
        QHash<QByteArray, Slot> index;  // peer id -> where it is
        qint64 completed = 0;
        qint64 sweepAt = 0;  // no peer can have expired before this time
        QByteArray alias;
        QHash<QString, SwarmPresence> presence;  // user id -> when seen (co-presence for credit)
        QSet<QString> changed;                   // users whose sighting is not yet persisted
    };

    Swarm *find(const QByteArray &infoHash);
    const Swarm *find(const QByteArray &infoHash) const;
    void markSeen(Swarm &swarm, const QString &userId, qint64 now);
    void prunePresence(Swarm &swarm, qint64 now);
    void upsert(Swarm &swarm, const SwarmPeer &peer, PeerEvent event);
    void erase(Swarm &swarm, const QByteArray &peerId);
    void place(Swarm &swarm, const SwarmPeer &peer);
    int sweepSwarm(Swarm &swarm, qint64 now, bool force);
    static void sample(const QList<SwarmPeer> &from, const QByteArray &skip, int count, QList<SwarmPeer> *out);
    static SwarmCounts countsOf(const Swarm &swarm);

    const qint64 m_ttlSecs;
    mutable QMutex m_lock;
    QHash<QByteArray, Swarm> m_swarms;
    QHash<QByteArray, QByteArray> m_aliases;  // truncated v2 hash -> v1 hash
    int m_peerCount = 0;
    qint64 m_presenceSecs = 7 * 86400;
};

} // namespace mp2p
