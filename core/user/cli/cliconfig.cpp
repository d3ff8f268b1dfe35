#include "cliconfig.h"

#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QStandardPaths>
#include <QCoreApplication>

#include <relay/peerpolicy.h>
#include <user/relayed/relayedpeer.h>

namespace mp2p {

QString defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/mp2p");
}

void addCliOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("server"), QStringLiteral("The provider's URL. Without it (and without one in the config file), "
                                                  "mp2p runs the P2PSP services itself on 127.0.0.1."), QStringLiteral("url")},
        {QStringLiteral("config"), QStringLiteral("JSON config file (keys: server, dataDir, listen, uploadLimit, downloadLimit, utp, relay, "
                                                  "credit: {redeemIntervalSecs, settleSecs, inflatedRetrySecs, relayRefreshSecs}, "
                                                  "volunteerRelay: {allowLoopbackPeers, allowedPeerRanges}, providerCa)."),
         QStringLiteral("file")},
        {QStringLiteral("data-dir"), QStringLiteral("Identity, transfers and resume data (default: %1).").arg(defaultDataDir()),
         QStringLiteral("dir")},
        {QStringLiteral("listen"), QStringLiteral("Address and port for peer connections (default 0.0.0.0:6881)."), QStringLiteral("ip:port")},
        {QStringLiteral("upload-limit"), QStringLiteral("Upload limit in KiB/s (0 = none)."), QStringLiteral("kib")},
        {QStringLiteral("download-limit"), QStringLiteral("Download limit in KiB/s (0 = none)."), QStringLiteral("kib")},
        {QStringLiteral("no-utp"), QStringLiteral("Use TCP only for peer connections.")},
        {QStringLiteral("embedded-port"), QStringLiteral("Port of the embedded P2PSP (default 7800; 0 = any)."), QStringLiteral("port")},
        {QStringLiteral("json"), QStringLiteral("Print JSON lines instead of text.")},
        {QStringLiteral("log-level"), QStringLiteral("debug, info, warning (default) or error."), QStringLiteral("level")},
        {QStringLiteral("title"), QStringLiteral("publish: the title (default: the file or folder name)."), QStringLiteral("text")},
        {QStringLiteral("description"), QStringLiteral("publish: a description."), QStringLiteral("text")},
        {QStringLiteral("tags"), QStringLiteral("publish: comma-separated tags."), QStringLiteral("list")},
        {QStringLiteral("to"), QStringLiteral("get: the folder to download into (default: the current folder)."), QStringLiteral("dir")},
        {QStringLiteral("sequential"), QStringLiteral("get: download pieces in order (for playing while downloading).")},
        {QStringLiteral("seed"), QStringLiteral("publish/get: keep seeding afterwards until interrupted.")},
        {QStringLiteral("page"), QStringLiteral("search: the page of results (default 1)."), QStringLiteral("n")},
        {QStringLiteral("relay"), QStringLiteral("For a peer nobody can reach: keep a TURN TCP allocation on this relay "
                                                 "server (coturn or mp2p's RS) and let peers in through it; \"oms\" asks "
                                                 "the OMS for a live relay (a volunteer's or a dedicated one) and renews it."),
         QStringLiteral("turn://user:password@ip:port|oms")},
        {QStringLiteral("quota"), QStringLiteral("cache: the disk the cache may fill, in MiB (required)."), QStringLiteral("mib")},
        {QStringLiteral("provider-ca"), QStringLiteral("PEM file of the CA that signs the provider's HTTPS certificates, "
                                                       "when it is not one the system trusts."), QStringLiteral("file")},
    });
}

