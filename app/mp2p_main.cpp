// mp2p: the headless peer. For now it walks the managed control flow against a provider;
// the peer-engine issue adds publish/search/get/seed/status/daemon on the same core.
#include <base/logging.h>
#include <user/controlflowwalk.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include <cstdio>

namespace {

enum ExitCode { ExitOk = 0, ExitFailed = 1, ExitUsage = 2 };

void print(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

// A small sample with recognisable content, so the walk needs no input from the user.
bool writeSample(const QString &folder, QString *path)
{
    QDir().mkpath(folder + QStringLiteral("/sample"));
    for (int i = 0; i < 2; ++i) {
        QFile f(folder + QStringLiteral("/sample/part-%1.bin").arg(i));
        if (!f.open(QIODevice::WriteOnly))
            return false;
        QByteArray block(64 * 1024, char('A' + i));
        for (int k = 0; k < 8; ++k)
            f.write(block);
    }
    *path = folder + QStringLiteral("/sample");
    return true;
}

int runWalk(QCoreApplication &app, const QCommandLineParser &args)
{
    const QUrl server(args.value(QStringLiteral("server")));
    if (!server.isValid() || server.scheme().isEmpty() || server.host().isEmpty()) {
        std::fprintf(stderr, "mp2p walk: --server must be a URL such as http://127.0.0.1:7800\n");
        return ExitUsage;
    }
    QTemporaryDir scratch;
    QString sample = args.value(QStringLiteral("sample"));
    if (sample.isEmpty() && !writeSample(scratch.path(), &sample)) {
        std::fprintf(stderr, "mp2p walk: cannot write a sample in %s\n", qPrintable(scratch.path()));
        return ExitFailed;
    }
    QNetworkAccessManager network;
    mp2p::ControlFlowWalk walk(server, sample, &network, print);
    int code = ExitFailed;
    QObject::connect(&walk, &mp2p::ControlFlowWalk::finished, &app, [&code](bool ok, const QString &) {
        print(ok ? QStringLiteral("The control flow works end to end.") : QStringLiteral("The walk stopped at the step above."));
        code = ok ? ExitOk : ExitFailed;
        QCoreApplication::quit();
    });
    walk.start();
    app.exec();
    return code;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mp2p"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MP2P_VERSION));
    QCommandLineParser args;
    args.setApplicationDescription(QStringLiteral(
        "The headless Managed P2P peer.\n\nCommands:\n"
        "  walk    walk the managed control flow against a provider and print each step\n\n"
        "Exit codes: 0 success, 1 the operation failed (the message says why), 2 bad command line."));
    args.addHelpOption();
    args.addVersionOption();
    args.addPositionalArgument(QStringLiteral("command"), QStringLiteral("walk"));
    args.addOptions({
        {QStringLiteral("server"), QStringLiteral("The provider's URL (its /.well-known/mp2p)."), QStringLiteral("url"),
         QStringLiteral("http://127.0.0.1:7800")},
        {QStringLiteral("sample"), QStringLiteral("File or folder to publish in the walk (default: a generated sample)."), QStringLiteral("path")},
        {QStringLiteral("log-level"), QStringLiteral("debug, info, warning (default) or error."), QStringLiteral("level"), QStringLiteral("warning")},
    });
    if (!args.parse(app.arguments())) {
        std::fprintf(stderr, "mp2p: %s (see mp2p --help)\n", qPrintable(args.errorText()));
        return ExitUsage;
    }
    if (args.isSet(QStringLiteral("help")))
        args.showHelp(ExitOk);
    if (args.isSet(QStringLiteral("version")))
        args.showVersion();
    QString error;
    if (!mp2p::installLogging(args.value(QStringLiteral("log-level")), &error)) {
        std::fprintf(stderr, "mp2p: %s\n", qPrintable(error));
        return ExitUsage;
    }
    const QStringList positional = args.positionalArguments();
    if (positional.value(0) == QLatin1String("walk"))
        return runWalk(app, args);
    std::fprintf(stderr, "mp2p: %s (see mp2p --help)\n",
                 positional.isEmpty() ? "name a command" : qPrintable(QStringLiteral("unknown command '%1'").arg(positional.first())));
    return ExitUsage;
}
