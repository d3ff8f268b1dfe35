#pragma once

#include "appsettings.h"

namespace mp2p {

struct PeerConfig;

// Puts the user's settings into a peer's configuration: rate limits (KiB/s → bytes/s, also
// stated to the PAMS), the listen interface and, in provider mode, the provider URL. In
// embedded mode the caller sets providerUrl to the in-process P2PSP's base URL.
void applySettingsToPeer(const AppSettings &settings, PeerConfig *peer);

} // namespace mp2p
