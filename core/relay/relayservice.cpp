#include "relayservice.h"

#include <protocol/auth.h>

#include <QJsonArray>

namespace mp2p {

RelayService::RelayService(ServiceContext context) : m_context(std::move(context)) {}

RelayService::~RelayService() = default;

bool RelayService::parseConfig(const QJsonObject &json, RelayServerConfig *config, RelayLimits *limits,
                               QString *error)
{
    const QString listen = json.value(QStringLiteral("listen")).toString(QStringLiteral("127.0.0.1:3478"));
    const int colon = listen.lastIndexOf(u':');
    bool ok = false;
    const uint port = colon > 0 ? listen.mid(colon + 1).toUInt(&ok) : 0;
    const QHostAddress address(listen.left(colon));
    if (!ok || port > 65535 || address.isNull()) {
        *error = QStringLiteral("rs.listen \"%1\" is not \"<ip>:<port>\" (e.g. \"127.0.0.1:3478\")").arg(listen);
        return false;
    }
    config->listenAddress = address;
    config->listenPort = quint16(port);
    if (json.contains(QStringLiteral("relayAddress"))) {
        config->relayAddress = QHostAddress(json.value(QStringLiteral("relayAddress")).toString());
        if (config->relayAddress.isNull()) {
            *error = QStringLiteral("rs.relayAddress is not an IP address");
            return false;
        }
    }
    const int minPort = json.value(QStringLiteral("minPort")).toInt(0);
    const int maxPort = json.value(QStringLiteral("maxPort")).toInt(0);
    if (minPort < 0 || maxPort > 65535 || minPort > maxPort) {
        *error = QStringLiteral("rs.minPort/maxPort must satisfy 0 <= minPort <= maxPort <= 65535");
        return false;
    }
    config->minRelayPort = quint16(minPort);
    config->maxRelayPort = quint16(maxPort);
    config->realm = json.value(QStringLiteral("realm")).toString(QStringLiteral("mp2p"));
    config->authSecret = json.value(QStringLiteral("authSecret")).toString().toUtf8();
    const QJsonObject users = json.value(QStringLiteral("users")).toObject();
    for (auto it = users.begin(); it != users.end(); ++it)
        config->users.insert(it.key(), it.value().toString());
    limits->uploadBytesPerSec = qint64(json.value(QStringLiteral("uploadBytesPerSec")).toDouble(0));
    limits->maxConnections = json.value(QStringLiteral("maxConnections")).toInt(0);
    if (limits->uploadBytesPerSec < 0 || limits->maxConnections < 0) {
        *error = QStringLiteral("rs.uploadBytesPerSec and rs.maxConnections must be >= 0 (0 = unlimited)");
        return false;
    }
    return true;
}

bool RelayService::start(QString *error)
{
    RelayServerConfig config;
    RelayLimits limits;
    if (!parseConfig(m_context.config, &config, &limits, error))
        return false;
    m_credentialTtl = qint64(m_context.config.value(QStringLiteral("credentialTtl")).toDouble(86400));
    m_server = std::make_unique<RelayServer>();
    m_server->setLimits(limits);
    return m_server->start(config, error);
}

void RelayService::stop()
{
    if (m_server)
        m_server->stop();
}

void RelayService::registerRoutes(HttpRouter &router)
{
    router.add(HttpMethod::Get, QStringLiteral("/rs/v1/status"), [this](const HttpRequest &) { return status(); });
    router.add(HttpMethod::Post, QStringLiteral("/rs/v1/credentials"),
               [this](const HttpRequest &r) { return credentials(r); });
    router.add(HttpMethod::Get, QStringLiteral("/rs/healthz"),
               [this](const HttpRequest &) { return HttpResponse::json(health()); });
}

QJsonObject RelayService::health() const
{
    const bool up = m_server && m_server->isRunning();
    return {{QStringLiteral("status"), up ? QStringLiteral("ok") : QStringLiteral("down")},
            {QStringLiteral("port"), m_server ? m_server->port() : 0},
            {QStringLiteral("allocations"), m_server ? m_server->allocationCount() : 0}};
}

HttpResponse RelayService::status() const
{
    QJsonArray allocations;
    for (const RelayAllocationInfo &a : m_server->allocations())
        allocations.append(QJsonObject{{QStringLiteral("user"), a.userId}, {QStringLiteral("overlay"), a.overlayId},
                                       {QStringLiteral("relayed"), QStringLiteral("%1:%2").arg(a.relayedAddress.toString()).arg(a.relayedPort)},
                                       {QStringLiteral("bytesToPeers"), double(a.bytesToPeers)},
                                       {QStringLiteral("bytesFromPeers"), double(a.bytesFromPeers)},
                                       {QStringLiteral("connections"), a.connections}});
    QJsonObject byOverlay;
    const auto overlays = m_server->bytesByOverlay();
    for (auto it = overlays.begin(); it != overlays.end(); ++it)
        byOverlay.insert(it.key(), double(it.value()));
    return HttpResponse::json(QJsonObject{{QStringLiteral("allocations"), allocations},
                                          {QStringLiteral("bytesRelayed"), double(m_server->totalBytesRelayed())},
                                          {QStringLiteral("bytesByOverlay"), byOverlay},
                                          {QStringLiteral("refusedConnections"), m_server->refusedConnections()}});
}

HttpResponse RelayService::credentials(const HttpRequest &request) const
{
    if (!m_context.tokens || m_server->config().authSecret.isEmpty())
        return HttpResponse::error(ApiError::forbidden(
            QStringLiteral("this RS hands out no credentials (configure rs.authSecret and a UMS key)")));
    ApiError error;
    const auto user = Authenticator(m_context.tokens, m_context.clock ? m_context.clock : systemClock())
                          .userFromHeader(request, &error);
    if (!user)
        return HttpResponse::error(error);
    QJsonObject body;
    if (!request.body.isEmpty() && !parseJsonObject(request.body, &body, &error))
        return HttpResponse::error(error);
    const QString overlay = body.value(QStringLiteral("overlay")).toString();
    if (overlay.contains(u':') || overlay.size() > 128)
        return HttpResponse::error(ApiError::badRequest(QStringLiteral("bad_field"),
                                                        QStringLiteral("overlay must be an overlay id"),
                                                        QStringLiteral("overlay")));
    const qint64 now = m_context.clock ? m_context.clock() : systemClock()();
    const QString username = RelayAuth::restUsernameFor(now + m_credentialTtl, *user, overlay);
    const auto &config = m_server->config();
    return HttpResponse::json(QJsonObject{
        {QStringLiteral("username"), username},
        {QStringLiteral("password"), stun::restPassword(config.authSecret, username)},
        {QStringLiteral("ttl"), double(m_credentialTtl)},
        {QStringLiteral("realm"), config.realm},
        {QStringLiteral("uris"), QJsonArray{QStringLiteral("turn:%1:%2?transport=tcp")
                                                .arg(config.listenAddress.toString()).arg(m_server->port())}}});
}

} // namespace mp2p
