#pragma once

#include "cachenode.h"

#include <p2psp/service.h>

#include <memory>

class QNetworkAccessManager;

namespace mp2p {

// The dedicated Cache Server in mp2pd (`mp2pd --services cs`). Config section "cs":
//   "providerUrl" (or "omsUrl"): the P2PSP whose OMS allocates this cache (its /.well-known/mp2p)
//   "dataDir":            where the cache keeps its identity and content (default <dataDir>/cs)
//   "diskQuotaBytes":     disk the cache may fill (required, > 0)
//   "uploadBytesPerSec":  upload cap (0 = none)
//   "listen":             "ip:port" for peer connections (default 0.0.0.0:6881)
//   "utp":                false to use TCP only
// GET /cs/healthz reports whether it is registered and what it holds. stop() (mp2pd got SIGTERM)
// deregisters and waits up to 2 s for the OMS's answer, then shuts the peer down (up to 5 s).
class CacheService : public P2pspService {
public:
    explicit CacheService(ServiceContext context);
    ~CacheService() override;

    QString name() const override { return QStringLiteral("cs"); }
    bool start(QString *error) override;
    void registerRoutes(HttpRouter &router) override;
    QJsonObject health() const override;
    void stop() override;

    // Reads the "cs" section; the errors name the field.
    static bool readConfig(const QJsonObject &section, const QString &hostDataDir, CacheNodeConfig *out, QString *error);
    CacheNode *node() const { return m_node.get(); }

private:
    ServiceContext m_context;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<CacheNode> m_node;
    bool m_stopped = false;
};

} // namespace mp2p
