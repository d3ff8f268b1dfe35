#include "democommand.h"

#include <p2psp/host/p2psphost.h>
#include <user/managedpeer.h>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

namespace mp2p {

namespace {

// Three files of pseudo-random bytes (fixed seed, so every run publishes the same content).
bool writeSample(const QString &folder, qint64 totalBytes)
{
    QRandomGenerator random(20002);
    const qint64 sizes[] = {totalBytes / 2, totalBytes / 3, totalBytes - totalBytes / 2 - totalBytes / 3};
    QByteArray block(1 << 20, '\0');
    for (int i = 0; i < 3; ++i) {
        QDir().mkpath(folder + QStringLiteral("/media"));
        QFile f(folder + (i == 0 ? QStringLiteral("/media/episode-1.bin") : QStringLiteral("/part-%1.bin").arg(i)));
        if (!f.open(QIODevice::WriteOnly))
            return false;
        for (qint64 left = sizes[i]; left > 0; left -= block.size()) {
            random.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
            if (f.write(block.constData(), qMin<qint64>(left, block.size())) < 0)
                return false;
        }
    }
    return true;
}

QMap<QString, QByteArray> digestsOf(const QString &folder)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (f.open(QIODevice::ReadOnly))
            hash.addData(&f);
        out.insert(QDir(folder).relativeFilePath(path), hash.result());
    }
    return out;
}

class Demo : public QObject {
public:
    Demo(const CliConfig &config, ProgressPrinter *printer, qint64 sampleBytes)
        : m_config(config), m_printer(printer), m_sampleBytes(sampleBytes) {}

    int run();

private:
    std::unique_ptr<ManagedPeer> makePeer(const QString &name, const QString &address);
    void step(const QString &text) { m_printer->message(QStringLiteral("%1. %2").arg(++m_step).arg(text)); }
    void fail(const QString &problem);
    void publish();
    void searchAndDownload();
    void verify();
    void showOverlay();

    CliConfig m_config;
    ProgressPrinter *m_printer;
    qint64 m_sampleBytes;
    QTemporaryDir m_scratch;
    QNetworkAccessManager m_network;
    std::unique_ptr<P2pspHost> m_provider;
    std::unique_ptr<ManagedPeer> m_publisher;
    std::vector<std::unique_ptr<ManagedPeer>> m_downloaders;
    QString m_contentId;
    QString m_infoHash;
    int m_finished = 0;
    int m_step = 0;
    int m_exitCode = CliOk;
    QElapsedTimer m_transferClock;
};

std::unique_ptr<ManagedPeer> Demo::makePeer(const QString &name, const QString &address)
{
    PeerConfig peer;
    peer.dataDir = m_scratch.filePath(name);
    peer.providerUrl = QUrl(m_provider->baseUrl());
    peer.displayName = name;
    peer.engine.stateDir = peer.dataDir;
    peer.engine.listenInterfaces = address + QStringLiteral(":0");
    peer.engine.outgoingInterfaces = address;
    peer.engine.enableUtp = false;  // TCP on loopback is about 10x faster (PITFALLS.md)
    peer.engine.statsIntervalMs = 500;
    peer.advertisedAddress = address + QStringLiteral(":0");
    return std::make_unique<ManagedPeer>(peer, &m_network);
}

void Demo::fail(const QString &problem)
{
    m_printer->error(problem);
    m_exitCode = CliFailed;
    QCoreApplication::exit(CliFailed);
}

int Demo::run()
{
    HostConfig host;
    host.dataDir = m_scratch.filePath(QStringLiteral("p2psp"));
    host.port = 0;
    host.logLevel = m_config.logLevel;
    m_provider = std::make_unique<P2pspHost>(host);
    QString error;
    step(QStringLiteral("Starting the P2PSP (UMS, IXS, OMS, PAMS) in this process"));
    if (!m_provider->start(&error)) {
        m_printer->error(error);
        return CliFailed;
    }
    m_printer->message(QStringLiteral("   serving at %1 (directory: %1/.well-known/mp2p)").arg(m_provider->baseUrl()));
    step(QStringLiteral("Generating a %1 sample (3 files in 2 folders)").arg(ProgressPrinter::humanBytes(double(m_sampleBytes))));
    if (!writeSample(m_scratch.filePath(QStringLiteral("publisher-files/sample")), m_sampleBytes)) {
        m_printer->error(QStringLiteral("cannot write the sample in %1").arg(m_scratch.path()));
        return CliFailed;
    }
    step(QStringLiteral("Publisher (127.1.0.2) logs in at the UMS with a new Ed25519 identity (R13)"));
    m_publisher = makePeer(QStringLiteral("publisher"), QStringLiteral("127.1.0.2"));
    connect(m_publisher.get(), &ManagedPeer::failed, this, &Demo::fail);
    connect(m_publisher.get(), &ManagedPeer::operationFailed, this, &Demo::fail);
    connect(m_publisher.get(), &ManagedPeer::ready, this, &Demo::publish);
    m_publisher->start();
    const int code = QCoreApplication::exec();
    auto pending = std::make_shared<int>(1 + int(m_downloaders.size()));
    auto closed = [pending] {
        if (--*pending == 0)
            QCoreApplication::exit(0);
    };
    m_publisher->shutdown(closed);
    for (auto &d : m_downloaders)
        d->shutdown(closed);
    QTimer::singleShot(15000, [] { QCoreApplication::exit(0); });
    QCoreApplication::exec();
    m_provider->stop();
    return m_exitCode != CliOk ? m_exitCode : code;
}

