#pragma once

#include "cliconfig.h"
#include "progressprinter.h"

#include <QCoreApplication>

namespace mp2p {

// `mp2p passkey show|rotate --server URL`: the user's tracker passkey (the secret in every
// announce URL) and its rotation at the UMS, after which the old one is refused by the OMS.
// It logs in with the data folder's identity but takes no lock on the folder, so it works
// beside a running `mp2p daemon` of the same user; that daemon learns the new passkey when
// the tracker refuses the old one (ManagedPeer re-fetches it).
// Exit codes: 0 done, 1 the UMS refused (the message says why), 2 bad usage, 3 unreachable.
int runPasskey(QCoreApplication &app, const CliConfig &config, ProgressPrinter *printer, const QString &action);

} // namespace mp2p
