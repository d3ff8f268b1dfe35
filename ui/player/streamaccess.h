#pragma once

#include <QString>

namespace mp2p {

class PeerSession;
class StreamServer;

// The one StreamServer of a session's peer, started on first use on 127.0.0.1 (any free port)
// and owned by the peer's engine, so it ends with it. Returns nullptr + *error when the peer
// is not running yet or the server cannot listen.
StreamServer *streamServerFor(PeerSession *session, QString *error);

} // namespace mp2p
