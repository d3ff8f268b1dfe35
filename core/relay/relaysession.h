#pragma once

#include "stunmessage.h"

#include <QObject>
#include <QPointer>

class QTcpSocket;

namespace mp2p {

class RelayAllocation;
class RelayServer;

// One TCP connection to our RS before it is anything else: it becomes a control connection
// (Allocate, Refresh, CreatePermission) or a data connection (ConnectionBind, then raw bytes).
class RelaySession : public QObject {
    Q_OBJECT
public:
    RelaySession(RelayServer *server, QTcpSocket *socket);
    ~RelaySession() override;
    QTcpSocket *socket() const { return m_socket; }

private:
    void readMessages();
    void handle(const stun::Message &request, const QByteArray &raw);
    bool authenticate(const stun::Message &request, const QByteArray &raw, QByteArray *key);
    void onAllocate(const stun::Message &request, const QByteArray &key);
    void onRefresh(const stun::Message &request, const QByteArray &key);
    void onCreatePermission(const stun::Message &request, const QByteArray &key);
    void onConnectionBind(const stun::Message &request, const QByteArray &key);
    void sendError(const stun::Message &request, int code, const QString &reason, bool withNonce = false);
    void sendSuccess(stun::Message &answer, const QByteArray &key);

    RelayServer *m_server;
    QPointer<QTcpSocket> m_socket;
    QPointer<RelayAllocation> m_allocation;
    QString m_username;
    bool m_bound = false;
};

} // namespace mp2p
