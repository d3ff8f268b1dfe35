#pragma once

#include "relayserver.h"

#include <p2psp/service.h>

#include <memory>

namespace mp2p {

// `mp2pd --services rs`: our RS as a P2PSP module. Config section "rs":
//   {"listen": "127.0.0.1:3478", "relayAddress": "127.0.0.1", "minPort": 0, "maxPort": 0,
//    "realm": "mp2p", "authSecret": "...", "users": {"name": "password"},
//    "uploadBytesPerSec": 0, "maxConnections": 0, "credentialTtl": 86400}
// Routes: GET /rs/v1/status (allocations and byte counters), POST /rs/v1/credentials (with a UMS
// token; body {"overlay": "<id>"} optional) → TURN REST credentials that this RS and a coturn
// sharing the same secret both accept.
class RelayService : public P2pspService {
public:
    explicit RelayService(ServiceContext context);
    ~RelayService() override;

    QString name() const override { return QStringLiteral("rs"); }
    bool start(QString *error) override;
    void registerRoutes(HttpRouter &router) override;
    QJsonObject health() const override;
    void stop() override;

    RelayServer *server() const { return m_server.get(); }
    static bool parseConfig(const QJsonObject &json, RelayServerConfig *config, RelayLimits *limits,
                            QString *error);

private:
    HttpResponse status() const;
    HttpResponse credentials(const HttpRequest &request) const;

    ServiceContext m_context;
    std::unique_ptr<RelayServer> m_server;
    qint64 m_credentialTtl = 86400;
};

} // namespace mp2p
