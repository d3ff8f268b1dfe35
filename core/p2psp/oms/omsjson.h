#pragma once

#include "overlaystore.h"
#include "swarmregistry.h"

#include <base/apierror.h>
#include <protocol/peeractivity.h>

#include <QJsonObject>

#include <optional>

namespace mp2p {

// JSON shapes of the OMS API (docs/PROTOCOL.md "OMS").
QJsonObject overlayJson(const Overlay &overlay, const SwarmCounts &counts);
QJsonObject peerJson(const SwarmPeer &peer);  // {"peerId", "userId", "ip", "port", "seed"}
QJsonObject activityJson(const PeerActivity &activity);

// The 20-byte swarm key of an overlay id from a path: 40 hex characters (upper case is
// accepted and folded). Sets `canonical` to the lower-case form.
std::optional<QByteArray> overlayKeyFromHex(const QString &hex, QString *canonical, ApiError *error);

} // namespace mp2p
