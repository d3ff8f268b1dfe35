// PeerEngine::persistedTransfers: what `mp2p status` shows while no peer runs, read from
// transfers.db and the resume data alone, without starting a libtorrent session.
#include "ltconvert.h"
#include "peerengine.h"
#include "transferstore.h"

#include <libtorrent/torrent_info.hpp>

#include <QFileInfo>

namespace mp2p {

QList<TransferStatus> PeerEngine::persistedTransfers(const QString &stateDir, QString *error)
{
    const QString path = stateDir + QStringLiteral("/transfers.db");
    if (!QFileInfo::exists(path))
        return {};  // a peer that never transferred anything
    TransferStore store;
    if (!store.open(path, error))
        return {};
    QList<TransferStatus> out;
    for (const StoredTransfer &row : store.loadAll(error)) {
        lt::add_torrent_params atp;
        QString warning, rowError;
        if (!engine::restoreParams(row, &atp, &warning, &rowError))
            continue;
        TransferStatus s;
        s.infoHash = row.infoHash;
        s.savePath = row.savePath;
        s.uploaded = atp.total_uploaded;
        s.downloaded = atp.total_downloaded;
        if (atp.ti) {
            s.name = QString::fromStdString(atp.ti->name());
            s.totalWanted = atp.ti->total_size();
            const int pieces = atp.ti->num_pieces();
            int have = 0;
            for (int i = 0; i < atp.have_pieces.size() && i < pieces; ++i)
                have += atp.have_pieces.get_bit(lt::piece_index_t(i)) ? 1 : 0;
            // Every piece is full length except possibly the last one.
            s.totalDone = qMin<qint64>(s.totalWanted, qint64(have) * atp.ti->piece_length());
            if (pieces > 0 && have == pieces)
                s.totalDone = s.totalWanted;
        }
        s.left = s.totalWanted - s.totalDone;
        s.progress = s.totalWanted > 0 ? double(s.totalDone) / double(s.totalWanted) : 0;
        s.state = row.paused ? TransferState::Paused : (s.left == 0 ? TransferState::Seeding : TransferState::Downloading);
        out.append(s);
    }
    return out;
}

} // namespace mp2p
