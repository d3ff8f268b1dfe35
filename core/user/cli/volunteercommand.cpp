#include "creditcommand.h"

#include <user/provider/identity.h>
#include <user/provider/providerclient.h>
#include <user/volunteer/consentstore.h>
#include <user/volunteer/volunteerlimitsparse.h>

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

namespace mp2p {

namespace {

constexpr int CliDeclined = 5;

QStringList valuedGlobalOptions()
{
    return {QStringLiteral("--server"), QStringLiteral("--config"), QStringLiteral("--data-dir"), QStringLiteral("--listen"),
            QStringLiteral("--embedded-port"), QStringLiteral("--log-level")};
}

QString describe(VolunteerRoleKind role, const VolunteerLimits &l)
{
    QStringList lines;
    lines << (role == VolunteerRoleKind::Relay ? QStringLiteral("Relay server: other peers' connections pass through this machine.")
                                               : QStringLiteral("Cache server: content the provider picks is stored on this "
                                                                "disk and uploaded to other peers."));
    lines << QStringLiteral("  upload bandwidth: %1").arg(l.uploadBytesPerSec ? formatBytes(l.uploadBytesPerSec) + QStringLiteral("/s")
                                                                             : QStringLiteral("unlimited"));
    if (role == VolunteerRoleKind::Cache)
        lines << QStringLiteral("  disk space: up to %1").arg(formatBytes(l.diskQuotaBytes));
    else
        lines << QStringLiteral("  relayed connections: %1").arg(l.maxRelayedConnections ? QString::number(l.maxRelayedConnections)
                                                                                        : QStringLiteral("unlimited"));
    lines << QStringLiteral("  hours: %1").arg(l.startHour == 0 && l.endHour == 24
                                                   ? QStringLiteral("all day")
                                                   : QStringLiteral("%1:00 to %2:00 local time").arg(l.startHour).arg(l.endHour));
    lines << QStringLiteral("Your consent is signed with your key and sent to the provider's PAMS. "
                            "Revoke it at any time with: mp2p volunteer --revoke");
    return lines.join(QLatin1Char('\n'));
}

// Sends the records the PAMS does not have yet (logs in first); false when it could not.
bool pushToPams(const QUrl &provider, const Identity &identity, ConsentStore *store, QString *problem)
{
    QNetworkAccessManager network;
    ProviderClient client(provider, identity, &network);
    QEventLoop loop;
    QObject::connect(&client, &ProviderClient::ready, &loop, &QEventLoop::quit);
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    client.connectToProvider();
    loop.exec();
    if (!client.isReady()) {
        *problem = QStringLiteral("cannot log in at %1").arg(provider.toString());
        return false;
    }
    QString error;
    const auto records = store->unsynced(&error);
    for (const ConsentRecord &r : records.value_or(QList<ConsentRecord>())) {
        JsonReply reply;
        client.call("POST", QStringLiteral("pams"), QStringLiteral("/pams/v1/consent"), consentToJson(r),
                    [&](const JsonReply &answer) { reply = answer; loop.quit(); });
        loop.exec();
        if (!reply.ok() && reply.status != 409) {
            *problem = reply.problem;
            return false;
        }
        store->markSynced(r, &error);
    }
    return true;
}

} // namespace

bool isVolunteerCommand(const QStringList &arguments)
{
    const QStringList valued = valuedGlobalOptions();
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (valued.contains(a)) {
            ++i;  // skip its value
            continue;
        }
        if (!a.startsWith(QLatin1Char('-')))
            return a == QLatin1String("volunteer");
    }
    return false;
}

