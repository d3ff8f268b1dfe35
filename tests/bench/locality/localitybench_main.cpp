// The locality benchmark (issue 5's headline figure): three ISPs on loopback (127.1/127.2/127.3),
// one seed in ISP A, K downloaders in each ISP, one content. The same swarm runs twice: with
// random peer lists (mp2pd's OMS without a UNIS) and with the managed OMS (mp2p-unis + ALTO
// ranking). Every downloader counts, exactly, the bytes it received from each address; the
// bytes from another ISP are summed and compared with the limit (one copy of the content per
// ISP without a seed = content x 2). Run it through run-locality.sh (inside `unshare -n`).
//
//   mp2p_bench_locality --work DIR [--k 8] [--size-mib 200] [--timeout 300] [--modes random,managed]
// Exit code: 0 both goals met, 1 a goal missed, 2 a run failed.
#include "localityreport.h"
#include "localityrun.h"

#include <user/torrentmaker.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>

#include <cstdio>

using namespace mp2p::bench;

namespace {

bool makeContent(const QString &workDir, int mib, LocalityContent *out, QString *error)
{
    out->saveRoot = QDir(workDir).filePath(QStringLiteral("content"));
    const QString folder = QDir(out->saveRoot).filePath(QStringLiteral("locality"));
    QDir().mkpath(folder);
    QFile f(QDir(folder).filePath(QStringLiteral("payload.bin")));
    if (!f.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1").arg(f.fileName());
        return false;
    }
    QRandomGenerator random(20002);
    QByteArray block(1 << 20, '\0');
    for (int i = 0; i < mib; ++i) {
        random.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
        if (f.write(block) != block.size()) {
            *error = QStringLiteral("cannot write %1: %2").arg(f.fileName(), f.errorString());
            return false;
        }
    }
    f.close();
    const auto made = mp2p::makeTorrent(folder, error);  // private hybrid torrent, as `mp2p publish` makes
    if (!made)
        return false;
    out->torrentPath = QDir(workDir).filePath(QStringLiteral("locality.torrent"));
    QFile t(out->torrentPath);
    if (!t.open(QIODevice::WriteOnly) || t.write(made->torrentFile) != made->torrentFile.size()) {
        *error = QStringLiteral("cannot write %1").arg(out->torrentPath);
        return false;
    }
    out->infoHash = made->infoHashV1;
    out->infoHashV2 = made->infoHashV2;
    out->bytes = 0;
    for (const mp2p::TorrentFileEntry &file : made->files)
        out->bytes += file.size;
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({{QStringLiteral("work"), QStringLiteral("scratch folder (content, peers' data, logs)"), QStringLiteral("dir")},
                       {QStringLiteral("k"), QStringLiteral("downloaders per ISP (default 8)"), QStringLiteral("n"), QStringLiteral("8")},
                       {QStringLiteral("size-mib"), QStringLiteral("content size (default 200)"), QStringLiteral("mib"), QStringLiteral("200")},
                       {QStringLiteral("timeout"), QStringLiteral("seconds per run, downloaders' start to last completion (default 300)"),
                        QStringLiteral("s"), QStringLiteral("300")},
                       {QStringLiteral("modes"), QStringLiteral("runs, in order (default random,managed)"), QStringLiteral("list"),
                        QStringLiteral("random,managed")}});
    parser.process(app);
    const QString work = parser.value(QStringLiteral("work"));
    const int k = parser.value(QStringLiteral("k")).toInt();
    const int mib = parser.value(QStringLiteral("size-mib")).toInt();
    if (work.isEmpty() || k < 1 || k > 60 || mib < 1 || mib > 4096) {
        std::fprintf(stderr, "usage: mp2p_bench_locality --work DIR [--k 1..60] [--size-mib 1..4096]\n");
        return 2;
    }
    LocalityContent content;
    QString error;
    std::fprintf(stderr, "[locality] making %d MiB of content and its torrent\n", mib);
    if (!makeContent(work, mib, &content, &error)) {
        std::fprintf(stderr, "[locality] %s\n", qPrintable(error));
        return 2;
    }
    std::printf("locality benchmark: 3 ISPs, 1 seed in ISP A, K=%d downloaders per ISP (%d peers), %s bytes (%d MiB), "
                "TCP only, limit = content x 2\n", k, 3 * k + 1, qPrintable(QString::number(content.bytes)), mib);
    std::fflush(stdout);

    QMap<QString, CrossFigures> figures;
    bool failed = false;
    for (const QString &mode : parser.value(QStringLiteral("modes")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        LocalityConfig config;
        config.mode = mode == QLatin1String("managed") ? RankingMode::Managed : RankingMode::Random;
        config.perIsp = k;
        config.runDir = QDir(work).filePath(QStringLiteral("run-") + mode);
        config.logDir = QDir(work).filePath(QStringLiteral("logs"));
        config.content = content;
        config.timeoutSecs = parser.value(QStringLiteral("timeout")).toInt();
        std::fprintf(stderr, "[locality] run %s\n", qPrintable(modeName(config.mode)));
        const LocalityResult result = runLocality(config);
        QDir(config.runDir).removeRecursively();  // 3K copies of the content
        const CrossFigures f = crossFigures(result, content.bytes);
        printRun(result, f);
        std::fflush(stdout);
        if (!result.complete)
            failed = true;
        else
            figures.insert(modeName(config.mode), f);
    }
    if (failed)
        return 2;
    if (figures.contains(QStringLiteral("random")) && figures.contains(QStringLiteral("managed")))
        return printComparison(figures.value(QStringLiteral("random")), figures.value(QStringLiteral("managed"))) ? 0 : 1;
    return 0;
}
