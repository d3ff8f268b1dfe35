#pragma once

#include "cliconfig.h"
#include "progressprinter.h"

#include <QObject>

namespace mp2p {

// `mp2p demo`: the whole managed flow on one machine, printed step by step. An embedded
// P2PSP, one publisher and two downloaders on their own loopback addresses (127.1.0.2-4):
// publish a generated sample, search, join, transfer, report, verify every byte.
int runDemo(const CliConfig &config, ProgressPrinter *printer, qint64 sampleBytes);

} // namespace mp2p
