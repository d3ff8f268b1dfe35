// PeerEngine's per-transfer operations and the small helpers they share.

#include "peerengine_p.h"

#include "ltconvert.h"

#include <libtorrent/announce_entry.hpp>
#include <libtorrent/peer_info.hpp>

namespace mp2p {

lt::torrent_handle PeerEngine::Private::handleOf(const QString &infoHash) const
{
    return handles.value(infoHash);
}

QString PeerEngine::Private::keyOf(const lt::torrent_handle &h) const
{
    auto it = keys.find(h);
    return it == keys.end() ? QString() : it->second;
}

TransferStatus PeerEngine::Private::snapshot(const lt::torrent_status &st) const
{
    int uploadTo = 0;
    int downloadFrom = 0;
    if (st.num_peers > 0) {
        std::vector<lt::peer_info> peers;
        try {
            st.handle.get_peer_info(peers);
        } catch (const std::exception &) {
            peers.clear();  // the torrent went away between the update and now
        }
        for (const lt::peer_info &p : peers) {
            // Unchoked both ways with interest: bytes can actually flow in that direction.
            if (!(p.flags & lt::peer_info::choked) && (p.flags & lt::peer_info::remote_interested))
                ++uploadTo;
            if (!(p.flags & lt::peer_info::remote_choked) && (p.flags & lt::peer_info::interesting))
                ++downloadFrom;
        }
    }
    return engine::toTransferStatus(st, uploadTo, downloadFrom);
}

void PeerEngine::Private::refreshCache(const lt::torrent_handle &h)
{
    try {
        const lt::torrent_status st = h.status();
        cache.insert(engine::hashKey(st.info_hashes), snapshot(st));
    } catch (const std::exception &) {
    }
}

bool PeerEngine::Private::requestResumeData(const lt::torrent_handle &h, lt::resume_data_flags_t flags)
{
    try {
        h.save_resume_data(flags);
    } catch (const std::exception &) {
        return false;  // removed meanwhile: no alert will come
    }
    ++outstandingResume;
    return true;
}

void PeerEngine::Private::checkpoint()
{
    if (!session || shuttingDown)
        return;
    for (const lt::torrent_handle &h : std::as_const(handles))
        requestResumeData(h, lt::torrent_handle::only_if_modified);
}

void PeerEngine::setTrackerUrl(const QString &infoHash, const QString &trackerUrl)
{
    d->withHandle(infoHash, [&](const lt::torrent_handle &h) {
        std::vector<lt::announce_entry> trackers;
        if (!trackerUrl.isEmpty())
            trackers.emplace_back(trackerUrl.toStdString());
        h.replace_trackers(trackers);
        d->onStore([infoHash, trackerUrl](TransferStore *s) { s->setTrackerUrl(infoHash, trackerUrl); });
    });
}

void PeerEngine::forceReannounce(const QString &infoHash)
{
    const QStringList targets = infoHash.isEmpty() ? d->handles.keys() : QStringList{infoHash};
    for (const QString &hash : targets)
        d->withHandle(hash, [](const lt::torrent_handle &h) { h.force_reannounce(); });
}

void PeerEngine::pause(const QString &infoHash)
{
    d->withHandle(infoHash, [&](const lt::torrent_handle &h) {
        h.pause();
        d->onStore([infoHash](TransferStore *s) { s->setPaused(infoHash, true); });
    });
}

void PeerEngine::resume(const QString &infoHash)
{
    d->withHandle(infoHash, [&](const lt::torrent_handle &h) {
        h.resume();
        d->onStore([infoHash](TransferStore *s) { s->setPaused(infoHash, false); });
    });
}

void PeerEngine::remove(const QString &infoHash, bool deleteFiles)
{
    d->withHandle(infoHash, [&](const lt::torrent_handle &h) {
        d->session->remove_torrent(h, deleteFiles ? lt::session::delete_files : lt::remove_flags_t{});
        d->handles.remove(infoHash);
        d->cache.remove(infoHash);
        d->onStore([infoHash](TransferStore *s) { s->remove(infoHash); });
        // transferRemoved is emitted on torrent_removed_alert; keys keeps the handle until then.
    });
}

void PeerEngine::setSequential(const QString &infoHash, bool sequential)
{
    d->withHandle(infoHash, [&](const lt::torrent_handle &h) {
        if (sequential)
            h.set_flags(lt::torrent_flags::sequential_download);
        else
            h.unset_flags(lt::torrent_flags::sequential_download);
        d->onStore([infoHash, sequential](TransferStore *s) { s->setSequential(infoHash, sequential); });
    });
}

void PeerEngine::connectPeer(const QString &infoHash, const QHostAddress &address, quint16 port)
{
    lt::error_code ec;
    const lt::address addr = lt::make_address(address.toString().toStdString(), ec);
    if (ec) {
        Q_EMIT transferError(infoHash, QStringLiteral("cannot connect to %1: not an IP address").arg(address.toString()));
        return;
    }
    d->withHandle(infoHash, [&](const lt::torrent_handle &h) { h.connect_peer(lt::tcp::endpoint(addr, port)); });
}

} // namespace mp2p
