// One timed swarm run, plain or managed. Both are timed the same way: the clock starts just
// before the first downloader process is started and stops at the last "completed" line.
#include "swarmrun.h"

#include "benchprocess.h"
#include "swarmtracker.h"

#include <mp2pdprocess.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

namespace mp2p::bench {

QString modeName(SwarmMode mode)
{
    switch (mode) {
    case SwarmMode::Plain:
        return QStringLiteral("plain");
    case SwarmMode::Tracker:
        return QStringLiteral("tracker");
    case SwarmMode::Managed:
        break;
    }
    return QStringLiteral("managed");
}

namespace {

const quint16 kPlainPort = 6881;

void note(const QString &text)
{
    std::fprintf(stderr, "[swarm] %s\n", qPrintable(text));
    std::fflush(stderr);
}

class SwarmRun {
public:
    explicit SwarmRun(const RunConfig &config)
        : m_config(config)
    {
        m_result.mode = config.mode;
        m_result.downloaders = config.downloaders;
        m_rssTimer.setInterval(200);
        QObject::connect(&m_rssTimer, &QTimer::timeout, [this] {
            for (const auto &p : m_processes)
                p->sampleRss();
        });
    }

    RunResult run();

private:
    // 127.<mode>.<N>.<host>: every run has its own addresses (the plain peers use fixed ports).
    QString address(int host) const
    {
        return QStringLiteral("127.%1.%2.%3").arg(int(m_config.mode) + 1).arg(m_config.downloaders).arg(host);
    }
    QString dir(const QString &name) const { return QDir(m_config.runDir).filePath(name); }
    BenchProcess *spawn(const QString &label, const QString &program, const QStringList &args);
    bool startOpentracker();
    bool startSeedPlain();
    bool startSeedManaged();
    QStringList downloaderArgs(int index) const;
    void startDownloaders();
    void waitForDownloaders();
    void collectMemory();
    void watchDownloader(BenchProcess *process, int index);
    bool checkDownloads();
    void stopAll();

