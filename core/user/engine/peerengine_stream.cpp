// PeerEngine's streaming and details calls: the file layout of a transfer with each file's
// progress and priority, which pieces are verified or in flight, and piece deadlines
// (libtorrent's time-critical pieces) for the pieces a player waits for.

#include "peerengine_p.h"

#include "ltconvert.h"

#include <libtorrent/download_priority.hpp>
#include <libtorrent/file_storage.hpp>
#include <libtorrent/torrent_info.hpp>
#include <libtorrent/torrent_status.hpp>

#include <QDir>

namespace mp2p {

namespace {
// The torrent's metadata, or null while it is unknown (or the transfer is gone).
std::shared_ptr<const lt::torrent_info> metadataOf(const lt::torrent_handle &h)
{
    if (!h.is_valid())
        return {};
    try {
        return h.torrent_file();
    } catch (const std::exception &) {
        return {};
    }
}
} // namespace

QList<TransferFile> PeerEngine::files(const QString &infoHash) const
{
    const lt::torrent_handle h = d->handleOf(infoHash);
    const auto ti = metadataOf(h);
    if (!ti)
        return {};
    QString savePath;
    try {
        savePath = QString::fromStdString(h.status(lt::torrent_handle::query_save_path).save_path);
    } catch (const std::exception &) {
        return {};
    }
    const lt::file_storage &fs = ti->files();
    QList<TransferFile> out;
    for (const lt::file_index_t i : fs.file_range()) {
        if (fs.file_flags(i) & lt::file_storage::flag_pad_file)
            continue;
        TransferFile f;
        f.index = static_cast<int>(i);
        f.path = QString::fromStdString(fs.file_path(i));
        f.absolutePath = QDir(savePath).filePath(f.path);
        f.size = fs.file_size(i);
        f.offset = fs.file_offset(i);
        out.append(f);
    }
    return out;
}

QList<TransferFile> PeerEngine::fileStatus(const QString &infoHash) const
{
    QList<TransferFile> out = files(infoHash);
    if (out.isEmpty())
        return out;
    const lt::torrent_handle h = d->handleOf(infoHash);
    try {
        std::vector<std::int64_t> done;
        h.file_progress(done);  // byte-exact; a details pane asks about once a second
        const std::vector<lt::download_priority_t> prio = h.get_file_priorities();
        for (TransferFile &f : out) {
            const auto i = std::size_t(f.index);
            if (i < done.size())
                f.downloaded = done[i];
            if (i < prio.size())
                f.priority = engine::fromLtPriority(prio[i]);
        }
    } catch (const std::exception &) {
        return {};
    }
    return out;
}

QByteArray PeerEngine::pieceStates(const QString &infoHash) const
{
    const lt::torrent_handle h = d->handleOf(infoHash);
    if (!h.is_valid())
        return {};
    try {
        const lt::torrent_status st = h.status(lt::torrent_handle::query_pieces);
        if (st.pieces.empty())
            return {};
        QByteArray out(st.pieces.size(), char(PieceState::Missing));
        for (const lt::partial_piece_info &p : h.get_download_queue()) {
            const int i = static_cast<int>(p.piece_index);
            if (i >= 0 && i < out.size())
                out[i] = char(PieceState::Downloading);
        }
        for (int i = 0; i < out.size(); ++i)
            if (st.pieces.get_bit(lt::piece_index_t(i)))
                out[i] = char(PieceState::Have);
        return out;
    } catch (const std::exception &) {
        return {};
    }
}

int PeerEngine::pieceSize(const QString &infoHash) const
{
    const auto ti = metadataOf(d->handleOf(infoHash));
    return ti ? ti->piece_length() : 0;
}

int PeerEngine::pieceCount(const QString &infoHash) const
{
    const auto ti = metadataOf(d->handleOf(infoHash));
    return ti ? ti->num_pieces() : 0;
}

bool PeerEngine::havePiece(const QString &infoHash, int piece) const
{
    const lt::torrent_handle h = d->handleOf(infoHash);
    if (!h.is_valid() || piece < 0)
        return false;
    try {
        return h.have_piece(lt::piece_index_t(piece));
    } catch (const std::exception &) {
        return false;
    }
}

void PeerEngine::setPieceDeadlines(const QString &infoHash, int firstPiece, int count, int msFirst, int msStep)
{
    const int pieces = pieceCount(infoHash);
    d->withHandle(infoHash, [&](const lt::torrent_handle &h) {
        for (int i = 0; i < count && firstPiece + i < pieces; ++i) {
            if (firstPiece + i >= 0)
                h.set_piece_deadline(lt::piece_index_t(firstPiece + i), msFirst + i * msStep);
        }
    });
}

void PeerEngine::clearPieceDeadlines(const QString &infoHash)
{
    d->withHandle(infoHash, [](const lt::torrent_handle &h) { h.clear_piece_deadlines(); });
}

} // namespace mp2p
