#pragma once

#include "httprouter.h"
#include "serverlimits.h"

#include <QHostAddress>
#include <QObject>

#include <memory>
#include <optional>

class QHttpServer;
class QSslConfiguration;

namespace mp2p {

// The one place that touches QtHttpServer: it feeds every request to an HttpRouter.
// Handlers run on the thread that owns this object. Every connection is held to
// ServerLimits (and the router's maxBodyBytes) on the socket, before QtHttpServer reads it:
// see LimitedTcpServer and ConnectionGuard.
class HttpServer : public QObject {
    Q_OBJECT
public:
    explicit HttpServer(const HttpRouter *router, QObject *parent = nullptr);
    ~HttpServer() override;

    // Applies to listen() calls after this one.
    void setLimits(const ServerLimits &limits) { m_limits = limits; }
    const ServerLimits &limits() const { return m_limits; }

    // Returns the bound port, or 0 with *error set.
    quint16 listen(const QHostAddress &address, quint16 port, QString *error);
    // Serves HTTPS on the next listen() when both files load.
    bool setTls(const QString &certificatePath, const QString &keyPath, QString *error);

private:
    const HttpRouter *m_router;
    std::unique_ptr<QHttpServer> m_server;
    ServerLimits m_limits;
    std::unique_ptr<QSslConfiguration> m_tls;
};

} // namespace mp2p
