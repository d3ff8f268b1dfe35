#pragma once

#include "omsstate.h"

#include <base/httprouter.h>

namespace mp2p {

class CacheScheduler;

// ORCP (X.609.2, R8) over JSON under /oms/v1/resources (docs/PROTOCOL.md, "OMS — R8, ORCP"): resource
// registration with keep-alive, allocation / deallocation for an overlay, relay start and
// stop (bookkeeping), and status queries. Writes need a token; changes to a resource need
// its owner's token.
// "ip:port" or "[v6]:port" with a port 1..65535 into the IP (v4-normalised, as the resource pool
// stores addresses) and the port; false when either part does not parse.
bool splitEndpoint(const QString &text, QString *ip, quint16 *port);

class OrcpApi {
public:
    OrcpApi(OmsState &state, CacheScheduler &scheduler);

    void registerRoutes(HttpRouter &router);
    HttpResponse registerResource(const HttpRequest &request);
    HttpResponse keepAlive(const HttpRequest &request);
    HttpResponse deregister(const HttpRequest &request);
    HttpResponse status(const HttpRequest &request) const;
    HttpResponse list(const HttpRequest &request) const;
    HttpResponse allocate(const HttpRequest &request);
    HttpResponse deallocate(const HttpRequest &request);
    HttpResponse startRelay(const HttpRequest &request);
    HttpResponse stopRelay(const HttpRequest &request);
    // PUT .../relayports: the RS's full list of live TURN allocations (orcprelayports.cpp).
    HttpResponse reportRelayPorts(const HttpRequest &request);

    // Most entries one report may carry (also bounded by the RS's stated maxAllocations), and the
    // body that many entries need at most.
    static constexpr int MaxRelayPorts = 10000;
    static constexpr qint64 MaxRelayPortsBody = 64 + qint64(MaxRelayPorts) * 160;

private:
    // The caller's own resource named in the path, or an error response.
    // The resource named by {rid}; the router has already checked the caller owns it.
    std::optional<Resource> ownResource(const HttpRequest &request, HttpResponse *failure) const;
    std::optional<Resource> findResource(const HttpRequest &request, ApiError *error) const;
    std::optional<QString> resourceOwner(const HttpRequest &request, ApiError *error) const;
    // Deregistration: the resource, its allocations and its peers in those swarms go at once.
    bool removeResource(const Resource &resource, QString *error = nullptr);
    ConsentAnswer consentOf(const Resource &resource) const;
    HttpResponse noConsent(const Resource &resource, const ConsentAnswer &answer) const;
    // A relay server's reply carries the TURN REST secret the OMS issued to it (relaySecrets).
    bool addRelaySecret(const Resource &resource, QJsonObject *reply, QString *error);
    QJsonObject resourceJson(const Resource &resource, bool withDetails) const;

    OmsState &m_state;
    CacheScheduler &m_scheduler;
};

// Whether a resource may serve: dedicated ones always, a volunteer's only under a current
// consent (OmsState::volunteerConsent). Shared by ORCP and the relay broker.
ConsentAnswer volunteerConsentOf(const OmsState &state, const Resource &resource);

} // namespace mp2p
