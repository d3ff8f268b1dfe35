#pragma once

#include <cache/orcpclient.h>
#include <relay/relayportreporter.h>
#include <relay/relayserver.h>
#include <user/volunteer/volunteerrole.h>

#include <functional>
#include <memory>

namespace mp2p {

class ProviderClient;

// The volunteer Relay Server role: our RS (core/relay) on the peer's address, started under the
// user's consent with the consented upload rate and number of relayed connections (both enforced
// by the server: one token bucket, refusals past the cap). With a provider it registers at the
// OMS over ORCP (type "rs", mode "volunteer", through the OrcpClient the cache uses too), takes
// the TURN REST secret the OMS issues so the OMS can hand its relay to peers nobody can reach
// (POST /oms/v1/relays/credentials), and keeps the registration alive. stop() closes every
// allocation and relayed connection before it returns and deregisters at once, so the OMS stops
// listing the relay.
class RelayRole : public VolunteerRole {
public:
    explicit RelayRole(RelayServerConfig config);
    ~RelayRole() override;

    VolunteerRoleKind kind() const override { return VolunteerRoleKind::Relay; }
    bool start(const VolunteerLimits &limits, QString *error) override;
    void applyLimits(const VolunteerLimits &limits) override;
    void stop() override;
    bool isRunning() const override;

    // Runs right before each start, i.e. only once the user consented (files the role needs).
    void setBeforeStart(std::function<bool(QString *error)> hook) { m_beforeStart = std::move(hook); }
    // The peer's provider link: with it the relay registers at the OMS (ORCP); without, it only serves.
    void setProvider(ProviderClient *provider);

    RelayServer *server() const { return m_server.get(); }
    RelayPortReporter *portReporter() const { return m_ports.get(); }
    OrcpClient *orcp() { return &m_orcp; }
    const RelayServerConfig &config() const { return m_config; }
    void setConfig(const RelayServerConfig &config) { m_config = config; }  // used at the next start

private:
    std::function<bool(QString *error)> m_beforeStart;
    static RelayLimits relayLimits(const VolunteerLimits &limits);
    QJsonObject registration() const;

    RelayServerConfig m_config;
    VolunteerLimits m_limits;
    std::unique_ptr<RelayServer> m_server;
    OrcpClient m_orcp;
    std::unique_ptr<RelayPortReporter> m_ports;   // tells the OMS its allocations (checked "relayed=")
    ProviderClient *m_provider = nullptr;
    bool m_hasProvider = false;
};

} // namespace mp2p
