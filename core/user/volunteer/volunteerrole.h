#pragma once

#include <p2psp/pams/consentrecord.h>

#include <QString>

namespace mp2p {

// A role a volunteer can run with idle resources (a relay server, a cache node). The
// VolunteerController starts it only under a current consent and inside the consented hours,
// passes limit changes at once, and stops it on revocation. Implementations adapt core/relay's
// RelayServer and core/cache's CacheNode (relayrole.cpp, cacherole.cpp).
class VolunteerRole {
public:
    virtual ~VolunteerRole() = default;
    virtual VolunteerRoleKind kind() const = 0;
    virtual QString name() const { return volunteerRoleName(kind()); }
    virtual bool start(const VolunteerLimits &limits, QString *error) = 0;
    // Takes effect at once (e.g. the token bucket's rate, the number of allowed relays).
    virtual void applyLimits(const VolunteerLimits &limits) = 0;
    // Stops serving now: relayed connections closed, the cache stops serving. Must return
    // quickly (the controller promises revocation within one second).
    virtual void stop() = 0;
    virtual bool isRunning() const = 0;
};

} // namespace mp2p