void Demo::publish()
{
    m_printer->message(QStringLiteral("   user %1").arg(m_publisher->userId()));
    step(QStringLiteral("Publisher hashes the sample into a private torrent, creates the overlay at the OMS (R5) "
                        "and registers it at the IXS (R6), then seeds"));
    connect(m_publisher.get(), &ManagedPeer::published, this, [this](const QString &id, const QString &hash) {
        m_contentId = id;
        m_infoHash = hash;
        m_printer->message(QStringLiteral("   content %1, overlay %2").arg(id, hash));
        searchAndDownload();
    });
    m_publisher->publish({m_scratch.filePath(QStringLiteral("publisher-files/sample")), QStringLiteral("Managed P2P demo sample"),
                          QStringLiteral("Generated by mp2p demo"), {QStringLiteral("demo"), QStringLiteral("sample")}});
}

void Demo::searchAndDownload()
{
    step(QStringLiteral("Two downloaders (127.1.0.3, 127.1.0.4) log in, search the IXS for \"demo sample\" and join the overlay"));
    for (int i = 0; i < 2; ++i) {
        const QString name = QStringLiteral("downloader-%1").arg(i + 1);
        auto peer = makePeer(name, QStringLiteral("127.1.0.%1").arg(3 + i));
        ManagedPeer *p = peer.get();
        connect(p, &ManagedPeer::failed, this, &Demo::fail);
        connect(p, &ManagedPeer::operationFailed, this, &Demo::fail);
        connect(p, &ManagedPeer::ready, this, [this, p, name] {
            p->search(QStringLiteral("demo sample"), 1, 20, [this, p, name](const JsonReply &r) {
                const QJsonArray items = r.body.value(QStringLiteral("items")).toArray();
                if (!r.ok() || items.isEmpty() || items.first().toObject().value(QStringLiteral("id")).toString() != m_contentId)
                    return fail(QStringLiteral("%1 did not find the content: %2").arg(name, r.problem));
                m_printer->message(QStringLiteral("   %1 found \"%2\" and starts downloading").arg(name, items.first().toObject().value(QStringLiteral("title")).toString()));
                if (!m_transferClock.isValid())
                    m_transferClock.start();
                p->download(m_contentId, m_scratch.filePath(name + QStringLiteral("-files")), false);
            });
        });
        connect(p, &ManagedPeer::finished, this, [this, name](const QString &hash) {
            if (hash != m_infoHash)
                return;
            m_printer->message(QStringLiteral("   %1 completed after %2 s; libtorrent verified every piece")
                                   .arg(name).arg(m_transferClock.elapsed() / 1000.0, 0, 'f', 1));
            if (++m_finished == 2)
                verify();
        });
        m_downloaders.push_back(std::move(peer));
        p->start();
    }
}

void Demo::verify()
{
    step(QStringLiteral("Comparing every downloaded file with the original (SHA-256)"));
    const auto original = digestsOf(m_scratch.filePath(QStringLiteral("publisher-files")));
    for (int i = 1; i <= 2; ++i) {
        const auto copy = digestsOf(m_scratch.filePath(QStringLiteral("downloader-%1-files").arg(i)));
        if (copy != original)
            return fail(QStringLiteral("downloader-%1's files differ from the original").arg(i));
        m_printer->message(QStringLiteral("   downloader-%1: %2 files identical").arg(i).arg(copy.size()));
    }
    step(QStringLiteral("The OMS's view of the overlay with each peer's PAMS reports (R1, R2)"));
    // The "completed" reports went out at once; libtorrent's byte counters lag a second, so
    // give the next reports a moment before reading the view.
    QTimer::singleShot(1200, this, [this] {
        m_publisher->reporter()->reportEvent(m_infoHash, QStringLiteral("completed"));
        for (auto &peer : m_downloaders)
            peer->reporter()->reportEvent(m_infoHash, QStringLiteral("completed"));
        QTimer::singleShot(500, this, [this] { showOverlay(); });
    });
}

void Demo::showOverlay()
{
    m_publisher->provider()->getOverlayPeers(m_infoHash, [this](const JsonReply &r) {
        for (const QJsonValue &v : r.body.value(QStringLiteral("peers")).toArray()) {
            const QJsonObject p = v.toObject();
            const QJsonObject status = p.value(QStringLiteral("activity")).toObject().value(QStringLiteral("status")).toObject();
            m_printer->message(QStringLiteral("   %1:%2 %3  PAMS: %4, downloaded %5, uploaded %6")
                                   .arg(p.value(QStringLiteral("ip")).toString()).arg(p.value(QStringLiteral("port")).toInt())
                                   .arg(p.value(QStringLiteral("seed")).toBool() ? QStringLiteral("seed   ") : QStringLiteral("leecher"),
                                        status.value(QStringLiteral("event")).toString(QStringLiteral("no report yet")),
                                        ProgressPrinter::humanBytes(status.value(QStringLiteral("downloaded")).toDouble()),
                                        ProgressPrinter::humanBytes(status.value(QStringLiteral("uploaded")).toDouble())));
        }
        m_printer->message(QStringLiteral("The managed flow works: published, found, joined, transferred, reported and verified."));
        QCoreApplication::exit(CliOk);
    });
}

} // namespace

int runDemo(const CliConfig &config, ProgressPrinter *printer, qint64 sampleBytes)
{
    Demo demo(config, printer, sampleBytes);
    return demo.run();
}

} // namespace mp2p
