#pragma once

#include "clisession.h"

#include <QStringList>

namespace mp2p {

// Each command starts its work on the event loop and ends with QCoreApplication::exit(code).
void runLogin(CliSession *session);
void runPublish(CliSession *session, const QString &path, const QString &title, const QString &description,
                const QStringList &tags, bool keepSeeding);
void runSearch(CliSession *session, const QString &query, int page);
void runGet(CliSession *session, const QString &reference, const QString &saveDir, bool sequential, bool keepSeeding);
void runSeed(CliSession *session, bool liveLine);
// Reads the status a running mp2p writes, or starts the engine alone to look at the transfers.
int runStatus(const CliConfig &config, ProgressPrinter *printer);

} // namespace mp2p
