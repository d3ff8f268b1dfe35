#include "umsservice.h"

#include "remotecreditview.h"
#include "umsprofile.h"

#include <protocol/keys.h>

#include <QLoggingCategory>

#include <algorithm>
#include <limits>

namespace mp2p {

namespace {
Q_LOGGING_CATEGORY(lcUms, "mp2p.ums")
}

UmsService::UmsService(ServiceContext context)
    : m_context(std::move(context))
    , m_clock(m_context.clock ? m_context.clock : systemClock())
{
}

UmsService::~UmsService() = default;

namespace {

// A whole number of seconds in [min, max] from the config, or `fallback` when absent.
bool readSeconds(const QJsonObject &config, const QString &key, qint64 min, qint64 max, qint64 fallback,
                 qint64 *out, QString *error)
{
    const QJsonValue v = config.value(key);
    if (v.isUndefined() || v.isNull()) {
        *out = fallback;
        return true;
    }
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d != double(qint64(d)) || d < min || d > max) {
        *error = QStringLiteral("ums: config '%1' must be a whole number of seconds from %2 to %3").arg(key).arg(min).arg(max);
        return false;
    }
    *out = qint64(d);
    return true;
}

} // namespace

bool UmsService::readConfig(QString *error)
{
    return readSeconds(m_context.config, QStringLiteral("tokenTtlSecs"), MinTokenTtlSecs, MaxTokenTtlSecs,
                       DefaultTokenTtlSecs, &m_tokenTtlSecs, error)
           && readSeconds(m_context.config, QStringLiteral("creditTtlSecs"), 1, 3600, DefaultCreditTtlSecs,
                          &m_creditTtlSecs, error)
           && readSeconds(m_context.config, QStringLiteral("sessionMaxSecs"), MinSessionMaxSecs, MaxSessionMaxSecs,
                          DefaultSessionMaxSecs, &m_sessionMaxSecs, error);
}

void UmsService::stop()
{
    // The credit view may read another service's store: drop it before that service goes.
    m_credit.reset();
    m_creditSource = QStringLiteral("none");
}

void UmsService::setCreditView(std::unique_ptr<CreditView> view)
{
    m_credit = std::move(view);
    m_creditSource = m_credit ? QStringLiteral("custom") : QStringLiteral("none");
}

void UmsService::useLocalCredit(LocalCreditView::Lookup lookup)
{
    m_credit = std::make_unique<LocalCreditView>(std::move(lookup));
    m_creditSource = QStringLiteral("local");
    qCInfo(lcUms) << "reputation reads the credit of the PAMS in this mp2pd";
}

void UmsService::useRemoteCredit(const QUrl &pamsBaseUrl, QNetworkAccessManager *network)
{
    auto view = std::make_unique<RemoteCreditView>(pamsBaseUrl, network, m_clock);
    view->setTtlSecs(m_creditTtlSecs);
    m_credit = std::move(view);
    m_creditSource = QStringLiteral("remote");
    qCInfo(lcUms).noquote() << "reputation reads credit from the PAMS at" << pamsBaseUrl.toString() << "(cached"
                            << m_creditTtlSecs << "s)";
}

qint64 UmsService::creditOf(const QString &userId) const
{
    return m_credit ? std::max<qint64>(0, m_credit->creditOf(userId).value_or(0)) : 0;
}

QJsonObject UmsService::profileOf(const UserRecord &user) const
{
    const qint64 credit = creditOf(user.userId);
    UserRecord shown = user;
    shown.reputation = user.reputation + reputationFromCredit(credit);
    QJsonObject o = profileJson(shown);
    o.insert(QStringLiteral("credit"), credit);
    return o;
}

bool UmsService::start(QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (!initCrypto()) {
        *error = QStringLiteral("ums: libsodium failed to initialise");
        return false;
    }
    if (!readConfig(error))
        return false;
    auto store = std::make_unique<UmsStore>(m_context.dataDir + QStringLiteral("/ums.db"));
    if (!store->open(error))
        return false;
    auto key = KeyPair::loadOrCreate(m_context.dataDir + QStringLiteral("/ums-signing.key"), error);
    if (!key)
        return false;
    m_store = std::move(store);
    m_verifier = std::make_unique<TokenVerifier>(key->publicKey());
    m_issuer.emplace(std::move(*key));
    m_auth = std::make_unique<Authenticator>(m_verifier.get(), m_clock, audience::P2psp, m_context.operators);
    m_auth->setServiceKey(m_context.serviceKey);
    m_auth->setRevocationCheck([this](const TokenClaims &claims) { return isRevoked(claims); });
    qCInfo(lcUms) << "UMS started; token lifetime" << m_tokenTtlSecs << "s";
    return true;
}

