#include "relayedlistener.h"

#include <relay/bytepump.h>
#include <user/credit/relaydirectory.h>

#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace mp2p {

namespace {
constexpr int kLocalConnectTimeoutMs = 10000;
}

RelayedListener::RelayedListener(QObject *parent) : QObject(parent), m_client(new TurnClient(this))
{
    connect(m_client, &TurnClient::allocated, this, [this] { Q_EMIT ready(relayedAddress()); });
    connect(m_client, &TurnClient::failed, this, &RelayedListener::failed);
    connect(m_client, &TurnClient::incomingConnection, this,
            [this](QTcpSocket *s, const QHostAddress &peer, quint16) { splice(s, peer); });
}

RelayedListener::~RelayedListener() = default;

void RelayedListener::start(const TurnClientConfig &turn, const QHostAddress &targetAddress, quint16 targetPort)
{
    setTarget(targetAddress, targetPort);
    m_client->start(turn);
}

void RelayedListener::stop()
{
    m_client->stop();
}

void RelayedListener::setTarget(const QHostAddress &address, quint16 port)
{
    // libtorrent listening on 0.0.0.0 / :: is reached through loopback.
    m_targetAddress = address.isNull() || address == QHostAddress::AnyIPv4 || address == QHostAddress::Any
                          ? QHostAddress(QHostAddress::LocalHost)
                          : address == QHostAddress::AnyIPv6 ? QHostAddress(QHostAddress::LocalHostIPv6) : address;
    m_targetPort = port;
}

QString RelayedListener::relayedAddress() const
{
    if (!m_client->isAllocated())
        return {};
    const stun::Endpoint e = m_client->relayedEndpoint();
    const QString host = e.address.protocol() == QAbstractSocket::IPv6Protocol
                             ? u'[' + e.address.toString() + u']'
                             : e.address.toString();
    return host + u':' + QString::number(e.port);
}

QString RelayedListener::announceQuery() const
{
    const QString address = relayedAddress();
    return address.isEmpty() ? QString()
                             : QStringLiteral("&relayed=") + QString::fromLatin1(QUrl::toPercentEncoding(address, ":[]"));
}

void RelayedListener::grantPeers(const QList<QHostAddress> &peers)
{
    m_client->grantPermissions(peers);
}

void RelayedListener::setRelayAttribution(std::shared_ptr<RelayDirectory> directory, const QString &rsOwnerId)
{
    m_directory = std::move(directory);
    m_rsOwner = rsOwnerId;
}

void RelayedListener::attribute(QTcpSocket *local, const std::shared_ptr<RelayDirectory> &directory, const QString &owner)
{
    if (!directory || owner.isEmpty())
        return;   // nobody to credit (no owner known for this relay)
    const QHostAddress address = local->localAddress();
    const quint16 port = local->localPort();
    directory->setConnectionRelay(address, port, owner);
    Q_EMIT connectionAttributed(address, port, owner);
    // Forget the endpoint as soon as the socket closes (the port may be reused), and at the
    // latest when it is deleted (the listener may go away first); only once either way. No
    // context object on the second connection: it must run even while this listener dies.
    auto forgotten = std::make_shared<bool>(false);
    const std::weak_ptr<RelayDirectory> weak = directory;
    auto forget = [weak, address, port, forgotten] {
        if (*forgotten)
            return false;
        *forgotten = true;
        if (const auto d = weak.lock())
            d->forgetConnection(address, port);
        return true;
    };
    connect(local, &QTcpSocket::disconnected, this, [this, forget, address, port] {
        if (forget())
            Q_EMIT attributionForgotten(address, port);
    });
    connect(local, &QObject::destroyed, [forget] { forget(); });
}

void RelayedListener::splice(QTcpSocket *relayed, const QHostAddress &peer)
{
    relayed->setParent(this);
    relayed->setReadBufferSize(BytePump::kReadBuffer);   // hold the peer back until the join
    auto *local = new QTcpSocket(this);
    auto joined = std::make_shared<bool>(false);
    // The relay this connection came through is the current one (taken now, not at the join).
    const std::shared_ptr<RelayDirectory> directory = m_directory;
    const QString owner = m_rsOwner;
    connect(local, &QTcpSocket::connected, this, [this, relayed, local, peer, joined, directory, owner] {
        *joined = true;
        local->disconnect(this);
        attribute(local, directory, owner);
        // a = local listener, b = relayed peer
        auto *pump = new BytePump(local, relayed, nullptr, this);
        pump->setCounter([this](qint64 toPeer, qint64 fromPeer) {
            m_bytesOut += toPeer;
            m_bytesIn += fromPeer;
        });
        ++m_spliced;
        Q_EMIT connectionSpliced(peer);
    });
    auto giveUp = [relayed, local, joined] {
        if (*joined)
            return;
        *joined = true;
        relayed->abort();
        relayed->deleteLater();
        local->abort();
        local->deleteLater();
    };
    connect(local, &QTcpSocket::errorOccurred, this, giveUp);
    QTimer::singleShot(kLocalConnectTimeoutMs, local, giveUp);
    local->connectToHost(m_targetAddress, m_targetPort);
}

} // namespace mp2p
