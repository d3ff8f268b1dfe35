#include "unisservice.h"

#include "altoresources.h"

#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcUnis, "mp2p.unis")

namespace mp2p {

UnisService::UnisService(const UnisConfig &config, Clock clock)
    : m_clock(std::move(clock))
    , m_throttle(std::make_shared<PasswordThrottle>(m_clock))
{
    apply(config);
    add(HttpMethod::Get, alto::DirectoryPath, [this](const AltoMaps &maps, const HttpRequest &r) {
        return alto::directory(maps, baseUrl(r));
    });
    add(HttpMethod::Get, alto::NetworkMapPath, [](const AltoMaps &maps, const HttpRequest &) { return alto::networkMap(maps); });
    add(HttpMethod::Get, alto::NumericalCostMapPath, [](const AltoMaps &maps, const HttpRequest &) {
        return alto::costMap(maps, alto::CostMode::Numerical);
    });
    add(HttpMethod::Get, alto::OrdinalCostMapPath, [](const AltoMaps &maps, const HttpRequest &) {
        return alto::costMap(maps, alto::CostMode::Ordinal);
    });
    add(HttpMethod::Post, alto::FilteredNetworkMapPath, &alto::filteredNetworkMap);
    add(HttpMethod::Post, alto::FilteredCostMapPath, &alto::filteredCostMap);
    add(HttpMethod::Post, alto::EndpointPropPath, &alto::endpointProperties);
    add(HttpMethod::Post, alto::EndpointCostPath, &alto::endpointCost);
}

void UnisService::add(HttpMethod method, const char *path, LimitedResource resource)
{
    add(method, path, [this, resource](const AltoMaps &maps, const HttpRequest &request) {
        return resource(maps, request, m_snapshot->config.altoLimits);
    });
}

void UnisService::add(HttpMethod method, const char *path, Resource resource)
{
    // Open at the router: UnisAuth below checks every request itself, because ALTO clients
    // expect its answer (an ALTO error body and a WWW-Authenticate per configured scheme).
    m_router.add(method, QLatin1String(path), RoutePolicy::open(), [this, resource = std::move(resource)](const HttpRequest &request) {
        const std::shared_ptr<const UnisSnapshot> snapshot = m_snapshot;  // pinned for this request
        HttpResponse denied;
        const auto who = snapshot->auth->authenticate(request, &denied);
        if (!who) {
            qCInfo(lcUnis, "%d %s from %s", denied.status, qPrintable(request.path), qPrintable(request.remoteAddress.toString()));
            return denied;
        }
        HttpResponse response = resource(*snapshot->maps, request);
        qCDebug(lcUnis, "%d %s for %s", response.status, qPrintable(request.path), qPrintable(who->id));
        return response;
    });
}

QString UnisService::baseUrl(const HttpRequest &request) const
{
    // Absolute URIs as the client addressed us; a Host header with anything odd in it falls
    // back to relative URIs, which RFC 7285 clients resolve against the IRD's URI.
    const QString host = QString::fromLatin1(request.header("host"));
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9.:\\[\\]-]{1,300}$"));
    if (host.isEmpty() || !safe.match(host).hasMatch())
        return {};
    return (m_tls ? QStringLiteral("https://") : QStringLiteral("http://")) + host;
}

void UnisService::apply(const UnisConfig &config)
{
    auto snapshot = std::make_shared<UnisSnapshot>();
    snapshot->config = config;
    snapshot->maps = AltoMaps::fromConfig(config);
    m_throttle->setLimits(config.passwordLimits);
    snapshot->auth = std::make_shared<UnisAuth>(config, m_clock, m_throttle);
    qCInfo(lcUnis, "serving network map %s (vtag %s): %lld PIDs", qPrintable(config.resourceId),
           qPrintable(snapshot->maps->tag()), qlonglong(snapshot->maps->pids().size()));
    m_snapshot = std::move(snapshot);
}

bool UnisService::reloadFile(const QString &path, QString *error)
{
    const auto config = UnisConfig::loadFile(path, error);
    if (!config) {
        qCWarning(lcUnis, "config not reloaded, the previous map keeps serving: %s", qPrintable(*error));
        return false;
    }
    apply(*config);
    return true;
}

} // namespace mp2p
