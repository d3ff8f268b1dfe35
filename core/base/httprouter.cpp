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

void HttpRouter::add(HttpMethod method, const QString &pattern, HttpHandler handler)
{
    m_routes.append({method, pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts), std::move(handler)});
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
    if (request.body.size() > m_maxBodyBytes)
        return HttpResponse::error(ApiError::tooLarge(m_maxBodyBytes));

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
