#include "relayserver.h"

#include "relayallocation.h"
#include "relaysession.h"

#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace mp2p {

QString RelayServerConfig::validate() const
{
    struct Bound {
        const char *name;
        qint64 value, min, max;
    };
    const Bound bounds[] = {
        {"maxAllocations", maxAllocations, 1, 100000},
        {"maxAllocationsPerUser", maxAllocationsPerUser, 1, 100000},
        {"maxPermissionsPerAllocation", maxPermissionsPerAllocation, 1, 10000},
        {"maxConnectionsPerAllocation", maxConnectionsPerAllocation, 1, 100000},
        {"permissionLifetime", qint64(permissionLifetime), 1, 3600},
        // An allocation not refreshed within it ends (RFC 5766 §7.2); the OMS takes reports up to 3600 s.
        {"maxLifetime", qint64(maxLifetime), 1, 3600},
    };
    for (const Bound &b : bounds)
        if (b.value < b.min || b.value > b.max)
            return QStringLiteral("relay server: %1 must be from %2 to %3 (it is %4)")
                .arg(QLatin1String(b.name)).arg(b.min).arg(b.max).arg(b.value);
    if (minRelayPort != 0 && minRelayPort < 1024)
        return QStringLiteral("relay server: minPort must be 0 (any free port) or from 1024: the OMS does not list "
                              "relayed addresses on ports below 1024");
    if (maxAllocationsPerUser > maxAllocations)
        return QStringLiteral("relay server: maxAllocationsPerUser (%1) cannot exceed maxAllocations (%2)")
            .arg(maxAllocationsPerUser).arg(maxAllocations);
    QList<RelayPeerPolicy::Range> ranges;
    QString why;
    if (!RelayPeerPolicy::parseRanges(allowedPeerRanges, &ranges, &why))
        return QStringLiteral("relay server: allowedPeerRanges: ") + why;
    return {};
}

RelayServer::RelayServer(QObject *parent) : QObject(parent) {}

RelayServer::~RelayServer()
{
    stop();
}

bool RelayServer::start(const RelayServerConfig &config, QString *error)
{
    stop();
    m_config = config;
    if (m_config.relayAddress.isNull())
        m_config.relayAddress = m_config.listenAddress;
    if (m_config.users.isEmpty() && m_config.authSecret.isEmpty()) {
        if (error)
            *error = QStringLiteral("relay server: no credentials configured (give users or an auth secret)");
        return false;
    }
    if (const QString invalid = m_config.validate(); !invalid.isEmpty()) {
        if (error)
            *error = invalid;
        return false;
    }
    QList<RelayPeerPolicy::Range> ranges;
    QString ignored;
    RelayPeerPolicy::parseRanges(m_config.allowedPeerRanges, &ranges, &ignored);   // valid: checked above
    m_peerPolicy = RelayPeerPolicy(m_config.allowLoopbackPeers, ranges);
    m_auth.setRealm(m_config.realm);
    m_auth.setUsers(m_config.users);
    m_auth.setSecret(m_config.authSecret);
    m_listener = new QTcpServer(this);
    m_listener->setMaxPendingConnections(256);
    if (!m_listener->listen(m_config.listenAddress, m_config.listenPort)) {
        if (error)
            *error = QStringLiteral("relay server: cannot listen on %1:%2: %3")
                         .arg(m_config.listenAddress.toString()).arg(m_config.listenPort)
                         .arg(m_listener->errorString());
        delete m_listener;
        m_listener = nullptr;
        return false;
    }
    connect(m_listener, &QTcpServer::newConnection, this, &RelayServer::onNewConnection);
    return true;
}

void RelayServer::stop()
{
    if (m_listener) {
        m_listener->close();
        m_listener->deleteLater();
        m_listener = nullptr;
    }
    const auto allocations = m_allocations;
    m_allocations.clear();
    for (const QPointer<RelayAllocation> &a : allocations)
        if (a)
            a->close();
    for (const Attempt &attempt : std::as_const(m_attempts))
        if (attempt.peer)
            attempt.peer->abort();
    m_attempts.clear();
    for (const QPointer<QTcpSocket> &s : std::as_const(m_handshaking))
        if (s)
            s->abort();
    m_handshaking.clear();
}

void RelayServer::setAuthSecret(const QByteArray &secret)
{
    m_config.authSecret = secret;
    m_auth.setSecret(secret);
}

bool RelayServer::isRunning() const
{
    return m_listener && m_listener->isListening();
}

quint16 RelayServer::port() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

void RelayServer::setLimits(const RelayLimits &limits)
{
    m_limits = limits;
    m_bucket.setRate(limits.uploadBytesPerSec);
}

int RelayServer::allocationCount() const
{
    int n = 0;
    for (const QPointer<RelayAllocation> &a : m_allocations)
        n += a && !a->isClosed() ? 1 : 0;
    return n;
}

int RelayServer::relayedConnectionCount() const
{
    int n = 0;
    for (const QPointer<RelayAllocation> &a : m_allocations)
        if (a)
            n += a->connectionCount();
    return n;
}

bool RelayServer::admitConnection()
{
    if (m_limits.maxConnections > 0 && relayedConnectionCount() >= m_limits.maxConnections) {
        ++m_refused;
        return false;
    }
    return true;
}

