#pragma once

#include "peerpolicy.h"
#include "relayauth.h"
#include "tokenbucket.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>

class QTcpServer;
class QTcpSocket;

namespace mp2p {

class RelayAllocation;
class BytePump;

struct RelayServerConfig {
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 listenPort = 3478;                // 0 = any free port (see RelayServer::port())
    QHostAddress relayAddress;                // where relayed ports listen; null = listenAddress
    quint16 minRelayPort = 0, maxRelayPort = 0;   // 0/0 = any free port
    QString realm = QStringLiteral("mp2p");
    QHash<QString, QString> users;            // static user → password (tests, dedicated setups)
    QByteArray authSecret;                    // TURN REST API shared secret (same as coturn's)
    quint32 defaultLifetime = 600, maxLifetime = 3600;
    int connectionAttemptTimeoutMs = 30000;   // RFC 6062 §5.3: 30 s to bind

    // Peers an allocation may admit (RelayPeerPolicy): loopback, private, link-local, multicast,
    // unspecified and broadcast addresses get 403 Forbidden unless allowed here. Only tests and
    // relays that serve one LAN allow them; the default is the internet only.
    bool allowLoopbackPeers = false;
    QStringList allowedPeerRanges;            // CIDR, e.g. "10.0.0.0/8"

    // Quotas, so one user cannot take the relay for themself (checked by validate()).
    int maxAllocations = 1000;                // in total; beyond: 508 Insufficient Capacity
    int maxAllocationsPerUser = 8;            // per mp2p user id (RelayIdentity); beyond: 486
    int maxPermissionsPerAllocation = 64;     // live permissions; beyond: 508 Insufficient Capacity
    int maxConnectionsPerAllocation = 100;    // RFC 6062 peer connections (waiting + joined); more are refused
    quint32 permissionLifetime = 300;         // seconds, RFC 5766 §8 (shorter only in tests)

    // Empty when the values are usable; otherwise what is wrong, naming the field.
    QString validate() const;
};

// What a volunteer allows; applied at once by setLimits().
struct RelayLimits {
    qint64 uploadBytesPerSec = 0;   // 0 = unlimited; one token bucket for every relayed connection
    int maxConnections = 0;         // 0 = unlimited; relayed connections beyond it are refused
};

struct RelayAllocationInfo {
    QString username, userId, overlayId;
    QHostAddress relayedAddress;
    quint16 relayedPort = 0;
    qint64 bytesToPeers = 0, bytesFromPeers = 0;
    int connections = 0;
    qint64 expiresInMs = 0;   // until its lifetime ends unless refreshed
};

// Our Relay Server: TURN over TCP (RFC 5766 allocations with RFC 6062 TCP relaying), the
// same protocol coturn speaks, with long-term credentials, permissions, ConnectionAttempt /
// ConnectionBind, data pumping with back-pressure, the volunteer's limits and byte counters
// per allocation, per user and per overlay (from the REST user name, see RelayIdentity).
class RelayServer : public QObject {
    Q_OBJECT
public:
    explicit RelayServer(QObject *parent = nullptr);
    ~RelayServer() override;

    bool start(const RelayServerConfig &config, QString *error);
    void stop();   // closes every allocation and relayed connection at once
    bool isRunning() const;
    quint16 port() const;
    const RelayServerConfig &config() const { return m_config; }

    void setLimits(const RelayLimits &limits);
    // Replaces the TURN REST shared secret at once (the OMS issued one over ORCP); credentials
    // minted from the one it replaces stay valid too (RelayAuth::setSecret).
    void setAuthSecret(const QByteArray &secret);
    RelayLimits limits() const { return m_limits; }

    int allocationCount() const;
    int relayedConnectionCount() const;
    qint64 totalBytesRelayed() const { return m_totalBytes; }
    QHash<QString, qint64> bytesByUser() const { return m_bytesByUser; }
    QHash<QString, qint64> bytesByOverlay() const { return m_bytesByOverlay; }
    QList<RelayAllocationInfo> allocations() const;
    int refusedConnections() const { return m_refused; }
    int allocationCountOf(const QString &userId) const;
    const RelayPeerPolicy &peerPolicy() const { return m_peerPolicy; }

    // Internal, for RelayAllocation and the connection handler.
    RelayAuth &auth() { return m_auth; }
    TokenBucket *bucket() { return &m_bucket; }
    bool admitConnection();                            // false when maxConnections is reached
    void countRefused() { ++m_refused; }               // an allocation refused a peer over its own share
    quint32 registerAttempt(RelayAllocation *allocation, QTcpSocket *peer);
    RelayAllocation *takeAttempt(quint32 connectionId, QTcpSocket **peer);
    void countBytes(const RelayAllocation *allocation, qint64 bytes);
    // Null with the TURN error code (486 per user, 508 in total or no port) and reason when refused.
    RelayAllocation *createAllocation(QTcpSocket *control, const QString &username, const QByteArray &key,
                                      quint32 lifetime, int *errorCode, QString *error);

Q_SIGNALS:
    void allocationCreated(const QString &username, quint16 relayedPort);
    void allocationClosed(const QString &username);
    // Any allocation made, refreshed or ended (what RelayPortReporter tells the OMS).
    void allocationsChanged();

private:
    void onNewConnection();
    quint16 pickRelayPort(QTcpServer *server);

    struct Attempt {
        QPointer<RelayAllocation> allocation;
        QPointer<QTcpSocket> peer;
    };
    RelayServerConfig m_config;
    RelayLimits m_limits;
    RelayAuth m_auth;
    RelayPeerPolicy m_peerPolicy;
    TokenBucket m_bucket;
    QTcpServer *m_listener = nullptr;
    QList<QPointer<RelayAllocation>> m_allocations;
    QHash<quint32, Attempt> m_attempts;
    QList<QPointer<QTcpSocket>> m_handshaking;   // connections that have not become anything yet
    QHash<QString, qint64> m_bytesByUser;
    QHash<QString, qint64> m_bytesByOverlay;
    qint64 m_totalBytes = 0;
    int m_refused = 0;
};

} // namespace mp2p
