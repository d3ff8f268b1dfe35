#pragma once

#include "contentrecord.h"

#include <base/apierror.h>

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace mp2p {

// The files a .torrent's info dictionary describes, as a client lists them: paths relative to
// the content root with the torrent's name as the first part of a multi-file torrent, pad files
// left out. Reads v1 ("length" or "files") and, for v2-only metadata, the "file tree".
// Returns nullopt and a message when the dictionary does not describe files.
std::optional<QList<ContentFile>> torrentFiles(const QByteArray &infoSection, QString *error);

// Checks what a publisher says about the content against its verified .torrent: `files`
// (the same paths with the same sizes, in any order), `totalSize` when given and `overlayId`
// (the overlay of a torrent is its v1 info-hash). A record that lies about its content would
// send searchers to something else than they download. Fails with a 400 naming the field and
// what the torrent says.
bool matchesTorrent(const ContentRecord &record, std::optional<qint64> claimedTotal, ApiError *error);

} // namespace mp2p
