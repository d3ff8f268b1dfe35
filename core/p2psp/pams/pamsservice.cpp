#include "pamsservice.h"

#include "pamslog.h"

#include <QDir>
#include <QJsonArray>
#include <QSet>

namespace mp2p {

namespace {

constexpr qint64 SecsPerDay = 86400;
constexpr qint64 SweepEverySecs = 3600;

HttpResponse storeFailure(const QString &what, const QString &error)
{
    qCWarning(lcPams) << what << "failed:" << error;
    return HttpResponse::error(ApiError::internal(QStringLiteral("the PAMS could not %1").arg(what)));
}

HttpResponse notStarted()
{
    return HttpResponse::error(ApiError::internal(QStringLiteral("the PAMS is not running")));
}

QJsonObject peerToJson(const PeerRecord &peer)
{
    QJsonArray overlays;
    for (const OverlayReport &o : peer.overlays)
        overlays.append(overlayStatusToJson(o.overlayId, o.status));
    return {{QStringLiteral("userId"), peer.userId},
            {QStringLiteral("type"), peerTypeName(peer.staticStatus.type)},
            {QStringLiteral("static"), staticStatusToJson(peer.staticStatus)},
            {QStringLiteral("overlays"), overlays},
            {QStringLiteral("registeredAt"), peer.registeredAt},
            {QStringLiteral("lastReportAt"), peer.lastReportAt}};
}

// A config value that must be an integer within bounds; absent means the default.
bool configInteger(const QJsonObject &config, const QString &key, qint64 min, qint64 max, qint64 *value,
                   QString *error)
{
    if (!config.contains(key))
        return true;
    const QJsonValue v = config.value(key);
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d != double(qint64(d)) || d < double(min) || d > double(max)) {
        *error = QStringLiteral("pams: config '%1' must be an integer from %2 to %3").arg(key).arg(min).arg(max);
        return false;
    }
    *value = qint64(d);
    return true;
}

} // namespace

PamsService::PamsService(ServiceContext context)
    : m_context(std::move(context))
    , m_auth(m_context.authenticator())
{
}

PamsService::~PamsService() = default;

bool PamsService::readConfig(QString *error)
{
    return configInteger(m_context.config, QStringLiteral("reportIntervalSecs"), 5, SecsPerDay,
                         &m_reportIntervalSecs, error)
           && configInteger(m_context.config, QStringLiteral("historyDays"), 1, 3650, &m_historyDays, error);
}

bool PamsService::start(QString *error)
{
    if (!readConfig(error))
        return false;
    auto store = std::make_unique<PamsStore>(QDir(m_context.dataDir).filePath(QStringLiteral("pams.db")));
    if (!store->open(error))
        return false;
    m_store = std::move(store);
    m_activitySource = std::make_unique<LocalPeerActivitySource>(m_store.get());
    if (!startCredit(error))
        return false;
    sweepHistory();
    return true;
}

// Credit caps a downloader's receipts by the downloads it reported here (PAMP status).
bool PamsService::startCredit(QString *error)
{
    CreditFacts facts;
    facts.downloaded = [this](const QString &userId, const QString &overlayId, QString *err) -> std::optional<qint64> {
        const auto activity = m_store->activityOf(overlayId, {userId}, err).value(userId);
        return activity.overlay ? std::optional<qint64>(activity.overlay->downloaded) : std::nullopt;
    };
    // One query per overlay per redeem batch instead of one per (downloader, overlay): the PAMP
    // lookup was 41 % of a redemption's CPU (perf, tests/bench/run-credit.sh).
    facts.downloadedMany = [this](const QString &overlayId, const QStringList &userIds,
                                  QString *err) -> std::optional<QHash<QString, qint64>> {
        QString storeError;
        const auto activity = m_store->activityOf(overlayId, userIds, &storeError);
        if (!storeError.isEmpty()) {
            *err = storeError;
            return std::nullopt;
        }
        QHash<QString, qint64> out;
        for (auto it = activity.cbegin(); it != activity.cend(); ++it)
            if (it->overlay)
                out.insert(it.key(), it->overlay->downloaded);
        return out;
    };
    auto credit = std::make_unique<CreditService>(QDir(m_context.dataDir).filePath(QStringLiteral("credit.db")),
                                                  m_context.tokens, m_context.clock, std::move(facts));
    if (!credit->open(error))
        return false;
    credit->setAuthenticator(m_auth);
    m_credit = std::move(credit);
    auto consent = std::make_unique<ConsentService>(QDir(m_context.dataDir).filePath(QStringLiteral("consent.db")),
                                                    m_context.tokens, m_context.clock);
    if (!consent->open(error))
        return false;
    consent->setAuthenticator(m_auth);
    m_consent = std::move(consent);
    return true;
}

