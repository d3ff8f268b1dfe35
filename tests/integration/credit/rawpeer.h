#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QTcpSocket>

namespace mp2p::test {

// A hand-driven BitTorrent peer for hostile-input tests: the BEP 3 handshake with the BEP 10
// bit, then whatever extension messages the test wants to send (framing only; payloads come
// from the code under test or are deliberately broken).
class RawPeer {
public:
    bool connectTo(const QHostAddress &address, quint16 port, const QByteArray &infoHash, int timeoutMs = 5000);
    // BEP 10 message: <len><20><extended id><payload>.
    bool sendExtended(int extendedId, const QByteArray &payload);
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void close() { m_socket.abort(); }

private:
    QTcpSocket m_socket;
};

} // namespace mp2p::test
