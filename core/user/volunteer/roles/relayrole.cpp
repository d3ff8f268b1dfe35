#include "relayrole.h"

#include <user/provider/providerclient.h>

namespace mp2p {

RelayRole::RelayRole(RelayServerConfig config)
    : m_config(std::move(config))
    , m_orcp(QStringLiteral("relay"))
{
    m_orcp.setRegistration([this] { return registration(); });
    // The OMS's secret replaces the local one: from now on the OMS mints this relay's credentials.
    QObject::connect(&m_orcp, &OrcpClient::updated, &m_orcp, [this](const QJsonObject &resource) {
        const QByteArray secret = resource.value(QStringLiteral("relaySecret")).toString().toLatin1();
        if (m_server && secret.size() >= 32)
            m_server->setAuthSecret(secret);
    });
}

void RelayRole::setProvider(ProviderClient *provider)
{
    m_orcp.setProvider(provider);
    m_provider = provider;
    m_hasProvider = provider != nullptr;
}

RelayRole::~RelayRole()
{
    stop();
}

RelayLimits RelayRole::relayLimits(const VolunteerLimits &limits)
{
    return RelayLimits{limits.uploadBytesPerSec, limits.maxRelayedConnections};
}

QJsonObject RelayRole::registration() const
{
    QJsonObject body{{QStringLiteral("type"), QStringLiteral("rs")},
                     {QStringLiteral("mode"), QStringLiteral("volunteer")},
                     {QStringLiteral("port"), int(m_server ? m_server->port() : m_config.listenPort)},
                     {QStringLiteral("maxAllocations"), RelayPortReporter::registrationQuota(m_config.maxAllocations)},
                     {QStringLiteral("uploadBps"), qMax<qint64>(0, m_limits.uploadBytesPerSec)}};
    // Relayed ports listen on the relay address; peers reach the relay there.
    const QHostAddress address = m_config.relayAddress.isNull() ? m_config.listenAddress : m_config.relayAddress;
    if (address != QHostAddress(QHostAddress::Any) && address != QHostAddress(QHostAddress::AnyIPv4)
        && address != QHostAddress(QHostAddress::AnyIPv6))
        body.insert(QStringLiteral("address"), address.toString());
    return body;
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
    m_limits = limits;
    if (m_hasProvider) {
        m_ports = std::make_unique<RelayPortReporter>(m_server.get(), &m_orcp, m_provider);
        m_orcp.start();
    }
    return true;
}

void RelayRole::applyLimits(const VolunteerLimits &limits)
{
    m_limits = limits;
    if (m_server)
        m_server->setLimits(relayLimits(limits));
    if (m_server && m_orcp.isActive())
        m_orcp.start();  // the OMS ranks relays by what they offer: register the new upload cap
}

void RelayRole::stop()
{
    m_ports.reset();   // the DELETE below drops the reported ports with the resource
    if (m_server) {
        m_server->stop();
        m_server.reset();
    }
    m_orcp.stop();  // the DELETE goes out now; the OMS drops the relay from its pool on receipt
}

bool RelayRole::isRunning() const
{
    return m_server && m_server->isRunning();
}

} // namespace mp2p
