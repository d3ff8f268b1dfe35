#include "unisserver.h"

namespace mp2p {

UnisServer::UnisServer(QString configPath, Clock clock, QObject *parent)
    : QObject(parent)
    , m_configPath(std::move(configPath))
    , m_clock(std::move(clock))
{
}

UnisServer::~UnisServer() = default;

bool UnisServer::start(std::optional<QHostAddress> listen, std::optional<quint16> port, QString *error)
{
    const auto config = UnisConfig::loadFile(m_configPath, error);
    if (!config)
        return false;
    m_service = std::make_unique<UnisService>(*config, m_clock);
    m_http = std::make_unique<HttpServer>(&m_service->router());
    m_http->setLimits(config->serverLimits);  // fixed until a restart, like the address
    m_tls = !config->tlsCertificate.isEmpty();
    if (m_tls && !m_http->setTls(config->tlsCertificate, config->tlsKey, error))
        return false;
    m_service->setTlsEnabled(m_tls);
    m_address = listen.value_or(config->listenAddress);
    m_port = m_http->listen(m_address, port.value_or(config->port), error);
    if (m_port == 0)
        return false;
    if (!m_tls && m_address != QHostAddress::LocalHost && m_address != QHostAddress::LocalHostIPv6)
        qCWarning(lcUnis, "serving without TLS on %s: credentials and network details travel in clear text; "
                          "configure tls.certificate and tls.key",
                  qPrintable(m_address.toString()));
    return true;
}

bool UnisServer::reload(QString *error)
{
    QString why;
    const bool ok = m_service && m_service->reloadFile(m_configPath, &why);
    if (ok)
        qCInfo(lcUnis, "config reloaded from %s", qPrintable(m_configPath));
    if (error)
        *error = why;
    Q_EMIT reloaded(ok, why);
    return ok;
}

QString UnisServer::baseUrl() const
{
    const bool v6 = m_address.protocol() == QAbstractSocket::IPv6Protocol;
    const QString host = v6 ? QLatin1Char('[') + m_address.toString() + QLatin1Char(']') : m_address.toString();
    return QStringLiteral("%1://%2:%3").arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"), host).arg(m_port);
}

} // namespace mp2p
