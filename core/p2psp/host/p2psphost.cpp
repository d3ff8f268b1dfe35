#include "p2psphost.h"

#include <base/httpserver.h>
#include <cache/cacheservice.h>
#include <p2psp/ixs/ixsservice.h>
#include <isp/unis/altoclient.h>
#include <isp/unis/embeddedunis.h>
#include <p2psp/oms/altonetworkview.h>
#include <p2psp/oms/localityranking.h>
#include <p2psp/oms/omsservice.h>
#include <p2psp/oms/swarmregistry.h>
#include <p2psp/pams/localactivitysource.h>
#include <p2psp/pams/consentservice.h>
#include <p2psp/pams/pamsservice.h>
#include <p2psp/pams/remoteactivitysource.h>
#include "remoteconsentcheck.h"
#include "remotepasskeys.h"
#include "remoterevocations.h"
#include "remotecontentsize.h"
#include "remotecopresence.h"
#include <p2psp/ums/umsservice.h>
#include <relay/relayservice.h>

#include <QDateTime>

#include <algorithm>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThread>
#include <QTimer>

Q_LOGGING_CATEGORY(lcHost, "mp2pd")

namespace mp2p {

P2pspHost::P2pspHost(HostConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_network(new QNetworkAccessManager(this))
{
    m_router.setMaxBodyBytes(m_config.maxBodyBytes);
}

P2pspHost::~P2pspHost()
{
    stop();
}

QString P2pspHost::serviceUrl(const QString &service) const
{
    if (m_config.runs(service))
        return m_baseUrl;
    return m_config.remoteUrls.value(service);
}

QJsonObject P2pspHost::directory() const
{
    QJsonObject services;
    for (const QString &name : HostConfig::knownServices()) {
        const QString url = serviceUrl(name);
        if (!url.isEmpty())
            services.insert(name, url);
    }
    QJsonObject out{{QStringLiteral("version"), 1},
                    {QStringLiteral("services"), services},
                    {QStringLiteral("unis"), QJsonArray::fromStringList(m_config.unisUrls)},
                    {QStringLiteral("relays"), QJsonArray::fromStringList(m_config.relayUrls)}};
    if (m_tokens)
        out.insert(QStringLiteral("umsPublicKey"), QString::fromLatin1(toBase64Url(m_tokens->publicKey())));
    if (!serviceUrl(QStringLiteral("oms")).isEmpty())
        out.insert(QStringLiteral("announceUrl"), serviceUrl(QStringLiteral("oms")) + QStringLiteral("/announce"));
    return out;
}

bool P2pspHost::obtainUmsPublicKey(QByteArray *key, QString *error)
{
    if (!m_config.umsPublicKey.isEmpty()) {
        const auto decoded = fromBase64Url(m_config.umsPublicKey.toLatin1());
        if (!decoded || decoded->size() != KeyPair::PublicKeyBytes) {
            *error = QStringLiteral("--ums-public-key is not a base64url Ed25519 public key (32 bytes)");
            return false;
        }
        *key = *decoded;
        return true;
    }
    // Ask the remote UMS, retrying while it starts up (mp2pd processes may start in any order).
    const QUrl url(m_config.remoteUrls.value(QStringLiteral("ums")) + QStringLiteral("/ums/v1/key"));
    const qint64 deadline = QDateTime::currentMSecsSinceEpoch() + qint64(m_config.umsKeyWaitSecs) * 1000;
    QString lastProblem;
    do {
        QNetworkRequest request(url);
        request.setTransferTimeout(3000);
        QNetworkReply *reply = m_network->get(request);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        if (reply->error() == QNetworkReply::NoError) {
            const QString text = QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("publicKey")).toString();
            const auto decoded = fromBase64Url(text.toLatin1());
            if (decoded && decoded->size() == KeyPair::PublicKeyBytes) {
                *key = *decoded;
                return true;
            }
            lastProblem = QStringLiteral("the answer has no valid publicKey");
        } else {
            lastProblem = reply->errorString();
        }
        QThread::msleep(300);
    } while (QDateTime::currentMSecsSinceEpoch() < deadline);
    *error = QStringLiteral("cannot get the UMS public key from %1 (%2); is the UMS running?").arg(url.toString(), lastProblem);
    return false;
}

bool P2pspHost::startServices(QString *error)
{
    UmsService *localUms = nullptr;
    auto contextFor = [this, &localUms](const QString &name) {
        ServiceContext context{m_config.dataDir, m_config.sections.value(name), m_baseUrl, m_tokens.get(), systemClock(),
                               QSet<QString>(m_config.operators.cbegin(), m_config.operators.cend()),
                               m_config.serviceKey.toLatin1(), {}};
        // Logout and the session's absolute lifetime reach every service of this mp2pd at once.
        if (localUms)
            context.revocationCheck = [ums = localUms](const TokenClaims &claims) { return ums->isRevoked(claims); };
        // ...and within one poll of the UMS's revocation feed when the UMS runs elsewhere.
        else if (RemoteRevocations *remote = m_remoteRevocations.get())
            context.revocationCheck = [remote](const TokenClaims &claims) { return remote->isRevoked(claims); };
        return context;
    };
    // The UMS first: its key signs the tokens every other service checks.
    QByteArray umsKey;
    const bool onlyRoles = std::all_of(m_config.services.cbegin(), m_config.services.cend(),
                                       [](const QString &s) { return HostConfig::knownRoles().contains(s); });
    // A dedicated RS hands out relay credentials to logged-in users when it knows the UMS key.
    const bool relayChecksTokens = m_config.runs(QStringLiteral("rs"))
        && (!m_config.umsPublicKey.isEmpty() || m_config.remoteUrls.contains(QStringLiteral("ums")));
    if (onlyRoles && !relayChecksTokens) {
        // A dedicated cache (or an RS with static users) alone checks no tokens.
    } else if (m_config.runs(QStringLiteral("ums"))) {
        auto ums = std::make_unique<UmsService>(contextFor(QStringLiteral("ums")));
        if (!ums->start(error))
            return false;
        umsKey = ums->publicKey();
        localUms = ums.get();
        m_services.push_back(std::move(ums));
    } else if (!obtainUmsPublicKey(&umsKey, error)) {
        return false;
    }
    if (!onlyRoles || relayChecksTokens)
        m_tokens = std::make_unique<TokenVerifier>(umsKey);
    if (m_tokens && !localUms)
        followRemoteRevocations();

    const PeerActivitySource *activity = nullptr;
    PamsService *localPams = nullptr;
    if (m_config.runs(QStringLiteral("pams"))) {
        auto pams = std::make_unique<PamsService>(contextFor(QStringLiteral("pams")));
        if (!pams->start(error))
            return false;
        // R1 with each peer's redeemed credit (credit.db), so the OMS can reward contribution.
        m_localPams = std::make_unique<LocalPeerActivitySource>(pams->store(), pams->credit() ? pams->credit()->store() : nullptr);
        activity = m_localPams.get();
        localPams = pams.get();
        m_services.push_back(std::move(pams));
    } else if (m_config.runs(QStringLiteral("oms")) && m_config.remoteUrls.contains(QStringLiteral("pams"))) {
        auto remote = std::make_unique<RemotePeerActivitySource>(QUrl(m_config.remoteUrls.value(QStringLiteral("pams"))),
                                                                 m_network, systemClock());
        remote->setServiceKey(m_config.serviceKey.toLatin1());
        activity = remote.get();
        m_remotePams = std::move(remote);
    }
    // UMS reputation is fed by redeemed PAMS credit (docs/PROTOCOL.md, UMS): the ledger
    // in-process when both run here, else GET {pams}/pams/v1/credit/{id}, cached and never blocking.
    if (auto *ums = m_services.empty() ? nullptr : dynamic_cast<UmsService *>(m_services.front().get())) {
        auto *pams = dynamic_cast<PamsService *>(m_services.back().get());
        if (pams && pams->credit()) {
            CreditStore *ledger = pams->credit()->store();
            // Counted credit: what a closed ring signed for itself raises no reputation.
            ums->useLocalCredit([ledger](const QString &id, QString *) { return std::optional<qint64>(ledger->countedTotal(id)); });
        } else if (m_config.remoteUrls.contains(QStringLiteral("pams"))) {
            ums->useRemoteCredit(QUrl(m_config.remoteUrls.value(QStringLiteral("pams"))), m_network);
        }
    }
    IxsService *localIxs = nullptr;
    if (m_config.runs(QStringLiteral("ixs"))) {
        auto ixs = std::make_unique<IxsService>(contextFor(QStringLiteral("ixs")));
        // Records may name only the provider's OMS: this mp2pd's, or the configured remote one.
        QStringList oms;
        if (m_config.runs(QStringLiteral("oms")))
            oms.append(m_baseUrl);
        if (m_config.remoteUrls.contains(QStringLiteral("oms")))
            oms.append(m_config.remoteUrls.value(QStringLiteral("oms")));
        if (oms.isEmpty())
            qCWarning(lcHost) << "the IXS knows no OMS of the provider (run the OMS here or set remote.oms): record "
                                 "omsUrls are not checked";
        ixs->setProviderOmsUrls(oms);
        if (!ixs->start(error))
            return false;
        localIxs = ixs.get();
        m_services.push_back(std::move(ixs));
    }
    OmsService *localOms = nullptr;
    if (m_config.runs(QStringLiteral("oms"))) {
        if (!activity)
            qCWarning(lcHost) << "the OMS runs without a PAMS (no local PAMS and no remote.pams URL): peer lists will not use peer activity";
        auto oms = std::make_unique<OmsService>(contextFor(QStringLiteral("oms")), activity);
        if (!oms->start(error) || !connectOmsToUnis(oms.get(), activity, error))
            return false;
        // Tracker passkeys live in the UMS database: the tracker asks the UMS of this mp2pd.
        if (localUms)
            oms->setPasskeyResolver([ums = localUms](const QString &passkey) { return ums->userForPasskey(passkey); });
        else if (m_config.remoteUrls.contains(QStringLiteral("ums"))) {
            m_remotePasskeys = std::make_unique<RemotePasskeys>(QUrl(m_config.remoteUrls.value(QStringLiteral("ums"))), m_network,
                                                                m_config.serviceKey.toLatin1(), systemClock());
            RemotePasskeys *remote = m_remotePasskeys.get();
            oms->setPasskeyResolver([remote](const QString &passkey) { return remote->userFor(passkey); });
        }
        // A volunteer's cache or relay serves only under the user's consent at the PAMS.
        if (localPams && localPams->consent()) {
            const ConsentService *consent = localPams->consent();
            oms->setVolunteerConsentCheck([consent](const QString &userId, const QString &type) {
                return consent->hasCurrentConsent(userId, type == QLatin1String("cs") ? VolunteerRoleKind::Cache
                                                                                      : VolunteerRoleKind::Relay);
            });
        } else if (!localPams && m_config.remoteUrls.contains(QStringLiteral("pams"))) {
            // The PAMS runs elsewhere: ask it over HTTP, from a short cache, failing closed.
            m_remoteConsent = std::make_unique<RemoteConsentCheck>(QUrl(m_config.remoteUrls.value(QStringLiteral("pams"))),
                                                                   m_network, systemClock());
            m_remoteConsent->setServiceKey(m_config.serviceKey.toLatin1());
            RemoteConsentCheck *remote = m_remoteConsent.get();
            oms->setVolunteerConsentSource([remote](const QString &userId, const QString &type) {
                return remote->check(userId, type);
            });
        } else {
            qCWarning(lcHost) << "the OMS has no PAMS to ask about volunteer consent: volunteer caches and relays are refused "
                                 "(run the PAMS here or set remote.pams)";
        }
        localOms = oms.get();
        m_services.push_back(std::move(oms));
    }
    if (localPams)
        wireCreditChecks(localPams, localIxs, localOms);
    if (m_config.runs(QStringLiteral("cs"))) {
        auto cs = std::make_unique<CacheService>(contextFor(QStringLiteral("cs")));
        if (!cs->start(error))
            return false;
        m_services.push_back(std::move(cs));
    }
    if (m_config.runs(QStringLiteral("rs"))) {
        auto rs = std::make_unique<RelayService>(contextFor(QStringLiteral("rs")));
        if (!rs->start(error))
            return false;
        m_services.push_back(std::move(rs));
    }
    return true;
}

void P2pspHost::followRemoteRevocations()
{
    const QString ums = m_config.remoteUrls.value(QStringLiteral("ums"));
    if (ums.isEmpty() || m_config.serviceKey.isEmpty()) {
        qCWarning(lcHost) << "this server checks tokens without the UMS's revocation feed (it needs remote.ums and the"
                             " provider's serviceKey): a logout reaches it only when the token expires";
        return;
    }
    m_remoteRevocations = std::make_unique<RemoteRevocations>(QUrl(ums), m_network, m_config.serviceKey.toLatin1(),
                                                              systemClock(), m_config.revocationPollSecs);
    m_remoteRevocations->start();
    // Read once before serving, so a restart does not re-open tokens revoked while it was down;
    // if the UMS does not answer in time, tokens are refused until it does.
    if (!m_remoteRevocations->waitUntilCurrent(RevocationStartWaitMs))
        qCWarning(lcHost).noquote() << "the UMS revocation feed at" << ums << "did not answer within"
                                    << RevocationStartWaitMs / 1000 << "s: user tokens are refused until it does";
}

// Credit is bounded by real transfers: reports name overlays the OMS knows, within the content's
// size at the IXS, and a receipt counts only when the OMS saw both users in the swarm when it was
// signed. Without an OMS or an IXS in this process the checks fail closed: no receipt is
// credited (docs/SECURITY.md "Contribution credit": run the PAMS with the OMS and the IXS).
void P2pspHost::wireCreditChecks(PamsService *pams, IxsService *ixs, OmsService *oms)
{
    OverlayFacts facts;
    facts.requireContentSize = true;
    if (ixs && ixs->store()) {
        IxsStore *index = ixs->store();
        facts.contentSize = [index](const QString &overlayId) -> std::optional<qint64> {
            QString e;
            const auto size = index->contentSizeOf(overlayId, &e);
            if (!e.isEmpty())
                qCWarning(lcHost) << "credit: the content size of" << overlayId << "could not be read:" << e;
            return size;
        };
    } else if (m_config.remoteUrls.contains(QStringLiteral("ixs"))) {
        // Asked over HTTP from a cache, never waiting: a size not yet known refuses that receipt
        // (nothing is recorded) and the uploader's next redemption counts it.
        m_remoteContentSize = std::make_unique<RemoteContentSize>(QUrl(m_config.remoteUrls.value(QStringLiteral("ixs"))),
                                                                  m_network, systemClock());
        RemoteContentSize *remote = m_remoteContentSize.get();
        facts.contentSize = [remote](const QString &overlayId) { return remote->sizeOf(overlayId); };
    } else {
        qCWarning(lcHost) << "credit: no IXS (here or remote.ixs), so content sizes are unknown and no receipt is credited";
    }
    if (SwarmRegistry *swarms = oms ? oms->swarms() : nullptr) {
        facts.overlayKnown = [swarms](const QString &overlayId) {
            return swarms->hasOverlay(QByteArray::fromHex(overlayId.toLatin1()));
        };
        facts.coPresent = [swarms](const QString &overlayId, const QString &downloader, const QString &uploader, qint64 time) {
            return swarms->wereTogether(QByteArray::fromHex(overlayId.toLatin1()), downloader, uploader, time);
        };
    } else if (m_config.remoteUrls.contains(QStringLiteral("oms"))) {
        // Asked over HTTP (service key) from a cache, never waiting: a receipt whose co-presence
        // is not known yet makes its redemption answer 503 + Retry-After with nothing written.
        m_remoteCoPresence = std::make_unique<RemoteCoPresence>(QUrl(m_config.remoteUrls.value(QStringLiteral("oms"))),
                                                                m_network, m_config.serviceKey.toLatin1(), systemClock());
        RemoteCoPresence *remote = m_remoteCoPresence.get();
        facts.coPresent = [remote](const QString &overlayId, const QString &downloader, const QString &uploader, qint64 time) {
            return remote->together(overlayId, downloader, uploader, time);
        };
        facts.coPresenceProblem = [remote] { return remote->problem(); };
    } else {
        qCWarning(lcHost) << "credit: no OMS (here or remote.oms) to confirm who was in which swarm, so no receipt is credited";
        facts.coPresent = [](const QString &, const QString &, const QString &, qint64) { return false; };
    }
    pams->setOverlayFacts(std::move(facts));
}

bool P2pspHost::connectOmsToUnis(OmsService *oms, const PeerActivitySource *activity, QString *error)
{
    const QJsonObject section = m_config.sections.value(QStringLiteral("oms"));
    const QJsonArray unis = section.value(QStringLiteral("unis")).toArray();
    if (unis.isEmpty())
        return true;  // no UNIS: the simple rule
    QList<const AltoClient *> clients;
    for (qsizetype i = 0; i < unis.size(); ++i) {
        const QJsonObject entry = unis.at(i).toObject();
        const QUrl url(entry.value(QStringLiteral("url")).toString());
        if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
            *error = QStringLiteral("oms.unis[%1].url must be the http(s) URL of a UNIS directory, e.g. http://127.0.0.1:7900/alto").arg(i);
            return false;
        }
        auto client = std::make_unique<AltoClient>(m_network);
        client->setDirectoryUrl(url);
        if (entry.contains(QStringLiteral("token")))
            client->setBearerToken(entry.value(QStringLiteral("token")).toString());
        else if (entry.contains(QStringLiteral("user")))
            client->setBasicAuth(entry.value(QStringLiteral("user")).toString(), entry.value(QStringLiteral("password")).toString());
        client->setRefreshInterval(qMax(1, entry.value(QStringLiteral("refreshSecs")).toInt(60)) * 1000);
        client->start();
        clients.append(client.get());
        m_altoClients.push_back(std::move(client));
    }
    const QJsonObject locality = section.value(QStringLiteral("locality")).toObject();
    LocalityWeights weights;
    weights.gatewaysPerPid = qBound(1, locality.value(QStringLiteral("gatewaysPerPid")).toInt(weights.gatewaysPerPid), 1000);
    weights.remoteShare = qBound(0.0, locality.value(QStringLiteral("remoteShare")).toDouble(weights.remoteShare), 1.0);
    m_networkView = std::make_unique<AltoNetworkView>(clients);
    auto ranking = std::make_shared<LocalityRanking>(m_networkView.get(), activity, weights, std::make_shared<SimpleRanking>());
    ranking->setCaches(oms->cacheView());
    oms->setNetworkMap(m_networkView.get());
    oms->setRanking(ranking);
    qCInfo(lcHost).noquote() << "the OMS ranks peer lists by the ALTO maps of" << clients.size() << "UNIS";
    return true;
}

