#pragma once

// libtorrent side of receiptwire.h, for the plugin only.
#include "receiptwire.h"

#include <libtorrent/entry.hpp>

namespace mp2p {

// Adds our entries ("m" → mp2p_receipt id, and the identity dict) to libtorrent's handshake.
void addHelloTo(libtorrent::entry &handshake, const ReceiptHello &hello);

} // namespace mp2p
