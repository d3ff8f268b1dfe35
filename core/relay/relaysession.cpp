#include "relaysession.h"

#include "relayallocation.h"
#include "relayserver.h"
#include "stunstream.h"

#include <QTcpSocket>
#include <QtEndian>

namespace mp2p {

using namespace stun;

RelaySession::RelaySession(RelayServer *server, QTcpSocket *socket)
    : QObject(socket), m_server(server), m_socket(socket)
{
    connect(socket, &QTcpSocket::readyRead, this, &RelaySession::readMessages);
    connect(socket, &QTcpSocket::disconnected, this, [this] {
        if (m_allocation)
            m_allocation->close();   // RFC 6062 §5: the allocation ends with its control connection
        if (!m_bound && m_socket)
            m_socket->deleteLater();
    });
}

RelaySession::~RelaySession() = default;

void RelaySession::readMessages()
{
    while (m_socket && !m_bound) {
        QByteArray raw;
        const StreamRead r = readMessage(m_socket, &raw);
        if (r == StreamRead::None)
            return;
        QString error;
        const auto message = r == StreamRead::Message ? Message::parse(raw, &error) : std::nullopt;
        if (!message || !Message::verifyFingerprint(raw)) {
            m_socket->abort();   // a broken stream cannot be resynchronised
            return;
        }
        if (message->messageClass() == Request)
            handle(*message, raw);
        // Indications and answers from clients are ignored.
    }
}

void RelaySession::handle(const Message &request, const QByteArray &raw)
{
    if (request.method() == Binding) {
        Message answer(Binding, Success, request.transactionId());
        answer.addXorAddress(XorMappedAddress, {m_socket->peerAddress(), m_socket->peerPort()});
        m_socket->write(answer.encode({}, true));
        return;
    }
    QByteArray key;
    if (!authenticate(request, raw, &key))
        return;
    switch (request.method()) {
    case Allocate: onAllocate(request, key); break;
    case Refresh: onRefresh(request, key); break;
    case CreatePermission: onCreatePermission(request, key); break;
    case ConnectionBind: onConnectionBind(request, key); break;
    default: sendError(request, 400, QStringLiteral("%1 is not supported").arg(methodName(request.method())));
    }
}

bool RelaySession::authenticate(const Message &request, const QByteArray &raw, QByteArray *key)
{
    QString why;
    switch (m_server->auth().check(request, raw, key, &why)) {
    case RelayAuth::Verdict::Ok:
        break;
    case RelayAuth::Verdict::StaleNonce:
        sendError(request, 438, QStringLiteral("Stale Nonce"), true);
        return false;
    case RelayAuth::Verdict::BadRequest:
        sendError(request, 400, why);
        return false;
    case RelayAuth::Verdict::Unauthorized:
        sendError(request, 401, QStringLiteral("Unauthorized: ") + why, true);
        return false;
    }
    const QString username = request.string(Username).value_or(QString());
    if (m_allocation && username != m_username) {
        sendError(request, 441, QStringLiteral("Wrong Credentials"));
        return false;
    }
    m_username = username;
    return true;
}

void RelaySession::onAllocate(const Message &request, const QByteArray &key)
{
    if (m_allocation) {
        sendError(request, 437, QStringLiteral("Allocation Mismatch"));
        return;
    }
    const auto transport = request.find(RequestedTransport);
    if (!transport || transport->isEmpty()) {
        sendError(request, 400, QStringLiteral("REQUESTED-TRANSPORT missing"));
        return;
    }
    if (quint8(transport->at(0)) != kTransportTcp) {
        sendError(request, 442, QStringLiteral("Unsupported Transport Protocol (this RS relays TCP only)"));
        return;
    }
    const quint32 lifetime = qMin(request.u32(Lifetime).value_or(m_server->config().defaultLifetime),
                                  m_server->config().maxLifetime);
    QString error;
    int code = 0;
    m_allocation = m_server->createAllocation(m_socket, m_username, key, qMax<quint32>(lifetime, 1), &code, &error);
    if (!m_allocation) {
        sendError(request, code, error);
        return;
    }
    Message answer(Allocate, Success, request.transactionId());
    answer.addXorAddress(XorRelayedAddress, m_allocation->relayedEndpoint());
    answer.addXorAddress(XorMappedAddress, {m_socket->peerAddress(), m_socket->peerPort()});
    answer.addU32(Lifetime, qMax<quint32>(lifetime, 1));
    sendSuccess(answer, key);
}

void RelaySession::onRefresh(const Message &request, const QByteArray &key)
{
    if (!m_allocation) {
        sendError(request, 437, QStringLiteral("Allocation Mismatch"));
        return;
    }
    const quint32 lifetime = qMin(request.u32(Lifetime).value_or(m_server->config().defaultLifetime),
                                  m_server->config().maxLifetime);
    Message answer(Refresh, Success, request.transactionId());
    answer.addU32(Lifetime, lifetime);
    sendSuccess(answer, key);
    if (lifetime == 0)
        m_allocation->close();
    else
        m_allocation->setLifetime(lifetime);
}

void RelaySession::onCreatePermission(const Message &request, const QByteArray &key)
{
    if (!m_allocation) {
        sendError(request, 437, QStringLiteral("Allocation Mismatch"));
        return;
    }
    const QList<Endpoint> peers = request.xorAddresses(XorPeerAddress);
    if (peers.isEmpty() || peers.size() != request.findAll(XorPeerAddress).size()) {
        sendError(request, 400, QStringLiteral("XOR-PEER-ADDRESS missing or malformed"));
        return;
    }
    // RFC 5766 §9.1: when any address is refused, none of the request's permissions is installed.
    for (const Endpoint &peer : peers) {
        QString why;
        if (!m_server->peerPolicy().allows(peer.address, &why)) {
            sendError(request, 403, QStringLiteral("Forbidden: %1; this relay relays only for public peers").arg(why));
            return;
        }
    }
    QList<QHostAddress> addresses;
    for (const Endpoint &peer : peers)
        addresses.append(peer.address);
    const int limit = m_server->config().maxPermissionsPerAllocation;
    if (m_allocation->permissionCountWith(addresses) > limit) {
        sendError(request, 508, QStringLiteral("Insufficient Capacity: at most %1 permissions per allocation; "
                                               "let unused ones expire (%2 s) first")
                                    .arg(limit).arg(m_server->config().permissionLifetime));
        return;
    }
    for (const QHostAddress &address : std::as_const(addresses))
        m_allocation->addPermission(address);
    Message answer(CreatePermission, Success, request.transactionId());
    sendSuccess(answer, key);
}

void RelaySession::onConnectionBind(const Message &request, const QByteArray &key)
{
    const auto id = request.find(ConnectionId);
    if (m_allocation || !id || id->size() != 4) {
        sendError(request, 400, QStringLiteral("ConnectionBind needs a CONNECTION-ID on a new connection"));
        return;
    }
    QTcpSocket *peer = nullptr;
    RelayAllocation *allocation = m_server->takeAttempt(qFromBigEndian<quint32>(id->constData()), &peer);
    if (!allocation || !peer) {
        sendError(request, 447, QStringLiteral("Connection Timeout or Failure"));
        return;
    }
    if (allocation->identity().username != m_username) {
        peer->abort();
        sendError(request, 441, QStringLiteral("Wrong Credentials"));
        return;
    }
    Message answer(ConnectionBind, Success, request.transactionId());
    sendSuccess(answer, key);
    m_bound = true;
    m_socket->setProperty("mp2pRelayUsed", true);
    disconnect(m_socket, nullptr, this, nullptr);
    allocation->join(m_socket, peer);   // the pump owns both sockets (and this session) now
}

void RelaySession::sendError(const Message &request, int code, const QString &reason, bool withNonce)
{
    Message answer(request.method(), Error, request.transactionId());
    answer.addErrorCode(code, reason);
    if (withNonce) {
        answer.addString(Realm, m_server->auth().realm());
        answer.addString(Nonce, m_server->auth().newNonce());
    }
    m_socket->write(answer.encode({}, true));
}

void RelaySession::sendSuccess(Message &answer, const QByteArray &key)
{
    answer.addString(Software, QStringLiteral("mp2p relay"));
    m_socket->write(answer.encode(key, true));
}

} // namespace mp2p
