#include "relayedpeer.h"

#include <user/managedpeer.h>

#include <QJsonArray>
#include <QLoggingCategory>
#include <QTimer>
#include <QUrl>

Q_LOGGING_CATEGORY(lcRelayedPeer, "mp2p.relayed")

namespace mp2p {

namespace {
constexpr int kPermissionIntervalMs = 10000;   // how often the overlays' peer lists are read
constexpr int kRetryMs = 30000;                 // a failed allocation is tried again after this

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

bool parseRelaySpec(const QString &spec, TurnClientConfig *out, QString *error)
{
    const QUrl url(spec.contains(QStringLiteral("://")) ? spec : QStringLiteral("turn://") + spec);
    const QHostAddress host(url.host());
    if (!url.isValid() || url.scheme() != QLatin1String("turn") || host.isNull() || url.port() <= 0
        || url.userName().isEmpty()) {
        *error = QStringLiteral("--relay: '%1' is not turn://user:password@ip:port (e.g. turn://me:pw@198.18.0.1:3478)")
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
    auto *relayed = new RelayedPeer(peer, turn);
    relayed->setParent(peer);   // fully built first: ManagedPeer looks for it among its children
    relayed->start();
    return relayed;
}

RelayedPeer::RelayedPeer(ManagedPeer *peer, const TurnClientConfig &turn)
    : m_peer(peer), m_turn(turn), m_listener(new RelayedListener(this)), m_permissionTimer(new QTimer(this)),
      m_retryTimer(new QTimer(this))
{
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
        qCWarning(lcRelayedPeer) << "relay:" << why << "- trying again in" << kRetryMs / 1000 << "s";
        m_permissionTimer->stop();
        Q_EMIT announceQueryChanged();   // no relayed address any more
        Q_EMIT failed(why);
        m_retryTimer->start(kRetryMs);
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
    const QHostAddress address = listenAddress(m_peer->engine()->listenInterfaces());
    m_listener->start(m_turn, address, m_peer->engine()->listenPort());
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
