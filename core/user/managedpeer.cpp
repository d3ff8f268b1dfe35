#include "managedpeer.h"
#include "managedpeer_p.h"

#include "bencode.h"
#include "relayed/relayedpeer.h"
#include "torrentmaker.h"

#include <libtorrent/magnet_uri.hpp>

#include <QCryptographicHash>
#include <QDateTime>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTimer>
#include <QUrlQuery>
#include <QtConcurrent>

Q_LOGGING_CATEGORY(lcPeer, "mp2p.peer")

namespace mp2p {

namespace {
// A RelayedPeer (core/user/relayed) attached as a child changes what every announce carries
// ("&relayed=ip:port"): the tracker URLs are rebuilt whenever its relayed address changes.
class RelayAttachFilter : public QObject {
public:
    RelayAttachFilter(QObject *peer, std::function<void()> rebuild)
        : QObject(peer), m_peer(peer), m_rebuild(std::move(rebuild)) {}
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_peer && event->type() == QEvent::ChildAdded)
            if (auto *relayed = qobject_cast<RelayedPeer *>(static_cast<QChildEvent *>(event)->child()))
                connect(relayed, &RelayedPeer::announceQueryChanged, this, m_rebuild);
        return false;
    }

private:
    QObject *m_peer;
    std::function<void()> m_rebuild;
};
} // namespace


ManagedPeer::ManagedPeer(PeerConfig config, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->config = std::move(config);
    d->network = network;
    if (d->config.credit.stateDir.isEmpty())
        d->config.credit.stateDir = d->config.dataDir;
    d->credit = std::make_unique<ContributionCredit>(d->config.credit);
    d->config.engine.sessionPlugins.push_back(d->credit->plugin());  // the BEP 10 receipt extension
    d->engine = std::make_unique<PeerEngine>(d->config.engine);
    installEventFilter(new RelayAttachFilter(this, [this] {
        if (!d->provider || d->provider->passkey().isEmpty())
            return;   // the first passkey builds the URLs (passkeyChanged below)
        const QString fallbackOms = d->provider->serviceUrl(QStringLiteral("oms"), {}).toString();
        for (const TransferStatus &t : d->engine->transfers())
            d->engine->setTrackerUrl(t.infoHash, announceUrlFor(d->omsOfTransfer.value(t.infoHash, fallbackOms),
                                                                d->provider->passkey(), relayedAnnounceQuery(this)));
        d->relayedRetries.clear();
        d->engine->forceReannounce();
    }));
}

ManagedPeer::~ManagedPeer() = default;

PeerEngine *ManagedPeer::engine() const { return d->engine.get(); }
ProviderClient *ManagedPeer::provider() const { return d->provider.get(); }
ActivityReporter *ManagedPeer::reporter() const { return d->reporter.get(); }
ContributionCredit *ManagedPeer::credit() const { return d->credit.get(); }
QString ManagedPeer::userId() const { return d->provider ? d->provider->identity().userId : QString(); }
QString ManagedPeer::region() const { return d->region; }

void ManagedPeer::locateWithUnis()
{
    // The directory may name the ISP's UNIS; it accepts our UMS token (R4).
    const QJsonArray unis = d->provider->directory().value(QStringLiteral("unis")).toArray();
    QHostAddress own(d->config.engine.outgoingInterfaces.section(QLatin1Char(','), 0, 0));
    if (unis.isEmpty() || own.isNull())
        return;
    d->alto = std::make_unique<AltoClient>(d->network);
    d->alto->setDirectoryUrl(QUrl(unis.first().toString()));
    d->alto->setRefreshInterval(10 * 60 * 1000);
    connect(d->alto.get(), &AltoClient::mapChanged, this, [this, own] {
        const QString region = d->alto->pidOf(own).value_or(QString());
        if (region != d->region) {
            d->region = region;
            Q_EMIT regionChanged(region);
        }
    });
    // The UNIS is the ISP's, not the provider's: it gets a short-lived token made for a UNIS,
    // asked for again whenever the provider token changes (a refresh comes well within its life).
    const auto fetchUnisToken = [this](bool startAfter) {
        d->provider->audienceToken(QStringLiteral("unis"), [this, startAfter](const JsonReply &r) {
            if (!d->alto)
                return;
            if (!r.ok()) {
                qCWarning(lcPeer).noquote() << "no UNIS token from the UMS:" << r.problem;
                return;
            }
            d->alto->setBearerToken(r.body.value(QStringLiteral("token")).toString());
            if (startAfter)
                d->alto->start();
        });
    };
    connect(d->provider.get(), &ProviderClient::tokenChanged, d->alto.get(), [fetchUnisToken] { fetchUnisToken(false); });
    fetchUnisToken(true);
}