namespace {
bool parseListen(const QString &text, QString *interfaces, QString *outgoing)
{
    const int colon = text.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    QHostAddress address;
    if (colon <= 0 || !ok || port > 65535 || !address.setAddress(text.left(colon).remove(QLatin1Char('[')).remove(QLatin1Char(']'))))
        return false;
    *interfaces = text;
    if (address != QHostAddress::AnyIPv4 && address != QHostAddress::AnyIPv6 && address != QHostAddress::Any)
        *outgoing = address.toString();
    return true;
}

// "credit": {"redeemIntervalSecs": 60, "settleSecs": 30, "inflatedRetrySecs": 120, "relayRefreshSecs": 15}
// — how often held receipts are redeemed and relay receipts deposited at the PAMS, how long a
// receipt waits for the downloader's PAMP report first, when one the PAMS found "inflated" (the
// report lagged) is sent again, and how often the relay directory re-reads the OMS peer lists.
// The defaults suit a real provider; a lab or test shortens them (the PAMS still checks everything).
bool readCreditSettings(const QJsonValue &value, CreditSettings *credit, QString *error)
{
    if (value.isUndefined())
        return true;
    if (!value.isObject()) {
        *error = QStringLiteral("config: \"credit\" must be an object such as {\"redeemIntervalSecs\": 60, \"settleSecs\": 30, "
                                "\"relayRefreshSecs\": 15}");
        return false;
    }
    const QJsonObject o = value.toObject();
    struct Field { const char *name; int *target; int min; };
    const Field fields[] = {{"redeemIntervalSecs", &credit->redeemIntervalSecs, 1},
                            {"settleSecs", &credit->settleSecs, 0},
                            {"inflatedRetrySecs", &credit->inflatedRetrySecs, 1},
                            {"relayRefreshSecs", &credit->relayRefreshSecs, 0}};
    QStringList known;
    for (const Field &f : fields)
        known.append(QLatin1String(f.name));
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!known.contains(it.key())) {
            *error = QStringLiteral("config: unknown field credit.%1 (known: %2)").arg(it.key(), known.join(QStringLiteral(", ")));
            return false;
        }
    }
    for (const Field &f : fields) {
        const QJsonValue v = o.value(QLatin1String(f.name));
        if (v.isUndefined())
            continue;
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d != double(qint64(d)) || d < f.min || d > 86400) {
            *error = QStringLiteral("config: credit.%1 must be a whole number of seconds from %2 to 86400 (%3)")
                         .arg(QLatin1String(f.name)).arg(f.min)
                         .arg(f.min == 0 && QLatin1String(f.name) == QLatin1String("relayRefreshSecs")
                                  ? QStringLiteral("0 = only when a download starts")
                                  : QStringLiteral("default %1").arg(*f.target));
            return false;
        }
        *f.target = int(d);
    }
    return true;
}

// "volunteerRelay": {"allowLoopbackPeers": false, "allowedPeerRanges": ["10.0.0.0/8"]} — which
// peers the relay this peer volunteers may serve besides public ones (a lab, one LAN).
bool readVolunteerRelay(const QJsonValue &value, PeerConfig *peer, QString *error)
{
    if (value.isUndefined())
        return true;
    const QJsonObject o = value.toObject();
    const QJsonValue loopback = o.value(QStringLiteral("allowLoopbackPeers"));
    const QJsonValue ranges = o.value(QStringLiteral("allowedPeerRanges"));
    bool ok = value.isObject() && (loopback.isUndefined() || loopback.isBool())
              && (ranges.isUndefined() || ranges.isArray());
    for (auto it = o.begin(); ok && it != o.end(); ++it)
        ok = it.key() == QLatin1String("allowLoopbackPeers") || it.key() == QLatin1String("allowedPeerRanges");
    QStringList cidrs;
    for (const QJsonValue &v : ranges.toArray()) {
        ok = ok && v.isString();
        cidrs.append(v.toString());
    }
    QList<RelayPeerPolicy::Range> parsed;
    QString why;
    if (ok && !RelayPeerPolicy::parseRanges(cidrs, &parsed, &why)) {
        *error = QStringLiteral("config: volunteerRelay.allowedPeerRanges: ") + why;
        return false;
    }
    if (!ok) {
        *error = QStringLiteral("config: \"volunteerRelay\" must be an object such as {\"allowLoopbackPeers\": false, "
                                "\"allowedPeerRanges\": [\"10.0.0.0/8\"]}");
        return false;
    }
    peer->relayAllowLoopbackPeers = loopback.toBool(false);
    peer->relayAllowedPeerRanges = cidrs;
    return true;
}

bool readKib(const QString &text, int *bytesPerSecond)
{
    bool ok = false;
    const qint64 kib = text.toLongLong(&ok);
    if (!ok || kib < 0 || kib > 10'000'000)
        return false;
    *bytesPerSecond = int(kib * 1024);
    return true;
}
} // namespace

