#include "turnclient.h"

#include "stunstream.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace mp2p {

using namespace stun;

namespace {
// TURN permissions last 300 s (RFC 5766 §8); refresh them well before.
constexpr int kPermissionRefreshMs = 240 * 1000;
constexpr int kMaxAuthAttempts = 3;

QList<Attr> permissionAttributes(const QSet<QString> &peers)
{
    QList<Attr> out;
    for (const QString &ip : peers)
        out.append({XorPeerAddress, ip.toUtf8()});   // kept as text, XOR-encoded per request
    return out;
}
} // namespace

TurnClient::TurnClient(QObject *parent)
    : QObject(parent), m_refreshTimer(new QTimer(this)), m_permissionTimer(new QTimer(this))
{
    m_refreshTimer->setSingleShot(true);
    connect(m_refreshTimer, &QTimer::timeout, this, [this] { refresh(m_config.lifetime); });
    m_permissionTimer->setInterval(kPermissionRefreshMs);
    connect(m_permissionTimer, &QTimer::timeout, this, &TurnClient::sendPermissions);
}

TurnClient::~TurnClient()
{
    if (m_control)
        m_control->abort();
}

void TurnClient::start(const TurnClientConfig &config)
{
    stop();
    m_config = config;
    m_stopped = false;
    m_control = new QTcpSocket(this);
    if (!config.localAddress.isNull())
        m_control->bind(config.localAddress);
    connect(m_control, &QTcpSocket::connected, this, [this] {
        Message tmp(Allocate, Request);
        tmp.addRequestedTransport(kTransportTcp);
        tmp.addU32(Lifetime, m_config.lifetime);
        send(Allocate, tmp.attributes());
    });
    connect(m_control, &QTcpSocket::readyRead, this, &TurnClient::readControl);
    connect(m_control, &QTcpSocket::disconnected, this, [this] {
        fail(QStringLiteral("the relay server closed the control connection"));
    });
    connect(m_control, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_control)
            fail(QStringLiteral("relay server %1:%2: %3").arg(m_config.serverAddress.toString())
                     .arg(m_config.serverPort).arg(m_control->errorString()));
    });
    m_control->connectToHost(config.serverAddress, config.serverPort);
}

void TurnClient::stop()
{
    m_stopped = true;
    m_refreshTimer->stop();
    m_permissionTimer->stop();
    if (m_control) {
        QTcpSocket *control = m_control;
        m_control = nullptr;
        control->disconnect(this);
        if (m_allocated && control->state() == QAbstractSocket::ConnectedState) {
            Message bye(Refresh, Request);
            bye.addU32(Lifetime, 0);
            control->write(encodeRequest(bye));
            control->disconnectFromHost();   // flushes the Refresh first
        } else {
            control->abort();
        }
        control->deleteLater();
    }
    m_allocated = false;
    m_pending.clear();
    m_permissions.clear();
    m_nonce.clear();
    m_key.clear();
}

QList<QHostAddress> TurnClient::permissions() const
{
    QList<QHostAddress> out;
    for (const QString &ip : m_permissions)
        out.append(QHostAddress(ip));
    return out;
}

QByteArray TurnClient::encodeRequest(Message &request) const
{
    if (!m_key.isEmpty()) {
        request.addString(Username, m_config.username);
        request.addString(Realm, m_realm);
        request.addString(Nonce, m_nonce);
    }
    return request.encode(m_key, true);
}

void TurnClient::send(quint16 method, const QList<Attr> &attributes, int attempts)
{
    if (!m_control)
        return;
    Message request(method, Request);
    for (const Attr &a : attributes) {
        if (a.type == XorPeerAddress)   // stored as text: the XOR depends on the transaction id
            request.addXorAddress(XorPeerAddress, {QHostAddress(QString::fromUtf8(a.value)), 0});
        else
            request.add(a.type, a.value);
    }
    m_pending.insert(request.transactionId(), {method, attributes, attempts});
    m_control->write(encodeRequest(request));
    const QByteArray id = request.transactionId();
    QTimer::singleShot(m_config.requestTimeoutMs, this, [this, id, method] {
        if (m_pending.remove(id))
            fail(QStringLiteral("the relay server did not answer %1 within %2 ms")
                     .arg(methodName(method)).arg(m_config.requestTimeoutMs));
    });
}

void TurnClient::readControl()
{
    while (m_control) {
        QByteArray raw;
        const StreamRead r = readMessage(m_control, &raw);
        if (r == StreamRead::None)
            return;
        QString error;
        const auto message = r == StreamRead::Message ? Message::parse(raw, &error) : std::nullopt;
        if (!message) {
            fail(QStringLiteral("the relay server sent a malformed message: %1")
                     .arg(error.isEmpty() ? QStringLiteral("not STUN framing") : error));
            return;
        }
        if (!Message::verifyFingerprint(raw))
            continue;   // corrupted: drop it, as RFC 5389 §7.3 says
        if (message->messageClass() == Indication && message->method() == ConnectionAttempt)
            handleConnectionAttempt(*message);
        else if (message->messageClass() == Success || message->messageClass() == Error)
            handleResponse(*message, raw);
    }
}

bool TurnClient::updateAuth(const Message &answer)
{
    const auto nonce = answer.string(Nonce);
    if (!nonce)
        return false;
    m_nonce = *nonce;
    if (const auto realm = answer.string(Realm))
        m_realm = *realm;
    m_key = longTermKey(m_config.username, m_realm, m_config.password);
    return true;
}

