// mp2p_bench_ixs: the IXS search benchmark (tests/bench/run-ixs-search.sh).
//   keygen                        prints a fresh Ed25519 public key (base64url), for
//                                 mp2pd --ums-public-key (the IXS only reads, no token needed)
//   generate --data-dir D --count N [--seed S] [--batch B]
//                                 writes N content records into D/ixs.db through
//                                 IxsStore::insertMany, B records per transaction
//   query --url U --db D/ixs.db [--queries K] [--seed S] [--max-seconds M]
//                                 times K searches over HTTP, through IxsStore in-process and
//                                 as raw FTS5 on the same file, and prints the ratios
#include "contentgenerator.h"
#include "searchtimer.h"

#include <p2psp/ixs/ixsstore.h>
#include <protocol/keys.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <cstdio>

namespace {

using namespace mp2p;
using namespace mp2p::bench;

constexpr int VocabularyWords = 5000;
constexpr int VocabularyTags = 300;

double fileMiB(const QString &path)
{
    return double(QFileInfo(path).size()) / (1024.0 * 1024.0);
}

int generate(const QString &dataDir, qint64 count, quint64 seed, int batch)
{
    const QString path = dataDir + QStringLiteral("/ixs.db");
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);  // always a fresh file: the figures are for N records
    const Vocabulary vocabulary(VocabularyWords, VocabularyTags);
    BenchRng rng(seed);
    const QStringList owners = makeOwners(1000, rng);
    QElapsedTimer total;
    total.start();
    qint64 buildNs = 0;
    qint64 insertNs = 0;
    {
        DatabaseOptions options;
        options.path = path;
        options.fullSync = false;  // as "fullSync": false in the ixs config: a bulk import, not user writes
        IxsStore store(options);
        QString error;
        if (!store.open(&error)) {
            std::fprintf(stderr, "mp2p_bench_ixs: cannot open %s: %s\n", qPrintable(path), qPrintable(error));
            return 1;
        }
        for (qint64 done = 0; done < count;) {
            QElapsedTimer step;
            step.start();
            QList<ContentRecord> records;
            records.reserve(int(std::min<qint64>(batch, count - done)));
            for (; done < count && records.size() < batch; ++done)
                records.append(makeRecord(done, vocabulary, owners, rng));
            buildNs += step.nsecsElapsed();
            step.restart();
            if (!store.insertMany(records, &error)) {
                std::fprintf(stderr, "mp2p_bench_ixs: insertMany failed at record %lld: %s\n", done, qPrintable(error));
                return 1;
            }
            insertNs += step.nsecsElapsed();
            if (done % 100000 == 0 || done == count)
                std::printf("  %lld records, %.1f s\n", done, double(total.elapsed()) / 1000.0), std::fflush(stdout);
        }
    }  // closing the last connection checkpoints the WAL into ixs.db
    const double seconds = double(total.elapsed()) / 1000.0;
    std::printf("generation: %lld records in %.1f s (%.0f records/s; making records %.1f s, IxsStore::insertMany %.1f s, "
                "%d per transaction)\n",
                count, seconds, double(count) / seconds, double(buildNs) / 1e9, double(insertNs) / 1e9, batch);
    std::printf("database: ixs.db %.1f MiB (wal %.1f MiB)\n", fileMiB(path), fileMiB(path + QStringLiteral("-wal")));
    return 0;
}

void printRun(const char *label, const LatencyRun &run)
{
    std::printf("  %s %-32s p50 %8.3f ms  p99 %8.3f ms  mean %8.3f ms  (%lld queries, %d errors%s)\n", label,
                qPrintable(run.name), run.percentile(50), run.percentile(99), run.mean(), qlonglong(run.millis.size()),
                run.errors, run.stoppedByTime ? ", STOPPED BY THE TIME BOUND" : "");
}

int agreeing(const LatencyRun &a, const LatencyRun &b)
{
    int same = 0;
    for (int i = 0; i < std::min(a.itemCounts.size(), b.itemCounts.size()); ++i)
        same += a.itemCounts.at(i) == b.itemCounts.at(i) && a.itemCounts.at(i) >= 0;
    return same;
}

