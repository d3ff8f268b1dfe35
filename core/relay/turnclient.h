#pragma once

#include "stunmessage.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSet>

class QTcpSocket;
class QTimer;

namespace mp2p {

struct TurnClientConfig {
    QHostAddress serverAddress;
    quint16 serverPort = 3478;
    QString username;          // static user, or a TURN REST name "<expiry>:<user>[+<overlay>]"
    QString password;
    QHostAddress localAddress; // optional: bind control and data connections to it
    quint32 lifetime = 600;    // requested allocation lifetime, seconds
    int requestTimeoutMs = 10000;
};

// The peer's side of a TURN TCP allocation (RFC 5766 + RFC 6062): a control connection to
// the RS, Allocate with REQUESTED-TRANSPORT=TCP and long-term credentials (401 → realm and
// nonce → retry; 438 → new nonce → retry), Refresh before the lifetime ends, CreatePermission
// for peer addresses (re-sent before they expire), and for every ConnectionAttempt a new data
// connection bound with ConnectionBind that is then handed out carrying raw bytes.
class TurnClient : public QObject {
    Q_OBJECT
public:
    explicit TurnClient(QObject *parent = nullptr);
    ~TurnClient() override;

    void start(const TurnClientConfig &config);
    void stop();   // deletes the allocation (Refresh lifetime 0) and closes the control link

    bool isAllocated() const { return m_allocated; }
    stun::Endpoint relayedEndpoint() const { return m_relayed; }
    stun::Endpoint mappedEndpoint() const { return m_mapped; }
    // Adds peer IPs (ports are ignored by TURN permissions) and installs them on the RS.
    void grantPermissions(const QList<QHostAddress> &peers);
    QList<QHostAddress> permissions() const;

Q_SIGNALS:
    void allocated(const QHostAddress &relayedAddress, quint16 port);
    void permissionsGranted(const QList<QHostAddress> &peers);
    void permissionFailed(const QString &error);
    // A bound data connection: the receiver takes ownership (reparent it) and reads raw bytes.
    void incomingConnection(QTcpSocket *socket, const QHostAddress &peerAddress, quint16 peerPort);
    void failed(const QString &error);   // the allocation is gone (or never came)

private:
    struct Pending {
        quint16 method = 0;
        QList<stun::Attr> attributes;
        int attempts = 0;
    };
    void send(quint16 method, const QList<stun::Attr> &attributes, int attempts = 0);
    QByteArray encodeRequest(stun::Message &request) const;
    void readControl();
    void handleResponse(const stun::Message &message, const QByteArray &raw);
    bool updateAuth(const stun::Message &answer);
    void handleConnectionAttempt(const stun::Message &indication);
    void bindDataConnection(QTcpSocket *socket, const QByteArray &connectionId, const stun::Endpoint &peer);
    void sendPermissions();
    void refresh(quint32 lifetime);
    void fail(const QString &error);

    TurnClientConfig m_config;
    QTcpSocket *m_control = nullptr;
    QTimer *m_refreshTimer = nullptr;
    QTimer *m_permissionTimer = nullptr;
    QHash<QByteArray, Pending> m_pending;
    QString m_realm;
    QString m_nonce;
    QByteArray m_key;
    bool m_allocated = false;
    bool m_stopped = true;
    stun::Endpoint m_relayed;
    stun::Endpoint m_mapped;
    QSet<QString> m_permissions;
};

} // namespace mp2p