    RunConfig m_config;
    RunResult m_result;
    std::vector<std::unique_ptr<BenchProcess>> m_processes;
    QTimer m_rssTimer;
    QElapsedTimer m_clock;
    QString m_contentId;     // managed: the IXS id that `mp2p get` fetches
    QString m_serverUrl;
    QString m_trackerUrl;    // tracker: opentracker's announce URL
    int m_completed = 0;
    QList<double> m_progress;  // per downloader, for the live note
};

BenchProcess *SwarmRun::spawn(const QString &label, const QString &program, const QStringList &args)
{
    const QString log = QDir(m_config.logDir).filePath(QStringLiteral("%1-%2-%3.log").arg(modeName(m_config.mode)).arg(m_config.downloaders).arg(label));
    m_processes.push_back(std::make_unique<BenchProcess>(label, log));
    BenchProcess *p = m_processes.back().get();
    p->start(program, args);
    return p;
}

bool SwarmRun::startOpentracker()
{
    OpentrackerSetup setup;
    QString error;
    if (!prepareOpentracker(dir(QStringLiteral("opentracker")), m_config.content.infoHash, &setup, &error)) {
        m_result.problem = error;
        return false;
    }
    BenchProcess *tracker = spawn(QStringLiteral("opentracker"), QStringLiteral("opentracker"), setup.args);
    if (!tracker->running() || !waitUntilTrackerServes(setup, m_config.content.infoHash, 15000)) {
        m_result.problem = QStringLiteral("opentracker did not serve the info-hash; see %1").arg(tracker->logPath());
        return false;
    }
    m_trackerUrl = setup.announceUrl;
    return true;
}

bool SwarmRun::startSeedPlain()
{
    if (m_config.mode == SwarmMode::Tracker && !startOpentracker())
        return false;
    QStringList args{QStringLiteral("--torrent"), m_config.content.torrentPath, QStringLiteral("--save"),
                     QFileInfo(m_config.content.folder).absolutePath(), QStringLiteral("--state"), dir(QStringLiteral("seed")),
                     QStringLiteral("--listen"), QStringLiteral("%1:%2").arg(address(1)).arg(kPlainPort), QStringLiteral("--seed-mode")};
    if (!m_trackerUrl.isEmpty())
        args << QStringLiteral("--tracker") << m_trackerUrl;
    BenchProcess *seed = spawn(QStringLiteral("seed"), QCoreApplication::applicationDirPath() + QStringLiteral("/mp2p_bench_swarm_peer"), args);
    // Ready = the transfer is added and, with a tracker, the tracker knows the seed.
    const QString awaited = m_trackerUrl.isEmpty() ? QStringLiteral("ready") : QStringLiteral("announced");
    bool ready = false;
    QObject::connect(seed, &BenchProcess::event, [&ready, awaited](const QJsonObject &e) {
        ready = ready || e.value(QStringLiteral("event")).toString() == awaited;
    });
    if (!waitUntil([&] { return ready || !seed->running(); }, 60000) || !ready) {
        m_result.problem = QStringLiteral("the plain seed did not start; see %1").arg(seed->logPath());
        return false;
    }
    return true;
}

bool SwarmRun::startSeedManaged()
{
    const QString portFile = dir(QStringLiteral("mp2pd.port"));
    BenchProcess *server = spawn(QStringLiteral("mp2pd"), test::Mp2pdProcess::binary(QStringLiteral("mp2pd")),
                                 {QStringLiteral("--listen"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QStringLiteral("0"),
                                  QStringLiteral("--port-file"), portFile, QStringLiteral("--data-dir"), dir(QStringLiteral("mp2pd")),
                                  QStringLiteral("--config"), m_config.mp2pdConfig, QStringLiteral("--log-level"), QStringLiteral("warning")});
    quint16 port = 0;
    waitUntil([&] {
        QFile f(portFile);
        if (f.open(QIODevice::ReadOnly))
            port = quint16(f.readAll().trimmed().toUInt());
        return port != 0 || !server->running();
    }, 45000);
    if (port == 0) {
        m_result.problem = QStringLiteral("mp2pd did not start; see %1").arg(server->logPath());
        return false;
    }
    m_serverUrl = QStringLiteral("http://127.0.0.1:%1").arg(port);
    BenchProcess *seed = spawn(QStringLiteral("seed"), test::Mp2pdProcess::binary(QStringLiteral("mp2p")),
                               {QStringLiteral("publish"), m_config.content.folder, QStringLiteral("--title"), QStringLiteral("swarm bench"),
                                QStringLiteral("--seed"), QStringLiteral("--server"), m_serverUrl, QStringLiteral("--data-dir"),
                                dir(QStringLiteral("seed")), QStringLiteral("--listen"), address(1) + QStringLiteral(":0"),
                                QStringLiteral("--no-utp"), QStringLiteral("--json")});
    QObject::connect(seed, &BenchProcess::event, [this](const QJsonObject &e) {
        if (e.value(QStringLiteral("event")).toString() == QLatin1String("published"))
            m_contentId = e.value(QStringLiteral("contentId")).toString();
    });
    if (!waitUntil([&] { return !m_contentId.isEmpty() || !seed->running(); }, 180000) || m_contentId.isEmpty()) {
        m_result.problem = QStringLiteral("mp2p publish did not publish; see %1").arg(seed->logPath());
        return false;
    }
    return true;
}

QStringList SwarmRun::downloaderArgs(int index) const
{
    const QString name = QStringLiteral("d%1").arg(index + 1);
    if (m_config.mode == SwarmMode::Managed) {
        return {QStringLiteral("get"), m_contentId, QStringLiteral("--to"), dir(name + QStringLiteral("-files")), QStringLiteral("--seed"),
                QStringLiteral("--server"), m_serverUrl, QStringLiteral("--data-dir"), dir(name), QStringLiteral("--listen"),
                address(index + 2) + QStringLiteral(":0"), QStringLiteral("--no-utp"), QStringLiteral("--json")};
    }
    QStringList args{QStringLiteral("--torrent"), m_config.content.torrentPath, QStringLiteral("--save"), dir(name + QStringLiteral("-files")),
                     QStringLiteral("--state"), dir(name), QStringLiteral("--listen"), QStringLiteral("%1:%2").arg(address(index + 2)).arg(kPlainPort)};
    if (m_config.mode == SwarmMode::Tracker)
        return args << QStringLiteral("--tracker") << m_trackerUrl;
    // The seed and every other downloader: the mesh a tracker would hand out.
    for (int host = 1; host <= m_config.downloaders + 1; ++host) {
        if (host != index + 2)
            args << QStringLiteral("--connect") << QStringLiteral("%1:%2").arg(address(host)).arg(kPlainPort);
    }
    return args;
}

void SwarmRun::watchDownloader(BenchProcess *process, int index)
{
    QObject::connect(process, &BenchProcess::event, [this, index](const QJsonObject &e) {
        PeerFigure &figure = m_result.peers[index + 1];
        const QString name = e.value(QStringLiteral("event")).toString();
        if (name == QLatin1String("progress")) {
            m_progress[index] = e.value(QStringLiteral("progress")).toDouble();
        } else if ((name == QLatin1String("started") || name == QLatin1String("ready")) && figure.addedSecs < 0) {
            figure.addedSecs = m_clock.nsecsElapsed() / 1e9;  // `mp2p get`: "started"; plain peer: "ready"
        } else if (name == QLatin1String("completed") && figure.completedSecs < 0) {
            figure.completedSecs = m_clock.nsecsElapsed() / 1e9;
            m_progress[index] = 1;
            ++m_completed;
        }
    });
    QObject::connect(process, &BenchProcess::exited, [this, index, process](int code) {
        if (m_result.peers[index + 1].completedSecs < 0 && m_result.problem.isEmpty())
            m_result.problem = QStringLiteral("downloader d%1 exited with %2 before completing; see %3").arg(index + 1).arg(code).arg(process->logPath());
    });
}

// "completed" means libtorrent verified every piece; this also checks every file is there
// at full size (cheap, unlike hashing N copies again).
bool SwarmRun::checkDownloads()
{
    const QString name = QFileInfo(m_config.content.folder).fileName();
    const QStringList files = QDir(m_config.content.folder).entryList(QDir::Files);
    for (int i = 0; i < m_config.downloaders; ++i) {
        for (const QString &file : files) {
            const QString got = dir(QStringLiteral("d%1-files/%2/%3").arg(i + 1).arg(name, file));
            if (QFileInfo(got).size() != QFileInfo(QDir(m_config.content.folder).filePath(file)).size()) {
                m_result.problem = QStringLiteral("%1 is missing or has the wrong size").arg(got);
                return false;
            }
        }
    }
    return true;
}

void SwarmRun::stopAll()
{
    m_rssTimer.stop();
    for (const auto &p : m_processes)
        p->requestStop();
    for (const auto &p : m_processes)
        p->waitStopped(15000);
}

void SwarmRun::startDownloaders()
{
    m_progress.fill(0, m_config.downloaders);
    for (int i = 0; i < m_config.downloaders; ++i)
        m_result.peers.append(PeerFigure{QStringLiteral("d%1").arg(i + 1)});
    const QString program = m_config.mode == SwarmMode::Managed ? test::Mp2pdProcess::binary(QStringLiteral("mp2p"))
                                                                : QCoreApplication::applicationDirPath() + QStringLiteral("/mp2p_bench_swarm_peer");
    m_clock.start();  // the timed part starts with the first downloader process
    for (int i = 0; i < m_config.downloaders; ++i) {
        BenchProcess *p = spawn(QStringLiteral("d%1").arg(i + 1), program, downloaderArgs(i));
        m_result.peers[i + 1].pid = p->pid();
        watchDownloader(p, i);
    }
}

// Waits (bounded) for every "completed", with a progress note every 5 s.
void SwarmRun::waitForDownloaders()
{
    QTimer status;
    status.setInterval(5000);
    QObject::connect(&status, &QTimer::timeout, [this] {
        double sum = 0;
        for (double v : std::as_const(m_progress))
            sum += v;
        note(QStringLiteral("%1 N=%2: %3 s, %4/%5 complete, mean progress %6%").arg(modeName(m_config.mode)).arg(m_config.downloaders)
                 .arg(m_clock.elapsed() / 1000).arg(m_completed).arg(m_config.downloaders).arg(100 * sum / m_config.downloaders, 0, 'f', 1));
    });
    status.start();
    const bool all = waitUntil([this] { return m_completed == m_config.downloaders || !m_result.problem.isEmpty(); },
                               m_config.timeoutSecs * 1000);
    if (all && m_result.problem.isEmpty()) {
        for (const PeerFigure &f : std::as_const(m_result.peers))
            m_result.seconds = qMax(m_result.seconds, f.completedSecs);
        m_result.complete = checkDownloads();
    } else if (m_result.problem.isEmpty()) {
        m_result.problem = QStringLiteral("only %1 of %2 downloaders completed within %3 s").arg(m_completed).arg(m_config.downloaders).arg(m_config.timeoutSecs);
    }
}

// Peak RSS of every process, sampled while it ran and once more just before its stop.
void SwarmRun::collectMemory()
{
    for (PeerFigure &f : m_result.peers) {
        for (const auto &p : m_processes) {
            if (p->label() == f.label) {
                f.peakRssKiB = p->peakRssKiB();
                f.peakAnonKiB = p->peakAnonKiB();
            }
        }
    }
    for (const auto &p : m_processes) {
        if (p->label() == QLatin1String("mp2pd") || p->label() == QLatin1String("opentracker"))
            m_result.peers.append(PeerFigure{p->label(), p->pid(), p->peakRssKiB(), p->peakAnonKiB()});
    }
}

RunResult SwarmRun::run()
{
    QDir().mkpath(m_config.runDir);
    QDir().mkpath(m_config.logDir);
    QElapsedTimer setup;
    setup.start();
    m_rssTimer.start();
    const bool seeded = m_config.mode == SwarmMode::Managed ? startSeedManaged() : startSeedPlain();
    m_result.seedSetupSecs = setup.nsecsElapsed() / 1e9;
    if (seeded) {
        m_result.peers.append(PeerFigure{QStringLiteral("seed"), m_processes.back()->pid()});
        startDownloaders();
        waitForDownloaders();
    }
    stopAll();
    collectMemory();
    return m_result;
}

} // namespace

RunResult runSwarm(const RunConfig &config)
{
    SwarmRun run(config);
    return run.run();
}

} // namespace mp2p::bench
