// One run of the locality benchmark (random or managed). Both are timed the same way: the
// clock starts just before the first downloader process starts and stops at the last
// "completed" line.
#include "localityrun.h"

#include <benchprocess.h>

#include <flowhelpers.h>
#include <mp2pdprocess.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

namespace mp2p::bench {

QString modeName(RankingMode mode)
{
    return mode == RankingMode::Managed ? QStringLiteral("managed") : QStringLiteral("random");
}

int ispOf(const QString &address)
{
    const QStringList parts = address.split(QLatin1Char('.'));
    if (parts.size() != 4 || parts.at(0) != QLatin1String("127"))
        return 0;
    const int n = parts.at(1).toInt();
    return n >= 1 && n <= 3 ? n : 0;
}

namespace {

const char *UnisToken = "locality-bench-oms-token-0123456789";

void note(const QString &text)
{
    std::fprintf(stderr, "[locality] %s\n", qPrintable(text));
    std::fflush(stderr);
}

bool writeJson(const QString &path, const QJsonObject &json)
{
    QFile f(path);
    const QByteArray data = QJsonDocument(json).toJson();
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

// The operator's view: ISP A, B, C = 127.1/16, 127.2/16, 127.3/16; crossing costs 10.
QJsonObject unisConfig()
{
    QJsonObject pids;
    for (int isp = 1; isp <= 3; ++isp)
        pids.insert(QStringLiteral("isp-%1").arg(QChar(u'a' + isp - 1)),
                    QJsonObject{{QStringLiteral("ipv4"), QJsonArray{QStringLiteral("127.%1.0.0/16").arg(isp)}}});
    return {{QStringLiteral("networkMap"), QJsonObject{{QStringLiteral("pids"), pids}}},
            {QStringLiteral("costMap"), QJsonObject{{QStringLiteral("samePidCost"), 1}, {QStringLiteral("defaultCost"), 10},
                                                {QStringLiteral("costs"), QJsonArray{}}}},
            {QStringLiteral("auth"), QJsonObject{{QStringLiteral("tokens"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("oms")},
                                                                                                    {QStringLiteral("token"), QLatin1String(UnisToken)}}}}}}};
}

class LocalityRun {
public:
    explicit LocalityRun(const LocalityConfig &config)
        : m_config(config)
    {
        m_result.mode = config.mode;
    }
    LocalityResult run();

private:
    QString dir(const QString &name) const { return QDir(m_config.runDir).filePath(name); }
    quint16 peerPort() const { return m_config.mode == RankingMode::Managed ? 6882 : 6881; }
    bool startServers();
    bool prepareOverlay();
    BenchProcess *spawnPeer(int index);
    void watch(BenchProcess *process, int index);
    void sampleGateways();
    void stopAll();

