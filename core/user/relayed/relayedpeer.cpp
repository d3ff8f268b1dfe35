#include "relayedpeer.h"

#include <user/managedpeer.h>

#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QTimer>
#include <QUrl>

Q_LOGGING_CATEGORY(lcRelayedPeer, "mp2p.relayed")

namespace mp2p {

namespace {
constexpr int kPermissionIntervalMs = 10000;   // how often the overlays' peer lists are read
constexpr int kRetryMs = 30000;                 // a failed allocation is tried again after this
constexpr int kBrokeredRetryMs = 5000;          // ... or, brokered, the OMS is asked again (cheap)
constexpr qint64 kRenewMarginSecs = 120;        // brokered credentials are renewed this long before expiry

// The address libtorrent listens on, as a place to connect to ("0.0.0.0:6881" → 127.0.0.1).
QHostAddress listenAddress(const QString &interfaces)
{
    const QString first = interfaces.section(u',', 0, 0).trimmed();
    const int colon = first.lastIndexOf(u':');
    QString host = first.left(qMax(colon, 0));
    host.remove(u'[').remove(u']');
    return QHostAddress(host);
}
} // namespace

bool isBrokeredRelaySpec(const QString &spec)
{
    return spec.trimmed().compare(QLatin1String("oms"), Qt::CaseInsensitive) == 0;
}

bool parseRelaySpec(const QString &spec, TurnClientConfig *out, QString *error)
{
    const QUrl url(spec.contains(QStringLiteral("://")) ? spec : QStringLiteral("turn://") + spec);
    const QHostAddress host(url.host());
    if (!url.isValid() || url.scheme() != QLatin1String("turn") || host.isNull() || url.port() <= 0
        || url.userName().isEmpty()) {
        *error = QStringLiteral("--relay: '%1' is not turn://user:password@ip:port (e.g. turn://me:pw@198.18.0.1:3478) "
                                "nor \"oms\" (ask the OMS for a relay)")
                     .arg(spec);
        return false;
    }
    out->serverAddress = host;
    out->serverPort = quint16(url.port());
    out->username = url.userName();
    out->password = url.password();
    return true;
}

RelayedPeer *RelayedPeer::attach(ManagedPeer *peer, const TurnClientConfig &turn)
{
    auto *relayed = new RelayedPeer(peer, turn, false);
    relayed->setParent(peer);   // fully built first: ManagedPeer looks for it among its children
    relayed->start();
    return relayed;
}

RelayedPeer *RelayedPeer::attachBrokered(ManagedPeer *peer)
{
    auto *relayed = new RelayedPeer(peer, TurnClientConfig{}, true);
    relayed->setParent(peer);
    relayed->start();
    return relayed;
}

RelayedPeer::RelayedPeer(ManagedPeer *peer, const TurnClientConfig &turn, bool brokered)
    : m_peer(peer), m_turn(turn), m_listener(new RelayedListener(this)), m_permissionTimer(new QTimer(this)),
      m_retryTimer(new QTimer(this)), m_renewTimer(new QTimer(this)), m_brokered(brokered)
{
    m_renewTimer->setSingleShot(true);
    connect(m_renewTimer, &QTimer::timeout, this, &RelayedPeer::start);
    m_permissionTimer->setInterval(kPermissionIntervalMs);
    connect(m_permissionTimer, &QTimer::timeout, this, &RelayedPeer::refreshPermissions);
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &RelayedPeer::start);
    connect(m_listener, &RelayedListener::ready, this, [this](const QString &relayed) {
        qCInfo(lcRelayedPeer) << "relayed address" << relayed << "on" << m_turn.serverAddress.toString();
        refreshPermissions();
        m_permissionTimer->start();
        Q_EMIT announceQueryChanged();
    });
    connect(m_listener, &RelayedListener::failed, this, [this](const QString &why) {
        const int retryMs = m_brokered ? kBrokeredRetryMs : kRetryMs;
        qCWarning(lcRelayedPeer) << "relay:" << why << "- trying again in" << retryMs / 1000 << "s";
        m_permissionTimer->stop();
        m_renewTimer->stop();
        Q_EMIT announceQueryChanged();   // no relayed address any more
        Q_EMIT failed(why);
        m_retryTimer->start(retryMs);
    });
    connect(peer->engine(), &PeerEngine::transferAdded, this, [this] {
        if (m_listener->isReady())
            refreshPermissions();
    });
}

