#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QString>

namespace mp2p {

// One peer of a swarm as the OMS knows it from its last announce (join/refresh/report).
struct SwarmPeer {
    QByteArray peerId;       // the 20 bytes the BitTorrent client chose
    QString userId;          // whose token announced it
    QHostAddress address;    // IPv4 or IPv6 (never IPv4-mapped IPv6)
    quint16 port = 0;
    qint64 uploaded = 0;
    qint64 downloaded = 0;
    qint64 left = 0;
    qint64 lastSeen = 0;     // unix seconds of the last announce or report
    // A peer nobody can reach is listed at its TURN relayed address; when that address is on a
    // relay server registered over ORCP, which one (so relays can be credited, issue 7).
    QString relayResourceId;
    QString relayOwner;      // user id of that RS's owner

    bool seed() const { return left == 0; }
};

} // namespace mp2p
