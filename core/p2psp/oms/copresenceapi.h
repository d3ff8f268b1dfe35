#pragma once

#include "omsstate.h"

#include <base/httprouter.h>

namespace mp2p {

// Co-presence for a PAMS in another mp2pd (credit counts a receipt only when the OMS saw both
// users in the swarm when it was signed):
//   GET /oms/v1/overlays/{id}/copresence?a={userId}&b={userId}&at={unix time}
// answers {"together": bool, "slackSecs": ttl, "sightings": {userId: {"firstSeen", "lastSeen"}
// or null}}; `b` may be left out (a relay receipt: the downloader alone). The sightings let the
// PAMS answer later receipts of the same users from its cache. For the provider's services (the
// service key) and operators only: who was in which swarm when is not for users to browse.
class CoPresenceApi {
public:
    explicit CoPresenceApi(OmsState &state);
    void registerRoutes(HttpRouter &router);

private:
    HttpResponse copresence(const HttpRequest &request) const;

    OmsState &m_state;
};

} // namespace mp2p
