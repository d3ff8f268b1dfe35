#pragma once

#include "unisservice.h"

#include <base/httpserver.h>

#include <QHostAddress>
#include <QObject>

#include <memory>
#include <optional>

namespace mp2p {

// The UNIS as a running server: a config file, the ALTO service on an HttpServer (HTTPS when
// the config names a certificate and key), and reload() for SIGHUP. mp2p-unis is a thin main
// around this; the desktop app can embed one the same way.
class UnisServer : public QObject {
    Q_OBJECT
public:
    UnisServer(QString configPath, Clock clock, QObject *parent = nullptr);
    ~UnisServer() override;

    // Loads the config and listens (flags override the config's server.listen/port).
    bool start(std::optional<QHostAddress> listen, std::optional<quint16> port, QString *error);
    // Re-reads the config file; on error the old map keeps serving (the error is logged).
    bool reload(QString *error = nullptr);

    quint16 port() const { return m_port; }
    QString baseUrl() const;
    UnisService *service() const { return m_service.get(); }

Q_SIGNALS:
    void reloaded(bool ok, const QString &error);

private:
    QString m_configPath;
    Clock m_clock;
    std::unique_ptr<UnisService> m_service;
    std::unique_ptr<HttpServer> m_http;
    QHostAddress m_address;
    quint16 m_port = 0;
    bool m_tls = false;
};

} // namespace mp2p
