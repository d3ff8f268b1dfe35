#pragma once

#include <user/managedpeer.h>

#include <QCommandLineParser>
#include <QString>

namespace mp2p {

enum CliExit {
    CliOk = 0,
    CliFailed = 1,        // the operation failed; the message says why
    CliUsage = 2,         // bad command line or config file
    CliUnreachable = 3,   // the provider could not be reached
    CliBusy = 4,          // another mp2p uses this data folder
};

// Everything the commands need, read from --config FILE (JSON) and then the flags.
struct CliConfig {
    PeerConfig peer;
    bool embedded = true;          // no --server: run the P2PSP in this process
    quint16 embeddedPort = 7800;   // 0 = any free port
    bool json = false;             // JSON lines instead of a live line
    QString relay;                 // --relay turn://user:pass@ip:port (checked) or "oms" (the OMS's broker); empty = reachable directly
    QString logLevel = QStringLiteral("warning");
    qint64 cacheQuotaMib = 0;      // cache: --quota MiB (0 = not given)
    QString providerCa;            // PEM file of the CA that signs the provider's servers (HTTPS)
};

void addCliOptions(QCommandLineParser &parser);
// Returns false with a message naming the flag or config field that is wrong.
bool readCliConfig(const QCommandLineParser &parser, CliConfig *config, QString *error);
QString defaultDataDir();

} // namespace mp2p
