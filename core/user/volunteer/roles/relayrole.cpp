#include "relayrole.h"

namespace mp2p {

RelayRole::RelayRole(RelayServerConfig config) : m_config(std::move(config)) {}

RelayRole::~RelayRole()
{
    stop();
}

RelayLimits RelayRole::relayLimits(const VolunteerLimits &limits)
{
    return RelayLimits{limits.uploadBytesPerSec, limits.maxRelayedConnections};
}

bool RelayRole::start(const VolunteerLimits &limits, QString *error)
{
    if (m_beforeStart && !m_beforeStart(error))
        return false;
    auto server = std::make_unique<RelayServer>();
    server->setLimits(relayLimits(limits));  // before the first allocation can arrive
    if (!server->start(m_config, error))
        return false;
    m_server = std::move(server);
    return true;
}

void RelayRole::applyLimits(const VolunteerLimits &limits)
{
    if (m_server)
        m_server->setLimits(relayLimits(limits));
}

void RelayRole::stop()
{
    if (m_server) {
        m_server->stop();
        m_server.reset();
    }
}

bool RelayRole::isRunning() const
{
    return m_server && m_server->isRunning();
}

} // namespace mp2p
