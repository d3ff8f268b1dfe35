#pragma once

class QCoreApplication;

namespace mp2p {

// The `mp2p` command line: parses, dispatches to a command, runs the event loop, returns the
// exit code (see CliExit and `mp2p --help`).
int runCli(QCoreApplication &app);

} // namespace mp2p
