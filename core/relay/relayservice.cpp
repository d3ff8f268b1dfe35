#include "relayservice.h"

#include "relayregistration.h"

#include <protocol/auth.h>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcRelayRegistration)

namespace mp2p {

namespace {
constexpr int DeregisterWaitMs = 2000;  // a dead OMS must not hold up mp2pd's exit for long
}

RelayService::RelayService(ServiceContext context) : m_context(std::move(context)) {}

RelayService::~RelayService()
{
    stop();
}

// rs.allowLoopbackPeers, rs.allowedPeerRanges and the quotas; the RS checks the ranges of the
// numbers again at start (RelayServerConfig::validate), here only their JSON types.
bool RelayService::parseAccessAndQuotas(const QJsonObject &json, RelayServerConfig *config, QString *error)
{
    const QJsonValue loopback = json.value(QStringLiteral("allowLoopbackPeers"));
    if (!loopback.isUndefined() && !loopback.isBool()) {
        *error = QStringLiteral("rs.allowLoopbackPeers must be true or false (default false: peers on 127.0.0.0/8 "
                                "and ::1 get 403 Forbidden)");
        return false;
    }
    config->allowLoopbackPeers = loopback.toBool(false);
    const QJsonValue ranges = json.value(QStringLiteral("allowedPeerRanges"));
    if (!ranges.isUndefined()) {
        const QJsonArray list = ranges.toArray();
        config->allowedPeerRanges.clear();
        for (const QJsonValue &v : list)
            config->allowedPeerRanges.append(v.toString());
        if (!ranges.isArray() || config->allowedPeerRanges.contains(QString())) {
            *error = QStringLiteral("rs.allowedPeerRanges must be a list of CIDR strings, e.g. [\"10.0.0.0/8\"] "
                                    "(peers there are relayed although the range is private)");
            return false;
        }
    }
    struct Field {
        const char *name;
        int *target;
    };
    int lifetime = int(config->permissionLifetime);
    int maxLifetime = int(config->maxLifetime);
    const Field fields[] = {{"maxAllocations", &config->maxAllocations},
                            {"maxAllocationsPerUser", &config->maxAllocationsPerUser},
                            {"maxPermissionsPerAllocation", &config->maxPermissionsPerAllocation},
                            {"maxConnectionsPerAllocation", &config->maxConnectionsPerAllocation},
                            {"permissionLifetime", &lifetime},
                            {"maxLifetime", &maxLifetime}};
    for (const Field &f : fields) {
        const QJsonValue v = json.value(QLatin1String(f.name));
        if (v.isUndefined())
            continue;
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d != double(qint64(d)) || d < 1 || d > 1e6) {
            *error = QStringLiteral("rs.%1 must be a whole number above 0 (default %2)")
                         .arg(QLatin1String(f.name)).arg(*f.target);
            return false;
        }
        *f.target = int(d);
    }
    config->permissionLifetime = quint32(lifetime);
    config->maxLifetime = quint32(maxLifetime);
    if (const QString invalid = config->validate(); !invalid.isEmpty()) {
        *error = QStringLiteral("rs: ") + invalid.mid(invalid.indexOf(u':') + 2);
        return false;
    }
    return true;
}

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
    if (!parseAccessAndQuotas(json, config, error))
        return false;
    limits->uploadBytesPerSec = qint64(json.value(QStringLiteral("uploadBytesPerSec")).toDouble(0));
    limits->maxConnections = json.value(QStringLiteral("maxConnections")).toInt(0);
    if (limits->uploadBytesPerSec < 0 || limits->maxConnections < 0) {
        *error = QStringLiteral("rs.uploadBytesPerSec and rs.maxConnections must be >= 0 (0 = unlimited)");
        return false;
    }
    const QJsonValue provider = json.value(QStringLiteral("providerUrl"));
    if (!provider.isUndefined()) {
        const QUrl url(provider.toString());
        if (!provider.isString() || !url.isValid() || url.host().isEmpty()
            || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
            *error = QStringLiteral("rs.providerUrl (mp2pd --provider) must be the http(s) URL of the P2PSP whose OMS "
                                    "hands this relay out, e.g. http://127.0.0.1:7800");
            return false;
        }
    }
    for (const char *field : {"dataDir", "region"}) {
        const QJsonValue v = json.value(QLatin1String(field));
        if (!v.isUndefined() && (!v.isString() || v.toString().isEmpty())) {
            *error = QStringLiteral("rs.%1 must be a non-empty string").arg(QLatin1String(field));
            return false;
        }
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
    if (config.users.isEmpty() && config.authSecret.isEmpty() && m_context.config.contains(QStringLiteral("providerUrl"))) {
        // Registered at an OMS, the relay takes the OMS's secret once registered; until then a
        // random secret nobody knows, so nothing authenticates before that.
        QByteArray raw(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), raw.size() / int(sizeof(quint32)));
        config.authSecret = raw.toHex();
    }
    m_server = std::make_unique<RelayServer>();
    m_server->setLimits(limits);
    if (!m_server->start(config, error))
        return false;
    return startRegistration(error);
}

