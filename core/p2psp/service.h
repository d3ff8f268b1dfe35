#pragma once

#include "../base/httprouter.h"
#include "../protocol/auth.h"

#include <QJsonObject>
#include <QSet>
#include <QString>

namespace mp2p {

// What every P2PSP server module gets from the mp2pd host that runs it.
struct ServiceContext {
    QString dataDir;                   // where the module keeps its SQLite file
    QJsonObject config;                // the module's section of the config file
    QString publicBaseUrl;             // how clients reach this mp2pd, e.g. "http://127.0.0.1:7800"
    const TokenVerifier *tokens = nullptr;
    Clock clock;
    QSet<QString> operators;           // user ids the provider's config names as operators
    QByteArray serviceKey;             // shared by the provider's mp2pd processes; empty: none
    // True for a token whose UMS session was revoked or ran out (set by the host when the UMS
    // runs in this mp2pd); unset = not checked.
    std::function<bool(const TokenClaims &)> revocationCheck;

    // The credential check for routes of the provider's services (audience "p2psp").
    Authenticator authenticator() const
    {
        Authenticator auth(tokens, clock, audience::P2psp, operators);
        auth.setServiceKey(serviceKey);
        if (revocationCheck)
            auth.setRevocationCheck(revocationCheck);
        return auth;
    }
};

// A server of the P2PSP domain (UMS, IXS, OMS, PAMS, ...). mp2pd switches each on alone or
// together; each mounts its routes under its own prefix ("/ums/v1/...") and reports health.
class P2pspService {
public:
    virtual ~P2pspService() = default;
    virtual QString name() const = 0;                   // "ums", "ixs", "oms", "pams"
    virtual bool start(QString *error) = 0;             // open storage, migrate
    virtual void registerRoutes(HttpRouter &router) = 0;
    virtual QJsonObject health() const = 0;             // {"status": "ok", ...}
    virtual void stop() {}
};

} // namespace mp2p
