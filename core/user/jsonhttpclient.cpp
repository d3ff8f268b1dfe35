#include "jsonhttpclient.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace mp2p {

JsonHttpClient::JsonHttpClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
}

void JsonHttpClient::get(const QUrl &url, Callback done)
{
    start("GET", url, {}, true, std::move(done));
}

void JsonHttpClient::send(const QByteArray &method, const QUrl &url, const QJsonObject &body, Callback done)
{
    start(method, url, QJsonDocument(body).toJson(QJsonDocument::Compact), true, std::move(done));
}

void JsonHttpClient::getRaw(const QUrl &url, Callback done)
{
    start("GET", url, {}, false, std::move(done));
}

void JsonHttpClient::start(const QByteArray &method, const QUrl &url, const QByteArray &body, bool expectJson, Callback done)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    QNetworkReply *reply = m_network->sendCustomRequest(request, method, body);
    connect(reply, &QNetworkReply::finished, this, [reply, expectJson, done = std::move(done), url]() {
        reply->deleteLater();
        JsonReply out;
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.raw = reply->readAll();
        if (expectJson)
            out.body = QJsonDocument::fromJson(out.raw).object();
        if (out.status == 0) {
            out.problem = QStringLiteral("cannot reach %1 (%2); check the server URL and that the server runs")
                              .arg(url.toString(QUrl::RemoveQuery), reply->errorString());
        } else if (out.status >= 400) {
            const QString message = out.body.value(QStringLiteral("message")).toString();
            const QString hint = out.body.value(QStringLiteral("hint")).toString();
            out.problem = QStringLiteral("%1 answered %2: %3%4")
                              .arg(url.toString(QUrl::RemoveQuery))
                              .arg(out.status)
                              .arg(message.isEmpty() ? reply->errorString() : message,
                                   hint.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(hint));
        }
        done(out);
    });
}

} // namespace mp2p
