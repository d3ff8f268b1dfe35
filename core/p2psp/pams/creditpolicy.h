#pragma once

#include "../../protocol/receipt.h"

#include <QString>

#include <optional>

namespace mp2p {

// The PAMS's rules for one contribution receipt (docs/PROTOCOL.md "PAMS credit"). Pure: the
// store supplies the last accepted state and the limits, so every rule is testable alone.
enum class CreditVerdict {
    Accepted,
    Forged,        // key does not belong to the downloader id, or the signature is bad
    SelfDealing,   // downloader == uploader
    Replay,        // sequence not greater than the last accepted (replayed or reordered)
    NonMonotonic,  // cumulative bytes lower than the last accepted
    Inflated,      // more than the downloader reported downloading, or more than the content
    NotInSwarm,    // the OMS did not see both users in the overlay's swarm when it was signed
    UnknownContent,  // the content size is required and no index record gives it
};
QString creditVerdictName(CreditVerdict verdict);  // "accepted", "forged", "self_dealing", ...

// Last accepted receipt for one (downloader, uploader, overlay); zeros when there is none.
struct CreditState {
    qint64 lastSequence = 0;
    qint64 lastBytes = 0;
};

struct CreditLimits {
    // What the downloader itself reported as downloaded in the overlay (PAMP status), 0 if never.
    qint64 reportedDownloaded = 0;
    // Bytes already credited from this downloader's receipts in the overlay to *other* uploaders.
    qint64 creditedToOthers = 0;
    std::optional<qint64> contentSize;  // the overlay's content size when the PAMS knows it
    bool contentSizeRequired = false;   // refuse when contentSize is unknown (the host's IXS is wired)
    // Whether the OMS saw the downloader and the uploader (a relay: the downloader) in the
    // overlay's swarm at the receipt's time; nullopt = not checked (no OMS wired).
    std::optional<bool> seenTogether;
};

struct CreditDecision {
    CreditVerdict verdict = CreditVerdict::Accepted;
    qint64 credit = 0;  // bytes credited to the uploader; 0 unless accepted
    QString detail;     // why, for the response and the rejection log
};

// An inflated receipt earns nothing (it is rejected whole, not clipped to the cap): clipping
// would still pay a cheater the cap, and the state is not advanced, so an honest downloader
// whose PAMP report lagged behind can resend a receipt later and be credited in full.
// `checked`: the receipt's signature check when it was already done (a batch verifies its
// signatures in parallel first); otherwise it is done here.
CreditDecision decideCredit(const Receipt &receipt, const CreditState &state, const CreditLimits &limits,
                            std::optional<ReceiptCheck> checked = std::nullopt);

} // namespace mp2p
