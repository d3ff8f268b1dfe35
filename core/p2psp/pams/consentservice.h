#pragma once

#include "../../base/database.h"
#include "../../base/httprouter.h"
#include "../../protocol/auth.h"
#include "consentrecord.h"

#include <QList>

namespace mp2p {

// Volunteer consent at the PAMS (issue 7). The PAMS keeps each user's latest signed record per
// role, so it can prove what a volunteer agreed to and the OMS can refuse to list a relay or
// cache without a current consent (hasCurrentConsent).
//   POST /pams/v1/consent            token of the record's user; a signed record → 201
//   GET  /pams/v1/consent/{userId}   → {"userId", "consents": [record...], "active": {"relay", "cache"}}
class ConsentService {
public:
    ConsentService(QString dbPath, const TokenVerifier *tokens, Clock clock);
    // Operators and the service key, from the host (the constructor knows only the UMS key).
    void setAuthenticator(const Authenticator &auth) { m_auth = auth; }

    bool open(QString *error);
    void registerRoutes(HttpRouter &router);
    // The check the OMS (R8) must make before listing a volunteer's relay or cache.
    bool hasCurrentConsent(const QString &userId, VolunteerRoleKind role) const;
    std::optional<QList<ConsentRecord>> consentsOf(const QString &userId, QString *error) const;

private:
    HttpResponse post(const HttpRequest &request);
    HttpResponse get(const HttpRequest &request) const;

    Database m_db;
    Authenticator m_auth;
    Clock m_clock;
};

} // namespace mp2p
