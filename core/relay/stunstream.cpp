#include "stunstream.h"

#include "stunmessage.h"

#include <QIODevice>

namespace mp2p::stun {

StreamRead readMessage(QIODevice *device, QByteArray *raw)
{
    if (device->bytesAvailable() < 4)
        return StreamRead::None;
    char head[4];
    if (device->peek(head, 4) != 4)
        return StreamRead::None;
    const int total = frameLength(head, 4);
    if (total < 0)
        return StreamRead::Bad;
    if (device->bytesAvailable() < total)
        return StreamRead::None;
    *raw = device->read(total);
    return raw->size() == total ? StreamRead::Message : StreamRead::Bad;
}

} // namespace mp2p::stun
