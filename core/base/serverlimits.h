#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace mp2p {

// What one HTTP server lets a client hold, enforced on the socket before QtHttpServer buffers
// anything (QtHttpServer 6.4 reads a whole request, however large, and never times out a
// connection). The body limit is the router's maxBodyBytes. Defaults suit production; tests
// that hammer one server from one address raise maxConnectionsPerAddress in their config.
struct ServerLimits {
    int maxRequestLineBytes = 8 * 1024;   // longer → 414
    int maxHeadBytes = 16 * 1024;         // request line + headers; more → 431
    int headerTimeoutMs = 10'000;         // from connect or first byte of a head to its blank line
    int bodyTimeoutMs = 60'000;           // from the end of the head to the last body byte
    int idleTimeoutMs = 60'000;           // a kept-alive connection with no request in progress
    int maxConnectionsPerAddress = 64;    // an IPv6 client counts by its /64
    int maxConnections = 0;               // 0 = automatic: see effectiveMaxConnections()
    qint64 maxBodyBytesInFlight = 256LL << 20;  // sum of declared bodies being received, all connections
    // Answers written but not yet taken by the client. A client that pipelines requests and
    // never reads would otherwise make the server buffer every answer; past this, the next
    // request closes the connection. Above the largest single answer (a 4 MiB torrent file).
    qint64 maxUnsentBytes = 8LL << 20;

    // maxConnections, or min(4096, the open-file limit minus a reserve for databases and
    // libtorrent) when it is 0.
    int effectiveMaxConnections() const;

    // Reads the fields of a "limits" object over these values ("headerTimeoutSecs": 10, ...).
    // Unknown keys are left to the caller. On a bad value returns false with *field set to
    // the key and *expected to what it must be.
    bool readJson(const QJsonObject &object, QString *field, QString *expected);
    static QStringList jsonKeys();
};

// Raises the soft RLIMIT_NOFILE to the hard limit (servers hold a file per connection; the
// default 1024 is what made a server stop accepting). Returns the soft limit now in force.
qint64 raiseOpenFileLimit();
// The soft RLIMIT_NOFILE in force.
qint64 openFileLimit();

} // namespace mp2p
