#include "relayallocation.h"

#include "bytepump.h"
#include "relayserver.h"

#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QtEndian>

namespace mp2p {

using namespace stun;

RelayAllocation::RelayAllocation(RelayServer *server, QTcpSocket *control, QTcpServer *relayed,
                                 const QString &username, const QByteArray &key, QObject *parent)
    : QObject(parent), m_server(server), m_control(control), m_relayed(relayed),
      m_identity(RelayIdentity::fromUsername(username)), m_key(key), m_expiry(new QTimer(this))
{
    m_clock.start();
    m_relayed->setParent(this);
    m_expiry->setSingleShot(true);
    connect(m_expiry, &QTimer::timeout, this, &RelayAllocation::close);
    connect(m_relayed, &QTcpServer::newConnection, this, &RelayAllocation::onPeerConnection);
}

RelayAllocation::~RelayAllocation() = default;

Endpoint RelayAllocation::relayedEndpoint() const
{
    // A relay listening on 0.0.0.0 / :: is reached at the address the client reached us at.
    QHostAddress address = m_relayed->serverAddress();
    if ((address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6 || address == QHostAddress::Any)
        && m_control) {
        bool isV4 = false;
        const quint32 v4 = m_control->localAddress().toIPv4Address(&isV4);
        address = isV4 ? QHostAddress(v4) : m_control->localAddress();
    }
    return {address, m_relayed->serverPort()};
}

void RelayAllocation::setLifetime(quint32 seconds)
{
    m_expiry->start(int(seconds) * 1000);
    Q_EMIT refreshed();
}

qint64 RelayAllocation::remainingMs() const
{
    return m_closed || !m_expiry->isActive() ? 0 : qMax(0, m_expiry->remainingTime());
}

QString RelayAllocation::key(const QHostAddress &peer)
{
    bool isV4 = false;
    const quint32 v4 = peer.toIPv4Address(&isV4);   // a v4-mapped v6 peer counts as its v4 address
    return isV4 ? QHostAddress(v4).toString() : peer.toString();
}

void RelayAllocation::addPermission(const QHostAddress &peer)
{
    purgePermissions();
    m_permissions.insert(key(peer), m_clock.elapsed() + qint64(m_server->config().permissionLifetime) * 1000);
}

bool RelayAllocation::hasPermission(const QHostAddress &peer) const
{
    const auto it = m_permissions.constFind(key(peer));
    return it != m_permissions.cend() && *it > m_clock.elapsed();
}

// RFC 5766 §8: a permission not refreshed within its lifetime is gone; it neither admits peers
// nor counts against the allocation's quota.
void RelayAllocation::purgePermissions()
{
    const qint64 now = m_clock.elapsed();
    m_permissions.removeIf([now](const auto &it) { return it.value() <= now; });
}

int RelayAllocation::permissionCountWith(const QList<QHostAddress> &peers)
{
    purgePermissions();
    QSet<QString> keys;
    for (const QHostAddress &peer : peers)
        if (!m_permissions.contains(key(peer)))
            keys.insert(key(peer));
    return int(m_permissions.size() + keys.size());
}

void RelayAllocation::onPeerConnection()
{
    while (QTcpSocket *peer = m_relayed->nextPendingConnection()) {
        // Without a permission, over this allocation's share or over the volunteer's connection
        // limit, the peer is refused.
        const bool full = connectionCount() >= m_server->config().maxConnectionsPerAllocation;
        if (m_closed || !m_control || !hasPermission(peer->peerAddress()) || full || !m_server->admitConnection()) {
            if (full)
                m_server->countRefused();
            peer->abort();
            peer->deleteLater();
            continue;
        }
        peer->setParent(this);
        peer->setReadBufferSize(BytePump::kReadBuffer);   // nothing is read before the bind
        const quint32 id = m_server->registerAttempt(this, peer);
        ++m_waiting;
        Message attempt(ConnectionAttempt, Indication);
        QByteArray idBytes(4, '\0');
        qToBigEndian(id, idBytes.data());
        attempt.add(ConnectionId, idBytes);
        attempt.addXorAddress(XorPeerAddress, {peer->peerAddress(), peer->peerPort()});
        m_control->write(attempt.encode({}, true));
    }
}

void RelayAllocation::join(QTcpSocket *data, QTcpSocket *peer)
{
    auto *pump = new BytePump(data, peer, m_server->bucket(), this);
    m_pumps.append(pump);
    pump->setCounter([this](qint64 toPeer, qint64 fromPeer) {
        m_toPeers += toPeer;
        m_fromPeers += fromPeer;
        m_server->countBytes(this, toPeer + fromPeer);
    });
    connect(pump, &BytePump::finished, this, [this, pump] { m_pumps.removeAll(pump); });
}

void RelayAllocation::close()
{
    if (m_closed)
        return;
    m_closed = true;
    m_expiry->stop();
    m_relayed->close();
    for (const QPointer<BytePump> &pump : std::as_const(m_pumps))
        if (pump)
            pump->close();
    m_pumps.clear();
    for (QTcpSocket *waiting : findChildren<QTcpSocket *>(QString(), Qt::FindDirectChildrenOnly))
        waiting->abort();   // peers still waiting for their ConnectionBind
    if (m_control) {
        m_control->flush();   // the answer to a Refresh with LIFETIME 0 still goes out
        m_control->abort();
    }
    Q_EMIT closed();
    deleteLater();
}

} // namespace mp2p