void UmsService::registerRoutes(HttpRouter &router)
{
    // Every handler goes through this guard, so a request that arrives before start() (or
    // after a failed one) gets an error body instead of touching a null store.
    const auto route = [this, &router](HttpMethod method, const QString &pattern, const RoutePolicy &policy,
                                       HttpResponse (UmsService::*handler)(const HttpRequest &) const) {
        router.add(method, pattern, policy, [this, handler](const HttpRequest &request) {
            if (!m_store)
                return HttpResponse::error(ApiError::internal(QStringLiteral("the UMS is not running")));
            return (this->*handler)(request);
        });
    };
    const RequestAuthenticator *auth = &m_lateAuth;
    // Logging in is open to anyone, so each address gets a bounded share of it; a login needs
    // one challenge and one session, a client that retries a few more.
    const RoutePolicy login = RoutePolicy::open().limit(RateRule::perAddress(QStringLiteral("logins-per-address"), 120, 60));
    route(HttpMethod::Get, QStringLiteral("/ums/v1/key"), RoutePolicy::open(), &UmsService::handleKey);
    route(HttpMethod::Post, QStringLiteral("/ums/v1/users"),
          RoutePolicy::open().limit(RateRule::perAddress(QStringLiteral("registrations-per-address"), 30, 60)),
          &UmsService::handleRegister);
    route(HttpMethod::Get, QStringLiteral("/ums/v1/users/{userId}"),
          RoutePolicy::open().limit(RateRule::perAddress(QStringLiteral("profile-reads"), 1200, 60)), &UmsService::handleGetUser);
    route(HttpMethod::Put, QStringLiteral("/ums/v1/users/{userId}/profile"), RoutePolicy::ownerParam(auth, QStringLiteral("userId")),
          &UmsService::handlePutProfile);
    route(HttpMethod::Post, QStringLiteral("/ums/v1/challenges"), login, &UmsService::handleChallenge);
    route(HttpMethod::Post, QStringLiteral("/ums/v1/sessions"), login, &UmsService::handleSession);
    route(HttpMethod::Post, QStringLiteral("/ums/v1/sessions/refresh"),
          RoutePolicy::user(auth).limit(RateRule::perUser(QStringLiteral("refreshes"), 30, 600)), &UmsService::handleRefresh);
    route(HttpMethod::Delete, QStringLiteral("/ums/v1/sessions/current"), RoutePolicy::user(auth), &UmsService::handleLogout);
    // Each call adds an entry to the revocation feed every verifier polls, so it is bounded.
    route(HttpMethod::Delete, QStringLiteral("/ums/v1/users/{userId}/sessions"),
          RoutePolicy::ownerParam(auth, QStringLiteral("userId"))
              .limit(RateRule::perUser(QStringLiteral("revoke-all"), 30, 600)),
          &UmsService::handleRevokeAll);
    route(HttpMethod::Post, QStringLiteral("/ums/v1/tokens"),
          RoutePolicy::user(auth).limit(RateRule::perUser(QStringLiteral("audience-tokens"), 60, 600)),
          &UmsService::handleIssueToken);
    route(HttpMethod::Get, QStringLiteral("/ums/v1/passkey"), RoutePolicy::user(auth), &UmsService::handleGetPasskey);
    route(HttpMethod::Post, QStringLiteral("/ums/v1/passkey"),
          RoutePolicy::user(auth).limit(RateRule::perUser(QStringLiteral("passkey-rotations"), 10, 600)),
          &UmsService::handleRotatePasskey);
    // For an OMS in another mp2pd: which user a passkey belongs to. Open, because it tells only
    // the (public) user id to whoever already holds the passkey, which announces as that user
    // anyway; 256 random bits cannot be guessed, and the per-address limit bounds trying.
    route(HttpMethod::Get, QStringLiteral("/ums/v1/passkeys/{passkey}"),
          RoutePolicy::open().limit(RateRule::perAddress(QStringLiteral("passkey-lookups"), 6000, 60)),
          &UmsService::handleLookupPasskey);
    // The provider's other mp2pd processes learn logouts here (RemoteRevocations polls it).
    // Only they may read it (the service key; the handler refuses operators' user tokens): it
    // lists who logged out when. Each verifier polls every few seconds; the limit leaves room
    // for many on one address and still bounds a loop.
    route(HttpMethod::Get, QStringLiteral("/ums/v1/revocations"),
          RoutePolicy::operatorOnly(auth).maxBody(0).limit(RateRule::perAddress(QStringLiteral("revocation-feed"), 600, 60)),
          &UmsService::handleRevocations);
}

