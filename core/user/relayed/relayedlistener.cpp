#include "relayedlistener.h"

#include <relay/bytepump.h>

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

void RelayedListener::splice(QTcpSocket *relayed, const QHostAddress &peer)
{
    relayed->setParent(this);
    relayed->setReadBufferSize(BytePump::kReadBuffer);   // hold the peer back until the join
    auto *local = new QTcpSocket(this);
    auto joined = std::make_shared<bool>(false);
    connect(local, &QTcpSocket::connected, this, [this, relayed, local, peer, joined] {
        *joined = true;
        local->disconnect(this);
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
