#pragma once

#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

namespace mp2p::bench {

// Random: mp2pd's OMS without a UNIS (SimpleRanking, a plain tracker's random lists).
// Managed: mp2p-unis + mp2pd with oms.unis (LocalityRanking).
enum class RankingMode { Random, Managed };
QString modeName(RankingMode mode);

struct LocalityContent {
    QString saveRoot;      // folder that holds the content (the seed's save path)
    QString torrentPath;
    QString infoHash;      // v1, the overlay id
    QString infoHashV2;    // hybrid torrents announce this one (truncated) too
    qint64 bytes = 0;      // the files' bytes (no pad files): what each downloader must receive
};

struct LocalityConfig {
    RankingMode mode = RankingMode::Random;
    int perIsp = 8;          // K downloaders in each of the three ISPs
    QString runDir;          // this run's data (deleted by the caller)
    QString logDir;          // one log per process (kept)
    LocalityContent content;
    int timeoutSecs = 300;   // from the downloaders' start to the last completion
};

// ISP of a 127.N.x.y address (N = 1, 2, 3), 0 for anything else.
int ispOf(const QString &address);

struct PeerResult {
    QString label;           // "seed", "a1".., "b1".., "c1"..
    QString address;
    bool seed = false;
    double completedSecs = -1;             // from the downloaders' start
    QHash<QString, qint64> bytesByAddress; // what this peer received, by sender address
    QSet<QString> dialed;                  // addresses this peer connected out to (from its OMS list)
};

struct LocalityResult {
    RankingMode mode = RankingMode::Random;
    bool complete = false;
    double seconds = -1;     // downloaders' start -> last completion
    QList<PeerResult> peers; // the seed first
    // Managed: every leecher that the OMS's rule made a gateway of its ISP at some moment
    // (reconstructed from the OMS's peer listing, sampled every 100 ms), by ISP, with the first
    // and last second (from the downloaders' start) it was seen as the gateway.
    struct Span {
        double first = -1;
        double last = -1;
    };
    QMap<int, QMap<QString, Span>> gateways;
    QString problem;
};

// Starts the servers (mp2pd; for Managed also mp2p-unis), logs every peer in, creates the
// overlay, starts the seed in ISP A, then all 3K downloaders at once; waits (bounded) for every
// completion, then stops every process by its PID.
LocalityResult runLocality(const LocalityConfig &config);

} // namespace mp2p::bench
