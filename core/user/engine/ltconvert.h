#pragma once

// libtorrent <-> Qt conversions of the peer engine. Internal to core/user: it includes
// libtorrent, so nothing outside core/user may include this header.

#include "peerengine.h"
#include "transferstore.h"

#include <libtorrent/add_torrent_params.hpp>
#include <libtorrent/download_priority.hpp>
#include <libtorrent/info_hash.hpp>
#include <libtorrent/ip_filter.hpp>
#include <libtorrent/session_params.hpp>
#include <libtorrent/torrent_status.hpp>

namespace mp2p::engine {

lt::session_params makeSessionParams(const EngineSettings &settings);
// Puts every address (loopback and LAN included) in the global peer class, so the rate
// limits apply to local peers too (libtorrent exempts them by default).
lt::ip_filter allPeersGlobalClassFilter();

QString hashKey(const lt::info_hash_t &hashes);  // v1 hex, or v2 hex for a v2-only torrent
// A .torrent file's metadata, or nullptr and what is wrong with it ("the .torrent is damaged: …");
// the caller adds what the user can do about it.
std::shared_ptr<lt::torrent_info> parseTorrent(const QByteArray &torrentFile, QString *problem);
TransferStatus toTransferStatus(const lt::torrent_status &st, int uploadConnections, int downloadConnections);
// A readable message for a disk error, e.g. "the disk is full: cannot write /x/y".
QString describeStorageError(const lt::error_code &ec, const QString &path);

// Flags every transfer gets: the engine (not libtorrent's queue) decides what runs.
void applyTransferFlags(lt::add_torrent_params &atp, bool paused, bool sequential, bool seedMode);
// Parameters to re-add a persisted transfer: from its resume data, or (missing or corrupt
// resume data) from the torrent file alone, in which case libtorrent re-checks the files.
// Returns false and `error` if even the torrent file cannot be read.
// FilePriority (0 skip, 1 normal, 7 high) <-> libtorrent's 0..7 (4 = its default).
lt::download_priority_t toLtPriority(int priority);
int fromLtPriority(lt::download_priority_t priority);

bool restoreParams(const StoredTransfer &row, lt::add_torrent_params *atp, QString *warning, QString *error);

} // namespace mp2p::engine
