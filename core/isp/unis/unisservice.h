#pragma once

#include "altomaps.h"
#include "unisauth.h"
#include "unisconfig.h"

#include <base/httprouter.h>
#include <protocol/auth.h>

#include <QLoggingCategory>

#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcUnis)

namespace mp2p {

// Everything one config version serves, immutable: a reload builds a new snapshot and swaps
// the pointer on the event-loop thread; a request in flight keeps the one it started with.
struct UnisSnapshot {
    UnisConfig config;
    AltoMapsPtr maps;
    std::shared_ptr<const UnisAuth> auth;
};

// The UNIS's ALTO resources (RFC 7285) on an HttpRouter, all behind UnisAuth. Routes are in
// altoresources.h; the IRD is GET /alto.
class UnisService {
public:
    UnisService(const UnisConfig &config, Clock clock);

    const HttpRouter &router() const { return m_router; }
    std::shared_ptr<const UnisSnapshot> snapshot() const { return m_snapshot; }

    // Serves `config` from the next request on (maps, costs, users, tokens; not TLS or the
    // listen address, which need a restart).
    void apply(const UnisConfig &config);
    // Reads and applies a config file; a file that does not parse changes nothing, returns
    // false and says which line or field is wrong.
    bool reloadFile(const QString &path, QString *error);
    // Makes the IRD name https:// URIs.
    void setTlsEnabled(bool enabled) { m_tls = enabled; }

private:
    using Resource = std::function<HttpResponse(const AltoMaps &, const HttpRequest &)>;
    using LimitedResource = HttpResponse (*)(const AltoMaps &, const HttpRequest &, const AltoLimits &);
    void add(HttpMethod method, const char *path, Resource resource);
    void add(HttpMethod method, const char *path, LimitedResource resource);
    QString baseUrl(const HttpRequest &request) const;

    HttpRouter m_router;
    Clock m_clock;
    std::shared_ptr<const UnisSnapshot> m_snapshot;
    // Outlives reloads: a SIGHUP must not forgive a guesser.
    std::shared_ptr<PasswordThrottle> m_throttle;
    bool m_tls = false;
};

} // namespace mp2p