int runVolunteer(QCoreApplication &app)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "mp2p volunteer: share idle resources as a relay or cache, only with your consent.\n"
        "Exit codes: 0 done, 1 failed, 2 bad options (or no terminal to confirm without --yes), "
        "3 the provider could not be reached (the consent is recorded and sent later), 5 you declined."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("volunteer"), QStringLiteral("the command"));
    p.addOptions({{QStringLiteral("server"), QStringLiteral("The provider's URL (its PAMS receives the consent)."), QStringLiteral("url")},
                  {QStringLiteral("data-dir"), QStringLiteral("The peer's data folder (default: %1).").arg(defaultDataDir()), QStringLiteral("dir")},
                  {QStringLiteral("relay"), QStringLiteral("Act as a relay server.")},
                  {QStringLiteral("cache"), QStringLiteral("Act as a cache server.")},
                  {QStringLiteral("upload-limit"), QStringLiteral("Upload cap, e.g. 2MiB/s (default unlimited)."), QStringLiteral("rate")},
                  {QStringLiteral("disk-quota"), QStringLiteral("Cache disk quota, e.g. 10GiB (default 10GiB)."), QStringLiteral("size")},
                  {QStringLiteral("max-relayed"), QStringLiteral("Most relayed connections at once (default 20)."), QStringLiteral("n")},
                  {QStringLiteral("hours"), QStringLiteral("Hours of the day, e.g. 22-7 (default 0-24)."), QStringLiteral("from-to")},
                  {QStringLiteral("yes"), QStringLiteral("Do not ask for confirmation.")},
                  {QStringLiteral("revoke"), QStringLiteral("Withdraw consent (both roles unless --relay/--cache) and stop at once.")},
                  {QStringLiteral("status"), QStringLiteral("Show the current consent.")},
                  {QStringLiteral("json"), QStringLiteral("Print JSON.")}});
    auto usage = [](const QString &text) {
        std::fprintf(stderr, "mp2p volunteer: %s (see mp2p volunteer --help)\n", qPrintable(text));
        return int(CliUsage);
    };
    if (!p.parse(app.arguments()))
        return usage(p.errorText());
    if (p.isSet(QStringLiteral("help")))
        p.showHelp(CliOk);
    const QString dir = p.isSet(QStringLiteral("data-dir")) ? p.value(QStringLiteral("data-dir")) : defaultDataDir();
    QString error;
    if (!QDir().mkpath(dir))
        return usage(QStringLiteral("cannot create the data folder %1").arg(dir));
    const auto identity = Identity::loadOrCreate(dir, &error);
    ConsentStore store(QDir(dir).filePath(QStringLiteral("consent.db")));
    if (!identity || !store.open(&error)) {
        std::fprintf(stderr, "mp2p volunteer: %s\n", qPrintable(error));
        return CliFailed;
    }
    QList<VolunteerRoleKind> roles;
    if (p.isSet(QStringLiteral("relay")))
        roles << VolunteerRoleKind::Relay;
    if (p.isSet(QStringLiteral("cache")))
        roles << VolunteerRoleKind::Cache;
    QTextStream out(stdout);

    if (p.isSet(QStringLiteral("status"))) {
        QJsonObject status;
        for (VolunteerRoleKind role : {VolunteerRoleKind::Relay, VolunteerRoleKind::Cache}) {
            QString e;
            const auto r = store.latest(role, &e);
            status.insert(volunteerRoleName(role), r ? consentToJson(*r) : QJsonValue(QJsonValue::Null));
            if (!p.isSet(QStringLiteral("json")))
                out << volunteerRoleName(role) << ": "
                    << (!r ? (e.isEmpty() ? QStringLiteral("no consent") : e)
                           : r->fields.revoked ? QStringLiteral("revoked on %1").arg(QDateTime::fromSecsSinceEpoch(r->fields.time).toString(Qt::ISODate))
                                               : QStringLiteral("consented on %1\n").arg(QDateTime::fromSecsSinceEpoch(r->fields.time).toString(Qt::ISODate))
                                                     + describe(role, r->fields.limits))
                    << "\n";
        }
        if (p.isSet(QStringLiteral("json")))
            out << QJsonDocument(status).toJson(QJsonDocument::Compact) << "\n";
        return CliOk;
    }

    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (p.isSet(QStringLiteral("revoke"))) {
        if (roles.isEmpty())
            roles = {VolunteerRoleKind::Relay, VolunteerRoleKind::Cache};
        for (VolunteerRoleKind role : roles) {
            QString e;
            const auto current = store.latest(role, &e);
            if (!current || current->fields.revoked)
                continue;
            if (!store.record(identity->key, role, current->fields.limits, true, now, &e)) {
                std::fprintf(stderr, "mp2p volunteer: %s\n", qPrintable(e));
                return CliFailed;
            }
            out << "Revoked the " << volunteerRoleName(role) << " consent; a running peer stops it within a second.\n";
        }
    } else {
        if (roles.isEmpty())
            return usage(QStringLiteral("say what to share: --relay and/or --cache (or --revoke, --status)"));
        VolunteerLimits limits;
        limits.diskQuotaBytes = qint64(10) << 30;
        limits.maxRelayedConnections = 20;
        if (p.isSet(QStringLiteral("upload-limit"))) {
            const auto v = parseByteRate(p.value(QStringLiteral("upload-limit")), &error);
            if (!v)
                return usage(QStringLiteral("--upload-limit: ") + error);
            limits.uploadBytesPerSec = *v;
        }
        if (p.isSet(QStringLiteral("disk-quota"))) {
            const auto v = parseByteSize(p.value(QStringLiteral("disk-quota")), &error);
            if (!v || *v <= 0)
                return usage(QStringLiteral("--disk-quota: ") + (v ? QStringLiteral("must be above 0") : error));
            limits.diskQuotaBytes = *v;
        }
        if (p.isSet(QStringLiteral("max-relayed"))) {
            bool ok = false;
            limits.maxRelayedConnections = p.value(QStringLiteral("max-relayed")).toInt(&ok);
            if (!ok || limits.maxRelayedConnections < 1 || limits.maxRelayedConnections > 100000)
                return usage(QStringLiteral("--max-relayed must be a number from 1 to 100000"));
        }
        if (p.isSet(QStringLiteral("hours"))) {
            const auto h = parseHourRange(p.value(QStringLiteral("hours")), &error);
            if (!h)
                return usage(QStringLiteral("--hours: ") + error);
            std::tie(limits.startHour, limits.endHour) = *h;
        }
        out << "This is what you will share:\n";
        for (VolunteerRoleKind role : roles)
            out << describe(role, limits) << "\n";
        out.flush();
        if (!p.isSet(QStringLiteral("yes"))) {
            if (!isatty(STDIN_FILENO))
                return usage(QStringLiteral("no terminal to confirm on; nothing was shared. Add --yes to consent non-interactively"));
            out << "Share this? [y/N] ";
            out.flush();
            const QString answer = QTextStream(stdin).readLine().trimmed().toLower();
            if (answer != QLatin1String("y") && answer != QLatin1String("yes")) {
                out << "Nothing was shared.\n";
                return CliDeclined;
            }
        }
        for (VolunteerRoleKind role : roles) {
            if (!store.record(identity->key, role, limits, false, now, &error)) {
                std::fprintf(stderr, "mp2p volunteer: %s\n", qPrintable(error));
                return CliFailed;
            }
        }
        out << "Consent recorded and signed (" << identity->userId << ").\n";
    }
    out.flush();
    if (p.isSet(QStringLiteral("server"))) {
        QString problem;
        if (!pushToPams(QUrl(p.value(QStringLiteral("server"))), *identity, &store, &problem)) {
            std::fprintf(stderr, "mp2p volunteer: the PAMS did not get it yet (%s); the peer sends it when it next runs\n",
                         qPrintable(problem));
            return CliUnreachable;
        }
        out << "The provider's PAMS has it.\n";
    }
    return CliOk;
}

} // namespace mp2p