bool P2pspHost::startEmbeddedUnis(QString *error)
{
    m_unis = std::make_unique<EmbeddedUnis>(m_config.dataDir);
    if (!m_unis->start(error))
        return false;
    // Peers find it in the directory; the OMS uses it unless the config names other UNIS.
    m_config.unisUrls.append(m_unis->directoryUrl());
    QJsonObject oms = m_config.sections.value(QStringLiteral("oms"));
    if (!oms.contains(QStringLiteral("unis"))) {
        oms.insert(QStringLiteral("unis"), QJsonArray{m_unis->omsEntry()});
        m_config.sections.insert(QStringLiteral("oms"), oms);
    }
    qCInfo(lcHost).noquote() << "embedded UNIS (one region unless" << m_config.dataDir + QStringLiteral("/unis.json")
                             << "says otherwise) at" << m_unis->directoryUrl();
    return true;
}

void P2pspHost::registerHostRoutes()
{
    m_router.add(HttpMethod::Get, QStringLiteral("/.well-known/mp2p"), RoutePolicy::open(),
                 [this](const HttpRequest &) { return HttpResponse::json(directory()); });
    m_router.add(HttpMethod::Get, QStringLiteral("/healthz"), RoutePolicy::open(), [this](const HttpRequest &) {
        QJsonObject services;
        bool allOk = true;
        for (const auto &s : m_services) {
            const QJsonObject h = s->health();
            allOk = allOk && h.value(QStringLiteral("status")).toString() == QLatin1String("ok");
            services.insert(s->name(), h);
        }
        return HttpResponse::json(QJsonObject{{QStringLiteral("status"), allOk ? QStringLiteral("ok") : QStringLiteral("degraded")},
                                              {QStringLiteral("services"), services}},
                                  allOk ? 200 : 503);
    });
    for (const auto &s : m_services) {
        P2pspService *service = s.get();
        m_router.add(HttpMethod::Get, QStringLiteral("/%1/healthz").arg(service->name()), RoutePolicy::open(), [service](const HttpRequest &) {
            const QJsonObject h = service->health();
            return HttpResponse::json(h, h.value(QStringLiteral("status")).toString() == QLatin1String("ok") ? 200 : 503);
        });
        service->registerRoutes(m_router);
    }
}

