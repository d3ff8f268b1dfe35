#pragma once

#include "ipprefix.h"

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