void PamsService::setOverlayFacts(OverlayFacts facts)
{
    m_overlayFacts = std::move(facts);
    if (m_credit) {
        m_credit->setContentSizeLookup(m_overlayFacts.contentSize);
        m_credit->setRequireContentSize(m_overlayFacts.requireContentSize);
        m_credit->setCoPresence(m_overlayFacts.coPresent, m_overlayFacts.coPresenceProblem);
    }
}

// A report's claims about one overlay, against what the OMS and the IXS know of it: credit is
// capped by the reported downloads, so they must name a real overlay and stay near its size.
std::optional<ApiError> PamsService::overlayProblem(const OverlayReport &overlay, const QString &where) const
{
    if (m_overlayFacts.overlayKnown && !m_overlayFacts.overlayKnown(overlay.overlayId)) {
        ApiError e = ApiError::badRequest(QStringLiteral("unknown_overlay"),
                                          QStringLiteral("overlay %1 does not exist at this provider's OMS").arg(overlay.overlayId),
                                          where + QStringLiteral(".overlayId"));
        e.hint = QStringLiteral("report only overlays you joined through the OMS; leave this entry out");
        return e;
    }
    const auto size = m_overlayFacts.contentSize ? m_overlayFacts.contentSize(overlay.overlayId) : std::nullopt;
    if (size && overlay.status.downloaded > *size * ReDownloadFactor) {
        ApiError e = ApiError::badRequest(
            QStringLiteral("invalid_value"),
            QStringLiteral("downloaded %1 is more than %2 × the content size %3 of overlay %4")
                .arg(overlay.status.downloaded).arg(ReDownloadFactor).arg(*size).arg(overlay.overlayId),
            where + QStringLiteral(".downloaded"));
        e.hint = QStringLiteral("report the bytes this peer really downloaded in the overlay");
        return e;
    }
    return std::nullopt;
}

void PamsService::stop()
{
    m_consent.reset();
    m_credit.reset();
    m_activitySource.reset();
    m_store.reset();
}

QJsonObject PamsService::health() const
{
    if (!m_store)
        return {{QStringLiteral("status"), QStringLiteral("stopped")}};
    const qint64 peers = m_store->peerCount();
    return {{QStringLiteral("status"), peers < 0 ? QStringLiteral("error") : QStringLiteral("ok")},
            {QStringLiteral("peers"), peers}};
}

qint64 PamsService::sweepHistory()
{
    if (!m_store)
        return -1;
    const qint64 now = m_context.clock();
    m_lastSweepAt = now;
    QString error;
    const qint64 removed = m_store->sweepHistory(now - m_historyDays * SecsPerDay, &error);
    if (removed < 0)
        qCWarning(lcPams) << "history sweep failed:" << error;
    else if (removed > 0)
        qCInfo(lcPams) << "history sweep removed" << removed << "reports older than" << m_historyDays << "days";
    return removed;
}

void PamsService::maybeSweep()
{
    if (m_context.clock() - m_lastSweepAt >= SweepEverySecs)
        sweepHistory();
}

