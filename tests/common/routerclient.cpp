#include "routerclient.h"

#include <QUrl>

namespace mp2p::test {

HttpResponse RouterClient::call(HttpMethod method, const QString &pathAndQuery, const QByteArray &body) const
{
    const QUrl url(QStringLiteral("http://test") + pathAndQuery);
    HttpRequest request;
    request.method = method;
    request.path = url.path();
    request.rawQuery = url.query(QUrl::FullyEncoded).toLatin1();
    request.query = QUrlQuery(url);
    request.body = body;
    request.remoteAddress = QHostAddress(QStringLiteral("127.0.0.1"));
    if (!token.isEmpty())
        request.headers.insert("authorization", "Bearer " + token.toLatin1());
    if (!body.isEmpty())
        request.headers.insert("content-type", "application/json");
    return router->dispatch(request);
}

HttpResponse RouterClient::post(const QString &path, const QJsonObject &body) const
{
    return call(HttpMethod::Post, path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResponse RouterClient::put(const QString &path, const QJsonObject &body) const
{
    return call(HttpMethod::Put, path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResponse RouterClient::patch(const QString &path, const QJsonObject &body) const
{
    return call(HttpMethod::Patch, path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QJsonObject jsonOf(const HttpResponse &response)
{
    return QJsonDocument::fromJson(response.body).object();
}

TestUser makeUser(const TokenIssuer &issuer, qint64 nowSecs, qint64 ttlSecs)
{
    TestUser u{KeyPair::generate(), {}, {}};
    u.userId = userIdForPublicKey(u.key.publicKey());
    u.token = issuer.issue(u.userId, nowSecs, ttlSecs);
    return u;
}

} // namespace mp2p::test
