#pragma once

#include "omsstate.h"

#include <base/httprouter.h>

#include <QHash>
#include <QList>

namespace mp2p {

// The relay broker (R8 + R5): a peer nobody can reach asks its OMS for a relay
// (POST /oms/v1/relays/credentials, with its UMS token) instead of needing TURN credentials by
// hand. The OMS picks a live relay server registered over ORCP — a volunteer's only under a
// current consent — in the caller's region (ALTO PID) first, then the one with the fewest relays
// (credentials handed out and still valid, plus relays started over ORCP), and mints TURN REST
// credentials with the secret it issued to that RS (relaysecrets.h): user name
// "<expiry>:<caller user id>[+<overlayId>]", password base64(HMAC-SHA1(secret, user name)),
// exactly what core/relay's RelayAuth (and coturn --use-auth-secret) verifies.
class RelayBroker {
public:
    explicit RelayBroker(OmsState &state);

    void registerRoutes(HttpRouter &router);
    HttpResponse credentials(const HttpRequest &request);

private:
    struct Candidate {
        Resource resource;
        QByteArray secret;
        int load = 0;
    };
    QList<Candidate> candidates(qint64 now, QString *error);
    int loadOf(const QString &resourceId, qint64 now);

    OmsState &m_state;
    QHash<QString, QList<qint64>> m_handedOut;  // resource id -> expiry of each credential it got
};

} // namespace mp2p
