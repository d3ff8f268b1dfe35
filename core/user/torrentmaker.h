#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace mp2p {

struct TorrentFileEntry {
    QString path;  // relative, '/'-separated, as stored in the torrent
    qint64 size = 0;
};

// A torrent made from a local file or folder: the metadata and what the IXS needs to index it.
struct MadeTorrent {
    QByteArray torrentFile;      // bencoded .torrent
    QString infoHashV1;          // 40 hex
    QString infoHashV2;          // 64 hex
    QString name;
    qint64 totalSize = 0;
    int pieceSize = 0;
    QList<TorrentFileEntry> files;
};

// Hashes `path` (a file or a folder) into a private hybrid v1+v2 torrent, so peers come only
// from the OMS. Blocking (disk I/O and hashing): call it off the GUI thread.
std::optional<MadeTorrent> makeTorrent(const QString &path, QString *error);

} // namespace mp2p
