#pragma once

// ManagedPeer's private state, shared by managedpeer.cpp and managedpeerflows.cpp.
#include "managedpeer.h"

#include "credit/contributioncredit.h"

#include <isp/unis/altoclient.h>

#include <QHash>

namespace mp2p {

class ManagedPeer::Private {
public:
    PeerConfig config;
    QNetworkAccessManager *network = nullptr;
    // Before the engine, so it is destroyed after the session and saves the last receipts.
    std::unique_ptr<ContributionCredit> credit;
    std::unique_ptr<PeerEngine> engine;
    std::unique_ptr<ProviderClient> provider;
    std::unique_ptr<ActivityReporter> reporter;
    QHash<QString, QString> omsOfTransfer;  // info-hash → the OMS base URL named by its IXS record
    bool announcedReady = false;
    std::unique_ptr<AltoClient> alto;  // R4: where the provider's UNIS places this peer
    QString region;
};

// The OMS tracker URL for one overlay: the token rides in the query, as private trackers
// carry passkeys, and the path starts with /announce (libtorrent's SSRF rule for loopback).
inline QString announceUrlFor(const QString &omsBase, const QString &token)
{
    return omsBase + QStringLiteral("/announce?token=") + token;
}

} // namespace mp2p
