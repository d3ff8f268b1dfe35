#include "umsservice.h"

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

bool UmsService::readConfig(QString *error)
{
    const QJsonValue ttl = m_context.config.value(QStringLiteral("tokenTtlSecs"));
    if (ttl.isUndefined() || ttl.isNull()) {
        m_tokenTtlSecs = DefaultTokenTtlSecs;
        return true;
    }
    const double d = ttl.toDouble(-1);
    if (!ttl.isDouble() || d != double(qint64(d)) || d < MinTokenTtlSecs || d > MaxTokenTtlSecs) {
        *error = QStringLiteral("ums: config 'tokenTtlSecs' must be a whole number of seconds from %1 to %2")
                     .arg(MinTokenTtlSecs)
                     .arg(MaxTokenTtlSecs);
        return false;
    }
    m_tokenTtlSecs = qint64(d);
    return true;
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
    m_auth = std::make_unique<Authenticator>(m_verifier.get(), m_clock);
    qCInfo(lcUms) << "UMS started; token lifetime" << m_tokenTtlSecs << "s";
    return true;
}

void UmsService::registerRoutes(HttpRouter &router)
{
    // Every handler goes through this guard, so a request that arrives before start() (or
    // after a failed one) gets an error body instead of touching a null store.
    const auto route = [this, &router](HttpMethod method, const QString &pattern,
                                       HttpResponse (UmsService::*handler)(const HttpRequest &) const) {
        router.add(method, pattern, [this, handler](const HttpRequest &request) {
            if (!m_store)
                return HttpResponse::error(ApiError::internal(QStringLiteral("the UMS is not running")));
            return (this->*handler)(request);
        });
    };
    route(HttpMethod::Get, QStringLiteral("/ums/v1/key"), &UmsService::handleKey);
    route(HttpMethod::Post, QStringLiteral("/ums/v1/users"), &UmsService::handleRegister);
    route(HttpMethod::Get, QStringLiteral("/ums/v1/users/{userId}"), &UmsService::handleGetUser);
    route(HttpMethod::Put, QStringLiteral("/ums/v1/users/{userId}/profile"), &UmsService::handlePutProfile);
    route(HttpMethod::Post, QStringLiteral("/ums/v1/challenges"), &UmsService::handleChallenge);
    route(HttpMethod::Post, QStringLiteral("/ums/v1/sessions"), &UmsService::handleSession);
    route(HttpMethod::Post, QStringLiteral("/ums/v1/sessions/refresh"), &UmsService::handleRefresh);
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
    return int(std::clamp<qint64>(*value, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
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
    return HttpResponse::json(profileJson(*user), created ? 201 : 200);
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
    return HttpResponse::json(profileJson(*user));
}

HttpResponse UmsService::handlePutProfile(const HttpRequest &request) const
{
    ApiError error;
    const auto caller = m_auth->userFromHeader(request, &error);
    if (!caller)
        return HttpResponse::error(error);
    const QString userId = request.params.value(QStringLiteral("userId"));
    if (const auto bad = checkUserIdParam(userId))
        return HttpResponse::error(*bad);
    if (*caller != userId)
        return HttpResponse::error(ApiError::forbidden(QStringLiteral("only the user %1 may change this profile")
                                                           .arg(userId)));
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
    return HttpResponse::json(profileJson(*user));
}

} // namespace mp2p
