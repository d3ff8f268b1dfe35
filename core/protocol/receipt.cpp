#include "receipt.h"

#include "jsonfields.h"

namespace mp2p {

QByteArray canonicalReceiptMessage(const ReceiptFields &f)
{
    const QStringList parts{QStringLiteral("mp2p-receipt"),  QString::number(f.version),
                            f.overlayId,                     f.downloaderId,
                            f.uploaderId,                    peerTypeName(f.uploaderRole),
                            QString::number(f.sequence),     QString::number(f.bytes),
                            QString::number(f.time)};
    return parts.join(QLatin1Char('|')).toUtf8();
}

Receipt signReceipt(const KeyPair &downloader, ReceiptFields fields)
{
    fields.downloaderId = userIdForPublicKey(downloader.publicKey());
    Receipt r{fields, downloader.publicKey(), {}};
    r.signature = downloader.sign(canonicalReceiptMessage(r.fields));
    return r;
}

ReceiptCheck verifyReceipt(const Receipt &r)
{
    if (r.downloaderKey.size() != KeyPair::PublicKeyBytes || userIdForPublicKey(r.downloaderKey) != r.fields.downloaderId)
        return ReceiptCheck::KeyMismatch;
    if (r.signature.size() != KeyPair::SignatureBytes
        || !verifySignature(r.downloaderKey, canonicalReceiptMessage(r.fields), r.signature))
        return ReceiptCheck::BadSignature;
    return ReceiptCheck::Valid;
}

QJsonObject receiptToJson(const Receipt &r)
{
    const ReceiptFields &f = r.fields;
    return {{QStringLiteral("version"), f.version},
            {QStringLiteral("overlayId"), f.overlayId},
            {QStringLiteral("downloaderId"), f.downloaderId},
            {QStringLiteral("uploaderId"), f.uploaderId},
            {QStringLiteral("uploaderRole"), peerTypeName(f.uploaderRole)},
            {QStringLiteral("sequence"), f.sequence},
            {QStringLiteral("bytes"), f.bytes},
            {QStringLiteral("time"), f.time},
            {QStringLiteral("downloaderKey"), QString::fromLatin1(toBase64Url(r.downloaderKey))},
            {QStringLiteral("signature"), QString::fromLatin1(toBase64Url(r.signature))}};
}

namespace {

// Reads a lower-case hex id; records the problem in `in` when it is not one.
QString hexId(JsonFields &in, const QString &key, const QString &what)
{
    const QString value = in.string(key, JsonFields::Required, 40, 40);
    if (in.ok() && !isHex(value, 40))
        in.fail(key, QStringLiteral("invalid_value"), QStringLiteral("%1 is 40 lower-case hex characters").arg(what));
    return value;
}

// Reads base64url bytes of an exact length.
QByteArray binary(JsonFields &in, const QString &key, int bytes)
{
    const QString text = in.string(key, JsonFields::Required, 1, 200);
    if (!in.ok())
        return {};
    const auto decoded = fromBase64Url(text.toLatin1());
    if (!decoded || decoded->size() != bytes) {
        in.fail(key, QStringLiteral("invalid_value"),
                QStringLiteral("must be base64url (no padding) of %1 bytes").arg(bytes));
        return {};
    }
    return *decoded;
}

} // namespace

std::optional<Receipt> receiptFromJson(const QJsonObject &object, const QString &prefix, ApiError *error)
{
    JsonFields in(object, prefix);
    Receipt r;
    ReceiptFields &f = r.fields;
    f.version = int(in.integer(QStringLiteral("version"), JsonFields::Required, receipt::Version, receipt::Version));
    f.overlayId = hexId(in, QStringLiteral("overlayId"), QStringLiteral("an overlay id"));
    f.downloaderId = hexId(in, QStringLiteral("downloaderId"), QStringLiteral("a user id"));
    f.uploaderId = hexId(in, QStringLiteral("uploaderId"), QStringLiteral("a user id"));
    const QString role = in.choice(QStringLiteral("uploaderRole"), JsonFields::Required,
                                   {QStringLiteral("PEER"), QStringLiteral("CS"), QStringLiteral("RS")});
    f.uploaderRole = peerTypeFromName(role).value_or(PeerType::Peer);
    f.sequence = in.integer(QStringLiteral("sequence"), JsonFields::Required, 1, receipt::MaxInteger);
    f.bytes = in.integer(QStringLiteral("bytes"), JsonFields::Required, 0, receipt::MaxInteger);
    f.time = in.integer(QStringLiteral("time"), JsonFields::Required, 0, receipt::MaxInteger);
    r.downloaderKey = binary(in, QStringLiteral("downloaderKey"), KeyPair::PublicKeyBytes);
    r.signature = binary(in, QStringLiteral("signature"), KeyPair::SignatureBytes);
    if (!in.ok()) {
        *error = in.error();
        return std::nullopt;
    }
    return r;
}

} // namespace mp2p
