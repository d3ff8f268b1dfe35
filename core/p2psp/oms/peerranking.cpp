#include "peerranking.h"

#include <QRandomGenerator>

#include <utility>

namespace mp2p {

namespace {
// Keeps `count` peers of `list` in random order (a partial Fisher-Yates shuffle: O(count) swaps).
void keepRandom(QList<SwarmPeer> &list, qsizetype count)
{
    count = qMin(count, list.size());
    QRandomGenerator *random = QRandomGenerator::global();
    for (qsizetype i = 0; i < count; ++i) {
        const qsizetype j = i + qsizetype(random->bounded(quint64(list.size() - i)));
        if (j != i)
            std::swap(list[i], list[j]);
    }
    list.resize(count);
}
} // namespace

QList<SwarmPeer> SimpleRanking::rank(const QString &, const SwarmPeer &requester, QList<SwarmPeer> candidates, int numwant) const
{
    if (numwant <= 0)
        return {};
    QList<SwarmPeer> seeds;
    QList<SwarmPeer> leechers;
    seeds.reserve(candidates.size());
    leechers.reserve(candidates.size());
    for (SwarmPeer &p : candidates) {
        if (p.peerId == requester.peerId)
            continue;
        if (!p.seed())
            leechers.append(std::move(p));
        else if (!requester.seed())  // seeds have nothing to give each other
            seeds.append(std::move(p));
    }
    keepRandom(seeds, numwant);
    keepRandom(leechers, numwant - seeds.size());
    seeds.append(std::move(leechers));
    return seeds;
}

} // namespace mp2p