void PamsService::registerRoutes(HttpRouter &router)
{
    // A peer reports every interval and on events; the limits leave room for that many times
    // over and stop a client that loops.
    const RoutePolicy user = RoutePolicy::user(&m_auth).limit(RateRule::perUser(QStringLiteral("pams-writes"), 240, 60));
    router.add(HttpMethod::Post, QStringLiteral("/pams/v1/peers"), user, [this](const HttpRequest &r) { return registerPeer(r); });
    router.add(HttpMethod::Post, QStringLiteral("/pams/v1/reports"), user, [this](const HttpRequest &r) { return report(r); });
    router.add(HttpMethod::Delete, QStringLiteral("/pams/v1/peers/{userId}"), RoutePolicy::ownerParam(&m_auth, QStringLiteral("userId")),
               [this](const HttpRequest &r) { return unregisterPeer(r); });
    // A peer's limits and activity are its own business and the provider's.
    router.add(HttpMethod::Get, QStringLiteral("/pams/v1/peers/{userId}"), RoutePolicy::ownerParam(&m_auth, QStringLiteral("userId")),
               [this](const HttpRequest &r) { return getPeer(r); });
    // Who is in an overlay, with addresses: the R1 view for the OMS and operators only.
    router.add(HttpMethod::Get, QStringLiteral("/pams/v1/overlays/{overlayId}/peers"), RoutePolicy::operatorOnly(&m_auth),
               [this](const HttpRequest &r) { return overlayPeers(r); });
    if (m_credit)
        m_credit->registerRoutes(router);
    if (m_consent)
        m_consent->registerRoutes(router);
    router.add(HttpMethod::Get, QStringLiteral("/pams/healthz"), RoutePolicy::open(),
               [this](const HttpRequest &) { return HttpResponse::json(health()); });
}

HttpResponse PamsService::registerPeer(const HttpRequest &request)
{
    if (!m_store)
        return notStarted();
    ApiError error;
    const QString *user = &request.caller.userId;
    QJsonObject body;
    if (!parseJsonObject(request.body, &body, &error))
        return HttpResponse::error(error);
    JsonFields in(body);
    const QString typeName = in.choice(QStringLiteral("type"), JsonFields::Required,
                                       {QStringLiteral("PEER"), QStringLiteral("CS"), QStringLiteral("RS")});
    const QJsonObject staticObject = in.object(QStringLiteral("static"), JsonFields::Required);
    if (!in.ok())
        return HttpResponse::error(in.error());
    auto status = readStaticStatus(staticObject, QStringLiteral("static"), &error);
    if (!status)
        return HttpResponse::error(error);
    status->type = peerTypeFromName(typeName).value_or(PeerType::Peer);

    QString storeError;
    const auto result = m_store->registerPeer(*user, *status, m_context.clock(), &storeError);
    const auto peer = result == PamsStore::RegisterResult::Failed ? std::nullopt : m_store->peer(*user, &storeError);
    if (!peer)
        return storeFailure(QStringLiteral("register the peer"), storeError);
    return HttpResponse::json(peerToJson(*peer), result == PamsStore::RegisterResult::Created ? 201 : 200);
}

