// PeerEngine's per-transfer operations and the small helpers they share.

#include "peerengine_p.h"

#include "ltconvert.h"

#include <libtorrent/announce_entry.hpp>
#include <libtorrent/peer_info.hpp>
#include <libtorrent/settings_pack.hpp>
#include <libtorrent/torrent_info.hpp>

#include <climits>

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

void PeerEngine::Private::saveProgress()
{
    if (!session || shuttingDown)
        return;
    const QSet<QString> progressed = std::exchange(progressedSinceSave, {});
    for (const QString &hash : progressed) {
        const auto it = handles.constFind(hash);
        if (it != handles.cend())
            requestResumeData(*it, lt::torrent_handle::only_if_modified);
    }
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

void PeerEngine::forceReannounce(const QString &infoHash, bool ignoreMinInterval)
{
    const QStringList targets = infoHash.isEmpty() ? d->handles.keys() : QStringList{infoHash};
    const lt::reannounce_flags_t flags = ignoreMinInterval ? lt::torrent_handle::ignore_min_interval : lt::reannounce_flags_t{};
    for (const QString &hash : targets)
        d->withHandle(hash, [flags](const lt::torrent_handle &h) { h.force_reannounce(0, -1, flags); });
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

bool PeerEngine::setFilePriority(const QString &infoHash, int fileIndex, int priority, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const lt::torrent_handle h = d->handleOf(infoHash);
    if (!h.is_valid())
        return fail(QStringLiteral("no transfer %1; it may have been removed").arg(infoHash));
    try {
        const auto ti = h.torrent_file();
        if (!ti)
            return fail(QStringLiteral("the metadata of %1 is not known yet; try again once it is").arg(infoHash));
        if (fileIndex < 0 || fileIndex >= ti->num_files())
            return fail(QStringLiteral("%1 has no file number %2 (it has %3 files)").arg(infoHash).arg(fileIndex).arg(ti->num_files()));
        h.file_priority(lt::file_index_t(fileIndex), engine::toLtPriority(priority));
    } catch (const std::exception &e) {
        return fail(QString::fromLocal8Bit(e.what()));
    }
    // The priorities live in the resume data: save now, not at the next checkpoint, so a crash
    // right after the change does not bring a skipped file back. libtorrent runs both requests in
    // order on its thread, so the saved data already has the new priority.
    if (!d->shuttingDown)
        d->requestResumeData(h, {});
    return true;
}

namespace {
QString endpointText(const lt::tcp::endpoint &ep)
{
    const QString ip = QString::fromStdString(ep.address().to_string());
    return ep.address().is_v6() ? QStringLiteral("[%1]:%2").arg(ip).arg(ep.port()) : QStringLiteral("%1:%2").arg(ip).arg(ep.port());
}
} // namespace

QList<PeerDetails> PeerEngine::peers(const QString &infoHash) const
{
    const lt::torrent_handle h = d->handleOf(infoHash);
    if (!h.is_valid())
        return {};
    std::vector<lt::peer_info> infos;
    try {
        h.get_peer_info(infos);
    } catch (const std::exception &) {
        return {};
    }
    QList<PeerDetails> out;
    for (const lt::peer_info &p : infos) {
        PeerDetails x;
        x.ip = QString::fromStdString(p.ip.address().to_string());
        x.port = p.ip.port();
        x.address = endpointText(p.ip);
        x.client = QString::fromStdString(p.client);
        x.downloadRate = p.payload_down_speed;
        x.uploadRate = p.payload_up_speed;
        x.downloaded = p.total_download;
        x.uploaded = p.total_upload;
        x.progress = p.progress;
        x.incoming = !(p.flags & lt::peer_info::outgoing_connection);
        x.encrypted = bool(p.flags & (lt::peer_info::rc4_encrypted | lt::peer_info::plaintext_encrypted));
        x.utp = bool(p.flags & lt::peer_info::utp_socket);
        x.seed = bool(p.flags & lt::peer_info::seed);
        x.relayed = d->relayEndpoints.contains(x.address) || d->relayEndpoints.contains(x.ip);
        out.append(x);
    }
    return out;
}

void PeerEngine::setRelayEndpoints(const QStringList &endpoints)
{
    d->relayEndpoints.clear();
    for (const QString &e : endpoints)
        if (!e.trimmed().isEmpty())
            d->relayEndpoints.insert(e.trimmed());
}

QStringList PeerEngine::relayEndpoints() const
{
    QStringList out = d->relayEndpoints.values();
    out.sort();
    return out;
}

void PeerEngine::setRateLimits(int upBytesPerSec, int downBytesPerSec)
{
    d->settings.uploadRateLimit = std::max(0, upBytesPerSec);
    d->settings.downloadRateLimit = std::max(0, downBytesPerSec);
    if (!d->session)
        return;  // start() applies the settings
    lt::settings_pack p;
    p.set_int(lt::settings_pack::upload_rate_limit, d->settings.uploadRateLimit);
    p.set_int(lt::settings_pack::download_rate_limit, d->settings.downloadRateLimit);
    d->session->apply_settings(std::move(p));
}

int PeerEngine::uploadRateLimit() const
{
    if (!d->session)
        return d->settings.uploadRateLimit;
    return d->session->get_settings().get_int(lt::settings_pack::upload_rate_limit);
}

int PeerEngine::downloadRateLimit() const
{
    if (!d->session)
        return d->settings.downloadRateLimit;
    return d->session->get_settings().get_int(lt::settings_pack::download_rate_limit);
}

bool PeerEngine::setListenInterfaces(const QString &listenInterfaces, const QString &outgoingInterfaces, QString *error)
{
    // libtorrent ignores entries it cannot parse without telling; check the form here so the
    // user hears about a typo: every entry is ip:port or [ipv6]:port, port 0..65535.
    const QString listen = listenInterfaces.trimmed();
    const QStringList entries = listen.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &raw : entries) {
        const QString entry = raw.trimmed();
        const int colon = entry.lastIndexOf(QLatin1Char(':'));
        QString host = entry.left(colon);
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
        bool portOk = false;
        const uint port = entry.mid(colon + 1).toUInt(&portOk);
        if (colon <= 0 || QHostAddress(host).isNull() || !portOk || port > 65535) {
            if (error)
                *error = QStringLiteral("\"%1\" is not a listen address; use ip:port or [ipv6]:port, for example 0.0.0.0:6881")
                             .arg(entry);
            return false;
        }
    }
    if (entries.isEmpty()) {
        if (error)
            *error = QStringLiteral("no listen address given; use ip:port, for example 0.0.0.0:6881");
        return false;
    }
    d->settings.listenInterfaces = listen;
    d->settings.outgoingInterfaces = outgoingInterfaces.trimmed();
    if (!d->session)
        return true;
    lt::settings_pack p;
    p.set_str(lt::settings_pack::listen_interfaces, listen.toStdString());
    p.set_str(lt::settings_pack::outgoing_interfaces, d->settings.outgoingInterfaces.toStdString());
    d->session->apply_settings(std::move(p));
    return true;
}

QString PeerEngine::listenInterfaces() const
{
    return d->settings.listenInterfaces;
}

bool PeerEngine::inspectTorrent(const QByteArray &torrentFile, TorrentSummary *summary, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (torrentFile.isEmpty())
        return fail(QStringLiteral("the file is empty; it is not a .torrent"));
    QString problem;
    const std::shared_ptr<lt::torrent_info> ti = engine::parseTorrent(torrentFile, &problem);
    if (!ti)
        return fail(problem + QStringLiteral("; get it again from where it came from"));
    if (summary) {
        summary->name = QString::fromStdString(ti->name());
        summary->infoHash = engine::hashKey(ti->info_hashes());
        summary->totalSize = ti->total_size();
        summary->fileCount = ti->num_files();
    }
    return true;
}

} // namespace mp2p
