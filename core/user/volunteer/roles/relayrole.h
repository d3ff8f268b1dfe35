#pragma once

#include <relay/relayserver.h>
#include <user/volunteer/volunteerrole.h>

#include <functional>
#include <memory>

namespace mp2p {

// The volunteer Relay Server role: our RS (core/relay) on the peer's address, started under the
// user's consent with the consented upload rate and number of relayed connections (both enforced
// by the server: one token bucket, refusals past the cap). stop() closes every allocation and
// relayed connection before it returns.
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

    RelayServer *server() const { return m_server.get(); }
    const RelayServerConfig &config() const { return m_config; }
    void setConfig(const RelayServerConfig &config) { m_config = config; }  // used at the next start

private:
    std::function<bool(QString *error)> m_beforeStart;
    static RelayLimits relayLimits(const VolunteerLimits &limits);

    RelayServerConfig m_config;
    std::unique_ptr<RelayServer> m_server;
};

} // namespace mp2p
