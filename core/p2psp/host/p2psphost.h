#pragma once

#include "hostconfig.h"

#include <base/httprouter.h>
#include <protocol/token.h>

#include <QObject>

#include <memory>
#include <vector>

class QNetworkAccessManager;

namespace mp2p {

class AltoClient;
class EmbeddedUnis;
class HttpServer;
class IxsService;
class PamsService;
class NetworkMapView;
class OmsService;
class P2pspService;
class PeerActivitySource;
class RemoteConsentCheck;
class RemotePasskeys;
class RemoteRevocations;
class RemoteContentSize;
class RemoteCoPresence;

// Runs the configured P2PSP services in one process on one port, wires them together
// (tokens from the UMS key; R1 from the PAMS to the OMS, in-process or over HTTP) and
// serves the directory /.well-known/mp2p and /healthz.
class P2pspHost : public QObject {
    Q_OBJECT
public:
    // How long start() waits for a remote UMS's revocation feed before serving anyway.
    static constexpr int RevocationStartWaitMs = 5000;

    explicit P2pspHost(HostConfig config, QObject *parent = nullptr);
    ~P2pspHost() override;

    bool start(QString *error);
    // Every route of every service this host runs, with its policy (a test walks it).
    const HttpRouter &router() const { return m_router; }
    void stop();

    quint16 port() const { return m_port; }
    QString baseUrl() const { return m_baseUrl; }
    QJsonObject directory() const;

private:
    bool obtainUmsPublicKey(QByteArray *key, QString *error);
    bool startServices(QString *error);
    // The revocation check of a server whose UMS runs elsewhere: its feed, read once before serving.
    void followRemoteRevocations();
    bool startEmbeddedUnis(QString *error);
    // R3: the OMS ranks peer lists by the UNIS maps when its config names a UNIS ("oms.unis").
    bool connectOmsToUnis(OmsService *oms, const PeerActivitySource *activity, QString *error);
    // PAMS credit checked against the OMS's swarms and the IXS's content sizes (either may be null).
    void wireCreditChecks(PamsService *pams, IxsService *ixs, OmsService *oms);
    void registerHostRoutes();
    QString serviceUrl(const QString &service) const;

    HostConfig m_config;
    HttpRouter m_router;
    std::unique_ptr<HttpServer> m_http;
    std::unique_ptr<TokenVerifier> m_tokens;
    QNetworkAccessManager *m_network = nullptr;
    std::unique_ptr<PeerActivitySource> m_remotePams;
    std::unique_ptr<PeerActivitySource> m_localPams;  // R1 in-process, with credit
    std::unique_ptr<RemotePasskeys> m_remotePasskeys;  // tracker passkeys at a remote UMS
    std::unique_ptr<RemoteRevocations> m_remoteRevocations;  // logouts at a remote UMS
    std::unique_ptr<RemoteConsentCheck> m_remoteConsent;  // R8 volunteer consent at a remote PAMS
    std::unique_ptr<RemoteContentSize> m_remoteContentSize;  // credit caps from a remote IXS
    std::unique_ptr<RemoteCoPresence> m_remoteCoPresence;    // credit co-presence from a remote OMS
    std::vector<std::unique_ptr<P2pspService>> m_services;
    std::vector<std::unique_ptr<AltoClient>> m_altoClients;
    std::unique_ptr<EmbeddedUnis> m_unis;
    std::unique_ptr<NetworkMapView> m_networkView;
    quint16 m_port = 0;
    QString m_baseUrl;
};

} // namespace mp2p
