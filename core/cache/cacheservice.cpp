#include "cacheservice.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace mp2p {

namespace {
constexpr int DeregisterWaitMs = 2000;  // a dead OMS must not hold up mp2pd's exit for long
constexpr int ShutdownWaitMs = 5000;    // the peer's goodbyes (tracker stopped, PAMS, resume data)
} // namespace

CacheService::CacheService(ServiceContext context)
    : m_context(std::move(context))
{
}

CacheService::~CacheService()
{
    stop();
}

bool CacheService::readConfig(const QJsonObject &section, const QString &hostDataDir, CacheNodeConfig *out, QString *error)
{
    const QStringList known = {QStringLiteral("providerUrl"), QStringLiteral("omsUrl"), QStringLiteral("dataDir"),
                               QStringLiteral("diskQuotaBytes"), QStringLiteral("uploadBytesPerSec"), QStringLiteral("listen"),
                               QStringLiteral("utp")};
    for (auto it = section.begin(); it != section.end(); ++it) {
        if (!known.contains(it.key())) {
            *error = QStringLiteral("cs: unknown field '%1' (known: %2)").arg(it.key(), known.join(QStringLiteral(", ")));
            return false;
        }
    }
    const QString urlText = section.value(QStringLiteral("providerUrl")).toString(section.value(QStringLiteral("omsUrl")).toString());
    const QUrl url(urlText);
    if (urlText.isEmpty() || !url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        *error = QStringLiteral("cs.providerUrl (or cs.omsUrl) must be the http(s) URL of the P2PSP whose OMS allocates this "
                                "cache, e.g. http://127.0.0.1:7800");
        return false;
    }
    const QJsonValue quota = section.value(QStringLiteral("diskQuotaBytes"));
    if (!quota.isDouble() || quota.toDouble() < 1 || quota.toDouble() > 9.0e15) {
        *error = QStringLiteral("cs.diskQuotaBytes must be the number of bytes the cache may fill (> 0)");
        return false;
    }
    const QJsonValue upload = section.value(QStringLiteral("uploadBytesPerSec"));
    if (!upload.isUndefined() && (!upload.isDouble() || upload.toDouble() < 0 || upload.toDouble() > 2147483647.0)) {
        *error = QStringLiteral("cs.uploadBytesPerSec must be 0 (no cap) or bytes per second up to 2147483647");
        return false;
    }
    const QString listen = section.value(QStringLiteral("listen")).toString(QStringLiteral("0.0.0.0:6881"));
    const int colon = listen.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const int port = colon > 0 ? listen.mid(colon + 1).toInt(&portOk) : -1;
    if (colon <= 0 || !portOk || port < 0 || port > 65535 || QHostAddress(listen.left(colon).remove(QLatin1Char('[')).remove(QLatin1Char(']'))).isNull()) {
        *error = QStringLiteral("cs.listen must be \"ip:port\" for peer connections, e.g. 127.2.0.5:6881");
        return false;
    }
    out->peer.providerUrl = url;
    out->peer.dataDir = section.value(QStringLiteral("dataDir")).toString(hostDataDir + QStringLiteral("/cs"));
    out->peer.engine.stateDir = out->peer.dataDir;
    out->peer.engine.listenInterfaces = listen;
    const QString ip = listen.left(colon);
    if (ip != QLatin1String("0.0.0.0") && ip != QLatin1String("[::]"))
        out->peer.engine.outgoingInterfaces = QString(ip).remove(QLatin1Char('[')).remove(QLatin1Char(']'));
    out->peer.advertisedAddress = listen;
    out->peer.engine.enableUtp = section.value(QStringLiteral("utp")).toBool(true);
    out->peer.engine.allowMultipleConnectionsPerIp = true;
    out->limits.diskQuotaBytes = qint64(quota.toDouble());
    out->limits.uploadBytesPerSec = qint64(upload.toDouble(0));
    out->volunteer = false;
    return true;
}

bool CacheService::start(QString *error)
{
    CacheNodeConfig config;
    if (!readConfig(m_context.config, m_context.dataDir, &config, error))
        return false;
    m_network = std::make_unique<QNetworkAccessManager>();
    m_node = std::make_unique<CacheNode>(config, m_network.get());
    return m_node->start(error);
}

void CacheService::registerRoutes(HttpRouter &)
{
    // Only /cs/healthz, which the host adds for every service.
}

QJsonObject CacheService::health() const
{
    if (!m_node)
        return {{QStringLiteral("status"), QStringLiteral("stopped")}};
    return {{QStringLiteral("status"), m_node->isServing() ? QStringLiteral("ok") : QStringLiteral("stopped")},
            {QStringLiteral("registered"), !m_node->resourceId().isEmpty()},
            {QStringLiteral("resourceId"), m_node->resourceId()},
            {QStringLiteral("overlays"), QJsonArray::fromStringList(m_node->cachedOverlays())},
            {QStringLiteral("usedBytes"), m_node->usedBytes()},
            {QStringLiteral("diskQuotaBytes"), m_node->limits().diskQuotaBytes}};
}

void CacheService::stop()
{
    if (!m_node || m_stopped)
        return;
    m_stopped = true;
    // mp2pd calls stop() after its event loop ended (SIGTERM): run a short loop of our own so
    // the deregistration reaches the OMS, which then drops this cache from every peer list at
    // once instead of when its keep-alive lease runs out. Both waits are bounded.
    QEventLoop loop;
    QTimer bound;
    bound.setSingleShot(true);
    QObject::connect(&bound, &QTimer::timeout, &loop, &QEventLoop::quit);
    const QMetaObject::Connection done = QObject::connect(m_node.get(), &CacheNode::stopped, &loop, &QEventLoop::quit);
    if (m_node->isServing()) {
        QElapsedTimer clock;
        clock.start();
        bound.start(DeregisterWaitMs);
        m_node->stop();
        loop.exec();
        if (bound.isActive())
            qInfo("cs: deregistered from the OMS in %lld ms", clock.elapsed());
        else
            qWarning("cs: the OMS did not confirm the deregistration within %d ms; it drops this cache when "
                     "the keep-alives stop", DeregisterWaitMs);
    }
    QObject::disconnect(done);
    if (ManagedPeer *peer = m_node->peer()) {
        // The callback may come after the bound (or never): it must not touch this stack frame then.
        auto finished = std::make_shared<bool>(false);
        QPointer<QEventLoop> waiting(&loop);
        peer->shutdown([finished, waiting] {
            *finished = true;
            if (waiting)
                waiting->quit();
        });
        if (!*finished) {
            bound.start(ShutdownWaitMs);
            loop.exec();
        }
    }
}

} // namespace mp2p
