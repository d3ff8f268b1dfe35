#pragma once

#include "ipprefix.h"

#include <base/serverlimits.h>

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace mp2p {

// The operator's UNIS configuration, as read from the JSON file described in
// resources/unis.example.json and docs (config format in unisconfigparser.cpp).
struct UnisPid {
    QList<IpPrefix> ipv4;
    QList<IpPrefix> ipv6;
};

// The cost of one direction between two PIDs, with optional operator data. "deny" leaves the
// pair out of every cost map (ALTO: no cost = the server gives no guidance = do not prefer).
struct UnisLink {
    double cost = 0;
    std::optional<double> capacityMbps;
    QString policy = QStringLiteral("allow");  // allow | deny
};

struct UnisUser {
    QString name;
    QByteArray passwordHash;  // libsodium crypto_pwhash_str output ("$argon2id$...")
};

struct UnisStaticToken {
    QString name;
    QByteArray sha256;  // of the token; the config may hold the token itself or only its hash
};

// How much one ALTO request may ask for: the work and the answer grow with the product of
// sources and destinations, so both the lists and the product are bounded.
struct AltoLimits {
    int maxEndpoints = 1000;  // per list (endpoints, srcs, dsts) of the endpoint resources
    int maxPids = 1000;       // per list of the filtered maps
    qint64 maxPairs = 10000;  // sources × destinations of one endpoint-cost request
};

// Password guessing: each HTTP Basic check is an Argon2id run (~0.1 s, 64 MiB).
struct PasswordLimits {
    int maxFailures = 10;          // per address (IPv6: per /64) within the window, then 429
    int failureWindowSecs = 60;
    int maxChecksPerSecond = 8;    // uncached Argon2id checks, all addresses together, then 503
    int maxConcurrentChecks = 2;   // at once (the server runs them on its one thread today)
};

struct UnisConfig {
    // networkMap
    QString resourceId = QStringLiteral("default-network-map");
    QMap<QString, UnisPid> pids;      // sorted by name: the canonical order for the vtag
    QString defaultPid;               // gets 0.0.0.0/0 and ::/0 when set
    // costMap
    double samePidCost = 1;
    std::optional<double> defaultCost;  // for pairs not listed; unset = pair left out
    QMap<QString, QMap<QString, UnisLink>> links;  // src → dst → link, as configured
    // auth
    QString realm = QStringLiteral("mp2p-unis");
    QList<UnisUser> users;
    QList<UnisStaticToken> tokens;
    QByteArray umsPublicKey;  // raw 32 bytes; empty = UMS tokens not accepted
    // tls
    QString tlsCertificate;
    QString tlsKey;
    // server (command-line flags override)
    QHostAddress listenAddress = QHostAddress(QStringLiteral("127.0.0.1"));
    quint16 port = 7900;
    // limits (the HTTP keys of ServerLimits plus the ALTO and password ones)
    ServerLimits serverLimits;
    AltoLimits altoLimits;
    PasswordLimits passwordLimits;

    // The effective link between two PIDs (samePidCost, the configured link, defaultCost),
    // or nothing when the pair has no cost or is denied.
    std::optional<double> cost(const QString &src, const QString &dst) const;
    bool hasAuth() const { return !users.isEmpty() || !tokens.isEmpty() || !umsPublicKey.isEmpty(); }

    // Parse errors name the JSON path of the field ("costMap.costs[2].dst") or, for broken
    // JSON, the line and column.
    static std::optional<UnisConfig> parse(const QByteArray &json, QString *error);
    static std::optional<UnisConfig> loadFile(const QString &path, QString *error);
};

// 1-based line and column of a byte offset, for QJsonParseError::offset.
QPair<int, int> lineAndColumn(const QByteArray &text, int offset);

} // namespace mp2p
