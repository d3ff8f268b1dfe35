#include "torrentmaker.h"

#include <libtorrent/create_torrent.hpp>
#include <libtorrent/torrent_info.hpp>

#include <QFileInfo>

#include <iterator>

namespace mp2p {

std::optional<MadeTorrent> makeTorrent(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists() || !info.isReadable()) {
        *error = QStringLiteral("cannot read %1: it does not exist or is not readable").arg(path);
        return std::nullopt;
    }
    try {
        lt::file_storage storage;
        lt::add_files(storage, info.absoluteFilePath().toStdString());
        if (storage.num_files() == 0 || storage.total_size() == 0) {
            *error = QStringLiteral("%1 has no files with content to share").arg(path);
            return std::nullopt;
        }
        // Piece size 0 lets libtorrent choose from the total size (16 KiB .. 16 MiB, ~1000-2000 pieces).
        lt::create_torrent creator(storage, 0);
        creator.set_priv(true);
        creator.set_creator("mp2p");
        lt::error_code ec;
        lt::set_piece_hashes(creator, info.absolutePath().toStdString(), ec);
        if (ec) {
            *error = QStringLiteral("cannot hash %1: %2").arg(path, QString::fromStdString(ec.message()));
            return std::nullopt;
        }
        std::vector<char> bytes;
        lt::bencode(std::back_inserter(bytes), creator.generate());
        const lt::torrent_info parsed(bytes, lt::from_span);
        MadeTorrent out;
        out.torrentFile = QByteArray(bytes.data(), qsizetype(bytes.size()));
        const auto hashes = parsed.info_hashes();
        const auto v1 = hashes.v1.to_string();
        const auto v2 = hashes.v2.to_string();
        out.infoHashV1 = QString::fromLatin1(QByteArray(v1.data(), qsizetype(v1.size())).toHex());
        if (hashes.has_v2())
            out.infoHashV2 = QString::fromLatin1(QByteArray(v2.data(), qsizetype(v2.size())).toHex());
        out.name = QString::fromStdString(parsed.name());
        out.totalSize = parsed.total_size();
        out.pieceSize = parsed.piece_length();
        const lt::file_storage &fs = parsed.files();
        for (const lt::file_index_t i : fs.file_range()) {
            if (fs.pad_file_at(i))
                continue;
            out.files.append({QString::fromStdString(fs.file_path(i)), fs.file_size(i)});
        }
        return out;
    } catch (const std::exception &e) {
        *error = QStringLiteral("cannot make a torrent of %1: %2").arg(path, QString::fromUtf8(e.what()));
        return std::nullopt;
    }
}

} // namespace mp2p
