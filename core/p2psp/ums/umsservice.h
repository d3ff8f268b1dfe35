#pragma once

#include "umsstore.h"
#include "userdirectory.h"

#include <p2psp/service.h>
#include <protocol/auth.h>
#include <protocol/token.h>

#include <QByteArray>

#include <memory>
#include <optional>

namespace mp2p {

// The UMS (User Profile Management Server), reference point R13: registration by public key,
// challenge–response login that ends in a signed token, token refresh, and user profiles
// (docs/PROTOCOL.md "UMS" and "Token"). It signs tokens with its own key and checks them
// with that key too, so it needs no ServiceContext::tokens.
//
// Config (ServiceContext::config): "tokenTtlSecs" (default 3600, 60..86400).
class UmsService : public P2pspService, public UserDirectory {
public:
    static constexpr qint64 DefaultTokenTtlSecs = 3600;
    static constexpr qint64 MinTokenTtlSecs = 60;
    static constexpr qint64 MaxTokenTtlSecs = 86400;
    static constexpr qint64 ChallengeTtlSecs = 120;
    static constexpr int ChallengeBytes = 32;

    explicit UmsService(ServiceContext context);
    ~UmsService() override;

    QString name() const override { return QStringLiteral("ums"); }
    // Opens dataDir/ums.db (migrating it) and loads or creates dataDir/ums-signing.key.
    bool start(QString *error) override;
    void registerRoutes(HttpRouter &router) override;
    QJsonObject health() const override;

    // The key that signs every token; valid after start(). The host builds the TokenVerifier
    // of the other services from it and publishes it in the directory.
    QByteArray publicKey() const;
    qint64 tokenTtlSecs() const { return m_tokenTtlSecs; }

    // UserDirectory (R7)
    std::optional<int> reputationOf(const QString &userId) const override;

private:
    HttpResponse handleKey(const HttpRequest &request) const;
    HttpResponse handleRegister(const HttpRequest &request) const;
    HttpResponse handleGetUser(const HttpRequest &request) const;
    HttpResponse handlePutProfile(const HttpRequest &request) const;
    // Login (umssessions.cpp)
    HttpResponse handleChallenge(const HttpRequest &request) const;
    HttpResponse handleSession(const HttpRequest &request) const;
    HttpResponse handleRefresh(const HttpRequest &request) const;
    HttpResponse tokenResponse(const QString &userId) const;

    bool readConfig(QString *error);
    // 400 when the path's user id is not 40 lower-case hex characters.
    static std::optional<ApiError> checkUserIdParam(const QString &userId);
    static HttpResponse storeFailure(const QString &what, const QString &error);

    ServiceContext m_context;
    Clock m_clock;
    qint64 m_tokenTtlSecs = DefaultTokenTtlSecs;
    std::unique_ptr<UmsStore> m_store;
    std::optional<TokenIssuer> m_issuer;
    std::unique_ptr<TokenVerifier> m_verifier;
    std::unique_ptr<Authenticator> m_auth;
};

} // namespace mp2p
