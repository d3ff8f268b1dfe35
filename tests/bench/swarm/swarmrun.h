#pragma once

#include "swarmcontent.h"

#include <QList>
#include <QString>

namespace mp2p::bench {

// Plain: PeerEngine peers told every address (connect_peer). Tracker: the same peers announcing
// to Debian's opentracker. Managed: mp2pd + mp2p publish/get.
enum class SwarmMode { Plain, Tracker, Managed };
QString modeName(SwarmMode mode);

struct RunConfig {
    SwarmMode mode = SwarmMode::Plain;
    int downloaders = 4;
    QString runDir;          // data of this run (deleted afterwards by the caller)
    QString logDir;          // one log file per process (kept)
    SwarmContent content;
    QString mp2pdConfig;     // JSON file for mp2pd --config (short announce intervals)
    int timeoutSecs = 240;   // from downloader start to the last completion
};

struct PeerFigure {
    QString label;           // "seed", "d1".., "mp2pd"
    qint64 pid = 0;
    qint64 peakRssKiB = 0;       // VmHWM (includes the content's file pages libtorrent maps)
    qint64 peakAnonKiB = 0;      // highest RssAnon sampled (every 200 ms)
    double addedSecs = -1;       // transfer added (managed: after login + IXS record), from downloader start
    double completedSecs = -1;   // its "completed" line
};

struct RunResult {
    SwarmMode mode = SwarmMode::Plain;
    int downloaders = 0;
    bool complete = false;
    double seconds = -1;     // downloader start -> last "completed"
    double seedSetupSecs = 0;  // seed (and mp2pd) start -> ready to serve (not timed)
    QList<PeerFigure> peers; // the seed, the downloaders, then mp2pd (managed only)
    QString problem;
};

// Runs one swarm: starts the seed (and mp2pd for the managed flow), waits until it serves,
// starts every downloader at once and waits (bounded) for all to print "completed"; then
// stops every process by PID. Downloaders keep seeding to the others until the end.
RunResult runSwarm(const RunConfig &config);

} // namespace mp2p::bench
