#pragma once

#include "apierror.h"
#include "ratelimiter.h"
#include "routepolicy.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>
#include <QUrlQuery>

#include <functional>

namespace mp2p {

enum class HttpMethod { Get, Post, Put, Patch, Delete, Head, Options, Other };

// A request as our handlers see it: no QtHttpServer type leaks past this file pair, because
// QtHttpServer 6.4 is a technology preview whose API changes in later Qt releases.
struct HttpRequest {
    HttpMethod method = HttpMethod::Get;
    QString path;
    QHash<QString, QString> params;  // values of {placeholders} in the matched route
    QUrlQuery query;
    QByteArray rawQuery;             // the query string exactly as sent (for binary values)
    QByteArray body;
    QHostAddress remoteAddress;
    QHash<QByteArray, QByteArray> headers;  // names lower-cased
    Caller caller;                   // set by the router from the route's policy

    QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
    // The percent-decoded bytes of a query value (BitTorrent's info_hash and peer_id are binary).
    QByteArray rawQueryValue(const QByteArray &name) const;
    bool hasQueryItem(const QByteArray &name) const;
};

struct HttpResponse {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static HttpResponse json(const QJsonObject &object, int status = 200);
    static HttpResponse json(const QJsonArray &array, int status = 200);
    static HttpResponse error(const ApiError &error);
    static HttpResponse raw(QByteArray contentType, QByteArray body, int status = 200);
    static HttpResponse noContent();
};

using HttpHandler = std::function<HttpResponse(const HttpRequest &)>;

// What a test (or an operator's listing) sees of a registered route.
struct RouteInfo {
    HttpMethod method;
    QString pattern;
    Access access;
    QStringList limits;  // the names of its rate rules
};

// Matches method + path patterns such as "/ixs/v1/content/{id}", applies the route's policy
// (body size, credential, owner, rate limits) and only then calls the handler. Unknown paths
// get 404, a known path with another method 405 (QtHttpServer 6.4 says 404 for both), bodies
// over the limit 413, a missing or bad credential 401, a caller without the right 403, too
// many requests 429 with Retry-After — all with the JSON error body.
class HttpRouter {
public:
    void add(HttpMethod method, const QString &pattern, RoutePolicy policy, HttpHandler handler);
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }
    qint64 maxBodyBytes() const { return m_maxBodyBytes; }
    // The largest body any route accepts: what the connection layer lets through.
    qint64 largestBodyBytes() const;

    // An operator's setting for the rate rule of that name, on every route that declares it.
    void overrideLimit(const QString &ruleName, int count, int windowSecs) { m_limitOverrides.insert(ruleName, {count, windowSecs}); }
    // The names of every rate rule the routes declare (to check a config's names against).
    QSet<QString> limitNames() const;

    HttpResponse dispatch(HttpRequest request) const;
    QList<RouteInfo> routes() const;
    RateLimiter &rateLimiter() const { return m_limiter; }

private:
    struct Route {
        HttpMethod method;
        QString pattern;
        QStringList segments;  // "{name}" marks a placeholder
        RoutePolicy policy;
        HttpHandler handler;
    };
    static bool match(const Route &route, const QStringList &segments, QHash<QString, QString> *params);
    // Runs the policy; returns an error response, or nullopt when the handler may run.
    std::optional<HttpResponse> admit(const Route &route, HttpRequest &request) const;

    QList<Route> m_routes;
    qint64 m_maxBodyBytes = 1 << 20;
    mutable RateLimiter m_limiter;
    QHash<QString, QPair<int, int>> m_limitOverrides;  // rule name -> (count, windowSecs)
};

// Parses a JSON object body; on failure returns false and an ApiError that names the problem.
bool parseJsonObject(const QByteArray &body, QJsonObject *out, ApiError *error);

} // namespace mp2p
