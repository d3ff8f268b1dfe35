#pragma once

#include "apierror.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace mp2p {

struct HttpRequest;

// Who may call a route. The router applies it before the handler runs, so no handler repeats
// the token check, and a test can walk every route and prove each refusal.
enum class Access {
    Public,    // anyone, no credential
    User,      // any user with a valid token for this service
    Operator,  // a user the provider's config names as operator
    Owner,     // the user who owns the addressed resource, or an operator
};

// The authenticated caller, filled in by the router for every route that is not public.
struct Caller {
    QString userId;
    bool isOperator = false;
    bool isAuthenticated() const { return !userId.isEmpty(); }
};

// Checks the credential a request carries for one service (its token audience, the operator
// list). Lives behind an interface because tokens belong to core/protocol, a layer above.
class RequestAuthenticator {
public:
    virtual ~RequestAuthenticator() = default;
    // The caller, or nullopt with a 401 ApiError that says why.
    virtual std::optional<Caller> authenticate(const HttpRequest &request, ApiError *error) const = 0;
};

// For a service whose credential check exists only after start(): routes are declared with
// this stand-in, which asks `current` on every request and refuses while it returns null.
class LateAuthenticator : public RequestAuthenticator {
public:
    explicit LateAuthenticator(std::function<const RequestAuthenticator *()> current) : m_current(std::move(current)) {}
    std::optional<Caller> authenticate(const HttpRequest &request, ApiError *error) const override
    {
        if (const RequestAuthenticator *auth = m_current())
            return auth->authenticate(request, error);
        *error = ApiError{503, QStringLiteral("not_started"), QStringLiteral("the service is not running"), {},
                          QStringLiteral("try again when it has started")};
        return std::nullopt;
    }

private:
    std::function<const RequestAuthenticator *()> m_current;
};

// A rate limit the router enforces before the handler: at most `count` requests per
// `windowSecs` for each key the `key` function derives from the request (the caller's address,
// user id, or a field of the request), spent at once or spread out (a token bucket that refills
// `count` over the window). Beyond it: 429 with Retry-After.
struct RateRule {
    QString name;  // distinct per rule; also what the 429 names
    int count = 0;
    int windowSecs = 60;
    std::function<QByteArray(const HttpRequest &)> key;

    static RateRule perAddress(QString name, int count, int windowSecs);
    static RateRule perUser(QString name, int count, int windowSecs);
    // Keyed by the value of a route placeholder, e.g. "{userId}".
    static RateRule perParam(QString name, const QString &param, int count, int windowSecs);
    // Keyed by a string field of the JSON body (missing or non-string fields share one key).
    static RateRule perBodyField(QString name, const QString &field, int count, int windowSecs);
};

// What a route declares next to its path: who may call it, how big its body may be, and its
// rate limits. Built with the named constructors, e.g. RoutePolicy::user(auth).limit(...).
struct RoutePolicy {
    Access access = Access::Public;
    const RequestAuthenticator *authenticator = nullptr;
    // For Access::Owner: the owner of the addressed resource; nullopt when the resource does
    // not exist (the router answers 404). A lookup that fails answers through *error.
    std::function<std::optional<QString>(const HttpRequest &, ApiError *error)> ownerOf;
    qint64 maxBodyBytes = -1;  // -1: the router's default
    QList<RateRule> limits;

    static RoutePolicy open();
    static RoutePolicy user(const RequestAuthenticator *authenticator);
    static RoutePolicy operatorOnly(const RequestAuthenticator *authenticator);
    // The owner is the value of a route placeholder holding a user id ("/users/{userId}/...").
    static RoutePolicy ownerParam(const RequestAuthenticator *authenticator, const QString &param);
    static RoutePolicy owner(const RequestAuthenticator *authenticator,
                             std::function<std::optional<QString>(const HttpRequest &, ApiError *)> ownerOf);

    RoutePolicy limit(RateRule rule) const;
    RoutePolicy maxBody(qint64 bytes) const;
};

QString accessName(Access access);

} // namespace mp2p