int query(const QString &url, const QString &dbPath, int count, quint64 seed, int maxSeconds)
{
    const Vocabulary vocabulary(VocabularyWords, VocabularyTags);
    BenchRng rng(seed ^ 0x9e3779b9ULL);  // queries do not depend on how many records were made
    const QList<BenchQuery> queries = makeQueries(count, vocabulary, rng);
    TimerLimits limits;
    limits.maxSeconds = maxSeconds;
    std::printf("IXS search latency: %d queries (1-2 words of a %d-word vocabulary, pages 1-5, 20 per page), "
                "one at a time, after %d untimed warm-up queries each\n",
                count, VocabularyWords, limits.warmup);
    // The floor of one HTTP round trip: the same requests for a word no record has (the
    // vocabulary has no 'q'), so the SQL finds nothing at once.
    QList<BenchQuery> nothing = queries;
    for (BenchQuery &q : nothing)
        q = BenchQuery{QStringLiteral("qqqqq"), 1};
    const LatencyRun floor = timeHttp(QStringLiteral("HTTP floor (no-match word)"), url, nothing, limits);
    printRun("(a0)", floor);
    const LatencyRun http = timeHttp(QStringLiteral("IXS over HTTP (mp2pd)"), url, queries, limits);
    printRun("(a) ", http);
    const LatencyRun store = timeStore(dbPath, queries, limits);
    printRun("(a1)", store);
    const LatencyRun raw = timeRawFts(dbPath, queries, limits);
    printRun("(b) ", raw);
    std::printf("  (a) and (a0): mp2pd --services ixs on loopback, HTTP/1.1 keep-alive, QNetworkAccessManager client;\n"
                "  (a1): the IXS's own SQL (COUNT + JOIN + weighted bm25) in-process, no HTTP/JSON;\n"
                "  (b): SELECT rowid FROM content_fts WHERE content_fts MATCH ? ORDER BY rank LIMIT 20 OFFSET ?\n");
    const auto ratio = [](double x, double y) { return y > 0 ? x / y : 0.0; };
    std::printf("ratio HTTP/raw FTS5 (a/b):       p50 %.2fx  p99 %.2fx  mean %.2fx\n", ratio(http.percentile(50), raw.percentile(50)),
                ratio(http.percentile(99), raw.percentile(99)), ratio(http.mean(), raw.mean()));
    std::printf("ratio IxsStore/raw FTS5 (a1/b): p50 %.2fx  p99 %.2fx  mean %.2fx\n", ratio(store.percentile(50), raw.percentile(50)),
                ratio(store.percentile(99), raw.percentile(99)), ratio(store.mean(), raw.mean()));
    std::printf("check: result counts agree for %d of %lld queries (HTTP vs raw FTS5)\n", agreeing(http, raw),
                qlonglong(raw.itemCounts.size()));
    const bool ok = floor.errors == 0 && http.errors == 0 && store.errors == 0 && raw.errors == 0 && !http.millis.isEmpty();
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("IXS search benchmark: keygen | generate | query"));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("keygen, generate or query"));
    p.addOptions({{QStringLiteral("data-dir"), QStringLiteral("generate: folder of ixs.db"), QStringLiteral("dir")},
                  {QStringLiteral("count"), QStringLiteral("generate: records (default 1000000)"), QStringLiteral("n"), QStringLiteral("1000000")},
                  {QStringLiteral("batch"), QStringLiteral("generate: records per transaction (default 20000)"), QStringLiteral("n"), QStringLiteral("20000")},
                  {QStringLiteral("seed"), QStringLiteral("RNG seed (default 7)"), QStringLiteral("n"), QStringLiteral("7")},
                  {QStringLiteral("url"), QStringLiteral("query: base URL of mp2pd"), QStringLiteral("url")},
                  {QStringLiteral("db"), QStringLiteral("query: the ixs.db file"), QStringLiteral("file")},
                  {QStringLiteral("queries"), QStringLiteral("query: how many (default 1000)"), QStringLiteral("n"), QStringLiteral("1000")},
                  {QStringLiteral("max-seconds"), QStringLiteral("query: bound per way of querying (default 150)"), QStringLiteral("s"), QStringLiteral("150")}});
    p.process(app);
    const QString mode = p.positionalArguments().value(0);
    const quint64 seed = p.value(QStringLiteral("seed")).toULongLong();
    if (mode == QLatin1String("keygen") && initCrypto()) {
        std::printf("%s\n", toBase64Url(KeyPair::generate().publicKey()).constData());
        return 0;
    }
    const qint64 count = p.value(QStringLiteral("count")).toLongLong();
    const int batch = p.value(QStringLiteral("batch")).toInt();
    if (mode == QLatin1String("generate") && p.isSet(QStringLiteral("data-dir")) && count > 0 && batch > 0)
        return generate(QDir(p.value(QStringLiteral("data-dir"))).absolutePath(), count, seed, batch);
    const int queries = p.value(QStringLiteral("queries")).toInt();
    const int maxSeconds = p.value(QStringLiteral("max-seconds")).toInt();
    if (mode == QLatin1String("query") && p.isSet(QStringLiteral("url")) && p.isSet(QStringLiteral("db")) && queries > 0
        && maxSeconds > 0)
        return query(p.value(QStringLiteral("url")), p.value(QStringLiteral("db")), queries, seed, maxSeconds);
    std::fprintf(stderr, "mp2p_bench_ixs: unknown mode or missing/invalid options (see --help)\n");
    return 2;
}