HttpResponse PamsService::report(const HttpRequest &request)
{
    if (!m_store)
        return notStarted();
    ApiError error;
    const QString *user = &request.caller.userId;
    QJsonObject body;
    if (!parseJsonObject(request.body, &body, &error))
        return HttpResponse::error(error);
    JsonFields in(body);
    const QJsonObject staticObject = in.object(QStringLiteral("static"), JsonFields::Optional);
    const QJsonArray overlays = in.array(QStringLiteral("overlays"), JsonFields::Required, pams::MaxOverlaysPerReport);
    if (!in.ok())
        return HttpResponse::error(in.error());

    StatusReport report{*user, std::nullopt, {}};
    if (in.has(QStringLiteral("static"))) {
        report.staticStatus = readStaticStatus(staticObject, QStringLiteral("static"), &error);
        if (!report.staticStatus)
            return HttpResponse::error(error);
    }
    QSet<QString> seen;
    for (qsizetype i = 0; i < overlays.size(); ++i) {
        const QString where = QStringLiteral("overlays[%1]").arg(i);
        if (!overlays.at(i).isObject())
            return HttpResponse::error(ApiError::badRequest(
                QStringLiteral("invalid_type"), QStringLiteral("'%1' must be an object").arg(where), where));
        const auto overlay = readOverlayReport(overlays.at(i).toObject(), where, &error);
        if (!overlay)
            return HttpResponse::error(error);
        if (seen.contains(overlay->overlayId))
            return HttpResponse::error(ApiError::badRequest(
                QStringLiteral("invalid_value"),
                QStringLiteral("overlay %1 appears twice in one report; send one entry per overlay").arg(overlay->overlayId),
                where + QStringLiteral(".overlayId")));
        if (const auto problem = overlayProblem(*overlay, where))
            return HttpResponse::error(*problem);
        seen.insert(overlay->overlayId);
        report.overlays.append(*overlay);
    }

    QString storeError;
    if (!m_store->applyReport(report, m_context.clock(), &storeError))
        return storeFailure(QStringLiteral("store the status report"), storeError);
    maybeSweep();
    return HttpResponse::json(QJsonObject{{QStringLiteral("accepted"), report.overlays.size()},
                                          {QStringLiteral("nextReportSecs"), m_reportIntervalSecs}});
}

HttpResponse PamsService::unregisterPeer(const HttpRequest &request)
{
    if (!m_store)
        return notStarted();
    const QString target = request.params.value(QStringLiteral("userId"));
    if (!isHex(target, 40))
        return HttpResponse::error(ApiError::badRequest(
            QStringLiteral("invalid_value"), QStringLiteral("a user id is 40 lower-case hex characters"), QStringLiteral("userId")));
    QString storeError;
    if (!m_store->unregisterPeer(target, &storeError)) {
        if (!storeError.isEmpty())
            return storeFailure(QStringLiteral("unregister the peer"), storeError);
        return HttpResponse::error(ApiError::notFound(QStringLiteral("the peer %1 is not registered").arg(target)));
    }
    return HttpResponse::noContent();
}

HttpResponse PamsService::getPeer(const HttpRequest &request) const
{
    if (!m_store)
        return notStarted();
    const QString userId = request.params.value(QStringLiteral("userId"));
    if (!isHex(userId, 40))
        return HttpResponse::error(ApiError::badRequest(
            QStringLiteral("invalid_value"), QStringLiteral("a user id is 40 lower-case hex characters"), QStringLiteral("userId")));
    QString storeError;
    const auto peer = m_store->peer(userId, &storeError);
    if (!peer && !storeError.isEmpty())
        return storeFailure(QStringLiteral("read the peer"), storeError);
    if (!peer)
        return HttpResponse::error(ApiError::notFound(QStringLiteral("the peer %1 is not registered").arg(userId)));
    return HttpResponse::json(peerToJson(*peer));
}

HttpResponse PamsService::overlayPeers(const HttpRequest &request) const
{
    if (!m_store)
        return notStarted();
    const QString overlayId = request.params.value(QStringLiteral("overlayId"));
    if (!isHex(overlayId, 40))
        return HttpResponse::error(ApiError::badRequest(QStringLiteral("invalid_value"),
                                                        QStringLiteral("an overlay id is 40 lower-case hex characters"),
                                                        QStringLiteral("overlayId")));
    QString storeError;
    const QList<PeerActivity> peers = m_store->overlayPeers(overlayId, &storeError);
    if (!storeError.isEmpty())
        return storeFailure(QStringLiteral("list the overlay's peers"), storeError);
    QJsonArray out;
    for (PeerActivity p : peers) {
        // R1 carries each peer's counted credit, which the OMS ranks by (0 when none): credit a
        // closed ring signed for itself gives no priority.
        if (m_credit)
            p.credit = m_credit->store()->countedTotal(p.userId);
        out.append(overlayPeerToJson(p));
    }
    return HttpResponse::json(QJsonObject{{QStringLiteral("peers"), out}});
}

} // namespace mp2p
