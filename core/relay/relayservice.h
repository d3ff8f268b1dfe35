#pragma once

#include "relayserver.h"

#include <p2psp/service.h>

#include <memory>

class QNetworkAccessManager;

namespace mp2p {

class RelayRegistration;

// `mp2pd --services rs`: our RS as a P2PSP module. Config section "rs":
//   {"listen": "127.0.0.1:3478", "relayAddress": "127.0.0.1", "minPort": 0, "maxPort": 0,
//    "realm": "mp2p", "authSecret": "...", "users": {"name": "password"},
//    "uploadBytesPerSec": 0, "maxConnections": 0, "credentialTtl": 86400,
//    "allowLoopbackPeers": false, "allowedPeerRanges": ["10.0.0.0/8"],
//    "maxAllocations": 1000, "maxAllocationsPerUser": 8, "maxPermissionsPerAllocation": 64,
//    "maxConnectionsPerAllocation": 100, "permissionLifetime": 300, "maxLifetime": 3600,
//    "providerUrl": "http://provider:7800", "dataDir": "<mp2pd data dir>/rs", "region": "PID"}
// With "providerUrl" (mp2pd --provider URL) the relay logs in there with its own identity
// (dataDir/identity.key, 0600) and registers at the OMS over ORCP as a dedicated RS, adopting the
// OMS's TURN REST secret so the OMS's broker can hand it to peers (RelayRegistration). Without it
// the relay runs standalone, as before: static users or the configured authSecret only.
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
    RelayRegistration *registration() const { return m_registration.get(); }  // null when standalone
    static bool parseConfig(const QJsonObject &json, RelayServerConfig *config, RelayLimits *limits,
                            QString *error);

private:
    static bool parseAccessAndQuotas(const QJsonObject &json, RelayServerConfig *config, QString *error);
    HttpResponse status() const;
    HttpResponse credentials(const HttpRequest &request) const;

    bool startRegistration(QString *error);

    ServiceContext m_context;
    std::unique_ptr<Authenticator> m_auth;    // the provider's tokens: operators' status view
    std::unique_ptr<Authenticator> m_rsAuth;  // credentials: only tokens whose audience is "rs"
    std::unique_ptr<RelayServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<RelayRegistration> m_registration;
    bool m_stopped = false;
    qint64 m_credentialTtl = 86400;
};

} // namespace mp2p
