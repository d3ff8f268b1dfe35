#pragma once

#include "../service.h"
#include "consentservice.h"
#include "creditservice.h"
#include "localactivitysource.h"
#include "pamsmessages.h"
#include "pamsstore.h"

#include <QJsonObject>

#include <atomic>
#include <functional>
#include <memory>

namespace mp2p {

// The Peer Activity Management Server: R2 (X.609.1 PAMP: registration, status report,
// unregistration) and R1 (peer state for the OMS), as in docs/PROTOCOL.md "PAMS".
//
// Config (ServiceContext::config): reportIntervalSecs (60) — the nextReportSecs told to peers;
// historyDays (30) — how long report history is kept.
// What the PAMS checks reports and receipts against, from the services that know the overlays:
// the host wires them from the OMS (swarms) and the IXS (content records). Unset = not checked.
struct OverlayFacts {
    // Whether the overlay exists (the OMS knows it); a report naming another one is refused.
    std::function<bool(const QString &overlayId)> overlayKnown;
    // The content's size; a report's `downloaded` above ReDownloadFactor × size is refused, and
    // no receipt is credited above it.
    std::function<std::optional<qint64>(const QString &overlayId)> contentSize;
    bool requireContentSize = false;  // credit only overlays whose size is known
    // Co-presence in the overlay's swarm (CreditFacts::coPresent; nullopt = not known yet).
    std::function<std::optional<bool>(const QString &overlayId, const QString &downloaderId, const QString &uploaderId,
                                      qint64 time)>
        coPresent;
    std::function<QString()> coPresenceProblem;  // why co-presence is not known yet (for the 503)
};

class PamsService : public P2pspService {
public:
    // A peer may download content again (a lost file, a re-check), so its reported downloads may
    // exceed the size, but not by more than this factor.
    static constexpr qint64 ReDownloadFactor = 2;
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
    // Call after start(), before serving.
    void setOverlayFacts(OverlayFacts facts);

private:
    HttpResponse registerPeer(const HttpRequest &request);
    HttpResponse report(const HttpRequest &request);
    HttpResponse unregisterPeer(const HttpRequest &request);
    HttpResponse getPeer(const HttpRequest &request) const;
    HttpResponse overlayPeers(const HttpRequest &request) const;
    bool readConfig(QString *error);
    bool startCredit(QString *error);
    std::optional<ApiError> overlayProblem(const OverlayReport &overlay, const QString &where) const;
    void maybeSweep();

    ServiceContext m_context;
    Authenticator m_auth;
    std::unique_ptr<PamsStore> m_store;
    std::unique_ptr<LocalPeerActivitySource> m_activitySource;
    std::unique_ptr<CreditService> m_credit;
    std::unique_ptr<ConsentService> m_consent;
    OverlayFacts m_overlayFacts;
    qint64 m_reportIntervalSecs = 60;
    qint64 m_historyDays = 30;
    std::atomic<qint64> m_lastSweepAt{0};
};

} // namespace mp2p
