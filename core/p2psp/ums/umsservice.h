#pragma once

#include "creditview.h"
#include "umsstore.h"
#include "userdirectory.h"

#include <p2psp/service.h>
#include <protocol/auth.h>
#include <protocol/token.h>

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QUrl>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace mp2p {

// The UMS (User Profile Management Server), reference point R13: registration by public key,
// challenge–response login that ends in a signed token, token refresh, and user profiles
// (docs/PROTOCOL.md "UMS" and "Token"). It signs tokens with its own key and checks them
// with that key too, so it needs no ServiceContext::tokens.
//
// Reputation is fed by the user's redeemed PAMS credit (docs/PROTOCOL.md, UMS) through a CreditView the
// host hands in; without one every reputation is the stored value (0 by default).
//
// Config (ServiceContext::config): "tokenTtlSecs" (default 3600, 60..86400); "sessionMaxSecs"
// (default 7 days, 300..90 days) — how long a login's tokens may be refreshed; "creditTtlSecs"
// (default 30, 1..3600) — how long a remote PAMS's answer is reused.
class UmsService : public P2pspService, public UserDirectory {
public:
    static constexpr qint64 DefaultTokenTtlSecs = 3600;
    static constexpr qint64 MinTokenTtlSecs = 60;
    static constexpr qint64 MaxTokenTtlSecs = 86400;
    static constexpr qint64 ChallengeTtlSecs = 120;
    static constexpr int ChallengeBytes = 32;
    static constexpr qint64 DefaultCreditTtlSecs = 30;
    static constexpr qint64 DefaultSessionMaxSecs = 7 * 86400;
    static constexpr qint64 MinSessionMaxSecs = 300;
    static constexpr qint64 MaxSessionMaxSecs = 90 * 86400;
    // How long a session's "live" answer is reused by the revocation check; a revocation made
    // here drops it at once, so this bounds only what the store is asked.
    static constexpr qint64 RevocationCacheSecs = 30;
    static constexpr int PasskeyBytes = 32;
    // How long a token for an ISP's UNIS or a relay lives: those servers are not the provider's,
    // so what they could replay is kept short.
    static constexpr qint64 OtherAudienceTtlSecs = 600;
    // At most this many entries per answer of GET /ums/v1/revocations; "more" says another waits.
    static constexpr int RevocationPageSize = 1000;

    explicit UmsService(ServiceContext context);
    ~UmsService() override;

    QString name() const override { return QStringLiteral("ums"); }
    // Opens dataDir/ums.db (migrating it) and loads or creates dataDir/ums-signing.key.
    bool start(QString *error) override;
    void registerRoutes(HttpRouter &router) override;
    QJsonObject health() const override;
    void stop() override;

    // Where reputation's credit comes from. A PAMS in the same mp2pd: its ledger, read directly.
    void useLocalCredit(LocalCreditView::Lookup lookup);
    // A PAMS elsewhere: GET {pamsBaseUrl}/pams/v1/credit/{userId}, cached for creditTtlSecs and
    // refreshed in the background. `network` must outlive this service.
    void useRemoteCredit(const QUrl &pamsBaseUrl, QNetworkAccessManager *network);
    void setCreditView(std::unique_ptr<CreditView> view);
    const CreditView *creditView() const { return m_credit.get(); }
    // The credit the view knows for the user, 0 when it knows none.
    qint64 creditOf(const QString &userId) const;

    // The key that signs every token; valid after start(). The host builds the TokenVerifier
    // of the other services from it and publishes it in the directory.
    QByteArray publicKey() const;
    qint64 tokenTtlSecs() const { return m_tokenTtlSecs; }

    // UserDirectory (R7): the stored reputation plus reputationFromCredit(creditOf(user)).
    std::optional<int> reputationOf(const QString &userId) const override;
    std::optional<QString> userForPasskey(const QString &passkey) const override;

    // True when the token's session was revoked (logout) or is past its absolute lifetime.
    // The host hands this to every in-process service's Authenticator. Tokens without a
    // session id (none are issued any more) are not refused here.
    bool isRevoked(const TokenClaims &claims) const;
    // How long a revocation stays in the feed: the longest any token this UMS issues can still
    // be accepted (its lifetime plus the clock skew verifiers allow). Older entries cover only
    // expired tokens, so the feed drops them.
    qint64 revocationRetainSecs() const;

private:
    HttpResponse handleKey(const HttpRequest &request) const;
    HttpResponse handleRegister(const HttpRequest &request) const;
    HttpResponse handleGetUser(const HttpRequest &request) const;
    HttpResponse handlePutProfile(const HttpRequest &request) const;
    // Login (umssessions.cpp)
    HttpResponse handleChallenge(const HttpRequest &request) const;
    HttpResponse handleSession(const HttpRequest &request) const;
    HttpResponse handleRefresh(const HttpRequest &request) const;
    HttpResponse handleLogout(const HttpRequest &request) const;
    HttpResponse handleRevokeAll(const HttpRequest &request) const;
    HttpResponse handleIssueToken(const HttpRequest &request) const;
    HttpResponse handleGetPasskey(const HttpRequest &request) const;
    HttpResponse handleRotatePasskey(const HttpRequest &request) const;
    HttpResponse handleLookupPasskey(const HttpRequest &request) const;
    HttpResponse handleRevocations(const HttpRequest &request) const;  // umsrevocations.cpp
    HttpResponse passkeyResponse(const QString &userId, bool rotate) const;
    // Checks a fresh signed challenge in the body (challengeId, signature) for userId.
    std::optional<HttpResponse> checkSignedChallenge(const QString &userId, const QJsonObject &body) const;
    // The claims of the request's own bearer token (the router already checked it).
    TokenClaims claimsOf(const HttpRequest &request) const;
    HttpResponse tokenResponse(const QString &userId, const SessionRecord &session) const;
    void forgetRevocation(const QString &sessionId) const;

    bool readConfig(QString *error);
    // 400 when the path's user id is not 40 lower-case hex characters.
    static std::optional<ApiError> checkUserIdParam(const QString &userId);
    static HttpResponse storeFailure(const QString &what, const QString &error);
    QJsonObject profileOf(const UserRecord &user) const;

    ServiceContext m_context;
    Clock m_clock;
    qint64 m_tokenTtlSecs = DefaultTokenTtlSecs;
    qint64 m_creditTtlSecs = DefaultCreditTtlSecs;
    qint64 m_sessionMaxSecs = DefaultSessionMaxSecs;
    struct RevocationEntry {
        bool revoked = false;
        qint64 expiresAt = 0;
        qint64 checkedAt = 0;
    };
    mutable QMutex m_revocationLock;
    mutable QHash<QString, RevocationEntry> m_revocations;
    // Passkey → user id of known passkeys, so the tracker's every announce does not cost an SQL
    // query. Exact: passkeys change only here (passkeyResponse), which drops what it replaces.
    // Unbounded growth from random passkeys is cut by clearing past MaxCachedPasskeys.
    static constexpr int MaxCachedPasskeys = 100000;
    mutable QMutex m_passkeyLock;
    mutable QHash<QString, QString> m_passkeyOwners;
    mutable quint64 m_passkeyGeneration = 0;  // bumped by every change: a look-up racing it is not cached
    std::unique_ptr<CreditView> m_credit;
    QString m_creditSource = QStringLiteral("none");  // for health(): none | local | remote
    std::unique_ptr<UmsStore> m_store;
    std::optional<TokenIssuer> m_issuer;
    std::unique_ptr<TokenVerifier> m_verifier;
    std::unique_ptr<Authenticator> m_auth;  // made in start(), with the key it loads
    LateAuthenticator m_lateAuth{[this] { return m_auth.get(); }};
};

} // namespace mp2p
