#include "creditpolicy.h"

namespace mp2p {

QString creditVerdictName(CreditVerdict verdict)
{
    switch (verdict) {
    case CreditVerdict::Accepted: return QStringLiteral("accepted");
    case CreditVerdict::Forged: return QStringLiteral("forged");
    case CreditVerdict::SelfDealing: return QStringLiteral("self_dealing");
    case CreditVerdict::Replay: return QStringLiteral("replay");
    case CreditVerdict::NonMonotonic: return QStringLiteral("non_monotonic");
    case CreditVerdict::Inflated: return QStringLiteral("inflated");
    case CreditVerdict::NotInSwarm: return QStringLiteral("not_in_swarm");
    case CreditVerdict::UnknownContent: return QStringLiteral("unknown_content");
    }
    return QStringLiteral("unknown");
}

namespace {

CreditDecision reject(CreditVerdict verdict, QString detail)
{
    return {verdict, 0, std::move(detail)};
}

} // namespace

CreditDecision decideCredit(const Receipt &receipt, const CreditState &state, const CreditLimits &limits,
                            std::optional<ReceiptCheck> checked)
{
    const ReceiptFields &f = receipt.fields;
    switch (checked ? *checked : verifyReceipt(receipt)) {
    case ReceiptCheck::KeyMismatch:
        return reject(CreditVerdict::Forged, QStringLiteral("the downloaderKey does not belong to the downloaderId"));
    case ReceiptCheck::BadSignature:
        return reject(CreditVerdict::Forged, QStringLiteral("the signature does not match the receipt's fields"));
    case ReceiptCheck::Valid:
        break;
    }
    if (f.downloaderId == f.uploaderId)
        return reject(CreditVerdict::SelfDealing, QStringLiteral("a user cannot earn credit from their own receipts"));
    // Bytes move only between peers of one swarm: two accounts that never announced in the
    // overlay together cannot have exchanged any, whatever they sign.
    if (limits.seenTogether && !*limits.seenTogether)
        return reject(CreditVerdict::NotInSwarm,
                      QStringLiteral("the OMS did not see both users in the swarm of overlay %1 at the receipt's time %2; "
                                     "both must announce in the overlay, and the receipt be signed while they do")
                          .arg(f.overlayId).arg(f.time));
    // Without a size nothing bounds what a pair can claim per overlay.
    if (limits.contentSizeRequired && !limits.contentSize)
        return reject(CreditVerdict::UnknownContent,
                      QStringLiteral("overlay %1 has no content record at the index, so its size is unknown; credit is "
                                     "given only for registered content").arg(f.overlayId));
    if (f.sequence <= state.lastSequence)
        return reject(CreditVerdict::Replay, QStringLiteral("sequence %1 is not greater than the last accepted %2")
                                                 .arg(f.sequence).arg(state.lastSequence));
    if (f.bytes < state.lastBytes)
        return reject(CreditVerdict::NonMonotonic, QStringLiteral("bytes %1 are fewer than the last accepted %2")
                                                       .arg(f.bytes).arg(state.lastBytes));
    // Cap (a): all of this downloader's receipts in the overlay together stay within what it
    // reported downloading, so two colluding users cannot mint credit for bytes never moved.
    if (f.bytes + limits.creditedToOthers > limits.reportedDownloaded)
        return reject(CreditVerdict::Inflated,
                      QStringLiteral("receipts for %1 bytes exceed the %2 bytes the downloader reported downloading")
                          .arg(f.bytes + limits.creditedToOthers).arg(limits.reportedDownloaded));
    // Cap (b): one uploader cannot have sent more than the whole content.
    if (limits.contentSize && f.bytes > *limits.contentSize)
        return reject(CreditVerdict::Inflated, QStringLiteral("bytes %1 exceed the content size %2")
                                                   .arg(f.bytes).arg(*limits.contentSize));
    return {CreditVerdict::Accepted, f.bytes - state.lastBytes, {}};
}

} // namespace mp2p
