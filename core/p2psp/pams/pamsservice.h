#pragma once

#include "../service.h"
#include "consentservice.h"
#include "creditservice.h"
#include "localactivitysource.h"
#include "pamsstore.h"

#include <QJsonObject>

#include <atomic>
#include <memory>

namespace mp2p {

// The Peer Activity Management Server: R2 (X.609.1 PAMP: registration, status report,
// unregistration) and R1 (peer state for the OMS), as in docs/PROTOCOL.md "PAMS".
//
// Config (ServiceContext::config): reportIntervalSecs (60) — the nextReportSecs told to peers;
// historyDays (30) — how long report history is kept.
class PamsService : public P2pspService {
public:
    explicit PamsService(ServiceContext context);
    ~PamsService() override;

    QString name() const override { return QStringLiteral("pams"); }
    bool start(QString *error) override;
    void registerRoutes(HttpRouter &router) override;
    QJsonObject health() const override;
    void stop() override;

    // The in-process R1 view for an OMS in the same mp2pd; valid after start() until stop().
    const PeerActivitySource *activitySource() const { return m_activitySource.get(); }
    // Removes report history older than historyDays; also runs at start and, at most hourly,
    // after reports. Returns the rows removed, or -1 on a store error.
    qint64 sweepHistory();
    PamsStore *store() const { return m_store.get(); }
    // Contribution credit (creditservice.h); valid after start() until stop().
    CreditService *credit() const { return m_credit.get(); }
    // Volunteer consent (consentservice.h); the OMS asks hasCurrentConsent() before listing a
    // volunteer's relay or cache. Valid after start() until stop().
    ConsentService *consent() const { return m_consent.get(); }

private:
    HttpResponse registerPeer(const HttpRequest &request);
    HttpResponse report(const HttpRequest &request);
    HttpResponse unregisterPeer(const HttpRequest &request);
    HttpResponse getPeer(const HttpRequest &request) const;
    HttpResponse overlayPeers(const HttpRequest &request) const;
    bool readConfig(QString *error);
    bool startCredit(QString *error);
    void maybeSweep();

    ServiceContext m_context;
    Authenticator m_auth;
    std::unique_ptr<PamsStore> m_store;
    std::unique_ptr<LocalPeerActivitySource> m_activitySource;
    std::unique_ptr<CreditService> m_credit;
    std::unique_ptr<ConsentService> m_consent;
    qint64 m_reportIntervalSecs = 60;
    qint64 m_historyDays = 30;
    std::atomic<qint64> m_lastSweepAt{0};
};

} // namespace mp2p
