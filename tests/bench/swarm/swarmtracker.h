#pragma once

#include <QString>
#include <QStringList>

namespace mp2p::bench {

// Debian's opentracker as the plain tracker of the "tracker" flow. Its Debian build only
// serves listed info-hashes, so it gets a whitelist with the benchmark's one.
struct OpentrackerSetup {
    QStringList args;        // for /usr/bin/opentracker
    QString announceUrl;     // http://127.0.0.1:PORT/announce
};

// Writes the config and whitelist under `folder` (opentracker chroots there and drops to
// `nobody`, so they are made world-readable) and picks a free port.
bool prepareOpentracker(const QString &folder, const QString &infoHash, OpentrackerSetup *out, QString *error);

// opentracker loads its whitelist on a background thread: true once an announce of
// `infoHash` is accepted (sent as event=stopped, so it adds no peer), false after `timeoutMs`.
bool waitUntilTrackerServes(const OpentrackerSetup &setup, const QString &infoHash, int timeoutMs);

} // namespace mp2p::bench