void ManagedPeer::start()
{
    QString error;
    auto identity = Identity::loadOrCreate(d->config.dataDir, &error);
    if (!identity) {
        Q_EMIT failed(error);
        return;
    }
    if (!d->credit->open(identity->key, &error)) {  // before the session: the plugin signs with it
        Q_EMIT failed(QStringLiteral("cannot open the receipt store: ") + error);
        return;
    }
    if (!d->engine->start(&error)) {
        Q_EMIT failed(error);
        return;
    }
    d->provider = std::make_unique<ProviderClient>(d->config.providerUrl, *identity, d->network);
    if (!d->config.displayName.isEmpty())
        d->provider->setDisplayName(d->config.displayName);

    connect(d->provider.get(), &ProviderClient::failed, this, &ManagedPeer::failed);
    connect(d->provider.get(), &ProviderClient::passkeyChanged, this, [this](const QString &passkey) {
        // Tracker URLs carry the passkey: a rotated one replaces it in all of them.
        const QString fallbackOms = d->provider->serviceUrl(QStringLiteral("oms"), {}).toString();
        for (const TransferStatus &t : d->engine->transfers())
            d->engine->setTrackerUrl(t.infoHash, announceUrlFor(d->omsOfTransfer.value(t.infoHash, fallbackOms), passkey,
                                                                relayedAnnounceQuery(this)));
        d->engine->forceReannounce();  // a refused announce is not retried for minutes otherwise
    });
    connect(d->engine.get(), &PeerEngine::trackerError, this, [this](const QString &, const QString &message) {
        // Another program of this user (`mp2p passkey rotate`, the desktop) may have rotated the
        // passkey: this process learns it only from the tracker's refusal. Ask the UMS for the
        // current one, at most every 20 s (every torrent reports the same refusal).
        if (!message.contains(QLatin1String("unknown passkey")) || !d->provider->isReady())
            return;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (d->passkeyCheckedAtMs != 0 && now - d->passkeyCheckedAtMs < 20'000)
            return;
        d->passkeyCheckedAtMs = now;
        qCInfo(lcPeer) << "the tracker does not know our passkey: asking the UMS for the current one";
        d->provider->refreshPasskey({});
    });
    connect(d->engine.get(), &PeerEngine::trackerWarning, this, [this](const QString &infoHash, const QString &message) {
        // The relay reports a new allocation to the OMS at the same moment it hands it to us,
        // so our first announce may arrive before that report: the OMS then lists us at our
        // source address and says to announce again. libtorrent alone would wait its whole
        // announce interval; a few early retries, spaced out, close the gap.
        if (!message.startsWith(QLatin1String("relayed ")) || !message.contains(QLatin1String("announce again")))
            return;
        int &tries = d->relayedRetries[infoHash];
        if (tries >= Private::MaxRelayedRetries)
            return;
        const int delayMs = 2000 << tries++;
        qCInfo(lcPeer).noquote() << "the OMS did not list our relayed address yet (" << message << "): announcing again in"
                                 << delayMs / 1000 << "s";
        QTimer::singleShot(delayMs, this, [this, infoHash] { d->engine->forceReannounce(infoHash, true); });
    });
    connect(d->provider.get(), &ProviderClient::connectedChanged, this, [this](bool connected) {
        if (connected) {
            qCInfo(lcPeer) << "the provider is reachable again: re-joining every overlay";
            d->engine->forceReannounce();
        }
    });
    connect(d->provider.get(), &ProviderClient::ready, this, [this] {
        if (d->announcedReady)
            return;
        d->announcedReady = true;
        // The PAMS wants the address peers can reach: the configured one, with the port the
        // session actually bound when the configuration said 0 (any).
        QString address = d->config.advertisedAddress.isEmpty()
                              ? d->config.engine.listenInterfaces.section(QLatin1Char(','), 0, 0)
                              : d->config.advertisedAddress;
        const int colon = address.lastIndexOf(QLatin1Char(':'));
        if (colon > 0 && address.mid(colon + 1).toUInt() == 0 && d->engine->listenPort() != 0)
            address = address.left(colon + 1) + QString::number(d->engine->listenPort());
        if (address.startsWith(QLatin1String("0.0.0.0:")))
            address.clear();  // "any address" tells peers nothing; the OMS sees the real one
        const QJsonObject staticStatus{{QStringLiteral("maxUploadBps"), d->config.maxUploadBps},
                                       {QStringLiteral("maxDownloadBps"), d->config.maxDownloadBps},
                                       {QStringLiteral("maxConnections"), d->config.maxConnections},
                                       {QStringLiteral("listenAddress"), address},
                                       {QStringLiteral("reachable"), true}};
        d->reporter = std::make_unique<ActivityReporter>(d->provider.get(), staticStatus, [this] {
            QList<ActivityReporter::OverlayStatus> out;
            for (const TransferStatus &t : d->engine->transfers())
                out.append({t.infoHash, {}, t.uploaded, t.downloaded, t.left, t.uploadConnections, t.downloadConnections});
            return out;
        });
        d->reporter->start();
        d->credit->startRedeeming(d->provider.get());
        locateWithUnis();
        for (const TransferStatus &t : d->engine->transfers())
            d->reporter->reportEvent(t.infoHash, QStringLiteral("started"));
        Q_EMIT ready();
    });
    connect(d->engine.get(), &PeerEngine::transferFinished, this, [this](const QString &infoHash) {
        if (d->reporter) {
            d->reporter->reportEvent(infoHash, QStringLiteral("completed"));
            // libtorrent folds the last blocks into its byte counters at its next second tick,
            // so "completed" can carry a few blocks less than arrived. The PAMS caps credit by
            // this report: send the full figure once the counters caught up (the engine re-reads
            // them 1.5 s after completion), so receipts for the whole file are not refused.
            QTimer::singleShot(2500, this, [this, infoHash] {
                if (d->reporter)
                    d->reporter->reportEvent(infoHash, QString());
            });
        }
        Q_EMIT finished(infoHash);
    });
    d->provider->connectToProvider();
}

void ManagedPeer::shutdown(std::function<void()> done)
{
    if (!d->reporter || d->engine->transfers().isEmpty()) {
        d->engine->shutdown(std::move(done));
        return;
    }
    // Leave every overlay at the PAMS (PAMP "stopped"), give the reports a moment to go
    // out, then save resume data and close the session.
    for (const TransferStatus &t : d->engine->transfers())
        d->reporter->reportEvent(t.infoHash, QStringLiteral("stopped"));
    auto fired = std::make_shared<bool>(false);
    auto proceed = std::make_shared<std::function<void()>>([this, fired, done = std::move(done)]() mutable {
        if (*fired)
            return;
        *fired = true;
        d->engine->shutdown(std::move(done));
    });
    connect(d->reporter.get(), &ActivityReporter::reportSent, this, [this, proceed](int pending) {
        if (pending == 0 && d->reporter->queued() == 0)
            (*proceed)();
    });
    QTimer::singleShot(3000, this, [proceed] { (*proceed)(); });
}

QString ManagedPeer::infoHashFromReference(const QString &reference, bool *isContentId, QString *error)
{
    *isContentId = false;
    const QString ref = reference.trimmed();
    if (ref.startsWith(QLatin1String("magnet:"), Qt::CaseInsensitive)) {
        lt::error_code ec;
        const lt::add_torrent_params params = lt::parse_magnet_uri(ref.toStdString(), ec);
        if (ec || !params.info_hashes.has_v1()) {
            *error = QStringLiteral("the magnet link is malformed (%1); it needs xt=urn:btih:<info-hash>")
                         .arg(ec ? QString::fromStdString(ec.message()) : QStringLiteral("no v1 info-hash"));
            return {};
        }
        const auto v1 = params.info_hashes.v1.to_string();
        return QString::fromLatin1(QByteArray(v1.data(), qsizetype(v1.size())).toHex());
    }
    const QString lower = ref.toLower();
    const bool hex = !lower.isEmpty() && std::all_of(lower.begin(), lower.end(), [](QChar c) {
        return (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
    });
    if (hex && lower.size() == 40)
        return lower;
    if (hex && lower.size() == 32) {
        *isContentId = true;
        return lower;
    }
    *error = QStringLiteral("'%1' is neither an IXS content id (32 hex), an info-hash (40 hex) nor a magnet link; "
                            "find one with: mp2p search WORDS").arg(ref.left(80));
    return {};
}

void ManagedPeer::search(const QString &query, int page, int perPage, ProviderClient::Callback done)
{
    d->provider->searchContent(query, page, perPage, std::move(done));
}

} // namespace mp2p
