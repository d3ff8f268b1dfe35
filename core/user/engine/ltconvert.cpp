#include "ltconvert.h"

#include <libtorrent/alert.hpp>
#include <libtorrent/extensions.hpp>
#include <libtorrent/fingerprint.hpp>
#include <libtorrent/read_resume_data.hpp>
#include <libtorrent/session.hpp>
#include <libtorrent/settings_pack.hpp>
#include <libtorrent/torrent_info.hpp>

namespace mp2p::engine {

lt::session_params makeSessionParams(const EngineSettings &s)
{
    using sp = lt::settings_pack;
    lt::settings_pack p;
    p.set_str(sp::listen_interfaces, s.listenInterfaces.toStdString());
    if (!s.outgoingInterfaces.isEmpty())
        p.set_str(sp::outgoing_interfaces, s.outgoingInterfaces.toStdString());
    p.set_bool(sp::enable_dht, s.enableDht);
    if (!s.enableDht)
        p.set_str(sp::dht_bootstrap_nodes, "");  // no DNS lookups for bootstrap nodes
    p.set_bool(sp::enable_lsd, s.enableLsd);
    p.set_bool(sp::enable_upnp, s.enableUpnp);
    p.set_bool(sp::enable_natpmp, s.enableNatPmp);
    p.set_bool(sp::enable_outgoing_utp, s.enableUtp);
    p.set_bool(sp::enable_incoming_utp, s.enableUtp);
    p.set_bool(sp::allow_multiple_connections_per_ip, s.allowMultipleConnectionsPerIp);
    p.set_int(sp::upload_rate_limit, s.uploadRateLimit);
    p.set_int(sp::download_rate_limit, s.downloadRateLimit);
    lt::alert_category_t mask = lt::alert_category::status | lt::alert_category::error | lt::alert_category::storage
                                | lt::alert_category::tracker | lt::alert_category::connect
                                | lt::alert_category::performance_warning
                                | lt::alert_category::piece_progress;  // pieceFinished, for streaming
    if (s.accountBytesByPeer)
        mask |= lt::alert_category::block_progress;  // one block_finished_alert per block
    p.set_int(sp::alert_mask, mask);
    // Large enough that a burst (many torrents added at once) never drops alerts; with one alert
    // per block at loopback speed, a dropped alert would be a block missing from the counters.
    p.set_int(sp::alert_queue_size, s.accountBytesByPeer ? 500000 : 20000);
    p.set_str(sp::user_agent, "mp2p/0.1 libtorrent/2.0.8");
    p.set_str(sp::peer_fingerprint, lt::generate_fingerprint("MP", 0, 1));
    lt::session_params params(std::move(p));  // keeps libtorrent's default extensions
    for (const auto &plugin : s.sessionPlugins)
        params.extensions.push_back(plugin);
    return params;
}

lt::ip_filter allPeersGlobalClassFilter()
{
    const std::uint32_t global = 1u << static_cast<std::uint32_t>(lt::session::global_peer_class_id);
    lt::ip_filter f;
    f.add_rule(lt::make_address("0.0.0.0"), lt::make_address("255.255.255.255"), global);
    f.add_rule(lt::make_address("::"), lt::make_address("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"), global);
    return f;
}

std::shared_ptr<lt::torrent_info> parseTorrent(const QByteArray &torrentFile, QString *problem)
{
    lt::error_code ec;
    std::shared_ptr<lt::torrent_info> ti;
    try {
        ti = std::make_shared<lt::torrent_info>(lt::span<char const>(torrentFile.constData(), torrentFile.size()), ec,
                                                lt::from_span);
    } catch (const std::exception &e) {
        *problem = QStringLiteral("the .torrent is damaged: %1").arg(QString::fromLocal8Bit(e.what()));
        return nullptr;
    }
    if (ec) {
        *problem = QStringLiteral("the .torrent is damaged: %1").arg(QString::fromStdString(ec.message()));
        return nullptr;
    }
    return ti;
}

QString hashKey(const lt::info_hash_t &hashes)
{
    if (hashes.has_v1())
        return QString::fromLatin1(QByteArray(hashes.v1.data(), int(hashes.v1.size())).toHex());
    return QString::fromLatin1(QByteArray(hashes.v2.data(), int(hashes.v2.size())).toHex());
}

namespace {
TransferState stateOf(const lt::torrent_status &st)
{
    if (st.errc)
        return TransferState::Error;
    if (st.flags & lt::torrent_flags::paused)
        return TransferState::Paused;
    switch (st.state) {
    case lt::torrent_status::checking_files:
    case lt::torrent_status::checking_resume_data:
        return TransferState::Checking;
    case lt::torrent_status::finished:
    case lt::torrent_status::seeding:
        return TransferState::Seeding;
    default:
        return TransferState::Downloading;
    }
}
} // namespace

TransferStatus toTransferStatus(const lt::torrent_status &st, int uploadConnections, int downloadConnections)
{
    TransferStatus t;
    t.infoHash = hashKey(st.info_hashes);
    t.name = QString::fromStdString(st.name);
    t.savePath = QString::fromStdString(st.save_path);
    t.state = stateOf(st);
    t.progress = st.progress;
    t.totalWanted = st.total_wanted;
    t.totalDone = st.total_wanted_done;
    t.left = st.total_wanted - st.total_wanted_done;
    t.uploaded = st.all_time_upload;
    t.downloaded = st.all_time_download;
    t.downloadRate = st.download_payload_rate;
    t.uploadRate = st.upload_payload_rate;
    t.peers = st.num_peers;
    t.seeds = st.num_seeds;
    t.uploadConnections = uploadConnections;
    t.downloadConnections = downloadConnections;
    if (st.errc)
        t.error = QString::fromStdString(st.errc.message());
    return t;
}

QString describeStorageError(const lt::error_code &ec, const QString &path)
{
    const QString where = path.isEmpty() ? QStringLiteral("the download folder") : path;
    if (ec == boost::system::errc::no_space_on_device)
        return QStringLiteral("the disk is full: cannot write %1; free some space, then resume the transfer").arg(where);
    if (ec == boost::system::errc::permission_denied || ec == boost::system::errc::read_only_file_system)
        return QStringLiteral("cannot write %1 (%2); fix its permissions or choose another folder")
            .arg(where, QString::fromStdString(ec.message()));
    return QStringLiteral("disk error on %1: %2").arg(where, QString::fromStdString(ec.message()));
}

void applyTransferFlags(lt::add_torrent_params &atp, bool paused, bool sequential, bool seedMode)
{
    atp.flags &= ~lt::torrent_flags::auto_managed;
    atp.flags |= lt::torrent_flags::duplicate_is_error;
    auto set = [&atp](lt::torrent_flags_t flag, bool on) {
        if (on)
            atp.flags |= flag;
        else
            atp.flags &= ~flag;
    };
    set(lt::torrent_flags::paused, paused);
    set(lt::torrent_flags::sequential_download, sequential);
    if (seedMode)
        atp.flags |= lt::torrent_flags::seed_mode;
}

lt::download_priority_t toLtPriority(int priority)
{
    if (priority <= FilePriority::Skip)
        return lt::dont_download;
    return priority >= (FilePriority::Normal + FilePriority::High + 1) / 2 ? lt::top_priority : lt::default_priority;
}

int fromLtPriority(lt::download_priority_t priority)
{
    if (priority == lt::dont_download)
        return FilePriority::Skip;
    return priority > lt::default_priority ? FilePriority::High : FilePriority::Normal;
}

bool restoreParams(const StoredTransfer &row, lt::add_torrent_params *atp, QString *warning, QString *error)
{
    lt::error_code ec;
    auto ti = std::make_shared<lt::torrent_info>(lt::span<char const>(row.torrent.constData(), row.torrent.size()), ec,
                                                 lt::from_span);
    if (ec) {
        *error = QStringLiteral("the stored .torrent of %1 is damaged: %2")
                     .arg(row.infoHash, QString::fromStdString(ec.message()));
        return false;
    }
    lt::add_torrent_params p;
    if (!row.resumeData.isEmpty()) {
        p = lt::read_resume_data(lt::span<char const>(row.resumeData.constData(), row.resumeData.size()), ec);
        const bool mismatch = !ec && p.info_hashes.has_v1() && p.info_hashes.v1 != ti->info_hashes().v1;
        if (ec || mismatch) {
            *warning = QStringLiteral("resume data of %1 unusable (%2); re-checking its files")
                           .arg(row.infoHash, ec ? QString::fromStdString(ec.message()) : QStringLiteral("wrong torrent"));
            p = lt::add_torrent_params();
        }
    } else {
        *warning = QStringLiteral("no resume data for %1; re-checking its files").arg(row.infoHash);
    }
    p.ti = std::move(ti);
    p.save_path = row.savePath.toStdString();
    p.trackers.clear();
    p.tracker_tiers.clear();
    if (!row.trackerUrl.isEmpty())
        p.trackers.push_back(row.trackerUrl.toStdString());
    applyTransferFlags(p, row.paused, row.sequential, false);
    *atp = std::move(p);
    return true;
}

} // namespace mp2p::engine
