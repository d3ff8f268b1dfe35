#include "relayportreporter.h"

#include "relayserver.h"

#include <cache/orcpclient.h>
#include <protocol/keys.h>
#include <user/provider/providerclient.h>

#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcRelayPorts, "mp2p.rs.ports")

namespace mp2p {

namespace {
// Reports at most every 250 ms (≤ 240 a minute plus keep-alives: under ORCP's 300 per minute), the
// first at once, so a new allocation is at the OMS before its holder's announce in practice.
constexpr int MinGapMs = 250;
constexpr int RetryMs = 5000;            // after a refusal (e.g. 429): the keep-alive would do too
constexpr qint64 MaxLifetimeSecs = 3600; // what ORCP accepts; a longer allocation is reported again on refresh
}

RelayPortReporter::RelayPortReporter(RelayServer *server, OrcpClient *orcp, ProviderClient *provider, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_orcp(orcp)
    , m_provider(provider)
{
    m_coalesce.setSingleShot(true);
    connect(&m_coalesce, &QTimer::timeout, this, &RelayPortReporter::send);
    connect(server, &RelayServer::allocationsChanged, this, &RelayPortReporter::schedule);
    // A (re)registration gets the full list at once, and each keep-alive reply carries it again.
    connect(orcp, &OrcpClient::registered, this, &RelayPortReporter::schedule);
    connect(orcp, &OrcpClient::updated, this, &RelayPortReporter::schedule);
}

QJsonArray RelayPortReporter::allocationsOf(const RelayServer &server)
{
    QJsonArray out;
    for (const RelayAllocationInfo &a : server.allocations()) {
        // Closed ones (still awaiting deletion) and static TURN users, who are no mp2p user and
        // so can never be the announcing user, are left out.
        if (a.expiresInMs <= 0 || !isValidUserId(a.userId) || a.relayedPort == 0 || out.size() >= MaxReported)
            continue;
        bool isV4 = false;
        const quint32 v4 = a.relayedAddress.toIPv4Address(&isV4);
        const QString ip = isV4 ? QHostAddress(v4).toString() : QStringLiteral("[%1]").arg(a.relayedAddress.toString());
        const qint64 secs = qBound<qint64>(1, (a.expiresInMs + 999) / 1000, MaxLifetimeSecs);
        out.append(QJsonObject{{QStringLiteral("relayedAddress"), QStringLiteral("%1:%2").arg(ip).arg(a.relayedPort)},
                               {QStringLiteral("userId"), a.userId},
                               {QStringLiteral("expiresInSecs"), secs}});
    }
    return out;
}

void RelayPortReporter::schedule()
{
    if (m_inFlight)
        m_again = true;
    else if (!m_coalesce.isActive())   // same event-loop pass: one report for all its changes
        m_coalesce.start(m_sent.isValid() ? int(qBound(qint64(0), MinGapMs - m_sent.elapsed(), qint64(MinGapMs))) : 0);
}

void RelayPortReporter::send()
{
    if (!m_server || !m_orcp || !m_provider || m_orcp->resourceId().isEmpty())
        return;   // registered() schedules the first report
    m_inFlight = true;
    m_again = false;
    m_sent.start();
    const QJsonObject body{{QStringLiteral("allocations"), allocationsOf(*m_server)}};
    const QString path = QStringLiteral("/oms/v1/resources/%1/relayports").arg(m_orcp->resourceId());
    const QPointer<RelayPortReporter> guard(this);
    m_provider->call("PUT", QStringLiteral("oms"), path, body, [this, guard](const JsonReply &r) {
        if (!guard)
            return;
        m_inFlight = false;
        if (r.ok()) {
            m_accepted = r.body.value(QStringLiteral("accepted")).toInt();
            m_problem.clear();
            Q_EMIT reported(m_accepted);
        } else if (r.status != 404) {   // 404: the keep-alive re-registers, and registered() reports
            m_problem = QStringLiteral("the OMS did not take this relay's allocation list (%1); retrying").arg(r.problem);
            qCWarning(lcRelayPorts).noquote() << m_problem;
            QTimer::singleShot(RetryMs, this, &RelayPortReporter::schedule);
        }
        if (m_again)
            schedule();
    });
}

} // namespace mp2p
