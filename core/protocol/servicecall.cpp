#include "servicecall.h"

#include "auth.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace mp2p {

QUrl serviceUrl(const QUrl &base, const QString &path)
{
    QUrl url = base;
    QString prefix = url.path();
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    url.setPath(prefix + path);
    return url;
}

void getFromService(QNetworkAccessManager *network, const QUrl &url, const QByteArray &serviceKey, QObject *context,
                    std::function<void(const ServiceAnswer &)> done, int timeoutMs)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    request.setRawHeader("Accept", "application/json");
    if (!serviceKey.isEmpty())
        request.setRawHeader("Authorization", Authenticator::serviceAuthorization(serviceKey));
    QNetworkReply *reply = network->get(request);
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, done = std::move(done)] {
        reply->deleteLater();
        ServiceAnswer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll());
        answer.body = doc.object();
        if (answer.status == 0)
            answer.problem = reply->errorString();
        else if (answer.status != 200)
            answer.problem = QStringLiteral("HTTP status %1").arg(answer.status);
        else if (!doc.isObject())
            answer.problem = QStringLiteral("the answer is not a JSON object");
        done(answer);
    });
}

} // namespace mp2p
