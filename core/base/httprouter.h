#pragma once

#include "apierror.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
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

// Matches method + path patterns such as "/ixs/v1/content/{id}" and calls the handler.
// Unknown paths get 404, a known path with another method 405 (QtHttpServer 6.4 says 404
// for both), and bodies over the limit 413 — all with the JSON error body.
class HttpRouter {
public:
    void add(HttpMethod method, const QString &pattern, HttpHandler handler);
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }
    qint64 maxBodyBytes() const { return m_maxBodyBytes; }

    HttpResponse dispatch(HttpRequest request) const;

private:
    struct Route {
        HttpMethod method;
        QStringList segments;  // "{name}" marks a placeholder
        HttpHandler handler;
    };
    static bool match(const Route &route, const QStringList &segments, QHash<QString, QString> *params);

    QList<Route> m_routes;
    qint64 m_maxBodyBytes = 1 << 20;
};

// Parses a JSON object body; on failure returns false and an ApiError that names the problem.
bool parseJsonObject(const QByteArray &body, QJsonObject *out, ApiError *error);

} // namespace mp2p
