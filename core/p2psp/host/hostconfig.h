#pragma once

#include <base/serverlimits.h>

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace mp2p {

// What one mp2pd process runs and where. Read from a JSON config file, then overridden by
// command-line flags (see mp2pd --help and docs/OPERATIONS in the README).
struct HostConfig {
    QStringList services = {QStringLiteral("ums"), QStringLiteral("ixs"), QStringLiteral("oms"), QStringLiteral("pams")};
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 7800;                 // 0 = any free port
    QString dataDir;                     // one SQLite file per service lives here
    QString publicUrl;                   // how clients reach us; default http(s)://listen:port
    QString logLevel = QStringLiteral("info");
    qint64 maxBodyBytes = 8 << 20;       // an IXS registration carries a .torrent of up to 4 MiB (base64url)
    QString tlsCertificate;              // PEM; HTTPS when both are set
    QString tlsKey;
    QString tlsCa;                       // PEM CA trusted for calls to the provider's other servers (HTTPS)
    QHash<QString, QString> remoteUrls;  // base URLs of services that run in another mp2pd
    QStringList unisUrls;                // ALTO servers clients and the OMS should use
    // Also run a one-region UNIS (EmbeddedUnis, <dataDir>/unis.json) and use it: what the
    // desktop's and mp2p's embedded provider do, so peers and the OMS know regions out of the box.
    bool embeddedUnis = false;
    QStringList relayUrls;
    QString umsPublicKey;                // base64url; needed only when the UMS runs elsewhere
    int umsKeyWaitSecs = 30;             // how long to wait for a remote UMS at start
    // How often a server whose UMS runs elsewhere reads the UMS's revocation feed (1..60 s):
    // the longest a logout takes to reach it.
    int revocationPollSecs = 20;
    QHash<QString, QJsonObject> sections;  // per-service settings: "ums", "ixs", "oms", "pams", "cs"
    // User ids whose tokens may call operator routes (dedicated ORCP resources, relay secrets,
    // member lists, relay status).
    QStringList operators;
    // A secret every mp2pd of one provider shares, for their calls to each other (R1, consent
    // and credit look-ups) when the services run in separate processes.
    QString serviceKey;
    // Operator settings for named rate rules: {"logins-per-address": {"count": 60, "windowSecs": 60}}.
    QHash<QString, QPair<int, int>> rateLimits;
    // What one client may hold of the HTTP server ("limits" in the config file; timeouts in
    // seconds there). The body limit is maxBodyBytes above.
    ServerLimits limits;

    static QStringList knownServices();
    // Roles mp2pd can run that are not P2PSP servers clients find in the directory: "cs" (a
    // dedicated Cache Server, core/cache). They are valid in --services and have a config section.
    static QStringList knownRoles();
    static QStringList allRunnable() { return knownServices() + knownRoles(); }
    // Loads `path` over the defaults. Errors name the file and the field.
    bool loadFile(const QString &path, QString *error);
    bool validate(QString *error) const;
    bool runs(const QString &service) const { return services.contains(service); }
};

} // namespace mp2p
