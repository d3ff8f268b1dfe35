#pragma once

#include <p2psp/service.h>
#include <protocol/peeractivity.h>

#include <memory>

class QTimer;

namespace mp2p {

class OverlayApi;
class PeerApi;
class PeerRanking;
class Tracker;
struct OmsState;

// The Overlay Management Server (R5, X.609.5 OMP): durable overlays in dataDir/oms.db, swarms in
// memory, the BitTorrent tracker (/announce, /scrape) and the JSON API under /oms/v1.
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
    // Drops peers that stopped announcing; the service's timer calls it, tests may too.
    int sweepExpiredPeers();

private:
    ServiceContext m_context;
    std::unique_ptr<OmsState> m_state;
    std::unique_ptr<Tracker> m_tracker;
    std::unique_ptr<OverlayApi> m_overlays;
    std::unique_ptr<PeerApi> m_peers;
    std::unique_ptr<QTimer> m_sweepTimer;
    bool m_started = false;
};

} // namespace mp2p
