#include "climain.h"

#include "creditcommand.h"
#include "democommand.h"
#include "passkeycommand.h"
#include "peercommands.h"

#include <base/logging.h>
#include <base/tlstrust.h>
#include <user/controlflowwalk.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTemporaryDir>

#include <cstdio>

namespace mp2p {

int runCache(const CliConfig &config, ProgressPrinter *printer, const QStringList &args);  // cachecommand.cpp

namespace {

const char *Help =
    "The headless Managed P2P peer.\n\n"
    "Commands:\n"
    "  login                     log in at the provider and print this peer's user id\n"
    "  publish PATH              hash a file or folder, register it at the IXS, create its overlay\n"
    "                            (--title, --description, --tags a,b; --seed to keep seeding)\n"
    "  search WORDS              full-text search of the IXS (--page N)\n"
    "  get ID|INFOHASH|MAGNET    download through the managed overlay (--to DIR, --sequential, --seed)\n"
    "  seed                      seed every transfer of this peer with a live status line, until Ctrl-C\n"
    "  daemon                    the same without the live line (for services)\n"
    "  status                    the transfers of this peer (--json)\n"
    "  demo                      publish and download on this machine with an embedded provider\n"
    "  walk                      walk the control flow of a provider step by step (no content moves)\n"
    "  credit                    contribution credit: balance, redeemed and rejected receipts (--json)\n"
    "  passkey show|rotate       the tracker passkey in this user's announce URLs; rotate replaces a leaked\n"
    "                            one (the old one is refused at once; needs --server)\n"
    "  volunteer                 share idle resources as relay/cache with consent (mp2p volunteer --help)\n"
    "  cache                     run as a volunteer cache server (--quota MiB --server URL; consent first)\n\n"
    "Without --server (or \"server\" in --config) the P2PSP services run inside this process on 127.0.0.1.\n\n"
    "Exit codes: 0 success, 1 the operation failed (the message says why), 2 bad command line or config,\n"
    "3 the provider could not be reached, 4 another mp2p uses the data folder.";

int runWalk(QCoreApplication &app, const CliConfig &config, ProgressPrinter *printer)
{
    if (config.embedded) {
        printer->error(QStringLiteral("walk needs --server URL (the provider to walk through)"));
        return CliUsage;
    }
    QTemporaryDir scratch;
    const QString sample = scratch.filePath(QStringLiteral("sample.bin"));
    QFile f(sample);
    if (!f.open(QIODevice::WriteOnly) || f.write(QByteArray(1 << 20, 'm')) < 0) {
        printer->error(QStringLiteral("cannot write a sample in %1").arg(scratch.path()));
        return CliFailed;
    }
    f.close();
    QNetworkAccessManager network;
    ControlFlowWalk walk(config.peer.providerUrl, sample, &network, [printer](const QString &line) { printer->message(line); });
    int code = CliFailed;
    QObject::connect(&walk, &ControlFlowWalk::finished, &app, [&code, printer](bool ok, const QString &) {
        printer->message(ok ? QStringLiteral("The control flow works end to end.") : QStringLiteral("The walk stopped at the step above."));
        code = ok ? CliOk : CliFailed;
        QCoreApplication::quit();
    });
    walk.start();
    app.exec();
    return code;
}

} // namespace

int runCli(QCoreApplication &app)
{
    if (isVolunteerCommand(app.arguments()))  // its own options (sizes with units)
        return runVolunteer(app);
    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromLatin1(Help));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("login, publish, search, get, seed, daemon, status, demo, walk, credit, passkey, volunteer, cache"));
    addCliOptions(parser);
    if (!parser.parse(app.arguments())) {
        std::fprintf(stderr, "mp2p: %s (see mp2p --help)\n", qPrintable(parser.errorText()));
        return CliUsage;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(CliOk);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();

    CliConfig config;
    QString error;
    if (!readCliConfig(parser, &config, &error) || !installLogging(config.logLevel, &error)
        || (!config.providerCa.isEmpty() && !trustCaCertificates(config.providerCa, &error))) {
        std::fprintf(stderr, "mp2p: %s\n", qPrintable(error));
        return CliUsage;
    }
    ProgressPrinter printer(config.json);
    const QStringList args = parser.positionalArguments();
    const QString command = args.value(0);
    auto need = [&](int count, const char *what) {
        if (args.size() == count + 1)
            return true;
        printer.error(QStringLiteral("%1 needs %2 (see mp2p --help)").arg(command, QLatin1String(what)));
        return false;
    };
    if (command == QLatin1String("status"))
        return runStatus(config, &printer);
    if (command == QLatin1String("demo"))
        return runDemo(config, &printer, qint64(48) << 20);
    if (command == QLatin1String("walk"))
        return runWalk(app, config, &printer);
    if (command == QLatin1String("credit"))
        return runCredit(app, config, &printer);
    if (command == QLatin1String("passkey")) {
        if (args.size() > 2) {
            printer.error(QStringLiteral("passkey takes one action, show or rotate (see mp2p --help)"));
            return CliUsage;
        }
        return runPasskey(app, config, &printer, args.value(1));
    }
    if (command == QLatin1String("cache"))
        return runCache(config, &printer, args.mid(1));

    CliSession session(config, &printer);
    if (command == QLatin1String("login") && need(0, "no arguments")) {
        runLogin(&session);
    } else if (command == QLatin1String("publish") && need(1, "a PATH")) {
        runPublish(&session, args.at(1), parser.value(QStringLiteral("title")), parser.value(QStringLiteral("description")),
                   parser.value(QStringLiteral("tags")).split(QLatin1Char(','), Qt::SkipEmptyParts), parser.isSet(QStringLiteral("seed")));
    } else if (command == QLatin1String("search") && args.size() >= 2) {
        bool ok = true;
        const int page = parser.isSet(QStringLiteral("page")) ? parser.value(QStringLiteral("page")).toInt(&ok) : 1;
        if (!ok || page < 1) {
            printer.error(QStringLiteral("--page must be a number from 1"));
            return CliUsage;
        }
        runSearch(&session, args.mid(1).join(QLatin1Char(' ')), page);
    } else if (command == QLatin1String("get") && need(1, "a content id, an info-hash or a magnet link")) {
        runGet(&session, args.at(1), parser.value(QStringLiteral("to")), parser.isSet(QStringLiteral("sequential")),
               parser.isSet(QStringLiteral("seed")));
    } else if ((command == QLatin1String("seed") || command == QLatin1String("daemon")) && need(0, "no arguments")) {
        runSeed(&session, command == QLatin1String("seed") && !config.json);
    } else {
        if (command.isEmpty() || !QStringList{QStringLiteral("login"), QStringLiteral("publish"), QStringLiteral("search"),
                                               QStringLiteral("get"), QStringLiteral("seed"), QStringLiteral("daemon")}.contains(command))
            printer.error(command.isEmpty() ? QStringLiteral("name a command (see mp2p --help)")
                                            : QStringLiteral("unknown command '%1' (see mp2p --help)").arg(command));
        else if (command == QLatin1String("search"))
            printer.error(QStringLiteral("search needs WORDS (see mp2p --help)"));
        return CliUsage;
    }
    return app.exec();
}

} // namespace mp2p
