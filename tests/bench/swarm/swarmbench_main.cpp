// Swarm benchmark driver: one seed -> N downloaders on loopback, the managed flow (mp2pd +
// `mp2p publish --seed` + N x `mp2p get --seed`) against plain PeerEngine peers that are told
// each other's addresses, with the same content in the same run. Prints seconds from the
// start of the downloaders to the last completion, the ratio plain/managed and every peer's
// peak RSS. Run it through tests/bench/run-swarm.sh (a private network namespace).
#include "swarmcontent.h"
#include "swarmrun.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <unistd.h>

using namespace mp2p::bench;

namespace {

struct Options {
    QList<int> counts;
    int sizeMiB = 256;
    int timeoutSecs = 240;
    int rounds = 3;
    QList<SwarmMode> modes{SwarmMode::Plain, SwarmMode::Tracker, SwarmMode::Managed};
    QString note;
    QString work;
};

void out(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

QString mib(qint64 kib) { return QString::number(kib / 1024.0, 'f', 0); }
QString seconds(double s) { return s < 0 ? QStringLiteral("-") : QString::number(s, 'f', 1); }
QString tag(SwarmMode mode) { return QStringLiteral("%1").arg(modeName(mode), -8); }

// "seed 301/45  d1 355/52 ... mp2pd 24/12" (VmHWM/RssAnon MiB) and the downloaders' mean and max.
void printRss(const RunResult &r)
{
    QString line;
    qint64 sum = 0, top = 0, anonSum = 0, anonTop = 0;
    int count = 0;
    for (const PeerFigure &f : r.peers) {
        if (f.label.startsWith(QLatin1Char('d'))) {
            sum += f.peakRssKiB;
            top = std::max(top, f.peakRssKiB);
            anonSum += f.peakAnonKiB;
            anonTop = std::max(anonTop, f.peakAnonKiB);
            ++count;
        }
        line += QStringLiteral("%1 %2/%3  ").arg(f.label, mib(f.peakRssKiB), mib(f.peakAnonKiB));
    }
    out(QStringLiteral("    %1 peak RSS MiB (VmHWM/RssAnon): %2").arg(tag(r.mode), line.trimmed()));
    if (count > 0)
        out(QStringLiteral("    %1 downloaders' VmHWM mean %2 MiB, max %3 MiB; RssAnon mean %4 MiB, max %5 MiB")
                .arg(tag(r.mode), mib(sum / count), mib(top), mib(anonSum / count), mib(anonTop)));
}

void printDetails(const RunResult &r)
{
    QStringList done, added;
    for (const PeerFigure &f : r.peers) {
        if (f.label.startsWith(QLatin1Char('d'))) {
            done << seconds(f.completedSecs);
            added << seconds(f.addedSecs);
        }
    }
    out(QStringLiteral("    %1 %2 (seed ready %3 s after its start, not timed)")
            .arg(tag(r.mode), r.complete ? QStringLiteral("all complete in %1 s").arg(seconds(r.seconds)) : QStringLiteral("FAILED: ") + r.problem,
                 seconds(r.seedSetupSecs)));
    out(QStringLiteral("    %1 transfer added at (s): %2").arg(tag(r.mode), added.join(QLatin1Char(' '))));
    out(QStringLiteral("    %1 completed at (s):      %2").arg(tag(r.mode), done.join(QLatin1Char(' '))));
    printRss(r);
}

// The run whose time is the median of the completed ones (the first failure if none completed).
const RunResult *medianRun(const QList<RunResult> &runs)
{
    QList<const RunResult *> ok;
    for (const RunResult &r : runs)
        if (r.complete)
            ok << &r;
    if (ok.size() < runs.size())
        return nullptr;
    std::sort(ok.begin(), ok.end(), [](const RunResult *a, const RunResult *b) { return a->seconds < b->seconds; });
    return ok[(ok.size() - 1) / 2];
}

RunResult runOne(const Options &o, const SwarmContent &content, const QString &config, SwarmMode mode, int n, int round)
{
    const QString runDir = QDir(o.work).filePath(QStringLiteral("run-%1-%2").arg(modeName(mode)).arg(n));
    RunConfig rc{mode, n, runDir, QDir(o.work).filePath(QStringLiteral("logs/round-%1").arg(round)), content, config, o.timeoutSecs};
    // A swarm run writes N copies: drop them before the next run, so each starts alike.
    std::fprintf(stderr, "[swarm] %s N=%d round %d: starting\n", qPrintable(modeName(mode)), n, round);
    RunResult r = runSwarm(rc);
    QDir(runDir).removeRecursively();
    ::sync();
    return r;
}

// All rounds for one N (the order of the flows rotates from round to round); returns the
// summary lines (one ratio per baseline flow against the managed one).
QStringList benchmarkN(const Options &o, const SwarmContent &content, const QString &config, int n, bool *ok)
{
    QMap<SwarmMode, QList<RunResult>> runs;
    out(QString());
    out(QStringLiteral("N = %1 downloaders, %2 round(s), the order of the flows rotating").arg(n).arg(o.rounds));
    for (int round = 1; round <= o.rounds; ++round) {
        QList<SwarmMode> order = o.modes;
        std::rotate(order.begin(), order.begin() + (round - 1) % order.size(), order.end());
        QStringList line;
        for (SwarmMode mode : std::as_const(order)) {
            runs[mode] << runOne(o, content, config, mode, n, round);
            const RunResult &r = runs[mode].last();
            line << QStringLiteral("%1 %2").arg(modeName(mode), r.complete ? seconds(r.seconds) + QStringLiteral(" s") : QStringLiteral("FAILED"));
        }
        out(QStringLiteral("  round %1: %2").arg(round).arg(line.join(QStringLiteral(", "))));
    }
    out(QStringLiteral("  the median run of each flow:"));
    for (SwarmMode mode : std::as_const(o.modes)) {
        const RunResult *m = medianRun(runs[mode]);
        printDetails(m ? *m : runs[mode].constFirst());
        for (const RunResult &r : runs[mode])
            if (!m && !r.complete)
                out(QStringLiteral("    %1 FAILED: %2").arg(tag(mode), r.problem));
    }
    QStringList summary;
    const RunResult *managed = medianRun(runs[SwarmMode::Managed]);
    for (SwarmMode mode : std::as_const(o.modes)) {
        if (mode == SwarmMode::Managed)
            continue;
        const RunResult *base = medianRun(runs[mode]);
        if (!base || !managed) {
            *ok = false;
            summary << QStringLiteral("N=%1: a %2 or managed run did not complete (see above)").arg(n).arg(modeName(mode));
            continue;
        }
        const double ratio = base->seconds / managed->seconds;
        summary << QStringLiteral("N=%1: %2 %3 s, managed %4 s (medians), ratio %2/managed %5 (goal >= 0.95: %6)")
                       .arg(n).arg(modeName(mode), seconds(base->seconds), seconds(managed->seconds)).arg(ratio, 0, 'f', 2)
                       .arg(ratio >= 0.95 ? QStringLiteral("met") : QStringLiteral("NOT met"));
        out(QStringLiteral("  ") + summary.last());
    }
    return summary;
}

bool parseOptions(const QCoreApplication &app, Options *o)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({{QStringLiteral("peers"), QStringLiteral("Downloader counts, comma-separated (default 4,16)."), QStringLiteral("list"), QStringLiteral("4,16")},
                       {QStringLiteral("size-mib"), QStringLiteral("Content size in MiB (default 256)."), QStringLiteral("mib"), QStringLiteral("256")},
                       {QStringLiteral("rounds"), QStringLiteral("Runs of each flow per N; the median is compared (default 3)."), QStringLiteral("n"), QStringLiteral("3")},
                       {QStringLiteral("timeout"), QStringLiteral("Seconds allowed per swarm run (default 240)."), QStringLiteral("s"), QStringLiteral("240")},
                       {QStringLiteral("note"), QStringLiteral("A line printed with the header (e.g. why the size was scaled down)."), QStringLiteral("text")},
                       {QStringLiteral("work"), QStringLiteral("Scratch folder (default: a temporary one)."), QStringLiteral("dir")},
                       {QStringLiteral("modes"), QStringLiteral("Flows in the order of round 1 (default plain,tracker,managed)."), QStringLiteral("list"),
                        QStringLiteral("plain,tracker,managed")}});
    parser.process(app);
    for (const QString &part : parser.value(QStringLiteral("peers")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const int n = part.toInt();
        if (n < 1 || n > 200)
            return false;
        o->counts << n;
    }
    o->sizeMiB = parser.value(QStringLiteral("size-mib")).toInt();
    o->rounds = parser.value(QStringLiteral("rounds")).toInt();
    o->timeoutSecs = parser.value(QStringLiteral("timeout")).toInt();
    o->modes.clear();
    for (const QString &name : parser.value(QStringLiteral("modes")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QList<SwarmMode> all{SwarmMode::Plain, SwarmMode::Tracker, SwarmMode::Managed};
        auto it = std::find_if(all.begin(), all.end(), [&](SwarmMode m) { return modeName(m) == name; });
        if (it == all.end() || o->modes.contains(*it))
            return false;
        o->modes << *it;
    }
    o->note = parser.value(QStringLiteral("note"));
    o->work = parser.value(QStringLiteral("work"));
    return !o->counts.isEmpty() && o->modes.contains(SwarmMode::Managed) && o->modes.size() >= 2 && o->sizeMiB >= 1 && o->sizeMiB <= 16384 && o->rounds >= 1 && o->rounds <= 20 && o->timeoutSecs >= 10;
}

void printHeader(const Options &o, const SwarmContent &content, double madeSecs)
{
    out(QStringLiteral("Swarm benchmark: 1 seed -> N downloaders, %1 MiB in 4 files (piece %2 KiB, made in %3 s), TCP on loopback (--no-utp)")
            .arg(o.sizeMiB).arg(content.pieceSize / 1024).arg(madeSecs, 0, 'f', 1));
    if (!o.note.isEmpty())
        out(QStringLiteral("  NOTE: ") + o.note);
    out(QStringLiteral("  plain   = mp2p_bench_swarm_peer processes (mp2p::PeerEngine with the settings of `mp2p --no-utp`), no control plane:"));
    out(QStringLiteral("            each downloader is given the seed's and every other downloader's address (connect_peer): a full mesh"));
    out(QStringLiteral("  tracker = the same processes announcing to Debian's opentracker (a plain tracker; no login, no index):"));
    out(QStringLiteral("            the like-for-like baseline, since the managed peers also find each other through a tracker (the OMS)"));
    out(QStringLiteral("  managed = mp2pd (UMS, IXS, OMS, PAMS; announce interval 5 s, min 2 s) + `mp2p publish --seed` + N x `mp2p get ID --seed`"));
    out(QStringLiteral("            (each downloader logs in, fetches the record from the IXS, joins through the OMS tracker, reports to the PAMS)"));
    out(QStringLiteral("  both: each peer on its own 127.x address; timed from the start of the downloader processes to the last \"completed\""));
    out(QStringLiteral("        (all pieces verified); finished downloaders keep seeding to the others until the last one is done;"));
    out(QStringLiteral("        ratio = baseline seconds / managed seconds (goal >= 0.95: managed throughput >= 95 % of the baseline's)"));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Options o;
    if (!parseOptions(app, &o)) {
        std::fprintf(stderr, "mp2p_bench_swarm: --peers needs counts 1..200, --modes managed and plain and/or tracker, --size-mib 1..16384, "
                             "--rounds 1..20, --timeout >= 10\n");
        return 2;
    }
    if (qEnvironmentVariableIsEmpty("MP2P_BIN_DIR"))  // where mp2pd and mp2p are (see Mp2pdProcess::binary)
        qputenv("MP2P_BIN_DIR", QDir(app.applicationDirPath() + QStringLiteral("/../../../app")).absolutePath().toLocal8Bit());
    QTemporaryDir scratch(QDir::tempPath() + QStringLiteral("/mp2p-bench-swarm-XXXXXX"));
    if (o.work.isEmpty())
        o.work = scratch.path();
    QDir().mkpath(o.work);

    QElapsedTimer made;
    made.start();
    SwarmContent content;
    QString error;
    if (!makeSwarmContent(o.work, o.sizeMiB, 20002, &content, &error)) {
        std::fprintf(stderr, "mp2p_bench_swarm: %s\n", qPrintable(error));
        return 1;
    }
    ::sync();  // the content's pages are written back before the first timed run
    const QString config = QDir(o.work).filePath(QStringLiteral("mp2pd.json"));
    QFile f(config);
    if (!f.open(QIODevice::WriteOnly) || f.write(R"({"oms": {"announceIntervalSecs": 5, "minAnnounceIntervalSecs": 2}})") <= 0)
        return 1;
    f.close();
    printHeader(o, content, made.elapsed() / 1000.0);

    bool allOk = true;
    QStringList summary;
    for (int n : std::as_const(o.counts))
        summary += benchmarkN(o, content, config, n, &allOk);
    out(QString());
    out(QStringLiteral("Summary (%1 MiB, median of %2 round(s)):").arg(o.sizeMiB).arg(o.rounds));
    for (const QString &line : std::as_const(summary))
        out(QStringLiteral("  ") + line);
    return allOk ? 0 : 1;
}
