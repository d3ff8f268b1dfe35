#pragma once

#include "../../base/httprouter.h"
#include "../../protocol/auth.h"
#include "creditstore.h"

#include <memory>

namespace mp2p {

// PAMS contribution credit (R2): uploaders, caches and relays redeem the receipts their
// downloaders signed, and anyone can read a user's balance (docs/PROTOCOL.md "PAMS credit").
//   POST /pams/v1/credit/redeem          token of the uploader; {"receipts": [receipt...]}
//   POST /pams/v1/credit/relay-receipts  token of the downloader; {"receipts": [RS receipt...]}
//   GET  /pams/v1/credit/{userId}        balance (raw), counted credit and per-overlay breakdown
// Relay receipts are deposited by the downloader that signed them: the bytes came over a
// connection whose remote end was a relayed address, so the peer at the other end is not the
// relay and cannot carry them, and the RS itself never speaks BitTorrent. The downloader gains
// nothing from depositing (the RS owner is credited), and every check of a redemption applies
// unchanged, against the relay ledger (CreditChannel::Relay).
class CreditService {
public:
    static constexpr int MaxReceiptsPerRequest = 1000;
    // Operators and the service key, from the host (the constructor knows only the UMS key).
    void setAuthenticator(const Authenticator &auth) { m_auth = auth; }

    CreditService(QString dbPath, const TokenVerifier *tokens, Clock clock, CreditFacts facts);

    bool open(QString *error);
    void registerRoutes(HttpRouter &router);
    // The host wires the content size when it knows it (e.g. from the IXS); unknown by default,
    // in which case only cap (a) — the downloader's own reported downloads — applies.
    void setContentSizeLookup(std::function<std::optional<qint64>(const QString &overlayId)> lookup);
    // With an IXS wired, refuse receipts for overlays without a known size (an unbounded claim).
    void setRequireContentSize(bool require) { m_facts.requireContentSize = require; }
    // The OMS's co-presence (CreditFacts::coPresent); unset = not checked. `problem` says why an
    // answer is not known yet (e.g. the remote OMS is unreachable), for the 503 a redemption
    // then gets.
    void setCoPresence(decltype(CreditFacts::coPresent) check, std::function<QString()> problem = {})
    {
        m_facts.coPresent = std::move(check);
        m_presenceProblem = std::move(problem);
    }
    // Seconds a redemption is told to wait (Retry-After) while the OMS is asked.
    static constexpr int PresenceRetrySecs = 2;
    CreditStore *store() const { return m_store.get(); }

private:
    HttpResponse redeem(const HttpRequest &request, CreditChannel channel);
    HttpResponse balance(const HttpRequest &request) const;

    std::unique_ptr<CreditStore> m_store;
    Authenticator m_auth;
    Clock m_clock;
    CreditFacts m_facts;
    std::function<QString()> m_presenceProblem;
};

} // namespace mp2p
