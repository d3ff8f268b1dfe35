#pragma once

#include <QString>

#include <functional>
#include <optional>

namespace mp2p {

// What the UMS may ask the PAMS about a user's contribution (issue 7: credit "feeds UMS
// reputation"). creditOf() answers at once from what the view already knows and never waits on
// the network or another server: a request to the UMS must not stall because the PAMS is slow
// or down. nullopt = not known (no PAMS, never answered, or a store error).
class CreditView {
public:
    virtual ~CreditView() = default;
    // Bytes of redeemed credit the PAMS holds for the user (all overlays, all roles).
    virtual std::optional<qint64> creditOf(const QString &userId) const = 0;
};

// The reputation that `creditBytes` of redeemed credit earn (docs/PROTOCOL.md, UMS): 0 below 1 MiB,
// else 1 + floor(log2(credit in whole MiB)) — 1 MiB → 1, 2 MiB → 2, 1 GiB → 11, 1 TiB → 21. The
// logarithm keeps a large seeder ahead without letting one outweigh every other signal, and
// each step costs twice the contribution of the one before.
int reputationFromCredit(qint64 creditBytes);

// The view of a PAMS in the same mp2pd: a direct read of its credit ledger (one indexed SUM in
// SQLite, microseconds), so no cache is needed and a redemption shows in the next profile read.
// The host passes the lookup (e.g. CreditStore::creditedTotal), which keeps the UMS library free
// of the PAMS one.
class LocalCreditView : public CreditView {
public:
    using Lookup = std::function<std::optional<qint64>(const QString &userId, QString *error)>;
    explicit LocalCreditView(Lookup lookup);
    std::optional<qint64> creditOf(const QString &userId) const override;

private:
    Lookup m_lookup;
};

} // namespace mp2p
