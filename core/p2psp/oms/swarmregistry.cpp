#include "swarmregistry.h"

#include <QMutexLocker>
#include <QRandomGenerator>

#include <limits>

namespace mp2p {

SwarmRegistry::SwarmRegistry(qint64 ttlSecs)
    : m_ttlSecs(ttlSecs)
{
}

void SwarmRegistry::addOverlay(const QByteArray &infoHash, const QByteArray &v2Alias)
{
    QMutexLocker lock(&m_lock);
    Swarm &swarm = m_swarms[infoHash];
    swarm.alias = v2Alias;
    if (!v2Alias.isEmpty())
        m_aliases.insert(v2Alias, infoHash);
}

void SwarmRegistry::removeOverlay(const QByteArray &infoHash)
{
    QMutexLocker lock(&m_lock);
    const auto it = m_swarms.constFind(infoHash);
    if (it == m_swarms.cend())
        return;
    m_peerCount -= int(it->index.size());
    if (!it->alias.isEmpty())
        m_aliases.remove(it->alias);
    m_swarms.erase(it);
}

QByteArray SwarmRegistry::canonicalHash(const QByteArray &infoHash) const
{
    QMutexLocker lock(&m_lock);
    return m_aliases.value(infoHash, infoHash);
}

bool SwarmRegistry::hasOverlay(const QByteArray &infoHash) const
{
    QMutexLocker lock(&m_lock);
    return m_swarms.contains(infoHash) || m_aliases.contains(infoHash);
}

SwarmRegistry::Swarm *SwarmRegistry::find(const QByteArray &infoHash)
{
    auto it = m_swarms.find(infoHash);
    if (it != m_swarms.end())
        return &it.value();
    const auto alias = m_aliases.constFind(infoHash);
    if (alias == m_aliases.cend())
        return nullptr;
    it = m_swarms.find(alias.value());
    return it == m_swarms.end() ? nullptr : &it.value();
}

const SwarmRegistry::Swarm *SwarmRegistry::find(const QByteArray &infoHash) const
{
    return const_cast<SwarmRegistry *>(this)->find(infoHash);
}

void SwarmRegistry::markSeen(Swarm &swarm, const QString &userId, qint64 now)
{
    if (userId.isEmpty())
        return;
    swarm.changed.insert(userId);
    const auto it = swarm.presence.find(userId);
    if (it != swarm.presence.end()) {
        it->lastSeen = qMax(it->lastSeen, now);
        return;
    }
    if (swarm.presence.size() >= MaxPresencePerSwarm) {
        prunePresence(swarm, now);
        if (swarm.presence.size() >= MaxPresencePerSwarm) {
            // Full of users seen within the window: the longest-gone one makes room (O(n), rare).
            auto oldest = swarm.presence.begin();
            for (auto p = swarm.presence.begin(); p != swarm.presence.end(); ++p)
                if (p->lastSeen < oldest->lastSeen)
                    oldest = p;
            swarm.presence.erase(oldest);
        }
    }
    swarm.presence.insert(userId, SwarmPresence{now, now});
}

void SwarmRegistry::prunePresence(Swarm &swarm, qint64 now)
{
    const qint64 deadline = now - m_presenceSecs;
    swarm.presence.removeIf([deadline](const auto &entry) { return entry.value().lastSeen < deadline; });
}

void SwarmRegistry::setPresenceWindow(qint64 keepSecs)
{
    QMutexLocker lock(&m_lock);
    m_presenceSecs = qMax<qint64>(1, keepSecs);
}

qint64 SwarmRegistry::presenceWindow() const
{
    QMutexLocker lock(&m_lock);
    return m_presenceSecs;
}

QList<PresenceSighting> SwarmRegistry::takeChangedPresence()
{
    QMutexLocker lock(&m_lock);
    QList<PresenceSighting> out;
    for (auto s = m_swarms.begin(); s != m_swarms.end(); ++s) {
        for (const QString &user : std::as_const(s->changed)) {
            const auto it = s->presence.constFind(user);
            if (it != s->presence.cend())
                out.append({s.key(), user, *it});
        }
        s->changed.clear();
    }
    return out;
}

void SwarmRegistry::restorePresence(const QList<PresenceSighting> &sightings, qint64 now)
{
    QMutexLocker lock(&m_lock);
    const qint64 deadline = now - m_presenceSecs;
    for (const PresenceSighting &p : sightings) {
        Swarm *swarm = find(p.infoHash);
        if (!swarm || p.userId.isEmpty() || p.seen.lastSeen < deadline || p.seen.firstSeen > p.seen.lastSeen)
            continue;
        const auto it = swarm->presence.find(p.userId);
        if (it != swarm->presence.end()) {
            it->firstSeen = qMin(it->firstSeen, p.seen.firstSeen);
            it->lastSeen = qMax(it->lastSeen, p.seen.lastSeen);
        } else if (swarm->presence.size() < MaxPresencePerSwarm) {
            swarm->presence.insert(p.userId, p.seen);
        }
    }
}

std::optional<SwarmPresence> SwarmRegistry::presence(const QByteArray &infoHash, const QString &userId) const
{
    QMutexLocker lock(&m_lock);
    const Swarm *swarm = find(infoHash);
    if (!swarm)
        return std::nullopt;
    const auto it = swarm->presence.constFind(userId);
    return it == swarm->presence.cend() ? std::nullopt : std::optional<SwarmPresence>(*it);
}

bool SwarmRegistry::wereTogether(const QByteArray &infoHash, const QString &userA, const QString &userB, qint64 time) const
{
    const qint64 slackSecs = m_ttlSecs;
    QMutexLocker lock(&m_lock);
    const Swarm *swarm = find(infoHash);
    if (!swarm)
        return false;
    const auto present = [&](const QString &user) {
        const auto it = swarm->presence.constFind(user);
        return it != swarm->presence.cend() && it->firstSeen - slackSecs <= time && time <= it->lastSeen + slackSecs;
    };
    return present(userA) && (userB.isEmpty() || present(userB));
}

AnnounceResult SwarmRegistry::announce(const QByteArray &infoHash, const SwarmPeer &peer, PeerEvent event,
                                       int poolPerClass)
{
    QMutexLocker lock(&m_lock);
    AnnounceResult result;
    Swarm *swarm = find(infoHash);
    if (!swarm) {
        result.status = SwarmStatus::UnknownOverlay;
        return result;
    }
    sweepSwarm(*swarm, peer.lastSeen, false);
    const auto existing = swarm->index.constFind(peer.peerId);
    if (existing != swarm->index.cend()) {
        const QList<SwarmPeer> &list = existing->seed ? swarm->seeds : swarm->leechers;
        if (list.at(existing->pos).userId != peer.userId) {
            result.status = SwarmStatus::NotYours;
            return result;
        }
    }
    markSeen(*swarm, peer.userId, peer.lastSeen);
    if (event == PeerEvent::Stopped) {
        erase(*swarm, peer.peerId);
    } else {
        upsert(*swarm, peer, event);
        if (poolPerClass > 0) {
            result.candidates.reserve(2 * poolPerClass);
            sample(swarm->seeds, peer.peerId, poolPerClass, &result.candidates);
            sample(swarm->leechers, peer.peerId, poolPerClass, &result.candidates);
        }
    }
    result.counts = countsOf(*swarm);
    return result;
}

SwarmStatus SwarmRegistry::report(const QByteArray &infoHash, const SwarmPeer &counters)
{
    QMutexLocker lock(&m_lock);
    Swarm *swarm = find(infoHash);
    if (!swarm)
        return SwarmStatus::UnknownOverlay;
    sweepSwarm(*swarm, counters.lastSeen, false);
    const auto slot = swarm->index.constFind(counters.peerId);
    if (slot == swarm->index.cend())
        return SwarmStatus::UnknownPeer;
    SwarmPeer peer = (slot->seed ? swarm->seeds : swarm->leechers).at(slot->pos);
    if (peer.userId != counters.userId)
        return SwarmStatus::NotYours;
    peer.uploaded = counters.uploaded;
    peer.downloaded = counters.downloaded;
    peer.left = counters.left;
    peer.lastSeen = counters.lastSeen;
    markSeen(*swarm, peer.userId, peer.lastSeen);
    upsert(*swarm, peer, PeerEvent::None);
    return SwarmStatus::Ok;
}

SwarmStatus SwarmRegistry::leave(const QByteArray &infoHash, const QByteArray &peerId, const QString &userId)
{
    QMutexLocker lock(&m_lock);
    Swarm *swarm = find(infoHash);
    if (!swarm)
        return SwarmStatus::UnknownOverlay;
    const auto slot = swarm->index.constFind(peerId);
    if (slot == swarm->index.cend())
        return SwarmStatus::UnknownPeer;
    if ((slot->seed ? swarm->seeds : swarm->leechers).at(slot->pos).userId != userId)
        return SwarmStatus::NotYours;
    erase(*swarm, peerId);
    return SwarmStatus::Ok;
}

// A completion counts once: on event=completed from a peer not already seeding, or when a
// known leecher reports left=0 (the JSON API has no events).
void SwarmRegistry::upsert(Swarm &swarm, const SwarmPeer &peer, PeerEvent event)
{
    const auto slot = swarm.index.constFind(peer.peerId);
    const bool known = slot != swarm.index.cend();
    const bool wasSeed = known && slot->seed;
    if (peer.seed() && !wasSeed && (known || event == PeerEvent::Completed))
        ++swarm.completed;
    if (known && wasSeed == peer.seed()) {
        (wasSeed ? swarm.seeds : swarm.leechers)[slot->pos] = peer;
        return;
    }
    if (known)
        erase(swarm, peer.peerId);
    else if (swarm.index.isEmpty())
        swarm.sweepAt = peer.lastSeen + m_ttlSecs;
    place(swarm, peer);
}

void SwarmRegistry::place(Swarm &swarm, const SwarmPeer &peer)
{
    QList<SwarmPeer> &list = peer.seed() ? swarm.seeds : swarm.leechers;
    swarm.index.insert(peer.peerId, Slot{peer.seed(), int(list.size())});
    list.append(peer);
    ++m_peerCount;
}

// Swap-remove keeps removal O(1): the last peer of the list takes the freed position.
void SwarmRegistry::erase(Swarm &swarm, const QByteArray &peerId)
{
    const auto slot = swarm.index.constFind(peerId);
    if (slot == swarm.index.cend())
        return;
    QList<SwarmPeer> &list = slot->seed ? swarm.seeds : swarm.leechers;
    const int pos = slot->pos;
    swarm.index.erase(slot);
    if (pos != list.size() - 1) {
        list[pos] = std::move(list.last());
        swarm.index[list.at(pos).peerId].pos = pos;
    }
    list.removeLast();
    --m_peerCount;
}

// Takes `count` consecutive peers from a random start (wrapping), skipping the requester.
// Every peer is equally likely to be offered, at O(count) cost however large the swarm is;
// the ranking shuffles the sample afterwards.
void SwarmRegistry::sample(const QList<SwarmPeer> &from, const QByteArray &skip, int count, QList<SwarmPeer> *out)
{
    const int n = int(from.size());
    if (n == 0)
        return;
    const int start = n > count + 1 ? int(QRandomGenerator::global()->bounded(n)) : 0;
    int taken = 0;
    for (int i = 0; i < n && taken < count; ++i) {
        const SwarmPeer &p = from.at((start + i) % n);
        if (p.peerId == skip)
            continue;
        out->append(p);
        ++taken;
    }
}

int SwarmRegistry::sweepSwarm(Swarm &swarm, qint64 now, bool force)
{
    if (!force && now < swarm.sweepAt)
        return 0;
    const qint64 deadline = now - m_ttlSecs;  // peers seen at or before this are gone
    QList<QByteArray> expired;
    qint64 oldest = std::numeric_limits<qint64>::max();
    for (const QList<SwarmPeer> *list : {&swarm.seeds, &swarm.leechers}) {
        for (const SwarmPeer &p : *list) {
            if (p.lastSeen <= deadline)
                expired.append(p.peerId);
            else
                oldest = qMin(oldest, p.lastSeen);
        }
    }
    for (const QByteArray &id : expired)
        erase(swarm, id);
    swarm.sweepAt = oldest == std::numeric_limits<qint64>::max() ? now : oldest + m_ttlSecs;
    return int(expired.size());
}

SwarmCounts SwarmRegistry::countsOf(const Swarm &swarm)
{
    return {int(swarm.seeds.size()), int(swarm.leechers.size()), swarm.completed};
}

std::optional<SwarmCounts> SwarmRegistry::counts(const QByteArray &infoHash, qint64 now)
{
    QMutexLocker lock(&m_lock);
    Swarm *swarm = find(infoHash);
    if (!swarm)
        return std::nullopt;
    sweepSwarm(*swarm, now, false);
    return countsOf(*swarm);
}

QList<SwarmPeer> SwarmRegistry::peers(const QByteArray &infoHash, qint64 now)
{
    QMutexLocker lock(&m_lock);
    Swarm *swarm = find(infoHash);
    if (!swarm)
        return {};
    sweepSwarm(*swarm, now, false);
    return swarm->seeds + swarm->leechers;
}

QList<QByteArray> SwarmRegistry::activeOverlays() const
{
    QMutexLocker lock(&m_lock);
    QList<QByteArray> out;
    for (auto it = m_swarms.cbegin(); it != m_swarms.cend(); ++it)
        if (!it->index.isEmpty())
            out.append(it.key());
    return out;
}

int SwarmRegistry::removeUser(const QByteArray &infoHash, const QString &userId)
{
    QMutexLocker lock(&m_lock);
    Swarm *swarm = find(infoHash);
    if (!swarm)
        return 0;
    QList<QByteArray> ids;
    for (const QList<SwarmPeer> *list : {&swarm->seeds, &swarm->leechers})
        for (const SwarmPeer &p : *list)
            if (p.userId == userId)
                ids.append(p.peerId);
    for (const QByteArray &id : std::as_const(ids))
        erase(*swarm, id);
    return int(ids.size());
}

int SwarmRegistry::sweep(qint64 now)
{
    QMutexLocker lock(&m_lock);
    int removed = 0;
    for (Swarm &swarm : m_swarms) {
        removed += sweepSwarm(swarm, now, false);
        prunePresence(swarm, now);
    }
    return removed;
}

int SwarmRegistry::overlayCount() const
{
    QMutexLocker lock(&m_lock);
    return int(m_swarms.size());
}

int SwarmRegistry::peerCount() const
{
    QMutexLocker lock(&m_lock);
    return m_peerCount;
}

} // namespace mp2p
