#pragma once

#include "omsstate.h"

#include <base/httprouter.h>

namespace mp2p {

// OMP peer operations over JSON: join, refresh, report, leave, and the peer list with the
// PAMS state of each peer (R1). Join and refresh answer with the same ranked list as an announce.
class PeerApi {
public:
    explicit PeerApi(OmsState &state);

    void registerRoutes(HttpRouter &router);
    HttpResponse announce(const HttpRequest &request, PeerEvent event);  // join (started) / refresh
    HttpResponse report(const HttpRequest &request);
    HttpResponse leave(const HttpRequest &request);
    HttpResponse peers(const HttpRequest &request) const;

private:
    struct Call;
    bool begin(const HttpRequest &request, Call *call, ApiError *error) const;
    static HttpResponse statusError(SwarmStatus status, const QString &overlayId);

    OmsState &m_state;
};

} // namespace mp2p
