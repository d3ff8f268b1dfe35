#include "rawpeer.h"

#include <QUuid>
#include <QtEndian>

namespace mp2p::test {

bool RawPeer::connectTo(const QHostAddress &address, quint16 port, const QByteArray &infoHash, int timeoutMs)
{
    m_socket.connectToHost(address, port);
    if (!m_socket.waitForConnected(timeoutMs))
        return false;
    QByteArray hs;
    hs.append(char(19)).append("BitTorrent protocol");
    QByteArray reserved(8, '\0');
    reserved[5] = char(0x10);  // BEP 10: extension protocol
    // A fresh peer id per connection: libtorrent drops a second connection with the same one.
    hs.append(reserved).append(infoHash).append(QByteArray("-RW0001-") + QUuid::createUuid().toRfc4122().left(12));
    return m_socket.write(hs) == hs.size() && m_socket.flush() && isConnected();
}

bool RawPeer::sendExtended(int extendedId, const QByteArray &payload)
{
    QByteArray msg(6, '\0');
    qToBigEndian<quint32>(quint32(payload.size() + 2), msg.data());
    msg[4] = char(20);
    msg[5] = char(extendedId);
    m_socket.write(msg + payload);
    m_socket.flush();  // anything left goes out when the test spins the event loop
    return isConnected();
}

} // namespace mp2p::test
