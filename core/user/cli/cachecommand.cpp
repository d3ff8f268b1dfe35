// `mp2p cache --quota MiB [--upload-limit KiB/s] --server URL`: this machine volunteers as a Cache
// Server (core/cache/CacheNode) until SIGINT/SIGTERM, which stops serving at once and deregisters.
// It keeps its own identity and content in <data-dir>/cache-node, apart from the peer's transfers.
// Volunteering needs the user's recorded consent for the cache role (issue 7): the latest cache
// record in <data-dir>/consent.db (written by `mp2p volunteer --cache`) must be a grant, and the
// quota and upload limit asked for must lie within the consented ones.
#include "cliconfig.h"
#include "progressprinter.h"

#include <base/unixsignals.h>
#include <cache/cachenode.h>
#include <user/volunteer/consentstore.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QNetworkAccessManager>

#include <csignal>

namespace mp2p {

namespace {
// Refuses (false, with the message printed) unless the user's latest cache consent is a grant
// that covers `quotaBytes` and the upload limit; a consented upload cap applies when none was given.
bool checkConsent(const CliConfig &config, qint64 quotaBytes, qint64 *uploadLimit, ProgressPrinter *printer)
{
    const QString path = QDir(config.peer.dataDir).filePath(QStringLiteral("consent.db"));
    const QString howTo = QStringLiteral("give it first with: mp2p volunteer --cache --data-dir %1 (with the disk quota and "
                                         "upload limit you allow; see mp2p volunteer --help)").arg(config.peer.dataDir);
    if (!QFileInfo::exists(path)) {
        printer->error(QStringLiteral("volunteering as a cache needs your recorded consent, and there is none in %1: %2").arg(path, howTo));
        return false;
    }
    ConsentStore store(path);
    QString error;
    std::optional<ConsentRecord> consent;
    if (store.open(&error))
        consent = store.latest(VolunteerRoleKind::Cache, &error);
    if (!consent || consent->fields.revoked) {
        printer->error(QStringLiteral("volunteering as a cache needs your consent%1: %2")
                           .arg(consent ? QStringLiteral(" (you revoked it)") : error.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(error), howTo));
        return false;
    }
    const VolunteerLimits &allowed = consent->fields.limits;
    if (allowed.diskQuotaBytes > 0 && quotaBytes > allowed.diskQuotaBytes) {
        printer->error(QStringLiteral("--quota %1 MiB is more than the %2 MiB you consented to; ask for less or give consent "
                                      "again with the new quota (mp2p volunteer --cache)")
                           .arg(quotaBytes >> 20).arg(allowed.diskQuotaBytes >> 20));
        return false;
    }
    if (allowed.uploadBytesPerSec > 0) {
        if (*uploadLimit == 0) {
            *uploadLimit = allowed.uploadBytesPerSec;  // the consented cap is the owner's limit
        } else if (*uploadLimit > allowed.uploadBytesPerSec) {
            printer->error(QStringLiteral("--upload-limit %1 KiB/s is more than the %2 KiB/s you consented to")
                               .arg(*uploadLimit / 1024).arg(allowed.uploadBytesPerSec / 1024));
            return false;
        }
    }
    return true;
}
} // namespace

int runCache(const CliConfig &config, ProgressPrinter *printer, const QStringList &args)
{
    if (config.embedded) {
        printer->error(QStringLiteral("cache needs --server URL: a cache serves the overlays of a provider's OMS"));
        return CliUsage;
    }
    if (!args.isEmpty()) {
        printer->error(QStringLiteral("cache takes no arguments ('%1'): give the disk quota with --quota MiB, e.g. "
                                      "mp2p cache --quota 2048 --server URL [--upload-limit KiB/s]").arg(args.join(u' ')));
        return CliUsage;
    }
    if (config.cacheQuotaMib <= 0) {
        printer->error(QStringLiteral("cache needs the disk quota it may fill: --quota MiB, e.g. "
                                      "mp2p cache --quota 2048 --server URL [--upload-limit KiB/s]"));
        return CliUsage;
    }
    const qint64 quotaMib = config.cacheQuotaMib;
    qint64 uploadLimit = config.peer.engine.uploadRateLimit;
    if (!checkConsent(config, quotaMib << 20, &uploadLimit, printer))
        return CliUsage;
    CacheNodeConfig node;
    node.peer = config.peer;
    node.peer.dataDir = config.peer.dataDir + QStringLiteral("/cache-node");
    node.peer.engine.stateDir = node.peer.dataDir;
    node.limits.diskQuotaBytes = quotaMib << 20;
    node.limits.uploadBytesPerSec = uploadLimit;
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