RelayedPeer::~RelayedPeer() = default;

void RelayedPeer::start()
{
    if (!m_peer)
        return;
    if (m_brokered) {
        askBroker();
        return;
    }
    const QHostAddress address = listenAddress(m_peer->engine()->listenInterfaces());
    m_listener->start(m_turn, address, m_peer->engine()->listenPort());
}

void RelayedPeer::askBroker()
{
    const QPointer<RelayedPeer> guard(this);
    m_peer->provider()->call("POST", QStringLiteral("oms"), QStringLiteral("/oms/v1/relays/credentials"), QJsonObject{},
                             [this, guard](const JsonReply &r) {
        if (!guard || !m_peer)
            return;
        TurnClientConfig turn;
        QString problem;
        if (!r.ok())
            problem = QStringLiteral("the OMS handed out no relay (%1)").arg(r.problem);
        else if (!parseRelaySpec(r.body.value(QStringLiteral("uri")).toString(), &turn, &problem))
            problem = QStringLiteral("the OMS's relay answer is unusable: ") + problem;
        if (!problem.isEmpty()) {
            qCWarning(lcRelayedPeer).noquote() << "relay:" << problem << "- asking again in" << kBrokeredRetryMs / 1000 << "s";
            Q_EMIT failed(problem);
            m_retryTimer->start(kBrokeredRetryMs);
            return;
        }
        turn.lifetime = m_turn.lifetime;
        m_turn = turn;
        // Ask for new credentials before these expire (the RS refuses refreshes after that).
        const qint64 ttl = r.body.value(QStringLiteral("expiresAt")).toInteger() - QDateTime::currentSecsSinceEpoch();
        const qint64 renewIn = ttl > 2 * kRenewMarginSecs ? ttl - kRenewMarginSecs : qMax<qint64>(ttl / 2, 10);
        m_renewTimer->start(int(qMin<qint64>(renewIn, 86400) * 1000));
        qCInfo(lcRelayedPeer).noquote() << "the OMS assigned relay" << r.body.value(QStringLiteral("resourceId")).toString()
                                        << "at" << turn.serverAddress.toString() + u':' + QString::number(turn.serverPort);
        Q_EMIT relayAssigned(r.body);
        attributeTo(r.body.value(QStringLiteral("owner")).toString());
        const QHostAddress address = listenAddress(m_peer->engine()->listenInterfaces());
        m_listener->start(m_turn, address, m_peer->engine()->listenPort());
    });
}

void RelayedPeer::attributeTo(const QString &rsOwnerId)
{
    // What this peer downloads over its relayed connections went through the RS: the relay
    // receipts it signs credit the RS owner the broker named. Not when that is ourselves (the
    // PAMS refuses self-dealing anyway), nor without a credit component.
    ContributionCredit *credit = m_peer ? m_peer->credit() : nullptr;
    const bool ours = m_peer && m_peer->provider() && rsOwnerId == m_peer->provider()->identity().userId;
    m_listener->setRelayAttribution(credit ? credit->relayDirectory() : nullptr, ours ? QString() : rsOwnerId);
}

void RelayedPeer::refreshPermissions()
{
    if (!m_peer)
        return;
    for (const TransferStatus &t : m_peer->engine()->transfers()) {
        const QString path = QStringLiteral("/oms/v1/overlays/%1/peers").arg(t.infoHash);
        m_peer->provider()->call("GET", QStringLiteral("oms"), path, {}, [this](const JsonReply &r) {
            if (!r.ok())
                return;
            QList<QHostAddress> peers;
            for (const QJsonValue &v : r.body.value(QStringLiteral("peers")).toArray()) {
                const QHostAddress ip(v.toObject().value(QStringLiteral("ip")).toString());
                if (!ip.isNull() && !(ip == m_listener->relayedEndpoint().address))
                    peers.append(ip);
            }
            m_listener->grantPeers(peers);
        });
    }
}

QString relayedAnnounceQuery(const QObject *managedPeer)
{
    const auto *relayed = managedPeer ? managedPeer->findChild<RelayedPeer *>(QString(), Qt::FindDirectChildrenOnly)
                                      : nullptr;
    return relayed ? relayed->announceQuery() : QString();
}

} // namespace mp2p
