#include "torrentcheck.h"

#include <protocol/keys.h>
#include <user/bencode.h>

#include <QCryptographicHash>

namespace mp2p {

namespace {
ApiError torrentError(const QString &field, const QString &message, const QString &hint)
{
    ApiError e = ApiError::badRequest(QStringLiteral("invalid_value"), message, field);
    e.hint = hint;
    return e;
}
} // namespace

std::optional<QByteArray> decodeAndCheckTorrent(const QString &base64, const QString &infoHashV1,
                                                const QString &infoHashV2, ApiError *error)
{
    const QString field = QStringLiteral("torrent");
    // 4 base64 characters carry 3 bytes: reject oversized text before decoding it.
    if (base64.size() > (MaxTorrentBytes / 3 + 1) * 4) {
        *error = torrentError(field, QStringLiteral("the torrent file is larger than %1 bytes").arg(MaxTorrentBytes),
                              QStringLiteral("use larger pieces so the .torrent file gets smaller"));
        return std::nullopt;
    }
    const auto bytes = fromBase64Url(base64.toLatin1());
    if (!bytes || bytes->isEmpty()) {
        *error = torrentError(field, QStringLiteral("the field 'torrent' is not valid base64url"),
                              QStringLiteral("send the .torrent file encoded as base64url without padding"));
        return std::nullopt;
    }
    if (bytes->size() > MaxTorrentBytes) {
        *error = torrentError(field, QStringLiteral("the torrent file is larger than %1 bytes").arg(MaxTorrentBytes),
                              QStringLiteral("use larger pieces so the .torrent file gets smaller"));
        return std::nullopt;
    }
    QString why;
    const auto info = torrentInfoSection(*bytes, &why);
    if (!info) {
        *error = torrentError(field, QStringLiteral("the field 'torrent' is not a .torrent file: %1").arg(why),
                              QStringLiteral("send the bencoded .torrent file your client created"));
        return std::nullopt;
    }
    const QString sha1 = QString::fromLatin1(QCryptographicHash::hash(*info, QCryptographicHash::Sha1).toHex());
    if (sha1 != infoHashV1) {
        *error = torrentError(QStringLiteral("infoHashV1"),
                              QStringLiteral("the torrent metadata does not match its info-hash: SHA-1 of the info "
                                             "dictionary is %1, but infoHashV1 is %2")
                                  .arg(sha1, infoHashV1),
                              QStringLiteral("send the info-hash of this very .torrent file"));
        return std::nullopt;
    }
    if (!infoHashV2.isEmpty()) {
        const QString sha256 =
            QString::fromLatin1(QCryptographicHash::hash(*info, QCryptographicHash::Sha256).toHex());
        if (sha256 != infoHashV2) {
            *error = torrentError(QStringLiteral("infoHashV2"),
                                  QStringLiteral("the torrent metadata does not match its info-hash: SHA-256 of the "
                                                 "info dictionary is %1, but infoHashV2 is %2")
                                      .arg(sha256, infoHashV2),
                                  QStringLiteral("send the v2 info-hash of this very .torrent file, or leave it out "
                                                 "for a v1-only torrent"));
            return std::nullopt;
        }
    }
    return *bytes;
}

} // namespace mp2p