void RelayServer::onNewConnection()
{
    while (QTcpSocket *socket = m_listener->nextPendingConnection()) {
        m_handshaking.removeAll(nullptr);
        m_handshaking.append(socket);
        // A connection that never says anything useful is dropped after a while.
        QTimer::singleShot(m_config.connectionAttemptTimeoutMs, socket, [socket] {
            if (socket->property("mp2pRelayUsed").isNull())
                socket->abort();
        });
        new RelaySession(this, socket);
    }
}

quint16 RelayServer::pickRelayPort(QTcpServer *server)
{
    const quint16 lo = m_config.minRelayPort, hi = m_config.maxRelayPort;
    if (lo == 0 || hi < lo)
        return server->listen(m_config.relayAddress, 0) ? server->serverPort() : 0;
    const int span = hi - lo + 1;
    const int start = int(QRandomGenerator::global()->bounded(span));
    for (int i = 0; i < span; ++i) {
        const quint16 port = quint16(lo + (start + i) % span);
        if (server->listen(m_config.relayAddress, port))
            return port;
    }
    return 0;
}

int RelayServer::allocationCountOf(const QString &userId) const
{
    int n = 0;
    for (const QPointer<RelayAllocation> &a : m_allocations)
        n += a && !a->isClosed() && a->identity().userId == userId ? 1 : 0;
    return n;
}

RelayAllocation *RelayServer::createAllocation(QTcpSocket *control, const QString &username, const QByteArray &key,
                                               quint32 lifetime, int *errorCode, QString *error)
{
    m_allocations.removeAll(nullptr);
    // Per user id, not per TURN name: a user can mint any number of REST names (one per expiry).
    const QString userId = RelayIdentity::fromUsername(username).userId;
    if (allocationCountOf(userId) >= m_config.maxAllocationsPerUser) {
        *errorCode = 486;
        *error = QStringLiteral("Allocation Quota Reached: at most %1 allocations per user on this relay; "
                                "delete one (Refresh with LIFETIME 0) first")
                     .arg(m_config.maxAllocationsPerUser);
        return nullptr;
    }
    if (allocationCount() >= m_config.maxAllocations) {
        *errorCode = 508;
        *error = QStringLiteral("Insufficient Capacity: this relay holds its maximum of %1 allocations; try later "
                                "or another relay")
                     .arg(m_config.maxAllocations);
        return nullptr;
    }
    auto *relayed = new QTcpServer();
    if (pickRelayPort(relayed) == 0) {
        delete relayed;
        *errorCode = 508;
        *error = QStringLiteral("Insufficient Capacity (no free relay port)");
        return nullptr;
    }
    control->setProperty("mp2pRelayUsed", true);
    auto *allocation = new RelayAllocation(this, control, relayed, username, key, this);
    allocation->setLifetime(lifetime);
    m_allocations.append(allocation);
    const QString name = username;
    connect(allocation, &RelayAllocation::closed, this, [this, name] {
        Q_EMIT allocationClosed(name);
        Q_EMIT allocationsChanged();
    });
    connect(allocation, &RelayAllocation::refreshed, this, &RelayServer::allocationsChanged);
    Q_EMIT allocationCreated(username, relayed->serverPort());
    Q_EMIT allocationsChanged();
    return allocation;
}

quint32 RelayServer::registerAttempt(RelayAllocation *allocation, QTcpSocket *peer)
{
    quint32 id = 0;
    do {
        id = QRandomGenerator::global()->generate();
    } while (id == 0 || m_attempts.contains(id));
    m_attempts.insert(id, {allocation, peer});
    // RFC 6062 §5.3: a peer connection not bound within 30 s is closed.
    QTimer::singleShot(m_config.connectionAttemptTimeoutMs, this, [this, id] {
        const auto it = m_attempts.find(id);
        if (it == m_attempts.end())
            return;
        if (it->peer) {
            it->peer->abort();
            it->peer->deleteLater();
        }
        if (it->allocation)
            it->allocation->attemptEnded();
        m_attempts.erase(it);
    });
    return id;
}

RelayAllocation *RelayServer::takeAttempt(quint32 connectionId, QTcpSocket **peer)
{
    const Attempt attempt = m_attempts.take(connectionId);
    if (attempt.allocation)
        attempt.allocation->attemptEnded();
    if (!attempt.allocation || !attempt.peer || attempt.peer->state() != QAbstractSocket::ConnectedState)
        return nullptr;
    *peer = attempt.peer;
    return attempt.allocation;
}

void RelayServer::countBytes(const RelayAllocation *allocation, qint64 bytes)
{
    m_totalBytes += bytes;
    m_bytesByUser[allocation->identity().userId] += bytes;
    if (!allocation->identity().overlayId.isEmpty())
        m_bytesByOverlay[allocation->identity().overlayId] += bytes;
}

QList<RelayAllocationInfo> RelayServer::allocations() const
{
    QList<RelayAllocationInfo> out;
    for (const QPointer<RelayAllocation> &a : m_allocations) {
        if (!a)
            continue;
        const auto relayed = a->relayedEndpoint();
        out.append({a->identity().username, a->identity().userId, a->identity().overlayId, relayed.address,
                    relayed.port, a->bytesToPeers(), a->bytesFromPeers(), a->connectionCount(), a->remainingMs()});
    }
    return out;
}

} // namespace mp2p
