#pragma once

#include "connectionguard.h"
#include "serverlimits.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QtNetwork/qtnetwork-config.h>

#if QT_CONFIG(ssl)
#include <QSslConfiguration>
#endif

#include <memory>
#include <optional>

namespace mp2p {

// The listening socket HttpServer gives QtHttpServer: it caps connections per address and in
// total (over the cap a connection gets a 503 and is closed at once, so the listening socket
// never stays readable), attaches a ConnectionGuard to each socket before QtHttpServer sees
// it, does the TLS handshake itself when configured (as QSslServer would), and retries
// accepting a second later after an accept error instead of stopping for good.
class LimitedTcpServer : public QTcpServer {
    Q_OBJECT
public:
    LimitedTcpServer(const ServerLimits &limits, qint64 maxBodyBytes, QObject *parent = nullptr);
#if QT_CONFIG(ssl)
    void setSslConfiguration(const QSslConfiguration &configuration) { m_ssl = configuration; }
#endif
    int connectionCount() const { return m_tally->total; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void refuse(qintptr descriptor, const char *why);

    ServerLimits m_limits;
    int m_maxConnections;
    qint64 m_maxBodyBytes;
    std::shared_ptr<ConnectionTally> m_tally = std::make_shared<ConnectionTally>();
    QElapsedTimer m_sinceReport;  // refusals are logged as a count, at most every few seconds
    int m_refusedSinceReport = 0;
#if QT_CONFIG(ssl)
    std::optional<QSslConfiguration> m_ssl;
#endif
};

} // namespace mp2p
