#pragma once

#include "ixsstore.h"

#include <p2psp/service.h>
#include <protocol/auth.h>

#include <memory>

namespace mp2p {

// The Index Server (IXS), reference point R6: X.609.9 OCMP content register, update, remove
// and query, as PROTOCOL.md "IXS" specifies. Records live in dataDir/ixs.db.
//
// Config keys (ServiceContext::config): "fullSync" (bool, default true) — a commit reaches the
// disk before it is acknowledged; false trades power-loss safety for write speed.
class IxsService : public P2pspService {
public:
    explicit IxsService(ServiceContext context);
    ~IxsService() override;

    QString name() const override { return QStringLiteral("ixs"); }
    bool start(QString *error) override;
    void registerRoutes(HttpRouter &router) override;
    QJsonObject health() const override;

    // The store, for benchmarks and tools that bulk-load records (valid after start()).
    IxsStore *store() const { return m_store.get(); }
    // The provider's OMS URL(s); a record naming another is refused (omsurlcheck.h).
    void setProviderOmsUrls(QStringList urls) { m_providerOms = std::move(urls); }

private:
    HttpResponse registerContent(const HttpRequest &request) const;
    HttpResponse updateContent(const HttpRequest &request) const;
    HttpResponse removeContent(const HttpRequest &request) const;
    HttpResponse queryContent(const HttpRequest &request) const;
    HttpResponse getContent(const HttpRequest &request) const;
    HttpResponse getByInfoHash(const HttpRequest &request) const;
    // The record named by the {id} path parameter (the router has checked its owner).
    std::optional<ContentRecord> addressedRecord(const HttpRequest &request, ApiError *error) const;
    // Who owns the addressed record: the Owner policy of the routes that change it.
    std::optional<QString> recordOwner(const HttpRequest &request, ApiError *error) const;

    ServiceContext m_context;
    Authenticator m_auth;
    std::unique_ptr<IxsStore> m_store;
    QStringList m_providerOms;
};

} // namespace mp2p
