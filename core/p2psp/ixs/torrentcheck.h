#pragma once

#include <base/apierror.h>

#include <QByteArray>
#include <QString>

#include <optional>

namespace mp2p {

inline constexpr qint64 MaxTorrentBytes = 4 * 1024 * 1024;

// Decodes the base64url `torrent` field and checks that its info dictionary hashes to the
// info-hashes the publisher gave (SHA-1 = infoHashV1; SHA-256 = infoHashV2 when given), so the
// index never advertises metadata that a downloader's client would reject.
// Returns the .torrent bytes, or nullopt and a 400 naming the field.
std::optional<QByteArray> decodeAndCheckTorrent(const QString &base64, const QString &infoHashV1,
                                                const QString &infoHashV2, ApiError *error);

} // namespace mp2p
