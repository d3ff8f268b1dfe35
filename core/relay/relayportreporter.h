#pragma once

#include <QElapsedTimer>
#include <QJsonArray>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace mp2p {

class OrcpClient;
class ProviderClient;
class RelayServer;

// Tells the OMS which TURN allocations our RS holds, so its tracker lists "relayed=ip:port" only
// for the user whose credentials made that allocation (docs/PROTOCOL.md, ORCP relay ports). It
// sends the RS's whole live list (relayed address, user id, seconds left) with
// PUT /oms/v1/resources/{id}/relayports: at once when an allocation is made, refreshed or ends
// (never two reports in flight, at least 250 ms apart; changes meanwhile go in the next), and
// again with every ORCP keep-alive. A full list rather than deltas: a lost or refused report is healed by the next
// one, an OMS that restarted or forgot the resource gets everything back, and the OMS never has to
// order events. Used by the dedicated RS (RelayRegistration) and the volunteer role (RelayRole).
class RelayPortReporter : public QObject {
    Q_OBJECT
public:
    // ORCP takes at most this many allocations per report (OrcpApi::MaxRelayPorts); an RS states
    // its quota up to this at registration (registrationQuota()).
    static constexpr int MaxReported = 10000;
    static int registrationQuota(int maxAllocations) { return qBound(1, maxAllocations, MaxReported); }

    RelayPortReporter(RelayServer *server, OrcpClient *orcp, ProviderClient *provider, QObject *parent = nullptr);

    // The report body for the server's live allocations (only those of an mp2p user id).
    static QJsonArray allocationsOf(const RelayServer &server);
    int reportsAccepted() const { return m_accepted; }
    QString lastProblem() const { return m_problem; }

Q_SIGNALS:
    void reported(int accepted);   // the OMS stored a report with that many allocations

private:
    void schedule();
    void send();

    QPointer<RelayServer> m_server;
    QPointer<OrcpClient> m_orcp;
    QPointer<ProviderClient> m_provider;
    QTimer m_coalesce;
    QElapsedTimer m_sent;   // since the last report went out
    bool m_inFlight = false;
    bool m_again = false;
    int m_accepted = 0;
    QString m_problem;
};

} // namespace mp2p
