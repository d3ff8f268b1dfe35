#pragma once

#include "receiptexchange.h"

#include <base/database.h>

#include <QList>
#include <QString>

#include <optional>

namespace mp2p {

// A receipt this peer holds (as uploader) and where its redemption stands.
struct HeldReceipt {
    Receipt receipt;
    qint64 receivedAt = 0;
    qint64 redeemedSequence = 0;  // the last sequence the PAMS decided on
    qint64 creditedBytes = 0;     // what the PAMS credited for this (downloader, overlay) so far
    QString lastStatus;           // "", "accepted", "rejected"
    QString lastReason;           // the PAMS's reason for the last rejection
    qint64 retryAfter = 0;        // unix seconds; an "inflated" receipt waits for the downloader's report
};

// The PAMS's verdict on one receipt, as the redeemer records it.
struct RedemptionOutcome {
    QString downloaderId, uploaderId, overlayId;
    qint64 sequence = 0;
    bool accepted = false;
    qint64 credited = 0;
    QString reason;        // when rejected
    qint64 retryAfter = 0; // 0 = final; otherwise the same receipt may be sent again after it
};

// Which receipts a ReceiptBook call is about: those we hold as uploader and redeem
// (held_receipt), or the relay receipts we signed as downloader and deposit (relay_receipt). Both
// tables have the same columns and the same redemption bookkeeping.
enum class ReceiptTable { Held, Relay };

struct LedgerSummary {
    qint64 receiptsHeld = 0;      // (downloader, overlay) pairs we hold a receipt for
    qint64 bytesHeld = 0;         // sum of their cumulative bytes
    qint64 pending = 0;           // held receipts newer than their last redemption
    qint64 redeemed = 0;          // receipts the PAMS accepted
    qint64 rejected = 0;          // receipts the PAMS rejected
    qint64 creditedBytes = 0;     // bytes the PAMS credited for our receipts
    qint64 issuedTo = 0;          // (uploader, overlay) pairs we signed receipts for as a downloader
    qint64 bytesSigned = 0;
    // Relay receipts we signed as a downloader for the RS owners our bytes came through.
    qint64 relayBytesSigned = 0;
    qint64 relayPending = 0;      // (RS owner, overlay) receipts not yet deposited at the PAMS
    qint64 relayCredited = 0;     // bytes the PAMS credited to RS owners from our deposits
};

// receipts.db in the peer's state folder: the newest receipt per (downloader, uploader,
// overlay) we received, with its redemption state, and the cumulative state of the receipts we
// signed as a downloader (so a restarted peer continues its sequences and byte counts); the
// same two for the relay receipts we signed and deposit (relay_receipt, issued_relay_receipt).
// Thread-affine like every Database user: ContributionCredit calls it from one worker thread;
// readers in other threads/processes get their own connection (WAL).
class ReceiptBook {
public:
    explicit ReceiptBook(QString path);

    bool open(QString *error);
    // Keeps each receipt only if it is newer (higher sequence, not fewer bytes) than the held one.
    bool storeReceived(const QList<Receipt> &receipts, qint64 now, QString *error, ReceiptTable table = ReceiptTable::Held);
    bool storeIssued(const QList<IssuedState> &states, QString *error);
    std::optional<QList<IssuedState>> issued(QString *error) const;
    std::optional<QList<HeldReceipt>> held(QString *error, ReceiptTable table = ReceiptTable::Held) const;
    // Receipts newer than their last redemption, received at or before `receivedBefore`, whose
    // retry time has come; at most `limit`.
    std::optional<QList<Receipt>> pending(qint64 now, qint64 receivedBefore, int limit, QString *error,
                                          ReceiptTable table = ReceiptTable::Held) const;
    bool recordOutcomes(const QList<RedemptionOutcome> &outcomes, QString *error, ReceiptTable table = ReceiptTable::Held);
    std::optional<LedgerSummary> summary(QString *error) const;

private:
    Database m_db;
};

} // namespace mp2p