    LocalityConfig m_config;
    LocalityResult m_result;
    std::unique_ptr<test::Mp2pdProcess> m_unis;
    std::unique_ptr<test::Mp2pdProcess> m_server;
    std::vector<std::unique_ptr<BenchProcess>> m_peers;
    QStringList m_tokens;    // one user per peer, index as in m_result.peers
    QStringList m_passkeys;  // their tracker passkeys, same index
    test::TestHttp m_http;
    QNetworkAccessManager m_network;
    QElapsedTimer m_clock;
    int m_completed = 0;
    int m_counted = 0;       // "counted" lines (final byte counters) received
    bool m_seedAnnounced = false;
};

bool LocalityRun::startServers()
{
    QJsonObject oms{{QStringLiteral("announceIntervalSecs"), 5}, {QStringLiteral("minAnnounceIntervalSecs"), 2}};
    QString error;
    if (m_config.mode == RankingMode::Managed) {
        const QString path = dir(QStringLiteral("unis.json"));
        m_unis = std::make_unique<test::Mp2pdProcess>(QStringLiteral("mp2p-unis"), QString());
        if (!writeJson(path, unisConfig()) || !m_unis->start({QStringLiteral("--config"), path}, &error)) {
            m_result.problem = QStringLiteral("mp2p-unis did not start: %1").arg(error);
            return false;
        }
        oms.insert(QStringLiteral("unis"), QJsonArray{QJsonObject{{QStringLiteral("url"), m_unis->baseUrl() + QStringLiteral("/alto")},
                                                                  {QStringLiteral("token"), QLatin1String(UnisToken)},
                                                                  {QStringLiteral("refreshSecs"), 1}}});
    }
    const QString path = dir(QStringLiteral("mp2pd.json"));
    m_server = std::make_unique<test::Mp2pdProcess>(dir(QStringLiteral("mp2pd")));
    if (!writeJson(path, {{QStringLiteral("oms"), oms}}) || !m_server->start({QStringLiteral("--config"), path}, &error)) {
        m_result.problem = QStringLiteral("mp2pd did not start: %1").arg(error);
        return false;
    }
    return true;
}

// One user per peer (as real peers would be), and the overlay of the content.
bool LocalityRun::prepareOverlay()
{
    const QString base = m_server->baseUrl();
    for (const PeerResult &p : std::as_const(m_result.peers)) {
        const test::LoggedInUser user = test::registerAndLogin(m_http, base, QStringLiteral("locality-%1").arg(p.label));
        if (user.token.isEmpty()) {
            m_result.problem = QStringLiteral("cannot log %1 in at the UMS").arg(p.label);
            return false;
        }
        m_tokens.append(user.token);
        m_passkeys.append(user.passkey);
    }
    QJsonObject overlay{{QStringLiteral("overlayId"), m_config.content.infoHash}, {QStringLiteral("name"), QStringLiteral("locality bench")}};
    if (!m_config.content.infoHashV2.isEmpty())
        overlay.insert(QStringLiteral("infoHashV2"), m_config.content.infoHashV2);
    const test::HttpResult created = m_http.post(base + QStringLiteral("/oms/v1/overlays"), overlay, m_tokens.first());
    if (created.status != 201) {
        m_result.problem = QStringLiteral("creating the overlay: HTTP %1 %2").arg(created.status).arg(QString::fromUtf8(created.body));
        return false;
    }
    if (m_config.mode == RankingMode::Managed) {
        // The OMS fetches the ALTO map in the background (refreshSecs 1): give it time for the
        // first fetch, so no early announce gets the fallback's random list.
        waitUntil([] { return false; }, 2500);
    }
    return true;
}

BenchProcess *LocalityRun::spawnPeer(int index)
{
    const PeerResult &p = m_result.peers.at(index);
    const QString log = QDir(m_config.logDir).filePath(QStringLiteral("%1-%2.log").arg(modeName(m_config.mode), p.label));
    m_peers.push_back(std::make_unique<BenchProcess>(p.label, log));
    BenchProcess *process = m_peers.back().get();
    QStringList args{QStringLiteral("--torrent"), m_config.content.torrentPath,
                     QStringLiteral("--save"), p.seed ? m_config.content.saveRoot : dir(p.label + QStringLiteral("-files")),
                     QStringLiteral("--state"), dir(p.label), QStringLiteral("--listen"), QStringLiteral("%1:%2").arg(p.address).arg(peerPort()),
                     QStringLiteral("--tracker"), m_server->baseUrl() + QStringLiteral("/announce/") + m_passkeys.at(index)};
    if (p.seed)
        args << QStringLiteral("--seed-mode");
    watch(process, index);
    process->start(QCoreApplication::applicationDirPath() + QStringLiteral("/mp2p_bench_locality_peer"), args);
    return process;
}

void LocalityRun::watch(BenchProcess *process, int index)
{
    QObject::connect(process, &BenchProcess::event, [this, index, process](const QJsonObject &e) {
        PeerResult &p = m_result.peers[index];
        const QString name = e.value(QStringLiteral("event")).toString();
        if (name == QLatin1String("announced") && p.seed) {
            m_seedAnnounced = true;
        } else if (name == QLatin1String("connected")) {
            // Every bench peer listens on peerPort(): that remote port means we dialed it.
            const QString endpoint = e.value(QStringLiteral("endpoint")).toString();
            const int colon = int(endpoint.lastIndexOf(QLatin1Char(':')));
            if (endpoint.mid(colon + 1).toUInt() == peerPort())
                p.dialed.insert(endpoint.left(colon));
        } else if (name == QLatin1String("completed") && p.completedSecs < 0) {
            p.completedSecs = m_clock.nsecsElapsed() / 1e9;
            ++m_completed;
        } else if (name == QLatin1String("counted") && p.bytesByAddress.isEmpty()) {
            const QJsonObject bytes = e.value(QStringLiteral("bytesByAddress")).toObject();
            for (auto it = bytes.begin(); it != bytes.end(); ++it)
                p.bytesByAddress.insert(it.key(), qint64(it.value().toDouble()));
            ++m_counted;
        } else if (name == QLatin1String("error") && m_result.problem.isEmpty()) {
            m_result.problem = QStringLiteral("%1: %2 (see %3)").arg(p.label, e.value(QStringLiteral("message")).toString(), process->logPath());
        }
    });
    QObject::connect(process, &BenchProcess::exited, [this, index, process](int code) {
        if (m_result.peers.at(index).completedSecs < 0 && m_result.problem.isEmpty())
            m_result.problem = QStringLiteral("%1 exited with %2 before completing; see %3").arg(m_result.peers.at(index).label).arg(code).arg(process->logPath());
    });
}

// The OMS's gateway rule without PAMS reports: in each ISP that has no seed, the leecher with
// the lowest peer id (PAMS states are all equal here: the bench peers send no reports).
// Sampled from the public peer listing, so the report can tell which receivers were gateways.
void LocalityRun::sampleGateways()
{
    // The whole member list is the provider's view: read it with the provider's service key.
    QNetworkRequest request(QUrl(m_server->baseUrl() + QStringLiteral("/oms/v1/overlays/%1/peers").arg(m_config.content.infoHash)));
    request.setRawHeader("Authorization", "Bearer " + test::testServiceToken().toLatin1());
    QNetworkReply *reply = m_network.get(request);
    QObject::connect(reply, &QNetworkReply::finished, [this, reply] {
        reply->deleteLater();
        QSet<int> seeded;
        QMap<int, QPair<QString, QString>> lowest;  // isp -> (peerId, ip)
        for (const QJsonValue &v : QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("peers")).toArray()) {
            const QJsonObject peer = v.toObject();
            const QString ip = peer.value(QStringLiteral("ip")).toString();
            const QString id = peer.value(QStringLiteral("peerId")).toString();
            if (peer.value(QStringLiteral("seed")).toBool())
                seeded.insert(ispOf(ip));
            else if (!lowest.contains(ispOf(ip)) || id < lowest.value(ispOf(ip)).first)
                lowest.insert(ispOf(ip), {id, ip});
        }
        const double now = m_clock.nsecsElapsed() / 1e9;
        for (auto it = lowest.begin(); it != lowest.end(); ++it) {
            if (seeded.contains(it.key()))
                continue;
            LocalityResult::Span &span = m_result.gateways[it.key()][it.value().second];
            if (span.first < 0)
                span.first = now;
            span.last = now;
        }
    });
}

