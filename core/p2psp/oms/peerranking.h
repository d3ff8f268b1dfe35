#pragma once

#include "swarmpeer.h"

#include <QList>

namespace mp2p {

// Orders the candidates of a peer list (join/refresh/announce). The simple rule lives in
// SimpleRanking; a UNIS cost map and PAMS-aware ranking replaces it behind this interface.
class PeerRanking {
public:
    virtual ~PeerRanking() = default;
    // `overlayId` (40 hex) names the swarm, for rankings that ask the PAMS about its peers (R1).
    virtual QList<SwarmPeer> rank(const QString &overlayId, const SwarmPeer &requester, QList<SwarmPeer> candidates,
                                  int numwant) const = 0;
    // How many seeds and how many leechers the swarm should sample as candidates for a reply
    // of `numwant` peers; a ranking that weighs cost or activity wants a larger pool to choose from.
    virtual int candidatePool(int numwant) const { return numwant; }
};

// Never the requester (same peer id); for a leecher seeds first, then leechers; for a seed only
// leechers (seeds have nothing to exchange); random order within each class so that load
// spreads over the swarm; at most `numwant` peers.
class SimpleRanking : public PeerRanking {
public:
    QList<SwarmPeer> rank(const QString &overlayId, const SwarmPeer &requester, QList<SwarmPeer> candidates,
                          int numwant) const override;
};

} // namespace mp2p
