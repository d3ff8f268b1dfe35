#pragma once

#include "orcpclient.h"

#include <user/managedpeer.h>

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>

class QNetworkAccessManager;

namespace mp2p {

// What the owner of a cache lets it use. 0 = no limit (upload) / nothing (disk: a CS needs some).
struct CacheLimits {
    qint64 uploadBytesPerSec = 0;
    qint64 diskQuotaBytes = 0;
};

struct CacheNodeConfig {
    PeerConfig peer;           // data folder, provider URL, listen address, engine settings
    CacheLimits limits;
    bool volunteer = false;    // registered as "volunteer" (else "dedicated")
};

// A Cache Server (CS) in either role: the dedicated one (`mp2pd --services cs`) and the
// volunteer one (`mp2p cache`). It owns a ManagedPeer and speaks ORCP (R8) to the OMS through
// OrcpClient (shared with the volunteer relay):
//   register (disk, upload, endpoint) → keep-alive every keepAliveSecs; each reply lists the
//   overlays the OMS allocated to it → it fetches each through the swarm (the ordinary download
//   flow) into dataDir/cache and seeds it → an overlay the OMS no longer lists is removed with its
//   files → when the cached overlays exceed the disk quota, the least recently demanded ones
//   (the OMS's demandAt) are evicted and released at the OMS.
// stop() stops serving at once (transfers paused, connections closed) and deregisters, which
// makes the OMS drop the cache from every peer list.
class CacheNode : public QObject {
    Q_OBJECT
public:
    CacheNode(CacheNodeConfig config, QNetworkAccessManager *network, QObject *parent = nullptr);
    ~CacheNode() override;

    // Checks the config and starts the peer; registration follows once logged in (registered()).
    bool start(QString *error);
    // Applies at once: the upload cap on the engine and the quota (evicting what no longer fits).
    void setLimits(const CacheLimits &limits);
    void stop();

    CacheLimits limits() const { return m_config.limits; }
    bool isServing() const { return m_serving; }
    QString resourceId() const { return m_orcp.resourceId(); }
    QStringList cachedOverlays() const;      // overlays held (fetching or seeding)
    qint64 usedBytes() const;                // sum of their sizes
    // The OMS's last demand time of a held overlay as this cache has learned it (0: unknown);
    // the quota evicts the smallest first.
    qint64 demandAt(const QString &overlayId) const { return m_demandAt.value(overlayId); }
    ManagedPeer *peer() const { return m_peer.get(); }

Q_SIGNALS:
    void registered(const QString &resourceId);
    void overlayAllocated(const QString &overlayId);
    void overlayCached(const QString &overlayId);    // complete and seeding
    void overlayEvicted(const QString &overlayId);
    void problem(const QString &message);
    void stopped();                                  // deregistered (or the OMS could not be told)

private:
    void registerWithOms();
    void applyAllocations(const QJsonObject &resource);
    void fetch(const QString &overlayId);
    void evict(const QString &overlayId, bool release);  // release: tell the OMS (quota eviction)
    void releaseAtOms(const QString &overlayId);
    void enforceQuota();
    void applyUploadLimit();
    QJsonObject registration() const;

    CacheNodeConfig m_config;
    QNetworkAccessManager *m_network;
    std::unique_ptr<ManagedPeer> m_peer;
    OrcpClient m_orcp;                       // registration, keep-alives, deregistration (R8)
    bool m_serving = false;
    QSet<QString> m_held;                    // overlays this node holds (added to the engine)
    QHash<QString, qint64> m_demandAt;       // overlay -> the OMS's last demand time
    QHash<QString, qint64> m_fetchStartedAt; // overlay -> when its download was last asked for
    QHash<QString, qint64> m_releasedDemandAt; // overlay evicted over quota -> its demandAt then
};

} // namespace mp2p
