#include "omsservice.h"

#include "cachescheduler.h"
#include "copresenceapi.h"
#include "orcpapi.h"
#include "overlayapi.h"
#include "peerapi.h"
#include "presencestore.h"
#include "relaybroker.h"
#include "tracker.h"

#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcOmsPresence, "mp2p.oms.presence")

namespace mp2p {

namespace {
// The parts are built in the constructor; a bad config is reported by start(), which refuses it.
OmsConfig configOrDefaults(const QJsonObject &json, QString *error)
{
    return OmsConfig::fromJson(json, error).value_or(OmsConfig{});
}
} // namespace

OmsService::OmsService(ServiceContext context, const PeerActivitySource *pams)
    : m_context(std::move(context))
    , m_state(std::make_unique<OmsState>(configOrDefaults(m_context.config, &m_configError), m_context.authenticator(),
                                         m_context.clock ? m_context.clock : systemClock(), pams))
    , m_tracker(std::make_unique<Tracker>(*m_state))
    , m_overlays(std::make_unique<OverlayApi>(*m_state))
    , m_peers(std::make_unique<PeerApi>(*m_state))
    , m_caching(std::make_unique<CacheScheduler>(*m_state))
    , m_orcp(std::make_unique<OrcpApi>(*m_state, *m_caching))
    , m_broker(std::make_unique<RelayBroker>(*m_state))
    , m_copresence(std::make_unique<CoPresenceApi>(*m_state))
    , m_presence(std::make_unique<PresenceStore>())
{
}

OmsService::~OmsService() = default;

bool OmsService::start(QString *error)
{
    if (!m_configError.isEmpty()) {
        if (error)
            *error = m_configError;
        return false;
    }
    if (!m_context.tokens) {
        if (error)
            *error = QStringLiteral("the OMS needs the UMS public key to verify tokens");
        return false;
    }
    if (!m_state->store.open(m_context.dataDir, error))
        return false;
    const std::optional<QList<Overlay>> overlays = m_state->store.all(error);
    if (!overlays)
        return false;
    // The tracker checks overlay existence in memory only (no SQL per announce).
    for (const Overlay &o : *overlays)
        m_state->registry.addOverlay(QByteArray::fromHex(o.overlayId.toLatin1()),
                                     QByteArray::fromHex(o.infoHashV2.toLatin1()).left(20));
    // Co-presence (credit) survives a restart: who was in which swarm within the window.
    if (!m_presence->open(m_context.dataDir, error))
        return false;
    const qint64 now = m_state->clock();
    const auto sightings = m_presence->load(now - m_state->registry.presenceWindow(), error);
    if (!sightings)
        return false;
    m_state->registry.restorePresence(*sightings, now);

    // Lazy expiry covers swarms that see announces; the sweep frees swarms nobody touches.
    m_sweepTimer = std::make_unique<QTimer>();
    m_sweepTimer->setInterval(1000 * qBound(5, m_state->config.peerTtlSecs / 2, 60));
    QObject::connect(m_sweepTimer.get(), &QTimer::timeout, [this] { sweepExpiredPeers(); });
    m_sweepTimer->start();

    m_state->pool.attach(m_state->store.database());
    m_state->relaySecrets.attach(m_state->store.database());
    m_caching->refreshSnapshot();
    m_cacheTimer = std::make_unique<QTimer>();
    m_cacheTimer->setInterval(1000 * m_state->config.cacheIntervalSecs);
    QObject::connect(m_cacheTimer.get(), &QTimer::timeout, [this] { runCachingJob(); });
    m_cacheTimer->start();
    m_started = true;
    return true;
}

void OmsService::registerRoutes(HttpRouter &router)
{
    m_tracker->registerRoutes(router);
    m_overlays->registerRoutes(router);
    m_peers->registerRoutes(router);
    m_orcp->registerRoutes(router);
    m_broker->registerRoutes(router);
    m_copresence->registerRoutes(router);
}

QJsonObject OmsService::health() const
{
    return {{QStringLiteral("status"), m_started ? QStringLiteral("ok") : QStringLiteral("stopped")},
            {QStringLiteral("overlays"), m_state->registry.overlayCount()},
            {QStringLiteral("peers"), m_state->registry.peerCount()},
            {QStringLiteral("resources"), m_started ? int(m_state->pool.live(QString(), m_state->clock(), nullptr).value_or(QList<Resource>()).size()) : 0}};
}

void OmsService::stop()
{
    if (m_started)
        savePresence();
    m_sweepTimer.reset();
    m_cacheTimer.reset();
    m_started = false;
}

void OmsService::setRanking(std::shared_ptr<const PeerRanking> ranking)
{
    if (ranking)
        m_state->ranking = std::move(ranking);
}

int OmsService::sweepExpiredPeers()
{
    const int removed = m_state->registry.sweep(m_state->clock());
    if (m_started)
        savePresence();
    return removed;
}

void OmsService::savePresence()
{
    const QList<PresenceSighting> changed = m_state->registry.takeChangedPresence();
    QString error;
    if (!m_presence->save(changed, m_state->clock() - m_state->registry.presenceWindow(), &error))
        qCWarning(lcOmsPresence) << "the co-presence record could not be saved (receipts signed before a restart may be refused "
                      "until both users announce again):" << error;
}

} // namespace mp2p

namespace mp2p {

void OmsService::setPasskeyResolver(std::function<std::optional<QString>(const QString &passkey)> resolver)
{
    m_state->passkeyOwner = std::move(resolver);
}

void OmsService::setVolunteerConsentCheck(std::function<bool(const QString &userId, const QString &type)> check)
{
    if (!check) {
        m_state->volunteerConsent = nullptr;
        return;
    }
    m_state->volunteerConsent = [check = std::move(check)](const QString &userId, const QString &type) {
        return check(userId, type) ? ConsentAnswer::yes() : ConsentAnswer::no();
    };
}

void OmsService::setVolunteerConsentSource(VolunteerConsentCheck check)
{
    m_state->volunteerConsent = std::move(check);
}

void OmsService::setNetworkMap(const NetworkMapView *map)
{
    m_caching->setNetworkMap(map);
    m_state->networkMap = map;
}

const CacheView *OmsService::cacheView() const
{
    return m_caching.get();
}

int OmsService::runCachingJob()
{
    return m_started ? m_caching->run().allocated : 0;
}

SwarmRegistry *OmsService::swarms() const
{
    return m_state ? &m_state->registry : nullptr;
}

} // namespace mp2p
