#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QObject;

namespace mp2p {

// What another service of the provider answered to a GET.
struct ServiceAnswer {
    int status = 0;       // HTTP status; 0 when nothing answered (refused, timed out, TLS)
    QJsonObject body;     // the answer's JSON object (any status); empty when it was not one
    QString problem;      // empty when the status is 200 and the body is a JSON object

    bool ok() const { return problem.isEmpty(); }
};

// base's path + path, with no doubled slash between them (base may be "http://h:1/" or "http://h:1/prefix").
QUrl serviceUrl(const QUrl &base, const QString &path);

// One GET from a provider service to another (the OMS asking the PAMS, the PAMS asking the IXS,
// ...): Accept: application/json, "Authorization: Bearer svc.<key>" when a service key is set,
// and a transfer timeout so that a server that never answers cannot hold the request. `done`
// runs on `context`'s thread, never inside this call; the caller never waits.
void getFromService(QNetworkAccessManager *network, const QUrl &url, const QByteArray &serviceKey, QObject *context,
                    std::function<void(const ServiceAnswer &)> done, int timeoutMs = 3000);

} // namespace mp2p
