#pragma once

#include <memory>

namespace libtorrent { struct plugin; }

namespace mp2p {

class ReceiptExchange;

// The libtorrent 2.0 session plugin of the "mp2p_receipt" BEP 10 extension (receiptwire.h):
// on every BitTorrent connection of a torrent with a v1 info-hash it
//  - adds our user id, key and role to the extension handshake and reads the peer's;
//  - as a downloader, counts the payload bytes each peer sends (on_piece) and sends that peer
//    a signed cumulative receipt every MiB or 2 s (tick), and once more when the download
//    completes, before seeds disconnect;
//  - as an uploader, checks what it receives (size, bencode, fields, signature, monotonicity,
//    rate) and hands good receipts to the exchange; everything else is dropped and counted.
// All of it runs on libtorrent's network thread and touches only the thread-safe exchange.
std::shared_ptr<libtorrent::plugin> makeReceiptPlugin(std::shared_ptr<ReceiptExchange> exchange);

} // namespace mp2p