bool P2pspHost::start(QString *error)
{
    if (!initCrypto()) {
        *error = QStringLiteral("libsodium could not be initialised");
        return false;
    }
    m_http = std::make_unique<HttpServer>(&m_router);
    m_http->setLimits(m_config.limits);
    const bool tls = !m_config.tlsCertificate.isEmpty();
    if (tls && !m_http->setTls(m_config.tlsCertificate, m_config.tlsKey, error))
        return false;
    m_port = m_http->listen(m_config.listenAddress, m_config.port, error);
    if (m_port == 0)
        return false;
    const QString host = m_config.listenAddress.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(m_config.listenAddress.toString())
                             : m_config.listenAddress.toString();
    m_baseUrl = !m_config.publicUrl.isEmpty()
                    ? m_config.publicUrl
                    : QStringLiteral("%1://%2:%3").arg(tls ? QStringLiteral("https") : QStringLiteral("http"), host).arg(m_port);
    if (m_config.embeddedUnis && !startEmbeddedUnis(error))
        return false;
    // Routes are registered before control returns to the event loop, so no request can
    // arrive at a half-started server.
    if (!startServices(error))
        return false;
    if (m_unis && m_tokens)
        m_unis->acceptUmsKey(m_tokens->publicKey());
    registerHostRoutes();
    const QSet<QString> known = m_router.limitNames();
    for (auto it = m_config.rateLimits.cbegin(); it != m_config.rateLimits.cend(); ++it) {
        if (!known.contains(it.key())) {
            QStringList sorted(known.cbegin(), known.cend());
            sorted.sort();
            *error = QStringLiteral("\"rateLimits\" names '%1', which no route of these services has (known: %2)")
                         .arg(it.key(), sorted.join(QStringLiteral(", ")));
            return false;
        }
        m_router.overrideLimit(it.key(), it->first, it->second);
    }
    QStringList names;
    for (const auto &s : m_services)
        names.append(s->name());
    qCInfo(lcHost).noquote() << "serving" << names.join(QLatin1Char(',')) << "at" << m_baseUrl << "with data in" << m_config.dataDir;
    return true;
}

void P2pspHost::stop()
{
    m_http.reset();
    for (auto it = m_services.rbegin(); it != m_services.rend(); ++it)
        (*it)->stop();
    m_services.clear();
    m_localPams.reset();
    m_remoteConsent.reset();
    m_remotePasskeys.reset();
    m_remoteRevocations.reset();
    m_remoteContentSize.reset();
    m_remoteCoPresence.reset();
    m_networkView.reset();
    m_altoClients.clear();
}

} // namespace mp2p
