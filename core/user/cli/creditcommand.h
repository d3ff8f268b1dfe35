#pragma once

#include "cliconfig.h"
#include "progressprinter.h"

#include <QCoreApplication>

namespace mp2p {

// `mp2p credit [--json]`: this peer's contribution credit — the balance the PAMS credited, the
// receipts it redeemed and those it rejected (from receipts.db), and what it signed as a
// downloader. With --server the balance comes from the PAMS; embedded, from receipts.db only.
int runCredit(QCoreApplication &app, const CliConfig &config, ProgressPrinter *printer);

// `mp2p volunteer --relay|--cache [limits] [--yes]`, `--revoke`, `--status`. It has its own
// options (sizes with units), so climain hands it the raw arguments before the main parser.
// Exit codes: 0 done, 1 failed, 2 bad options or no confirmation without a terminal,
// 5 the user declined.
bool isVolunteerCommand(const QStringList &arguments);
int runVolunteer(QCoreApplication &app);

} // namespace mp2p
