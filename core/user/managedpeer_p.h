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
    qint64 passkeyCheckedAtMs = 0;  // last re-fetch after a tracker refused the passkey
    // Early re-announces per transfer while the OMS has not yet heard from the relay about our
    // relayed port (reset when the relayed address changes).
    QHash<QString, int> relayedRetries;
    static constexpr int MaxRelayedRetries = 5;   // after 2, 4, 8, 16 and 32 s: then the normal interval
};

// The OMS tracker URL for one overlay: the user's passkey in the path (good only for
// announcing at the provider's OMS, never a bearer token), the path starting with /announce
// (libtorrent's SSRF rule for loopback). `extraQuery` is "&name=value..." or empty.
inline QString announceUrlFor(const QString &omsBase, const QString &passkey, const QString &extraQuery = {})
{
    QString url = omsBase + QStringLiteral("/announce/") + passkey;
    if (!extraQuery.isEmpty())
        url += QLatin1Char('?') + (extraQuery.startsWith(QLatin1Char('&')) ? extraQuery.mid(1) : extraQuery);
    return url;
}

// Whether a record's omsUrl is the provider's own OMS (same scheme, host and port as the
// directory's "oms" service): the only tracker the peer sends its passkey to.
inline bool isProvidersOms(const ProviderClient *provider, const QString &omsUrl)
{
    const QUrl ours = provider->serviceUrl(QStringLiteral("oms"), {});
    const QUrl theirs(omsUrl);
    const auto portOf = [](const QUrl &u) { return u.port(u.scheme() == QLatin1String("https") ? 443 : 80); };
    return theirs.isValid() && !ours.host().isEmpty() && theirs.scheme() == ours.scheme()
           && theirs.host().compare(ours.host(), Qt::CaseInsensitive) == 0 && portOf(theirs) == portOf(ours);
}

} // namespace mp2p
