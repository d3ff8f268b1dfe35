#pragma once

#include "relayauth.h"
#include "stunmessage.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>

class QTcpServer;
class QTcpSocket;
class QTimer;

namespace mp2p {

class BytePump;
class RelayServer;

// One TURN TCP allocation of our RS: the relayed listening port, the permissions (peer IPs,
// 300 s each by default, expired ones dropped), the peers waiting for their ConnectionBind, and the joined connections.
// It lives as long as its control connection and its lifetime (refreshed by Refresh).
class RelayAllocation : public QObject {
    Q_OBJECT
public:
    RelayAllocation(RelayServer *server, QTcpSocket *control, QTcpServer *relayed,
                    const QString &username, const QByteArray &key, QObject *parent = nullptr);
    ~RelayAllocation() override;

    const RelayIdentity &identity() const { return m_identity; }
    const QByteArray &key() const { return m_key; }
    stun::Endpoint relayedEndpoint() const;
    QTcpSocket *control() const { return m_control; }

    void setLifetime(quint32 seconds);              // emits refreshed()
    qint64 remainingMs() const;                     // until the lifetime ends (0 once closed)
    void addPermission(const QHostAddress &peer);   // new or refreshed, for the server's permission lifetime
    bool hasPermission(const QHostAddress &peer) const;
    // Live permissions (expired ones are dropped first) if |peers| were added too.
    int permissionCountWith(const QList<QHostAddress> &peers);
    void join(QTcpSocket *data, QTcpSocket *peer);   // after a successful ConnectionBind
    void close();                                    // everything, at once
    bool isClosed() const { return m_closed; }

    int connectionCount() const { return int(m_pumps.size()) + m_waiting; }
    qint64 bytesToPeers() const { return m_toPeers; }
    qint64 bytesFromPeers() const { return m_fromPeers; }
    void attemptEnded() { --m_waiting; }

Q_SIGNALS:
    void closed();
    void refreshed();   // a new lifetime (Allocate or Refresh)

private:
    void onPeerConnection();
    void purgePermissions();
    static QString key(const QHostAddress &peer);

    RelayServer *m_server;
    QPointer<QTcpSocket> m_control;
    QTcpServer *m_relayed;
    RelayIdentity m_identity;
    QByteArray m_key;
    QTimer *m_expiry;
    QElapsedTimer m_clock;
    QHash<QString, qint64> m_permissions;   // ip → expiry (ms on m_clock)
    QList<QPointer<BytePump>> m_pumps;
    int m_waiting = 0;
    qint64 m_toPeers = 0;
    qint64 m_fromPeers = 0;
    bool m_closed = false;
};

} // namespace mp2p
