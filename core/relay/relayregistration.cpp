#include "relayregistration.h"

#include "relayportreporter.h"
#include "relayserver.h"

#include <cache/orcpclient.h>
#include <user/provider/identity.h>
#include <user/provider/providerclient.h>

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcRelayRegistration, "mp2p.rs")

namespace mp2p {

namespace {
// The OMS's secret is 32+ characters (core/p2psp/oms relay secrets); anything shorter is not one.
constexpr qsizetype kMinSecret = 32;
}

RelayRegistration::RelayRegistration(RelayRegistrationConfig config, RelayServer *server, QNetworkAccessManager *network,
                                     QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_server(server)
    , m_network(network)
    , m_orcp(std::make_unique<OrcpClient>(QStringLiteral("dedicated relay")))
{
    m_orcp->setRegistration([this] { return registration(); });
    connect(m_orcp.get(), &OrcpClient::updated, this, &RelayRegistration::adopt);
    connect(m_orcp.get(), &OrcpClient::registered, this, [this](const QString &id, bool) { Q_EMIT registered(id); });
    connect(m_orcp.get(), &OrcpClient::problem, this, [this](const QString &message) { m_lastProblem = message; });
    connect(m_orcp.get(), &OrcpClient::stopped, this, &RelayRegistration::stopped);
}

RelayRegistration::~RelayRegistration() = default;

bool RelayRegistration::start(QString *error)
{
    QString why;
    const std::optional<Identity> identity = Identity::loadOrCreate(m_config.identityDir, &why);
    if (!identity) {
        *error = QStringLiteral("rs: cannot read or create the relay's identity in %1: %2").arg(m_config.identityDir, why);
        return false;
    }
    m_ownerId = identity->userId;
    m_provider = std::make_unique<ProviderClient>(m_config.providerUrl, *identity, m_network);
    m_provider->setDisplayName(QStringLiteral("rs-") + m_ownerId.left(8));
    m_orcp->setProvider(m_provider.get());
    m_ports = std::make_unique<RelayPortReporter>(m_server, m_orcp.get(), m_provider.get());
    // Registered only once logged in; ready() comes again after a re-login, and start() on a
    // registered client re-registers with the same id (harmless).
    connect(m_provider.get(), &ProviderClient::ready, this, [this] { m_orcp->start(); });
    connect(m_provider.get(), &ProviderClient::failed, this, [this](const QString &problem) {
        m_lastProblem = problem;
        qCWarning(lcRelayRegistration).noquote() << "rs: cannot log in at" << m_config.providerUrl.toString() << "(" + problem
                                                        + "); retrying, the relay serves meanwhile";
    });
    qCInfo(lcRelayRegistration).noquote() << "rs: registering at the OMS of" << m_config.providerUrl.toString()
                                          << "over ORCP as user" << m_ownerId << "(dedicated relay)";
    m_provider->connectToProvider();
    return true;
}

void RelayRegistration::stop()
{
    m_orcp->stop();
}

QString RelayRegistration::resourceId() const
{
    return m_orcp->resourceId();
}

QJsonObject RelayRegistration::status() const
{
    return {{QStringLiteral("provider"), m_config.providerUrl.toString()},
            {QStringLiteral("owner"), m_ownerId},
            {QStringLiteral("registered"), !m_orcp->resourceId().isEmpty()},
            {QStringLiteral("resourceId"), m_orcp->resourceId()},
            {QStringLiteral("omsSecret"), m_secretAdopted},
            {QStringLiteral("allocationsReported"), m_ports ? m_ports->reportsAccepted() : 0},
            {QStringLiteral("lastProblem"), m_lastProblem}};
}

QJsonObject RelayRegistration::registration() const
{
    QJsonObject body{{QStringLiteral("type"), QStringLiteral("rs")},
                     {QStringLiteral("mode"), QStringLiteral("dedicated")},
                     {QStringLiteral("port"), int(m_server->port())},
                     {QStringLiteral("maxAllocations"), RelayPortReporter::registrationQuota(m_server->config().maxAllocations)},
                     {QStringLiteral("uploadBps"), qMax<qint64>(0, m_config.uploadBps)}};
    const QHostAddress &a = m_config.address;
    if (!a.isNull() && a != QHostAddress(QHostAddress::Any) && a != QHostAddress(QHostAddress::AnyIPv4)
        && a != QHostAddress(QHostAddress::AnyIPv6))
        body.insert(QStringLiteral("address"), a.toString());
    if (!m_config.region.isEmpty())
        body.insert(QStringLiteral("region"), m_config.region);
    return body;
}

void RelayRegistration::adopt(const QJsonObject &resource)
{
    // The OMS's secret replaces the configured one: from now on its broker mints this relay's
    // credentials (a coturn sharing the old secret must be given the new one by its operator).
    const QByteArray secret = resource.value(QStringLiteral("relaySecret")).toString().toLatin1();
    if (secret.size() < kMinSecret || secret == m_server->config().authSecret)
        return;
    m_server->setAuthSecret(secret);
    const bool first = !m_secretAdopted;
    m_secretAdopted = true;
    if (first)
        qCInfo(lcRelayRegistration).noquote() << "rs: registered as resource" << m_orcp->resourceId()
                                              << "; using the OMS's TURN REST secret";
    Q_EMIT secretAdopted();
}

} // namespace mp2p
