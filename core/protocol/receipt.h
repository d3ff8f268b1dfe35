#pragma once

#include "../base/apierror.h"
#include "keys.h"
#include "peeractivity.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace mp2p {

// A contribution receipt (R2 credit): the downloader's signed, cumulative, monotonic statement
// "by now I have received `bytes` from `uploaderId` in `overlayId`". Cumulative + a strictly
// increasing sequence per (downloader, uploader, overlay) means a lost or replayed receipt
// never changes the total: the PAMS credits only the growth over the last accepted one.
namespace receipt {
inline constexpr int Version = 1;
// JSON numbers are doubles: keep integers exactly representable.
inline constexpr qint64 MaxInteger = (qint64(1) << 53) - 1;
} // namespace receipt

struct ReceiptFields {
    int version = receipt::Version;
    QString overlayId;     // 40 lower-case hex (v1 info-hash)
    QString downloaderId;  // user id of the signer
    QString uploaderId;    // user id of the peer, cache (CS) or relay (RS) that sent the bytes
    PeerType uploaderRole = PeerType::Peer;
    qint64 sequence = 0;   // >= 1, strictly increasing per (downloader, uploader, overlay)
    qint64 bytes = 0;      // cumulative bytes received from the uploader in the overlay
    qint64 time = 0;       // unix seconds when signed
};

struct Receipt {
    ReceiptFields fields;
    QByteArray downloaderKey;  // Ed25519 public key, 32 bytes
    QByteArray signature;      // Ed25519 over canonicalReceiptMessage(fields), 64 bytes
};

// The exact bytes that are signed: ASCII, fields in a fixed order joined by '|', so every
// implementation signs the same message regardless of JSON key order or number formatting:
// "mp2p-receipt|<version>|<overlayId>|<downloaderId>|<uploaderId>|<ROLE>|<sequence>|<bytes>|<time>".
QByteArray canonicalReceiptMessage(const ReceiptFields &fields);

// Signs `fields` with the downloader's key; downloaderId is set from the key.
Receipt signReceipt(const KeyPair &downloader, ReceiptFields fields);

enum class ReceiptCheck { Valid, KeyMismatch, BadSignature };
// Checks that the key belongs to the downloader id and that the signature covers the fields.
ReceiptCheck verifyReceipt(const Receipt &receipt);
inline bool isValidReceipt(const Receipt &r) { return verifyReceipt(r) == ReceiptCheck::Valid; }

// Transport form: {"version", "overlayId", "downloaderId", "uploaderId", "uploaderRole",
// "sequence", "bytes", "time", "downloaderKey": b64url, "signature": b64url}.
QJsonObject receiptToJson(const Receipt &receipt);
// Checks shape and bounds only (not the signature); on bad input returns nullopt and a 400
// whose field is prefixed with `prefix` (e.g. "receipts[3].bytes").
std::optional<Receipt> receiptFromJson(const QJsonObject &object, const QString &prefix, ApiError *error);

} // namespace mp2p