bool readCliConfig(const QCommandLineParser &parser, CliConfig *config, QString *error)
{
    QJsonObject file;
    if (parser.isSet(QStringLiteral("config"))) {
        QFile f(parser.value(QStringLiteral("config")));
        if (!f.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read the config file %1: %2").arg(f.fileName(), f.errorString());
            return false;
        }
        QJsonParseError parseError;
        file = QJsonDocument::fromJson(f.readAll(), &parseError).object();
        if (parseError.error != QJsonParseError::NoError) {
            *error = QStringLiteral("%1 is not valid JSON: %2 at byte %3").arg(f.fileName(), parseError.errorString()).arg(parseError.offset);
            return false;
        }
    }
    auto value = [&](const char *flag, const char *key) {
        return parser.isSet(QLatin1String(flag)) ? parser.value(QLatin1String(flag)) : file.value(QLatin1String(key)).toVariant().toString();
    };
    PeerConfig &peer = config->peer;
    peer.dataDir = value("data-dir", "dataDir");
    if (peer.dataDir.isEmpty())
        peer.dataDir = defaultDataDir();
    peer.engine.stateDir = peer.dataDir;
    const QString server = value("server", "server");
    if (!server.isEmpty()) {
        const QUrl url(server);
        if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) || url.host().isEmpty()) {
            *error = QStringLiteral("--server: '%1' is not an http(s) URL such as http://provider.example:7800").arg(server);
            return false;
        }
        peer.providerUrl = url;
        config->embedded = false;
    }
    config->providerCa = value("provider-ca", "providerCa");
    const QString listen = value("listen", "listen");
    if (!listen.isEmpty() && !parseListen(listen, &peer.engine.listenInterfaces, &peer.engine.outgoingInterfaces)) {
        *error = QStringLiteral("--listen: '%1' is not ip:port (for example 127.1.0.2:6881)").arg(listen);
        return false;
    }
    if (!listen.isEmpty())
        peer.advertisedAddress = listen;
    const QString up = value("upload-limit", "uploadLimit");
    if (!up.isEmpty() && !readKib(up, &peer.engine.uploadRateLimit)) {
        *error = QStringLiteral("--upload-limit: '%1' is not a number of KiB/s").arg(up);
        return false;
    }
    const QString down = value("download-limit", "downloadLimit");
    if (!down.isEmpty() && !readKib(down, &peer.engine.downloadRateLimit)) {
        *error = QStringLiteral("--download-limit: '%1' is not a number of KiB/s").arg(down);
        return false;
    }
    // A limit the user sets holds for every peer, on the LAN too (libtorrent exempts local
    // peers by default, which would make a limit meaningless on a home network).
    peer.engine.rateLimitLocalPeers = peer.engine.uploadRateLimit > 0 || peer.engine.downloadRateLimit > 0;
    peer.maxUploadBps = peer.engine.uploadRateLimit;
    peer.maxDownloadBps = peer.engine.downloadRateLimit;
    if (parser.isSet(QStringLiteral("no-utp")) || file.value(QStringLiteral("utp")) == QJsonValue(false))
        peer.engine.enableUtp = false;
    if (parser.isSet(QStringLiteral("embedded-port"))) {
        bool ok = false;
        const uint port = parser.value(QStringLiteral("embedded-port")).toUInt(&ok);
        if (!ok || port > 65535) {
            *error = QStringLiteral("--embedded-port: '%1' is not a port number").arg(parser.value(QStringLiteral("embedded-port")));
            return false;
        }
        config->embeddedPort = quint16(port);
    }
    if (!readCreditSettings(file.value(QStringLiteral("credit")), &peer.credit, error))
        return false;
    if (!readVolunteerRelay(file.value(QStringLiteral("volunteerRelay")), &peer, error))
        return false;
    const QString relay = value("relay", "relay");
    if (!relay.isEmpty()) {
        TurnClientConfig turn;
        if (!isBrokeredRelaySpec(relay) && !parseRelaySpec(relay, &turn, error))
            return false;
        // Relayed peers all arrive from the local relay glue (127.0.0.1), so libtorrent must take
        // more than one connection per IP (peercommands.cpp attaches the relay).
        peer.engine.allowMultipleConnectionsPerIp = true;
        config->relay = relay;
    }
    config->json = parser.isSet(QStringLiteral("json"));
    if (parser.isSet(QStringLiteral("log-level")))
        config->logLevel = parser.value(QStringLiteral("log-level"));
    if (parser.isSet(QStringLiteral("quota"))) {
        bool ok = false;
        const qint64 mib = parser.value(QStringLiteral("quota")).toLongLong(&ok);
        if (!ok || mib <= 0 || mib > (qint64(1) << 33)) {
            *error = QStringLiteral("--quota: '%1' is not a number of MiB above 0 (e.g. --quota 2048 for 2 GiB)")
                         .arg(parser.value(QStringLiteral("quota")));
            return false;
        }
        config->cacheQuotaMib = mib;
    }
    return true;
}

} // namespace mp2p
