#pragma once

#include <QByteArray>

class QIODevice;

namespace mp2p::stun {

enum class StreamRead { None, Message, Bad };

// Takes one whole STUN message off a stream when it is fully buffered, reading exactly its
// bytes: on a TURN data connection whatever follows the ConnectionBind answer is relayed
// payload and must stay in the socket. Bad means the stream does not carry STUN framing.
StreamRead readMessage(QIODevice *device, QByteArray *raw);

} // namespace mp2p::stun
