#pragma once

#include "httprouter.h"

#include <QHostAddress>
#include <QObject>

#include <memory>

class QHttpServer;

namespace mp2p {

// The one place that touches QtHttpServer: it feeds every request to an HttpRouter.
// Handlers run on the thread that owns this object.
class HttpServer : public QObject {
    Q_OBJECT
public:
    explicit HttpServer(const HttpRouter *router, QObject *parent = nullptr);
    ~HttpServer() override;

    // Returns the bound port, or 0 with *error set.
    quint16 listen(const QHostAddress &address, quint16 port, QString *error);
    // Serves HTTPS on the next listen() when both files load.
    bool setTls(const QString &certificatePath, const QString &keyPath, QString *error);

private:
    const HttpRouter *m_router;
    std::unique_ptr<QHttpServer> m_server;
};

} // namespace mp2p
