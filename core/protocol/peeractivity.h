#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace mp2p {

// R1 (PAMS -> OMS): what the PAMS knows of a peer, so the OMS can rank peer lists.
// PAMP (X.609.1) splits a peer's status into a static part and a dynamic part per overlay.

enum class PeerType { Peer, CacheServer, RelayServer };
QString peerTypeName(PeerType type);                  // "PEER", "CS", "RS"
std::optional<PeerType> peerTypeFromName(const QString &name);

struct PeerStaticStatus {
    PeerType type = PeerType::Peer;
    qint64 maxUploadBps = 0;    // bytes per second the peer offers; 0 = not stated
    qint64 maxDownloadBps = 0;
    int maxConnections = 0;
    QString listenAddress;      // "ip:port" the peer accepts connections on
    bool reachable = false;     // accepts inbound connections
};

struct PeerOverlayStatus {
    QString event;              // "started", "completed", "stopped" or "" for a periodic report
    qint64 uploaded = 0;
    qint64 downloaded = 0;
    qint64 left = 0;
    int uploadConnections = 0;
    int downloadConnections = 0;
    qint64 reportedAt = 0;      // unix seconds
};

struct PeerActivity {
    QString userId;
    PeerStaticStatus staticStatus;
    std::optional<PeerOverlayStatus> overlay;  // the dynamic status in the overlay asked about
    qint64 lastReportAt = 0;
    // Contribution credit the peer redeemed at the PAMS (verified receipts, bytes); it raises the
    // peer's place in OMS peer lists and its access to caches. 0 when unknown.
    qint64 credit = 0;
};

// The OMS's view of the PAMS. In one mp2pd it is an in-process call into the PAMS store;
// with the PAMS elsewhere it is an HTTP client that keeps a short-lived cache, so an
// announce never waits on the network.
class PeerActivitySource {
public:
    virtual ~PeerActivitySource() = default;
    // Activity of the given users in one overlay; users the PAMS does not know are absent.
    virtual QHash<QString, PeerActivity> activityOf(const QString &overlayId, const QStringList &userIds) const = 0;
    // Every peer the PAMS knows in one overlay (its demand: who still downloads, who seeds), for
    // the OMS's caching decisions. A source that cannot list answers with nothing.
    virtual QList<PeerActivity> overlayPeers(const QString &overlayId) const
    {
        Q_UNUSED(overlayId);
        return {};
    }
};

} // namespace mp2p
