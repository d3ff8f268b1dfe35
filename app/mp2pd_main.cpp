// mp2pd: the P2PSP domain's servers (UMS, IXS, OMS, PAMS) in one process.
#include <base/logging.h>
#include <base/serverflags.h>
#include <base/serverlimits.h>
#include <base/tlstrust.h>
#include <base/unixsignals.h>
#include <p2psp/host/p2psphost.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include <csignal>
#include <cstdio>
#include <sys/stat.h>

namespace {

enum ExitCode { ExitOk = 0, ExitStartFailed = 1, ExitUsage = 2 };

void fail(const QString &message)
{
    std::fprintf(stderr, "mp2pd: %s\n", qPrintable(message));
}

bool applyFlags(const QCommandLineParser &args, mp2p::HostConfig *config, QString *error)
{
    if (args.isSet(QStringLiteral("config")) && !config->loadFile(args.value(QStringLiteral("config")), error))
        return false;
    if (args.isSet(QStringLiteral("services")))
        config->services = args.value(QStringLiteral("services")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (args.isSet(QStringLiteral("listen"))
        && !mp2p::parseAddressFlag(QStringLiteral("--listen"), args.value(QStringLiteral("listen")), &config->listenAddress, error))
        return false;
    if (args.isSet(QStringLiteral("port")) && !mp2p::parsePortFlag(QStringLiteral("--port"), args.value(QStringLiteral("port")), &config->port, error))
        return false;
    if (args.isSet(QStringLiteral("provider"))) {
        // A dedicated RS or CS registers at this provider's OMS over ORCP (rs/cs.providerUrl).
        for (const QString &role : {QStringLiteral("rs"), QStringLiteral("cs")})
            config->sections[role].insert(QStringLiteral("providerUrl"), args.value(QStringLiteral("provider")));
    }
    if (args.isSet(QStringLiteral("data-dir")))
        config->dataDir = args.value(QStringLiteral("data-dir"));
    if (config->dataDir.isEmpty())
        config->dataDir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/mp2p/mp2pd");
    if (args.isSet(QStringLiteral("public-url")))
        config->publicUrl = args.value(QStringLiteral("public-url"));
    if (args.isSet(QStringLiteral("log-level")))
        config->logLevel = args.value(QStringLiteral("log-level"));
    if (args.isSet(QStringLiteral("ums-public-key")))
        config->umsPublicKey = args.value(QStringLiteral("ums-public-key"));
    for (const QString &service : mp2p::HostConfig::knownServices()) {
        const QString flag = service + QStringLiteral("-url");
        if (args.isSet(flag))
            config->remoteUrls.insert(service, args.value(flag));
    }
    // A secret belongs in the environment (an EnvironmentFile) rather than on a command line
    // that every local user can read in ps.
    if (config->serviceKey.isEmpty())
        config->serviceKey = qEnvironmentVariable("MP2P_SERVICE_KEY");
    if (!config->tlsCa.isEmpty() && !mp2p::trustCaCertificates(config->tlsCa, error))
        return false;
    return config->validate(error);
}

} // namespace

int main(int argc, char **argv)
{
    // Everything this server writes is its own state (databases with tokens and secrets, keys):
    // none of it is for other local users, whatever umask it was started with.
    ::umask(077);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mp2pd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MP2P_VERSION));

    QCommandLineParser args;
    args.setApplicationDescription(QStringLiteral(
        "The P2PSP servers of Managed P2P: UMS (users, R13), IXS (content index, R6), OMS (overlays and\n"
        "BitTorrent tracker, R5) and PAMS (peer activity, R2). Run any of them here, the rest elsewhere.\n\n"
        "Exit codes: 0 stopped cleanly (SIGTERM/SIGINT), 1 could not start, 2 bad command line or config."));
    args.addHelpOption();
    args.addVersionOption();
    args.addOptions({
        {QStringLiteral("services"), QStringLiteral("Comma-separated services to run (default: ums,ixs,oms,pams; also cs = cache server, rs = relay server)."), QStringLiteral("list")},
        {QStringLiteral("config"), QStringLiteral("JSON config file; flags override it."), QStringLiteral("file")},
        {QStringLiteral("listen"), QStringLiteral("Address to listen on (default 127.0.0.1)."), QStringLiteral("ip")},
        {QStringLiteral("port"), QStringLiteral("Port to listen on (default 7800; 0 = any free port)."), QStringLiteral("port")},
        {QStringLiteral("port-file"), QStringLiteral("Write the bound port to this file once serving."), QStringLiteral("file")},
        {QStringLiteral("data-dir"), QStringLiteral("Folder for the services' SQLite files and the UMS key."), QStringLiteral("dir")},
        {QStringLiteral("public-url"), QStringLiteral("Base URL clients use to reach this server (default from --listen/--port)."), QStringLiteral("url")},
        {QStringLiteral("log-level"), QStringLiteral("debug, info (default), warning or error."), QStringLiteral("level")},
        {QStringLiteral("ums-url"), QStringLiteral("Base URL of a UMS running elsewhere."), QStringLiteral("url")},
        {QStringLiteral("ixs-url"), QStringLiteral("Base URL of an IXS running elsewhere."), QStringLiteral("url")},
        {QStringLiteral("oms-url"), QStringLiteral("Base URL of an OMS running elsewhere."), QStringLiteral("url")},
        {QStringLiteral("pams-url"), QStringLiteral("Base URL of a PAMS running elsewhere (the OMS reads R1 from it)."), QStringLiteral("url")},
        {QStringLiteral("provider"), QStringLiteral("rs, cs: the P2PSP whose OMS hands this relay or cache out; it logs in there "
                                                    "and registers over ORCP (sets rs/cs.providerUrl). Without it a relay runs standalone."),
         QStringLiteral("url")},
        {QStringLiteral("ums-public-key"), QStringLiteral("The UMS public key (base64url), instead of asking --ums-url."), QStringLiteral("key")},
    });
    if (!args.parse(app.arguments())) {
        fail(args.errorText() + QStringLiteral(" (see mp2pd --help)"));
        return ExitUsage;
    }
    if (args.isSet(QStringLiteral("help")))
        args.showHelp(ExitOk);
    if (args.isSet(QStringLiteral("version")))
        args.showVersion();

    mp2p::HostConfig config;
    QString error;
    if (!applyFlags(args, &config, &error) || !mp2p::installLogging(config.logLevel, &error)) {
        fail(error);
        return ExitUsage;
    }
    std::signal(SIGPIPE, SIG_IGN);
    mp2p::raiseOpenFileLimit();  // one file per client connection; the default 1024 is too few
    mp2p::UnixSignalWatcher signals({SIGTERM, SIGINT});
    QObject::connect(&signals, &mp2p::UnixSignalWatcher::received, &app, [](int number) {
        qInfo("received signal %d, shutting down", number);
        QCoreApplication::quit();
    });

    mp2p::P2pspHost host(config);
    if (!host.start(&error)) {
        fail(error);
        return ExitStartFailed;
    }
    if (args.isSet(QStringLiteral("port-file")) && !mp2p::writePortFile(args.value(QStringLiteral("port-file")), host.port(), &error)) {
        fail(error);
        return ExitStartFailed;
    }
    std::printf("mp2pd serving at %s\n", qPrintable(host.baseUrl()));
    std::fflush(stdout);
    const int code = app.exec();
    host.stop();
    qInfo("stopped");
    return code;
}
