#pragma once

#include <protocol/receipt.h>

#include <QByteArray>
#include <QString>

#include <optional>

namespace mp2p {

// The BEP 10 extension "mp2p_receipt" (R10): how contribution receipts travel between peers.
//
// Extension handshake (BEP 10, the dictionary every extension shares): our message id in
// "m" → {"mp2p_receipt": id}, and our identity in "mp2p_receipt" → {"v": 1, "uid": hex user id,
// "pk": 32-byte Ed25519 public key, "role": "PEER"|"CS"|"RS"}. A peer whose handshake lacks
// either is not spoken to. uid must be the hash of pk (else the handshake is ignored).
//
// Receipt message (extended message with the id the other side chose): a bencoded dict
// {"v": 1, "o": overlay hex, "d": downloader id, "u": uploader id, "r": role, "s": sequence,
// "b": cumulative bytes, "t": unix time, "k": 32-byte key, "g": 64-byte signature} — exactly
// the fields of core/protocol/receipt, whose canonical message the signature covers.
namespace receiptwire {
inline constexpr char ExtensionName[] = "mp2p_receipt";
inline constexpr int LocalMessageId = 17;       // the id we ask others to use (any 1..255 not taken)
inline constexpr int MaxMessageBytes = 1024;    // a receipt encodes to ~330 bytes
inline constexpr int MaxHandshakeBytes = 16384; // whole BEP 10 handshake we are willing to parse
} // namespace receiptwire

struct ReceiptHello {
    QString userId;
    QByteArray publicKey;
    PeerType role = PeerType::Peer;
    int messageId = 0;  // the id to use when sending to this side
};

enum class WireProblem { None, Malformed, Oversized, WrongVersion, BadIdentity, NotOffered };
QString wireProblemName(WireProblem problem);  // "malformed", "oversized", ...

// The full BEP 10 handshake dictionary with only our entries (for tests; the plugin adds the
// same entries to libtorrent's handshake).
QByteArray encodeHandshake(const ReceiptHello &hello);
// Reads our entries from a whole bencoded BEP 10 handshake. NotOffered when the peer does not
// speak the extension (no "m"/"mp2p_receipt" id) — that is normal, not hostile.
std::optional<ReceiptHello> decodeHandshake(const QByteArray &handshake, WireProblem *problem);

QByteArray encodeReceiptMessage(const Receipt &receipt);
// Shape and bounds only (ids hex, integers in range, key/signature lengths); the signature is
// checked by the caller with verifyReceipt().
std::optional<Receipt> decodeReceiptMessage(const QByteArray &payload, WireProblem *problem);

} // namespace mp2p
