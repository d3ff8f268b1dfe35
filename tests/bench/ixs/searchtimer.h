#pragma once

#include "contentgenerator.h"

#include <QList>
#include <QString>

namespace mp2p::bench {

// The latencies of one way of running the benchmark's queries, in milliseconds.
struct LatencyRun {
    QString name;
    QList<double> millis;        // one per timed query, in query order
    QList<int> itemCounts;       // results returned per query (to check the ways agree)
    int errors = 0;
    bool stoppedByTime = false;  // the time bound ended the run before all queries ran

    double percentile(double p) const;
    double mean() const;
};

struct TimerLimits {
    int warmup = 20;        // untimed queries first (caches, prepared statements, connections)
    int maxSeconds = 180;   // hard bound for one run
};

// (a) Through the IXS's HTTP API of a running mp2pd: GET /ixs/v1/content?q=&page=&perPage=20,
// one request at a time on one keep-alive connection, timed from send to the parsed reply.
LatencyRun timeHttp(const QString &name, const QString &baseUrl, const QList<BenchQuery> &queries,
                    const TimerLimits &limits);

// (b) The IXS's own SQL in-process: IxsStore::query() on the same file (COUNT + ranked page
// with the JOIN and the weighted bm25), no HTTP and no JSON.
LatencyRun timeStore(const QString &dbPath, const QList<BenchQuery> &queries, const TimerLimits &limits);

// (c) Raw FTS5 on the same file: SELECT rowid FROM content_fts WHERE content_fts MATCH ?
// ORDER BY rank LIMIT 20 OFFSET ?, with the same MATCH expression the IXS builds.
LatencyRun timeRawFts(const QString &dbPath, const QList<BenchQuery> &queries, const TimerLimits &limits);

} // namespace mp2p::bench
