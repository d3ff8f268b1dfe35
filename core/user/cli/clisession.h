#pragma once

#include "cliconfig.h"
#include "progressprinter.h"

#include <QLockFile>
#include <QNetworkAccessManager>
#include <QObject>

#include <functional>
#include <memory>

namespace mp2p {

class P2pspHost;
class VolunteerHost;

// What every peer command shares: the data folder's lock (one mp2p per data folder), the
// embedded P2PSP when no --server is given, the ManagedPeer, and an orderly shutdown (PAMP
// "stopped", resume data saved) on SIGINT/SIGTERM or when the command is done.
class CliSession : public QObject {
    Q_OBJECT
public:
    CliSession(CliConfig config, ProgressPrinter *printer, QObject *parent = nullptr);
    ~CliSession() override;

    // Takes the lock, starts the provider if embedded, starts the peer; calls `ready` once
    // logged in. On failure prints why and finishes with the matching exit code.
    void open(std::function<void()> ready);
    // Shuts down cleanly, then quits the event loop with `exitCode`.
    void finish(int exitCode);
    // Keeps seeding, printing progress, until a signal arrives. Volunteer roles the user
    // consented to (`mp2p volunteer`) run meanwhile, within the consented limits and hours.
    void seedUntilInterrupted(bool liveLine);

    ManagedPeer *peer() const { return m_peer.get(); }
    const CliConfig &config() const { return m_config; }
    ProgressPrinter *printer() const { return m_printer; }

private:
    bool lockDataDir(QString *error, int *exitCode);
    bool startEmbeddedProvider(QString *error);
    void writeStatusFile(const QList<TransferStatus> &transfers);

    CliConfig m_config;
    ProgressPrinter *m_printer;
    QNetworkAccessManager m_network;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<P2pspHost> m_embedded;
    std::unique_ptr<ManagedPeer> m_peer;
    std::unique_ptr<VolunteerHost> m_volunteer;  // while seeding: the roles the user consented to
    bool m_finishing = false;
    qint64 m_lastStatusWriteMs = 0;
    QList<TransferStatus> m_lastStatusWritten;  // what status.json holds
    QString m_lastTrackerError;                 // printed once until an announce succeeds
};

// The status file a running mp2p keeps in its data folder, for `mp2p status` to read.
QString statusFilePath(const QString &dataDir);

} // namespace mp2p
