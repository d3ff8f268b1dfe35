#pragma once

#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace mp2p {

class OrcpClient;
class ProviderClient;
class RelayPortReporter;
class RelayServer;

struct RelayRegistrationConfig {
    QUrl providerUrl;        // the P2PSP whose OMS hands this relay out (its /.well-known/mp2p)
    QString identityDir;     // identity.key (Ed25519, 0600) lives here; made on first start
    QHostAddress address;    // where peers reach the relay (null/any: the OMS takes the connection's)
    qint64 uploadBps = 0;    // stated upload capacity (the broker prefers more)
    QString region;          // stated PID, used only when the OMS's UNIS map does not place the address
};

// A dedicated RS (`mp2pd --services rs` with a provider) at its provider's OMS (ORCP, R8): it
// logs in to the provider's UMS with a service identity of its own (like any peer: an Ed25519
// key in identity.key), registers as type "rs", mode "dedicated" through the OrcpClient the CS and
// the volunteer RS use, adopts the TURN REST secret the OMS issues in its owner-only replies
// (RelayServer::setAuthSecret), so the OMS's broker (POST /oms/v1/relays/credentials) mints
// credentials this relay accepts, keeps the registration alive, and deregisters on stop().
// The service identity is also the RS owner that relay receipts credit.
class RelayRegistration : public QObject {
    Q_OBJECT
public:
    RelayRegistration(RelayRegistrationConfig config, RelayServer *server, QNetworkAccessManager *network,
                      QObject *parent = nullptr);
    ~RelayRegistration() override;

    // Loads or creates the identity and starts logging in; registers once logged in (and again
    // after the OMS forgot it). Fails only when the identity cannot be read or written.
    bool start(QString *error);
    // Stops the keep-alives and deregisters; stopped() follows once the OMS was told (or could not be).
    void stop();

    QString ownerId() const { return m_ownerId; }  // the service identity's user id
    QString resourceId() const;
    bool hasOmsSecret() const { return m_secretAdopted; }
    QJsonObject status() const;   // for /rs/healthz
    ProviderClient *provider() const { return m_provider.get(); }
    RelayPortReporter *portReporter() const { return m_ports.get(); }

Q_SIGNALS:
    void registered(const QString &resourceId);
    void secretAdopted();
    void stopped();

private:
    QJsonObject registration() const;
    void adopt(const QJsonObject &resource);

    RelayRegistrationConfig m_config;
    RelayServer *m_server;
    QNetworkAccessManager *m_network;
    std::unique_ptr<ProviderClient> m_provider;
    std::unique_ptr<OrcpClient> m_orcp;
    std::unique_ptr<RelayPortReporter> m_ports;   // the allocation list the OMS checks "relayed=" against
    QString m_ownerId;
    QString m_lastProblem;
    bool m_secretAdopted = false;
};

} // namespace mp2p
