#pragma once

#include "../../base/database.h"
#include "countedcredit.h"
#include "creditpolicy.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace mp2p {

// Which ledger a receipt goes to. Direct: the uploader (peer or cache) sent the bytes and redeems
// the receipt itself (POST /pams/v1/credit/redeem). Relay: the bytes came through a relay (RS)
// whose owner is named as uploader, and the downloader deposits the receipt
// (POST /pams/v1/credit/relay-receipts). The two ledgers are kept apart because they count the
// same bytes twice by design: the uploader earns its upload, the relay its forwarding; each
// ledger has its own sequence state and its own cap (a).
enum class CreditChannel { Direct, Relay };
QString creditChannelName(CreditChannel channel);  // "direct", "relay"

struct CreditBalance {
    QString userId;
    qint64 total = 0;
    qint64 relayed = 0;                      // the part of `total` earned as a relay (RS)
    QList<QPair<QString, qint64>> overlays;  // (overlay id, credited bytes), by overlay id
    qint64 rejectedAttempts = 0;             // rejected receipts this user sent
};

// Outside facts a redemption needs; nullopt = not known. An error string aborts the batch.
struct CreditFacts {
    // What `userId` reported as downloaded in `overlayId` (the PAMS's peer_overlay_status).
    std::function<std::optional<qint64>(const QString &userId, const QString &overlayId, QString *error)> downloaded;
    // Optional, faster form of `downloaded` for a whole batch: what each of `userIds` reported in
    // `overlayId` (a user without a report is left out). When set, a redemption asks once per
    // overlay in the batch instead of once per (downloader, overlay) — e.g. PamsStore::activityOf,
    // which takes a list. Must agree with `downloaded`.
    std::function<std::optional<QHash<QString, qint64>>(const QString &overlayId, const QStringList &userIds,
                                                        QString *error)>
        downloadedMany;
    // The overlay's content size, when known.
    std::function<std::optional<qint64>(const QString &overlayId)> contentSize;
    // Refuse receipts whose overlay has no known size (set by the host with an IXS lookup).
    bool requireContentSize = false;
    // Whether the OMS saw `downloaderId` and `uploaderId` (empty for a relay, which does not join
    // swarms: then the downloader alone) in the overlay's swarm at unix time `time`. Unset = not
    // checked; the host sets it (failing closed when it has no OMS to ask). nullopt = not known
    // yet (a remote OMS is being asked): the whole batch is then left undecided and unwritten
    // (CreditStore::redeem sets *presencePending), and the uploader retries shortly.
    std::function<std::optional<bool>(const QString &overlayId, const QString &downloaderId, const QString &uploaderId,
                                      qint64 time)>
        coPresent;
};

// The credit ledger (its own SQLite file next to pams.db, so it migrates independently):
// the last accepted receipt per (downloader, uploader, overlay) and channel — whose bytes are
// exactly what that uploader or relay has been credited, since only growth is credited — and a
// log of rejected receipts against the user who sent them.
class CreditStore {
public:
    explicit CreditStore(QString path);

    bool open(QString *error);
    // Decides every receipt in order (later ones see earlier ones) against the ledger of
    // `channel` and writes the accepted state and the rejection log (against `senderId`) in one
    // transaction; false (nothing written) on a store error.
    // When a receipt's co-presence is not known yet (CreditFacts::coPresent gave nullopt), nothing
    // is written, *presencePending (if given) is set, and the decisions are not final.
    bool redeem(const QString &senderId, const QList<Receipt> &receipts, const CreditFacts &facts, qint64 now,
                QList<CreditDecision> *decisions, QString *error, CreditChannel channel = CreditChannel::Direct,
                bool *presencePending = nullptr);
    std::optional<CreditBalance> balance(const QString &userId, QString *error) const;
    // Just the total of balance() (one indexed SUM): what UMS reputation reads.
    // The raw ledger figure: every accepted receipt, whoever signed it.
    std::optional<qint64> creditedTotal(const QString &userId, QString *error) const;
    // What counts for UMS reputation and OMS priority (R1): creditedTotal without the credit
    // that rings of accounts signed for each other beyond the outside credit they earned
    // (ringfilter.h). From a snapshot recomputed in the background after redemptions, so it
    // may lag the raw figure by about one computation; never above it.
    qint64 countedTotal(const QString &userId) const { return m_counted->countedOf(userId); }
    // The receipt graph's figures at the last computation, and whether it is up to date.
    RingStats ringStats() const { return m_counted->stats(); }
    bool countedSettled() const { return m_counted->isSettled(); }
    // Recomputes the counted credit on this thread (open() does; tests may).
    bool refreshCounted(QString *error) { return m_counted->refreshNow(error); }
    // The reasons of the rejected receipts `senderId` sent, sorted (for audits and tests).
    QStringList rejectionReasons(const QString &senderId, QString *error) const;
    int schemaVersion() const { return m_db.schemaVersion(); }

private:
    std::optional<QList<CreditEdge>> readEdges(QString *error) const;

    Database m_db;
    std::unique_ptr<CountedCredit> m_counted;  // after m_db: its computation reads the ledger
};

} // namespace mp2p
