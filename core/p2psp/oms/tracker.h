#pragma once

#include "omsstate.h"

#include <base/httprouter.h>

namespace mp2p {

// The BitTorrent HTTP tracker: the wire form of OMP join/refresh/leave for libtorrent and other
// clients (BEP 3, compact peers BEP 23, IPv6 peers BEP 7, scrape BEP 48). This is the OMS's hot
// path: an announce is a passkey look-up, a few query values and one
// registry call (the passkey look-up goes to the UMS, see OmsService::setPasskeyResolver). Every error is HTTP 200 with {"failure reason"}, as
// BitTorrent clients expect.
class Tracker {
public:
    explicit Tracker(OmsState &state);

    void registerRoutes(HttpRouter &router);
    HttpResponse announce(const HttpRequest &request, const QString &passkey) const;
    HttpResponse scrape(const HttpRequest &request, const QString &passkey) const;

private:
    struct Announce;
    std::optional<QString> userOf(const QString &passkey, QString *failureReason) const;
    bool parse(const HttpRequest &request, Announce *out, QString *failure) const;
    static void encodePeers(const Announce &announce, const QList<SwarmPeer> &peers, QVariantMap *reply);

    OmsState &m_state;
};

} // namespace mp2p
