#include "passkeycommand.h"

#include <user/provider/providerclient.h>

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QRegularExpression>

namespace mp2p {

namespace {
// The provider client's "retrying in N s" does not apply to a command that ends here.
QString withoutRetry(QString problem)
{
    static const QRegularExpression retrying(QStringLiteral("[;.]? *[Rr]etrying in \\d+ s\\.?$"));
    return problem.replace(retrying, QStringLiteral("."));
}

void printPasskey(ProgressPrinter *printer, bool json, const QString &event, const QString &userId, const QString &passkey,
                  const QString &text)
{
    if (json)
        printer->event(event, {{QStringLiteral("userId"), userId}, {QStringLiteral("passkey"), passkey}});
    else
        printer->message(text.arg(passkey));
}
} // namespace

int runPasskey(QCoreApplication &app, const CliConfig &config, ProgressPrinter *printer, const QString &action)
{
    if (action != QLatin1String("show") && action != QLatin1String("rotate")) {
        printer->error(action.isEmpty() ? QStringLiteral("passkey needs show or rotate (see mp2p --help)")
                                        : QStringLiteral("passkey: unknown action '%1'; use show or rotate").arg(action));
        return CliUsage;
    }
    if (config.embedded) {
        printer->error(QStringLiteral("passkey needs --server URL (the provider whose tracker passkey to %1)").arg(action));
        return CliUsage;
    }
    const QString dir = config.peer.dataDir;
    if (!QFile::exists(QDir(dir).filePath(QStringLiteral("identity.key")))) {
        printer->error(QStringLiteral("no peer in %1 yet, so it has no passkey; run `mp2p login` first (or pass the "
                                      "--data-dir of your peer)").arg(dir));
        return CliFailed;
    }
    QString error;
    const auto identity = Identity::loadOrCreate(dir, &error);
    if (!identity) {
        printer->error(error);
        return CliFailed;
    }
    QNetworkAccessManager network;
    ProviderClient client(config.peer.providerUrl, *identity, &network);
    int code = CliFailed;
    const auto finish = [&code](int exitCode) {
        code = exitCode;
        QCoreApplication::quit();
    };
    QObject::connect(&client, &ProviderClient::failed, &app, [&](const QString &problem) {
        if (client.isReady())
            return;
        printer->error(withoutRetry(problem));
        finish(client.isConnected() ? CliFailed : CliUnreachable);
    });
    QObject::connect(&client, &ProviderClient::ready, &app, [&] {
        if (action == QLatin1String("show")) {
            printPasskey(printer, config.json, QStringLiteral("passkey"), identity->userId, client.passkey(),
                         QStringLiteral("tracker passkey: %1 (it is in every announce URL of this user; `mp2p passkey "
                                        "rotate` replaces it if it leaked)"));
            finish(CliOk);
            return;
        }
        const QString old = client.passkey();
        client.rotatePasskey([&, old](const JsonReply &r) {
            if (!r.ok() || client.passkey() == old) {
                printer->error(QStringLiteral("the UMS did not rotate the passkey (%1); the old one still works, try again")
                                   .arg(r.problem.isEmpty() ? QStringLiteral("answered %1").arg(r.status) : r.problem));
                finish(r.status == 0 ? CliUnreachable : CliFailed);
                return;
            }
            printPasskey(printer, config.json, QStringLiteral("passkeyRotated"), identity->userId, client.passkey(),
                         QStringLiteral("new tracker passkey: %1. The old one is refused from now on; a running mp2p or "
                                        "desktop of this user switches to the new one by itself."));
            finish(CliOk);
        });
    });
    client.setRetryDelays(1000, 1000);
    client.connectToProvider();
    app.exec();
    return code;
}

} // namespace mp2p
