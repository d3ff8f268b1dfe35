#pragma once

#include <functional>

#include "networkmapview.h"
#include "omsconfig.h"
#include "overlaystore.h"
#include "peerranking.h"
#include "relaysecrets.h"
#include "resourcepool.h"
#include "volunteerconsent.h"
#include "swarmregistry.h"

#include <protocol/auth.h>
#include <protocol/peeractivity.h>

#include <memory>

namespace mp2p {

// What the tracker and the JSON API of one OMS share. Owned by OmsService.
struct OmsState {
    OmsState(OmsConfig c, Authenticator authenticator, Clock clk, const PeerActivitySource *activity)
        : config(c)
        , clock(clk)
        , auth(std::move(authenticator))
        , registry(c.peerTtlSecs)
        , pool(c.resourceTtlSecs)
        , ranking(std::make_shared<SimpleRanking>())
        , pams(activity)
    {
    }

    const OmsConfig config;
    const Clock clock;
    const Authenticator auth;
    OverlayStore store;
    SwarmRegistry registry;
    ResourcePool pool;  // ORCP; in the same oms.db as the overlays
    RelaySecrets relaySecrets;  // ORCP: the TURN REST secret of each registered RS, same db
    const NetworkMapView *networkMap = nullptr;  // R3: regions of addresses; null = one region
    std::shared_ptr<const PeerRanking> ranking;
    const PeerActivitySource *pams;  // R1; may be null (no PAMS configured)
    // Whether a user has a current, signed consent at the PAMS to volunteer as `type` ("cs" or
    // "rs"). Set by the host (in-process PAMS or a cached remote one); unset = not checked.
    VolunteerConsentCheck volunteerConsent;
    // The tracker's credential: the user a passkey belongs to (the UMS in this mp2pd, or a cached
    // look-up at a remote one); unset = every announce is refused.
    std::function<std::optional<QString>(const QString &passkey)> passkeyOwner;

    // The ALTO PID of an address, "" when there is no map or it does not cover the address.
    QString regionOf(const QHostAddress &address) const
    {
        return networkMap && networkMap->hasMap() ? networkMap->pidOf(address).value_or(QString()) : QString();
    }
};

// The address to list for an announcing peer: the connection's remote address, or the
// client's own "ip" value when the request comes from loopback (a local proxy or test) or the
// operator set trustIpParameter. Anyone else could otherwise point a swarm at a third party.
// Returns false with a message when the "ip" value it would honour is not an IP address.
bool resolvePeerAddress(const HttpRequest &request, const QString &ipParameter, bool trustIpParameter,
                        QHostAddress *out, QString *error);

} // namespace mp2p