QJsonObject UmsService::health() const
{
    if (!m_store)
        return {{QStringLiteral("status"), QStringLiteral("stopped")}};
    QString error;
    const qint64 users = m_store->userCount(&error);
    if (users < 0)
        return {{QStringLiteral("status"), QStringLiteral("error")}, {QStringLiteral("message"), error}};
    return {{QStringLiteral("status"), QStringLiteral("ok")},
            {QStringLiteral("users"), users},
            {QStringLiteral("credit"), m_creditSource},
            {QStringLiteral("schemaVersion"), m_store->database().schemaVersion()}};
}

QByteArray UmsService::publicKey() const
{
    return m_issuer ? m_issuer->publicKey() : QByteArray();
}

std::optional<int> UmsService::reputationOf(const QString &userId) const
{
    if (!m_store || !isValidUserId(userId))
        return std::nullopt;
    const auto value = m_store->reputation(userId);
    if (!value)
        return std::nullopt;
    const qint64 total = *value + reputationFromCredit(creditOf(userId));
    return int(std::clamp<qint64>(total, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}

std::optional<ApiError> UmsService::checkUserIdParam(const QString &userId)
{
    if (isValidUserId(userId))
        return std::nullopt;
    ApiError e = ApiError::badRequest(QStringLiteral("invalid_value"),
                                      QStringLiteral("'%1' is not a user id").arg(userId.left(64)),
                                      QStringLiteral("userId"));
    e.hint = QStringLiteral("a user id is 40 lower-case hex characters");
    return e;
}

HttpResponse UmsService::storeFailure(const QString &what, const QString &error)
{
    qCWarning(lcUms) << what << "failed:" << error;
    return HttpResponse::error(ApiError::internal(QStringLiteral("the UMS could not %1").arg(what)));
}

HttpResponse UmsService::handleKey(const HttpRequest &) const
{
    return HttpResponse::json({{QStringLiteral("publicKey"), QString::fromLatin1(toBase64Url(publicKey()))},
                               {QStringLiteral("algorithm"), QStringLiteral("Ed25519")}});
}

HttpResponse UmsService::handleRegister(const HttpRequest &request) const
{
    QJsonObject body;
    ApiError error;
    Registration reg;
    if (!parseJsonObject(request.body, &body, &error) || !parseRegistration(body, &reg, &error))
        return HttpResponse::error(error);
    bool created = false;
    QString storeError;
    const auto user = m_store->registerUser(reg.publicKey, reg.displayName, m_clock(), &created, &storeError);
    if (!user)
        return storeFailure(QStringLiteral("register the user"), storeError);
    if (created)
        qCInfo(lcUms) << "registered user" << user->userId;
    return HttpResponse::json(profileOf(*user), created ? 201 : 200);
}

HttpResponse UmsService::handleGetUser(const HttpRequest &request) const
{
    const QString userId = request.params.value(QStringLiteral("userId"));
    if (const auto bad = checkUserIdParam(userId))
        return HttpResponse::error(*bad);
    QString storeError;
    const auto user = m_store->user(userId, &storeError);
    if (!user && !storeError.isEmpty())
        return storeFailure(QStringLiteral("read the user"), storeError);
    if (!user)
        return HttpResponse::error(ApiError::notFound(QStringLiteral("no user %1 is registered here").arg(userId)));
    return HttpResponse::json(profileOf(*user));
}

HttpResponse UmsService::handlePutProfile(const HttpRequest &request) const
{
    ApiError error;
    const QString userId = request.params.value(QStringLiteral("userId"));
    if (const auto bad = checkUserIdParam(userId))
        return HttpResponse::error(*bad);
    QJsonObject body;
    ProfileUpdate update;
    if (!parseJsonObject(request.body, &body, &error) || !parseProfileUpdate(body, &update, &error))
        return HttpResponse::error(error);
    QString storeError;
    const auto user = m_store->updateProfile(userId, update.displayName, update.network, m_clock(), &storeError);
    if (!user && !storeError.isEmpty())
        return storeFailure(QStringLiteral("update the profile"), storeError);
    if (!user)
        return HttpResponse::error(ApiError::notFound(QStringLiteral("no user %1 is registered here").arg(userId)));
    return HttpResponse::json(profileOf(*user));
}

} // namespace mp2p
