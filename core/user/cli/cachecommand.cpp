// `mp2p cache QUOTA_MIB [--upload-limit KiB/s] --server URL`: this machine volunteers as a Cache
// Server (core/cache/CacheNode) until SIGINT/SIGTERM, which stops serving at once and deregisters.
// It keeps its own identity and content in <data-dir>/cache-node, apart from the peer's transfers.
#include "cliconfig.h"
#include "progressprinter.h"

#include <base/unixsignals.h>
#include <cache/cachenode.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QNetworkAccessManager>

#include <csignal>

namespace mp2p {

int runCache(const CliConfig &config, ProgressPrinter *printer, const QStringList &args)
{
    if (config.embedded) {
        printer->error(QStringLiteral("cache needs --server URL: a cache serves the overlays of a provider's OMS"));
        return CliUsage;
    }
    bool ok = false;
    const qint64 quotaMib = args.value(0).toLongLong(&ok);
    if (args.size() != 1 || !ok || quotaMib <= 0) {
        printer->error(QStringLiteral("cache needs the disk quota in MiB, e.g. mp2p cache 2048 --server URL [--upload-limit KiB/s]"));
        return CliUsage;
    }
    CacheNodeConfig node;
    node.peer = config.peer;
    node.peer.dataDir = config.peer.dataDir + QStringLiteral("/cache-node");
    node.peer.engine.stateDir = node.peer.dataDir;
    node.limits.diskQuotaBytes = quotaMib << 20;
    node.limits.uploadBytesPerSec = config.peer.engine.uploadRateLimit;
    node.volunteer = true;
    QNetworkAccessManager network;
    CacheNode cache(node, &network);
    QObject::connect(&cache, &CacheNode::registered, [printer](const QString &id) {
        printer->event(QStringLiteral("cacheRegistered"), {{QStringLiteral("resourceId"), id}});
    });
    QObject::connect(&cache, &CacheNode::overlayAllocated, [printer](const QString &o) {
        printer->event(QStringLiteral("cacheAllocated"), {{QStringLiteral("overlayId"), o}});
    });
    QObject::connect(&cache, &CacheNode::overlayCached, [printer](const QString &o) {
        printer->event(QStringLiteral("cacheSeeding"), {{QStringLiteral("overlayId"), o}});
    });
    QObject::connect(&cache, &CacheNode::overlayEvicted, [printer](const QString &o) {
        printer->event(QStringLiteral("cacheEvicted"), {{QStringLiteral("overlayId"), o}});
    });
    QObject::connect(&cache, &CacheNode::problem, [printer](const QString &p) { printer->error(p); });
    QObject::connect(&cache, &CacheNode::stopped, [] { QCoreApplication::exit(CliOk); });
    UnixSignalWatcher watcher({SIGINT, SIGTERM});
    QObject::connect(&watcher, &UnixSignalWatcher::received, [&cache] { cache.stop(); });
    QString error;
    if (!cache.start(&error)) {
        printer->error(error);
        return CliUsage;
    }
    const int code = QCoreApplication::exec();
    bool done = false;
    cache.peer()->shutdown([&done] { done = true; });
    while (!done)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    return code;
}

} // namespace mp2p
