#pragma once

#include <QString>

namespace mp2p::bench {

struct SwarmContent {
    QString folder;        // the content (a folder of files), shared by the seed of both flows
    QString torrentPath;   // its .torrent, made by mp2p::makeTorrent like `mp2p publish` does
    QString infoHash;
    qint64 totalBytes = 0;
    int pieceSize = 0;
};

// Writes `totalMiB` of seeded pseudo-random data as four files under `workDir`/content/swarm
// and makes its torrent. Returns false with `error` set on failure.
bool makeSwarmContent(const QString &workDir, int totalMiB, quint32 seed, SwarmContent *out, QString *error);

} // namespace mp2p::bench
