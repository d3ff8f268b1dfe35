#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace mp2p {

// One edge of the receipt graph: `signer` (a downloader) signed receipts that credited
// `uploader` with `bytes` in total (all overlays, both ledgers).
struct CreditEdge {
    QString signer;
    QString uploader;
    qint64 bytes = 0;
};

struct RingStats {
    qsizetype users = 0;
    qsizetype edges = 0;
    int rings = 0;            // strongly connected components of two or more users
    qsizetype ringUsers = 0;  // users in such a component
    qint64 computeMs = 0;     // time of the last computation (read + filter)
};

// The credit that counts for reputation and priority ("counted credit"), per uploader.
//
// Why: a receipt is signed by the downloader, so accounts that sign for each other can mint
// credit up to every cap without any honest user involved. Such accounts form a cycle in the
// graph of who signed for whom, so they share a strongly connected component (SCC). Inside an
// SCC of two or more users (a ring), receipts are only as believable as the outside credit the
// ring earned: an honest tit-for-tat pair or swarm also forms cycles, and keeps its internal
// credit to the extent that users outside it (e.g. pure downloaders, newcomers) vouched for it.
// The rule, for an uploader u in ring S:
//   counted(u) = outside(u) + inside(u) × min(1, outside(S) / inside(S))
// where outside(u) is what signers not in S credited u, inside(u) what members of S credited u,
// outside(S) and inside(S) their sums over S. A closed ring (outside(S) = 0) adds nothing, and
// a ring's internal trades never count for more than the outside credit it received. An
// uploader in no ring counts everything (outside(u) only). Self-signed edges count for nothing.
// This removes the amplification of cycles; it does not stop accounts outside any cycle from
// signing for another one way (a "star"), which stays bounded by the per-receipt caps only.
//
// Cost: Tarjan's algorithm, iterative (no recursion, so no stack depth limit), O(users + edges).
QHash<QString, qint64> countedCredit(const QList<CreditEdge> &edges, RingStats *stats = nullptr);

} // namespace mp2p
