#include "httprouter.h"

#include <QJsonArray>
#include <QJsonParseError>

namespace mp2p {

QByteArray HttpRequest::rawQueryValue(const QByteArray &name) const
{
    // Split by hand on '&' and '=' only: QUrlQuery re-encodes binary values (PITFALLS.md),
    // and the tracker's info_hash must come back as exactly the 20 bytes the client sent.
    for (const QByteArray &pair : rawQuery.split('&')) {
        const int eq = pair.indexOf('=');
        const QByteArray key = eq < 0 ? pair : pair.left(eq);
        if (key == name)
            return QByteArray::fromPercentEncoding(eq < 0 ? QByteArray() : pair.mid(eq + 1));
    }
    return {};
}

bool HttpRequest::hasQueryItem(const QByteArray &name) const
{
    for (const QByteArray &pair : rawQuery.split('&')) {
        const int eq = pair.indexOf('=');
        if ((eq < 0 ? pair : pair.left(eq)) == name)
            return true;
    }
    return false;
}

HttpResponse HttpResponse::json(const QJsonObject &object, int status)
{
    return {status, "application/json", QJsonDocument(object).toJson(QJsonDocument::Compact), {}};
}

HttpResponse HttpResponse::json(const QJsonArray &array, int status)
{
    return {status, "application/json", QJsonDocument(array).toJson(QJsonDocument::Compact), {}};
}

HttpResponse HttpResponse::error(const ApiError &error)
{
    return json(error.toJson(), error.status);
}

HttpResponse HttpResponse::raw(QByteArray contentType, QByteArray body, int status)
{
    return {status, std::move(contentType), std::move(body), {}};
}

HttpResponse HttpResponse::noContent()
{
    return {204, {}, {}, {}};
}

void HttpRouter::add(HttpMethod method, const QString &pattern, RoutePolicy policy, HttpHandler handler)
{
    Q_ASSERT_X(policy.access == Access::Public || policy.authenticator, "HttpRouter::add",
               "a route that needs a caller must name how to authenticate one");
    m_routes.append({method, pattern, pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts), std::move(policy),
                     std::move(handler)});
}

qint64 HttpRouter::largestBodyBytes() const
{
    qint64 largest = m_maxBodyBytes;
    for (const Route &route : m_routes)
        largest = std::max(largest, route.policy.maxBodyBytes);
    return largest;
}

QSet<QString> HttpRouter::limitNames() const
{
    QSet<QString> names;
    for (const Route &route : m_routes)
        for (const RateRule &rule : route.policy.limits)
            names.insert(rule.name);
    return names;
}

QList<RouteInfo> HttpRouter::routes() const
{
    QList<RouteInfo> out;
    for (const Route &route : m_routes) {
        QStringList limits;
        for (const RateRule &rule : route.policy.limits)
            limits.append(rule.name);
        out.append({route.method, route.pattern, route.policy.access, limits});
    }
    return out;
}

std::optional<HttpResponse> HttpRouter::admit(const Route &route, HttpRequest &request) const
{
    const RoutePolicy &policy = route.policy;
    const qint64 maxBody = policy.maxBodyBytes >= 0 ? policy.maxBodyBytes : m_maxBodyBytes;
    if (request.body.size() > maxBody)
        return HttpResponse::error(ApiError::tooLarge(maxBody));

    if (policy.access != Access::Public) {
        ApiError error;
        const std::optional<Caller> caller = policy.authenticator->authenticate(request, &error);
        if (!caller)
            return HttpResponse::error(error);
        request.caller = *caller;
        if (policy.access == Access::Operator && !caller->isOperator) {
            ApiError e = ApiError::forbidden(QStringLiteral("only the provider's operators may call %1").arg(route.pattern));
            e.hint = QStringLiteral("log in with a key the provider's config lists under \"operators\"");
            return HttpResponse::error(e);
        }
        if (policy.access == Access::Owner && !caller->isOperator) {
            const std::optional<QString> owner = policy.ownerOf(request, &error);
            if (!owner && !error.code.isEmpty())
                return HttpResponse::error(error);
            if (!owner)
                return HttpResponse::error(ApiError::notFound(QStringLiteral("no such resource: %1").arg(request.path)));
            if (*owner != caller->userId)
                return HttpResponse::error(ApiError::forbidden(QStringLiteral("this resource belongs to another user")));
        }
    }

    for (const RateRule &rule : policy.limits) {
        const QByteArray key = rule.name.toUtf8() + '\0' + rule.key(request);
        const QPair<int, int> limit = m_limitOverrides.value(rule.name, {rule.count, rule.windowSecs});
        if (const int wait = m_limiter.take(key, limit.first, limit.second); wait > 0) {
            HttpResponse response = HttpResponse::error(ApiError::tooManyRequests(rule.name, wait));
            response.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(wait)});
            return response;
        }
    }
    return std::nullopt;
}

bool HttpRouter::match(const Route &route, const QStringList &segments, QHash<QString, QString> *params)
{
    if (route.segments.size() != segments.size())
        return false;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &want = route.segments.at(i);
        if (want.startsWith(QLatin1Char('{')) && want.endsWith(QLatin1Char('}'))) {
            if (params)
                params->insert(want.mid(1, want.size() - 2), segments.at(i));
        } else if (want != segments.at(i)) {
            return false;
        }
    }
    return true;
}

HttpResponse HttpRouter::dispatch(HttpRequest request) const
{
    if (request.body.size() > largestBodyBytes())
        return HttpResponse::error(ApiError::tooLarge(largestBodyBytes()));

    const QStringList segments = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    bool pathKnown = false;
    for (const Route &route : m_routes) {
        QHash<QString, QString> params;
        if (!match(route, segments, &params))
            continue;
        pathKnown = true;
        const bool headOnGet = request.method == HttpMethod::Head && route.method == HttpMethod::Get;
        if (route.method != request.method && !headOnGet)
            continue;
        request.params = std::move(params);
        if (std::optional<HttpResponse> refused = admit(route, request)) {
            if (headOnGet)
                refused->body.clear();
            return *refused;
        }
        HttpResponse response = route.handler(request);
        if (headOnGet)
            response.body.clear();
        return response;
    }
    if (pathKnown) {
        ApiError e{405, QStringLiteral("method_not_allowed"),
                   QStringLiteral("%1 does not accept this method").arg(request.path), {}, {}};
        return HttpResponse::error(e);
    }
    return HttpResponse::error(ApiError::notFound(QStringLiteral("no such resource: %1").arg(request.path)));
}

bool parseJsonObject(const QByteArray &body, QJsonObject *out, ApiError *error)
{
    if (body.trimmed().isEmpty()) {
        *error = ApiError::badRequest(QStringLiteral("empty_body"),
                                      QStringLiteral("the request needs a JSON object body"));
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = ApiError::badRequest(QStringLiteral("invalid_json"),
                                      QStringLiteral("the body is not valid JSON: %1 at offset %2")
                                          .arg(parseError.errorString())
                                          .arg(parseError.offset));
        return false;
    }
    if (!doc.isObject()) {
        *error = ApiError::badRequest(QStringLiteral("invalid_json"),
                                      QStringLiteral("the body must be a JSON object"));
        return false;
    }
    *out = doc.object();
    return true;
}

} // namespace mp2p