void LocalityRun::stopAll()
{
    for (const auto &p : m_peers)
        p->requestStop();
    for (const auto &p : m_peers)
        p->waitStopped(15000);
    if (m_server)
        m_server->terminate();
    if (m_unis)
        m_unis->terminate();
}

LocalityResult LocalityRun::run()
{
    QDir().mkpath(m_config.runDir);
    QDir().mkpath(m_config.logDir);
    auto peer = [](const QString &label, const QString &address, bool seed) {
        PeerResult p;
        p.label = label;
        p.address = address;
        p.seed = seed;
        return p;
    };
    m_result.peers.append(peer(QStringLiteral("seed"), QStringLiteral("127.1.0.1"), true));
    for (int isp = 1; isp <= 3; ++isp)
        for (int i = 0; i < m_config.perIsp; ++i)
            m_result.peers.append(peer(QStringLiteral("%1%2").arg(QChar(u'a' + isp - 1)).arg(i + 1), QStringLiteral("127.%1.0.%2").arg(isp).arg(10 + i), false));
    if (!startServers() || !prepareOverlay()) {
        stopAll();
        return m_result;
    }
    BenchProcess *seed = spawnPeer(0);
    if (!waitUntil([&] { return m_seedAnnounced || !seed->running(); }, 60000) || !m_seedAnnounced) {
        m_result.problem = QStringLiteral("the seed did not announce; see %1").arg(seed->logPath());
        stopAll();
        return m_result;
    }
    QTimer gatewayTimer;
    gatewayTimer.setInterval(100);
    QObject::connect(&gatewayTimer, &QTimer::timeout, [this] { sampleGateways(); });
    if (m_config.mode == RankingMode::Managed)
        gatewayTimer.start();
    m_clock.start();
    for (int i = 1; i < m_result.peers.size(); ++i) {
        spawnPeer(i);
        QCoreApplication::processEvents();  // keep sampling while the others start
    }
    QTimer status;
    status.setInterval(5000);
    QObject::connect(&status, &QTimer::timeout, [this] {
        note(QStringLiteral("%1: %2 s, %3/%4 complete").arg(modeName(m_config.mode)).arg(m_clock.elapsed() / 1000).arg(m_completed).arg(m_result.peers.size() - 1));
    });
    status.start();
    const int downloaders = int(m_result.peers.size()) - 1;
    waitUntil([&] { return m_completed == downloaders || !m_result.problem.isEmpty(); }, m_config.timeoutSecs * 1000);
    status.stop();
    gatewayTimer.stop();
    // The final counters follow each completion within a few seconds.
    waitUntil([&] { return m_counted == m_completed || !m_result.problem.isEmpty(); }, 10000);
    if (m_completed == downloaders && m_counted == downloaders && m_result.problem.isEmpty()) {
        m_result.complete = true;
        for (const PeerResult &p : std::as_const(m_result.peers))
            m_result.seconds = qMax(m_result.seconds, p.completedSecs);
    } else if (m_result.problem.isEmpty()) {
        m_result.problem = QStringLiteral("%1 of %2 downloaders completed within %3 s, %4 reported their counters")
                               .arg(m_completed).arg(downloaders).arg(m_config.timeoutSecs).arg(m_counted);
    }
    stopAll();
    return m_result;
}

} // namespace

LocalityResult runLocality(const LocalityConfig &config)
{
    LocalityRun run(config);
    return run.run();
}

} // namespace mp2p::bench