bool RelayService::startRegistration(QString *error)
{
    const QJsonObject &json = m_context.config;
    const QString provider = json.value(QStringLiteral("providerUrl")).toString();
    if (provider.isEmpty()) {
        qCInfo(lcRelayRegistration).noquote()
            << "rs: no providerUrl (mp2pd --provider): running standalone, not registered at any OMS over ORCP,"
               " so no OMS hands this relay out; peers need its static users or credentials from rs.authSecret";
        return true;
    }
    RelayRegistrationConfig config;
    config.providerUrl = QUrl(provider);
    config.identityDir = json.value(QStringLiteral("dataDir")).toString(m_context.dataDir + QStringLiteral("/rs"));
    const RelayServerConfig &server = m_server->config();
    config.address = server.relayAddress.isNull() ? server.listenAddress : server.relayAddress;
    config.uploadBps = m_server->limits().uploadBytesPerSec;
    config.region = json.value(QStringLiteral("region")).toString();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_registration = std::make_unique<RelayRegistration>(config, m_server.get(), m_network.get());
    return m_registration->start(error);
}

void RelayService::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    if (m_server)
        m_server->stop();
    if (!m_registration || m_registration->resourceId().isEmpty())
        return;
    // mp2pd calls stop() after its event loop ended (SIGTERM): run a short loop of our own so the
    // deregistration reaches the OMS, which then stops handing this relay out at once instead of
    // when its keep-alive lease runs out. Bounded, like the CS's.
    QEventLoop loop;
    QTimer bound;
    bound.setSingleShot(true);
    QObject::connect(&bound, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(m_registration.get(), &RelayRegistration::stopped, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    clock.start();
    bound.start(DeregisterWaitMs);
    m_registration->stop();
    loop.exec();
    if (bound.isActive())
        qCInfo(lcRelayRegistration, "rs: deregistered from the OMS in %lld ms", clock.elapsed());
    else
        qCWarning(lcRelayRegistration, "rs: the OMS did not confirm the deregistration within %d ms; it drops this relay "
                                       "when the keep-alives stop", DeregisterWaitMs);
}

void RelayService::registerRoutes(HttpRouter &router)
{
    if (!m_context.clock)
        m_context.clock = systemClock();
    m_auth = std::make_unique<Authenticator>(m_context.authenticator());
    // A relay is not the provider: it takes only tokens made for relays, so a token it sees
    // cannot be replayed at the UMS, IXS, OMS or PAMS (and theirs are refused here).
    m_rsAuth = std::make_unique<Authenticator>(m_context.tokens, m_context.clock, audience::Relay, m_context.operators);
    if (m_context.revocationCheck)
        m_rsAuth->setRevocationCheck(m_context.revocationCheck);
    // Who relays for whom, with addresses: the operators' view only.
    router.add(HttpMethod::Get, QStringLiteral("/rs/v1/status"), RoutePolicy::operatorOnly(m_auth.get()),
               [this](const HttpRequest &) { return status(); });
    router.add(HttpMethod::Post, QStringLiteral("/rs/v1/credentials"),
               RoutePolicy::user(m_rsAuth.get()).limit(RateRule::perUser(QStringLiteral("rs-credentials"), 30, 600)),
               [this](const HttpRequest &r) { return credentials(r); });
    router.add(HttpMethod::Get, QStringLiteral("/rs/healthz"), RoutePolicy::open(),
               [this](const HttpRequest &) { return HttpResponse::json(health()); });
}

QJsonObject RelayService::health() const
{
    const bool up = m_server && m_server->isRunning();
    QJsonObject out{{QStringLiteral("status"), up ? QStringLiteral("ok") : QStringLiteral("down")},
                    {QStringLiteral("port"), m_server ? m_server->port() : 0},
                    {QStringLiteral("allocations"), m_server ? m_server->allocationCount() : 0}};
    // ORCP: whether the provider's OMS knows this relay (absent when it runs standalone).
    if (m_registration)
        out.insert(QStringLiteral("orcp"), m_registration->status());
    return out;
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
    const QString *user = &request.caller.userId;
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
