#pragma once

#include "volunteerconsent.h"

#include <p2psp/service.h>
#include <protocol/peeractivity.h>

#include <memory>

class QTimer;

namespace mp2p {

class CacheScheduler;
class CacheView;
class CoPresenceApi;
class NetworkMapView;
class OrcpApi;
class OverlayApi;
class PeerApi;
class PeerRanking;
class PresenceStore;
class RelayBroker;
class SwarmRegistry;
class Tracker;
struct OmsState;

// The Overlay Management Server (R5, X.609.5 OMP): durable overlays in dataDir/oms.db, swarms in
// memory, the BitTorrent tracker (/announce, /scrape) and the JSON API under /oms/v1; and ORCP
// (R8, X.609.2): the resource pool of caches and relays under /oms/v1/resources, with the
// caching job that allocates caches where the demand is.
// `pams` (R1) may be null; then peer lists carry no activity.
class OmsService : public P2pspService {
public:
    OmsService(ServiceContext context, const PeerActivitySource *pams);
    ~OmsService() override;

    QString name() const override { return QStringLiteral("oms"); }
    bool start(QString *error) override;
    void registerRoutes(HttpRouter &router) override;
    QJsonObject health() const override;
    void stop() override;

    // Replaces SimpleRanking (e.g. with UNIS/PAMS-aware ranking); call before serving.
    void setRanking(std::shared_ptr<const PeerRanking> ranking);
    // Drops peers that stopped announcing and writes the changed co-presence sightings to
    // dataDir/oms-presence.db; the service's timer calls it, tests may too.
    int sweepExpiredPeers();

    // ORCP: the caching job places demand and caches in regions with this map (R3); without
    // one, everything is one region. Call before serving.
    void setNetworkMap(const NetworkMapView *map);
    // ORCP: a volunteer's cache or relay is accepted, kept and handed out only while this says
    // the owner consented to the role at the PAMS (the host wires the in-process PAMS's consent
    // store, or a cache of a remote PAMS's answers). The bool form is for a check that knows.
    void setVolunteerConsentCheck(std::function<bool(const QString &userId, const QString &type)> check);
    void setVolunteerConsentSource(VolunteerConsentCheck check);
    // Who a tracker passkey belongs to (R7). The host wires the UMS; without it announces fail.
    void setPasskeyResolver(std::function<std::optional<QString>(const QString &passkey)> resolver);
    // Which users cache which overlay, for a ranking (LocalityRanking::setCaches).
    const CacheView *cacheView() const;
    // One pass of the caching job; its timer (config cacheIntervalSecs) calls it, tests may too.
    // Returns how many allocations it made.
    int runCachingJob();
    // Who is and was in which swarm (valid after start() until stop()): the host asks it whether
    // an overlay exists and whether two users were in its swarm together (PAMS credit).
    SwarmRegistry *swarms() const;

private:
    void savePresence();

    ServiceContext m_context;
    QString m_configError;  // set by the constructor when the "oms" config is refused
    std::unique_ptr<OmsState> m_state;
    std::unique_ptr<Tracker> m_tracker;
    std::unique_ptr<OverlayApi> m_overlays;
    std::unique_ptr<PeerApi> m_peers;
    std::unique_ptr<CacheScheduler> m_caching;
    std::unique_ptr<OrcpApi> m_orcp;
    std::unique_ptr<RelayBroker> m_broker;
    std::unique_ptr<CoPresenceApi> m_copresence;
    std::unique_ptr<PresenceStore> m_presence;
    std::unique_ptr<QTimer> m_sweepTimer;
    std::unique_ptr<QTimer> m_cacheTimer;
    bool m_started = false;
};

} // namespace mp2p
