#include "cachenode.h"

#include <QDir>
#include <QJsonArray>
#include <QLoggingCategory>

#include <limits>

Q_LOGGING_CATEGORY(lcCacheNode, "mp2p.cache")

namespace mp2p {

namespace {
constexpr qint64 FetchRetrySecs = 20;  // an allocation whose download never started is tried again

int clampRate(qint64 bps)
{
    return int(qBound(qint64(0), bps, qint64(std::numeric_limits<int>::max())));
}

QString hostOf(const QString &endpoint)
{
    const int colon = endpoint.lastIndexOf(QLatin1Char(':'));
    QString host = colon > 0 ? endpoint.left(colon) : endpoint;
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    return host;
}
} // namespace

CacheNode::CacheNode(CacheNodeConfig config, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_network(network)
    , m_orcp(QStringLiteral("cache"))
{
    m_orcp.setRegistration([this] { return registration(); });
    connect(&m_orcp, &OrcpClient::registered, this, [this](const QString &id, bool) { Q_EMIT registered(id); });
    connect(&m_orcp, &OrcpClient::updated, this, [this](const QJsonObject &resource) {
        if (m_serving)
            applyAllocations(resource);
    });
    connect(&m_orcp, &OrcpClient::problem, this, &CacheNode::problem);
    connect(&m_orcp, &OrcpClient::stopped, this, &CacheNode::stopped);
}

CacheNode::~CacheNode() = default;

bool CacheNode::start(QString *error)
{
    if (m_serving)
        return true;
    if (m_config.peer.dataDir.isEmpty() || !m_config.peer.providerUrl.isValid()) {
        *error = QStringLiteral("a cache needs a data folder and the provider's URL (its /.well-known/mp2p)");
        return false;
    }
    if (m_config.limits.diskQuotaBytes <= 0) {
        *error = QStringLiteral("a cache needs a disk quota above 0 bytes (mp2p cache --quota MiB, or cs.diskQuotaBytes)");
        return false;
    }
    if (m_config.limits.uploadBytesPerSec < 0) {
        *error = QStringLiteral("the upload limit must be 0 (none) or a positive number of bytes per second");
        return false;
    }
    m_serving = true;
    if (m_peer) {  // restarted after stop(): serve the held overlays again and re-register
        for (const QString &o : std::as_const(m_held))
            m_peer->engine()->resume(o);
        registerWithOms();
        return true;
    }
    PeerConfig peer = m_config.peer;
    if (peer.engine.stateDir.isEmpty())
        peer.engine.stateDir = peer.dataDir;
    peer.engine.uploadRateLimit = clampRate(m_config.limits.uploadBytesPerSec);
    // The owner's cap holds on the LAN too (libtorrent exempts local peers by default).
    peer.engine.rateLimitLocalPeers = true;
    peer.maxUploadBps = m_config.limits.uploadBytesPerSec;
    if (peer.displayName.isEmpty())
        peer.displayName = m_config.volunteer ? QStringLiteral("volunteer cache") : QStringLiteral("cache server");
    m_config.peer = peer;
    QDir().mkpath(peer.dataDir + QStringLiteral("/cache"));
    m_peer = std::make_unique<ManagedPeer>(peer, m_network);
    connect(m_peer.get(), &ManagedPeer::ready, this, [this] {
        for (const TransferStatus &t : m_peer->engine()->transfers())
            m_held.insert(t.infoHash);  // cached before a restart; the OMS's reply decides their fate
        registerWithOms();
    });
    connect(m_peer.get(), &ManagedPeer::failed, this, [this](const QString &p) { Q_EMIT problem(p); });
    connect(m_peer.get(), &ManagedPeer::operationFailed, this, [this](const QString &p) {
        Q_EMIT problem(QStringLiteral("cannot fetch an allocated overlay: ") + p);
    });
    connect(m_peer.get(), &ManagedPeer::finished, this, [this](const QString &hash) {
        if (m_held.contains(hash))
            Q_EMIT overlayCached(hash);
    });
    m_peer->start();
    return true;
}

QJsonObject CacheNode::registration() const
{
    QJsonObject body{{QStringLiteral("type"), QStringLiteral("cs")},
                     {QStringLiteral("port"), int(m_peer->engine()->listenPort())},
                     {QStringLiteral("diskBytes"), m_config.limits.diskQuotaBytes},
                     {QStringLiteral("uploadBps"), m_config.limits.uploadBytesPerSec},
                     {QStringLiteral("mode"), m_config.volunteer ? QStringLiteral("volunteer") : QStringLiteral("dedicated")}};
    const QString host = hostOf(m_config.peer.advertisedAddress);
    const QHostAddress address(host);
    if (!address.isNull() && address != QHostAddress::AnyIPv4 && address != QHostAddress::AnyIPv6)
        body.insert(QStringLiteral("address"), address.toString());
    if (!m_peer->region().isEmpty())
        body.insert(QStringLiteral("region"), m_peer->region());
    return body;
}

void CacheNode::registerWithOms()
{
    if (!m_serving || !m_peer)
        return;
    m_orcp.setProvider(m_peer->provider());  // made when the peer starts
    m_orcp.start();
}

void CacheNode::applyAllocations(const QJsonObject &resource)
{
    QSet<QString> allocated, listed;
    const QJsonArray list = resource.value(QStringLiteral("allocations")).toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject a = v.toObject();
        const QString overlayId = a.value(QStringLiteral("overlayId")).toString();
        if (overlayId.size() != 40)
            continue;
        listed.insert(overlayId);
        const qint64 demandAt = a.value(QStringLiteral("demandAt")).toInteger();
        // A reply sent before the OMS processed our release still lists the overlay: ignore it
        // unless the OMS allocated it again since (its demand time moved on).
        const auto released = m_releasedDemandAt.constFind(overlayId);
        if (released != m_releasedDemandAt.constEnd() && demandAt <= *released) {
            releaseAtOms(overlayId);  // idempotent; in case the first one was lost
            continue;
        }
        m_releasedDemandAt.remove(overlayId);
        allocated.insert(overlayId);
        m_demandAt.insert(overlayId, demandAt);
        if (!m_peer->engine()->hasTransfer(overlayId)) {
            const qint64 now = QDateTime::currentSecsSinceEpoch();
            if (!m_held.contains(overlayId) || now - m_fetchStartedAt.value(overlayId) >= FetchRetrySecs)
                fetch(overlayId);
        }
    }
    for (auto it = m_releasedDemandAt.begin(); it != m_releasedDemandAt.end();)
        it = listed.contains(it.key()) ? std::next(it) : m_releasedDemandAt.erase(it);  // the OMS has let it go
    const QSet<QString> held = m_held;
    for (const QString &o : held)
        if (!allocated.contains(o))
            evict(o, false);  // the OMS released it: demand moved away
    enforceQuota();
}

void CacheNode::fetch(const QString &overlayId)
{
    const bool fresh = !m_held.contains(overlayId);
    m_held.insert(overlayId);
    m_fetchStartedAt.insert(overlayId, QDateTime::currentSecsSinceEpoch());
    if (fresh) {
        qCInfo(lcCacheNode).noquote() << "the OMS allocated overlay" << overlayId << "to this cache: fetching it";
        Q_EMIT overlayAllocated(overlayId);
    }
    m_peer->download(overlayId, m_config.peer.dataDir + QStringLiteral("/cache/") + overlayId, false);
}

void CacheNode::evict(const QString &overlayId, bool release)
{
    if (m_peer->engine()->hasTransfer(overlayId))
        m_peer->engine()->remove(overlayId, true);
    m_held.remove(overlayId);
    if (release)
        m_releasedDemandAt.insert(overlayId, m_demandAt.value(overlayId));
    m_demandAt.remove(overlayId);
    m_fetchStartedAt.remove(overlayId);
    qCInfo(lcCacheNode).noquote() << "evicted overlay" << overlayId << (release ? "(over the disk quota)" : "(released by the OMS)");
    if (release)
        releaseAtOms(overlayId);
    Q_EMIT overlayEvicted(overlayId);
}

void CacheNode::releaseAtOms(const QString &overlayId)
{
    if (m_orcp.resourceId().isEmpty())
        return;
    const QString path = QStringLiteral("/oms/v1/resources/%1/allocations/%2").arg(m_orcp.resourceId(), overlayId);
    m_peer->provider()->call("DELETE", QStringLiteral("oms"), path, QJsonObject{}, [](const JsonReply &) {});
}

QStringList CacheNode::cachedOverlays() const
{
    QStringList out(m_held.cbegin(), m_held.cend());
    out.sort();
    return out;
}

qint64 CacheNode::usedBytes() const
{
    qint64 used = 0;
    if (!m_peer)
        return 0;
    for (const QString &o : m_held)
        if (const auto t = m_peer->engine()->transfer(o))
            used += t->totalWanted;
    return used;
}

void CacheNode::enforceQuota()
{
    qint64 used = usedBytes();
    while (used > m_config.limits.diskQuotaBytes && !m_held.isEmpty()) {
        // Least recently demanded first (the OMS's demandAt; unknown counts as oldest).
        QString victim;
        for (const QString &o : std::as_const(m_held))
            if (victim.isEmpty() || m_demandAt.value(o) < m_demandAt.value(victim)
                || (m_demandAt.value(o) == m_demandAt.value(victim) && o < victim))
                victim = o;
        const auto t = m_peer->engine()->transfer(victim);
        used -= t ? t->totalWanted : 0;
        evict(victim, true);
    }
}

void CacheNode::applyUploadLimit()
{
    if (!m_peer)
        return;
    // Applied to the live session at once; the download limit stays what the owner set.
    m_config.peer.engine.uploadRateLimit = clampRate(m_config.limits.uploadBytesPerSec);
    m_config.peer.maxUploadBps = m_config.limits.uploadBytesPerSec;
    m_peer->engine()->setRateLimits(m_config.peer.engine.uploadRateLimit, m_config.peer.engine.downloadRateLimit);
}

void CacheNode::setLimits(const CacheLimits &limits)
{
    m_config.limits = limits;
    if (!m_peer)
        return;  // start() applies them
    applyUploadLimit();
    enforceQuota();
    // The OMS must not allocate beyond the new quota: re-register (same id, allocations kept).
    if (m_serving && !m_orcp.resourceId().isEmpty())
        registerWithOms();
}

void CacheNode::stop()
{
    if (!m_serving)
        return;
    m_serving = false;
    if (m_peer)
        for (const QString &o : std::as_const(m_held))
            if (m_peer->engine()->hasTransfer(o))
                m_peer->engine()->pause(o);  // closes every connection of the overlay now
    if (!m_orcp.isActive()) {
        QMetaObject::invokeMethod(this, &CacheNode::stopped, Qt::QueuedConnection);
        return;
    }
    m_orcp.stop();  // deregisters; stopped() follows
}

} // namespace mp2p
