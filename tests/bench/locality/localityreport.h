#pragma once

#include "localityrun.h"

#include <QList>
#include <QPair>
#include <QString>

namespace mp2p::bench {

// The figures of one run, from every downloader's exact per-address byte counters.
struct CrossFigures {
    qint64 content = 0;        // bytes of the content (what each downloader must receive)
    qint64 received = 0;       // all counted bytes; == downloaders x content when accounting is exact
    qint64 expected = 0;       // downloaders x content
    qint64 cross = 0;          // bytes a downloader received from an address in another ISP
    qint64 limit = 0;          // one copy per ISP without a seed: content x 2
    double crossRatio = 0;     // cross / limit
    double seconds = -1;       // downloaders' start -> last completion
    qint64 inbound[4] = {0, 0, 0, 0};  // cross bytes received in ISP 1..3
    qint64 toGateways = 0;     // managed: cross bytes received by peers that were gateways
    qint64 fromSeed = 0;       // cross bytes sent by the seed
    qint64 fromGateways = 0;   // ... by gateways
    qint64 fromOthers = 0;     // ... by other leechers (or finished downloaders seeding)
    qint64 pulled = 0;         // cross bytes over connections the receiver dialed (the sender was in its list)
    qint64 pushed = 0;         // ... the sender dialed (the receiver was in the sender's list)
    QList<QPair<QString, qint64>> topLinks;  // "receiver <- sender" with the most cross bytes
};

CrossFigures crossFigures(const LocalityResult &result, qint64 contentBytes);
// Human-readable lines (stdout) of one run.
void printRun(const LocalityResult &result, const CrossFigures &f);
// The comparison of both runs and the goals; returns true if both goals are met.
bool printComparison(const CrossFigures &random, const CrossFigures &managed);

} // namespace mp2p::bench
