#pragma once
// A TURN client for attack tests: it speaks the real protocol over TCP to an RS (long-term
// credentials with realm and nonce, MESSAGE-INTEGRITY, FINGERPRINT) but sends exactly what the
// test asks for, and hands back the RS's answer with its error code, unlike TurnClient, which
// hides refusals and refreshes permissions on its own.
#include <relay/stunmessage.h>
#include <relay/stunstream.h>

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>

#include <optional>

namespace relaytest {

class RawTurn {
public:
    RawTurn(QString username, QString password) : m_username(std::move(username)), m_password(std::move(password)) {}

    bool connectTo(const QHostAddress &from, const QHostAddress &server, quint16 port)
    {
        m_socket.bind(from);
        m_socket.connectToHost(server, port);
        return m_socket.waitForConnected(5000);
    }
    QTcpSocket *socket() { return &m_socket; }

    // Sends one request (authenticated once the RS named its realm and nonce) and returns its
    // answer: 0 = success, otherwise the TURN error code; -1 when no answer came within 5 s.
    int request(quint16 method, const QList<mp2p::stun::Attr> &attributes)
    {
        for (int attempt = 0; attempt < 3; ++attempt) {
            mp2p::stun::Message request(method, mp2p::stun::Request, mp2p::stun::Message::newTransactionId());
            for (const mp2p::stun::Attr &a : attributes)
                request.add(a.type, a.value);
            QByteArray key;
            if (!m_nonce.isEmpty()) {
                request.addString(mp2p::stun::Username, m_username);
                request.addString(mp2p::stun::Realm, m_realm);
                request.addString(mp2p::stun::Nonce, m_nonce);
                key = mp2p::stun::longTermKey(m_username, m_realm, m_password);
            }
            m_socket.write(request.encode(key, true));
            const std::optional<mp2p::stun::Message> answer = awaitAnswer(request.transactionId());
            if (!answer)
                return -1;
            m_lastAnswer = *answer;
            const int code = answer->errorCode();
            if ((code == 401 || code == 438) && answer->string(mp2p::stun::Nonce)) {
                m_realm = answer->string(mp2p::stun::Realm).value_or(m_realm);
                m_nonce = *answer->string(mp2p::stun::Nonce);
                if (code == 401 && !key.isEmpty())
                    return 401;   // the credentials themselves were refused
                continue;
            }
            return answer->messageClass() == mp2p::stun::Success ? 0 : code;
        }
        return -1;
    }

    int allocate()
    {
        mp2p::stun::Message m;
        m.addRequestedTransport(mp2p::stun::kTransportTcp);
        const int code = request(mp2p::stun::Allocate, m.attributes());
        if (code == 0)
            m_relayed = m_lastAnswer.xorAddress(mp2p::stun::XorRelayedAddress).value_or(mp2p::stun::Endpoint{});
        return code;
    }

    // Every address in one request, as RFC 5766 §9.1 allows; the port is not part of a permission.
    int createPermission(const QList<QHostAddress> &peers)
    {
        m_peers = peers;
        return requestWithPeers();
    }

    const mp2p::stun::Message &lastAnswer() const { return m_lastAnswer; }
    mp2p::stun::Endpoint relayed() const { return m_relayed; }
    // ConnectionAttempt indications the RS sent on this control connection so far.
    int connectionAttempts() const { return m_attempts; }
    void pump()
    {
        QByteArray raw;
        while (mp2p::stun::readMessage(&m_socket, &raw) == mp2p::stun::StreamRead::Message) {
            QString error;
            const auto message = mp2p::stun::Message::parse(raw, &error);
            if (message && message->method() == mp2p::stun::ConnectionAttempt
                && message->messageClass() == mp2p::stun::Indication)
                ++m_attempts;
            else if (message)
                m_answers.append(*message);
        }
    }

private:
    int requestWithPeers()
    {
        // XOR-PEER-ADDRESS of an IPv6 peer depends on the transaction id: encoded per request.
        for (int attempt = 0; attempt < 3; ++attempt) {
            mp2p::stun::Message request(mp2p::stun::CreatePermission, mp2p::stun::Request,
                                        mp2p::stun::Message::newTransactionId());
            for (const QHostAddress &peer : std::as_const(m_peers))
                request.addXorAddress(mp2p::stun::XorPeerAddress, {peer, 0});
            request.addString(mp2p::stun::Username, m_username);
            request.addString(mp2p::stun::Realm, m_realm);
            request.addString(mp2p::stun::Nonce, m_nonce);
            m_socket.write(request.encode(mp2p::stun::longTermKey(m_username, m_realm, m_password), true));
            const std::optional<mp2p::stun::Message> answer = awaitAnswer(request.transactionId());
            if (!answer)
                return -1;
            m_lastAnswer = *answer;
            if (answer->errorCode() == 438 && answer->string(mp2p::stun::Nonce)) {
                m_nonce = *answer->string(mp2p::stun::Nonce);
                continue;
            }
            return answer->messageClass() == mp2p::stun::Success ? 0 : answer->errorCode();
        }
        return -1;
    }

    std::optional<mp2p::stun::Message> awaitAnswer(const QByteArray &transactionId)
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 5000) {
            pump();   // also what arrived right before the RS closed the connection
            for (qsizetype i = 0; i < m_answers.size(); ++i)
                if (m_answers.at(i).transactionId() == transactionId)
                    return m_answers.takeAt(i);
            if (m_socket.state() != QAbstractSocket::ConnectedState)
                break;
            QTest::qWait(2);   // the RS runs on this thread's event loop
        }
        return std::nullopt;
    }

    QString m_username, m_password, m_realm, m_nonce;
    QTcpSocket m_socket;
    QList<mp2p::stun::Message> m_answers;
    QList<QHostAddress> m_peers;
    mp2p::stun::Message m_lastAnswer;
    mp2p::stun::Endpoint m_relayed;
    int m_attempts = 0;
};

} // namespace relaytest