void TurnClient::handleResponse(const Message &message, const QByteArray &raw)
{
    const auto it = m_pending.constFind(message.transactionId());
    if (it == m_pending.cend())
        return;   // unknown or timed-out transaction
    const Pending pending = *it;
    m_pending.erase(it);
    if (message.messageClass() == Error) {
        const int code = message.errorCode();
        if ((code == 401 || code == 438) && pending.attempts < kMaxAuthAttempts && updateAuth(message)) {
            send(pending.method, pending.attributes, pending.attempts + 1);
            return;
        }
        const QString why = QStringLiteral("%1 refused: %2 %3").arg(methodName(pending.method))
                                .arg(code).arg(message.errorReason());
        if (pending.method == CreatePermission)
            Q_EMIT permissionFailed(why);
        else
            fail(code == 401 ? why + QStringLiteral(" (check the relay user name and password)") : why);
        return;
    }
    if (!m_key.isEmpty() && !Message::verifyIntegrity(raw, m_key))
        return;   // a success answer must be signed with our key (RFC 5389 §10.2.3)
    const quint32 lifetime = message.u32(Lifetime).value_or(m_config.lifetime);
    if (pending.method == Allocate) {
        const auto relayed = message.xorAddress(XorRelayedAddress);
        if (!relayed) {
            fail(QStringLiteral("the relay server's Allocate answer has no XOR-RELAYED-ADDRESS"));
            return;
        }
        m_relayed = *relayed;
        m_mapped = message.xorAddress(XorMappedAddress).value_or(Endpoint{});
        m_allocated = true;
        m_refreshTimer->start(int(qMax<quint32>(lifetime, 60) * 800));   // at 80 % of the lifetime
        if (!m_permissions.isEmpty())
            sendPermissions();
        m_permissionTimer->start();
        Q_EMIT allocated(m_relayed.address, m_relayed.port);
    } else if (pending.method == Refresh) {
        m_refreshTimer->start(int(qMax<quint32>(lifetime, 60) * 800));
    } else if (pending.method == CreatePermission) {
        QList<QHostAddress> peers;
        for (const Attr &a : pending.attributes)
            peers.append(QHostAddress(QString::fromUtf8(a.value)));
        Q_EMIT permissionsGranted(peers);
    }
}

void TurnClient::grantPermissions(const QList<QHostAddress> &peers)
{
    bool added = false;
    for (const QHostAddress &p : peers) {
        if (p.isNull())
            continue;
        added |= !m_permissions.contains(p.toString());
        m_permissions.insert(p.toString());
    }
    if (added && m_allocated)
        sendPermissions();
}

void TurnClient::sendPermissions()
{
    if (m_allocated && !m_permissions.isEmpty())
        send(CreatePermission, permissionAttributes(m_permissions));
}

void TurnClient::refresh(quint32 lifetime)
{
    Message tmp(Refresh, Request);
    tmp.addU32(Lifetime, lifetime);
    send(Refresh, tmp.attributes());
}

void TurnClient::handleConnectionAttempt(const Message &indication)
{
    const auto connectionId = indication.find(ConnectionId);
    const auto peer = indication.xorAddress(XorPeerAddress);
    if (!connectionId || connectionId->size() != 4 || !peer)
        return;   // malformed indication: nothing to answer (indications have no response)
    auto *data = new QTcpSocket(this);
    if (!m_config.localAddress.isNull())
        data->bind(m_config.localAddress);
    bindDataConnection(data, *connectionId, *peer);
    data->connectToHost(m_config.serverAddress, m_config.serverPort);
}

void TurnClient::bindDataConnection(QTcpSocket *socket, const QByteArray &connectionId, const Endpoint &peer)
{
    // RFC 6062 §4.4: ConnectionBind on a new connection, authenticated like the allocation;
    // the answer is the last STUN message on it, then raw bytes follow.
    auto attempts = std::make_shared<int>(0);
    auto sendBind = [this, socket, connectionId] {
        Message bind(ConnectionBind, Request);
        bind.add(ConnectionId, connectionId);
        socket->write(encodeRequest(bind));
    };
    connect(socket, &QTcpSocket::connected, socket, sendBind);
    connect(socket, &QTcpSocket::readyRead, socket, [this, socket, peer, attempts, sendBind] {
        QByteArray raw;
        const StreamRead r = readMessage(socket, &raw);
        if (r == StreamRead::None)
            return;
        const auto answer = r == StreamRead::Message ? Message::parse(raw, nullptr) : std::nullopt;
        if (!answer || answer->method() != ConnectionBind) {
            socket->abort();
            socket->deleteLater();
            return;
        }
        if (answer->messageClass() == Error) {
            const int code = answer->errorCode();
            if ((code == 401 || code == 438) && ++*attempts < kMaxAuthAttempts && updateAuth(*answer)) {
                sendBind();
                return;
            }
            socket->abort();
            socket->deleteLater();
            return;
        }
        socket->setProperty("mp2pBound", true);
        socket->disconnect(socket);   // from here on the socket carries the peer's bytes
        socket->disconnect(this);
        Q_EMIT incomingConnection(socket, peer.address, peer.port);
    });
    connect(socket, &QTcpSocket::errorOccurred, socket, [socket] { socket->deleteLater(); });
    QTimer::singleShot(m_config.requestTimeoutMs, socket, [socket] {
        if (!socket->property("mp2pBound").toBool()) {   // no ConnectionBind answer in time
            socket->abort();
            socket->deleteLater();
        }
    });
}

void TurnClient::fail(const QString &error)
{
    if (m_stopped)
        return;
    stop();
    Q_EMIT failed(error);
}

} // namespace mp2p
