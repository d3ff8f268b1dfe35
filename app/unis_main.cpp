// mp2p-unis: the ISP's UNIS, an IETF ALTO server (RFC 7285) fed from an operator's config file.
#include <base/logging.h>
#include <base/serverflags.h>
#include <base/serverlimits.h>
#include <base/unixsignals.h>
#include <isp/unis/passwordhash.h>
#include <isp/unis/unisserver.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSaveFile>

#include <csignal>
#include <cstdio>
#include <iostream>
#include <string>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

namespace {

enum ExitCode { ExitOk = 0, ExitStartFailed = 1, ExitUsage = 2 };

void fail(const QString &message)
{
    std::fprintf(stderr, "mp2p-unis: %s\n", qPrintable(message));
}

// Reads one line from stdin without echo when it is a terminal, and prints its
// crypto_pwhash_str hash for auth.users[].passwordHash.
int hashPassword()
{
    const bool tty = isatty(STDIN_FILENO);
    termios saved{};
    if (tty) {
        std::fprintf(stderr, "password: ");
        tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    std::string line;
    std::getline(std::cin, line);
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fprintf(stderr, "\n");
    }
    if (line.empty()) {
        fail(QStringLiteral("--hash-password: give the password on stdin (one line, not empty)"));
        return ExitUsage;
    }
    const QByteArray hash = mp2p::hashPassword(QByteArray::fromStdString(line));
    if (hash.isEmpty()) {
        fail(QStringLiteral("--hash-password: libsodium could not hash (out of memory?)"));
        return ExitStartFailed;
    }
    std::printf("%s\n", hash.constData());
    return ExitOk;
}

bool readFlags(const QCommandLineParser &args, std::optional<QHostAddress> *listen, std::optional<quint16> *port, QString *error)
{
    if (!args.isSet(QStringLiteral("config"))) {
        *error = QStringLiteral("--config FILE is required (see resources/unis.example.json)");
        return false;
    }
    if (args.isSet(QStringLiteral("listen"))) {
        QHostAddress address;
        if (!mp2p::parseAddressFlag(QStringLiteral("--listen"), args.value(QStringLiteral("listen")), &address, error))
            return false;
        *listen = address;
    }
    if (args.isSet(QStringLiteral("port"))) {
        quint16 value = 0;
        if (!mp2p::parsePortFlag(QStringLiteral("--port"), args.value(QStringLiteral("port")), &value, error))
            return false;
        *port = value;
    }
    return mp2p::installLogging(args.value(QStringLiteral("log-level")), error);
}

} // namespace

int main(int argc, char **argv)
{
    // Everything this server writes is its own state (databases with tokens and secrets, keys):
    // none of it is for other local users, whatever umask it was started with.
    ::umask(077);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mp2p-unis"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MP2P_VERSION));

    QCommandLineParser args;
    args.setApplicationDescription(QStringLiteral(
        "The ISP's Underlying Network Information Server of Managed P2P: an ALTO server (RFC 7285)\n"
        "serving the network map and cost map of an operator's config file to the OMS (R3) and peers (R4).\n"
        "The directory (IRD) is at /alto. SIGHUP reloads the config; a bad file is refused and the old map\n"
        "keeps serving.\n\n"
        "Exit codes: 0 stopped cleanly (SIGTERM/SIGINT), 1 could not start, 2 bad command line or config."));
    args.addHelpOption();
    args.addVersionOption();
    args.addOptions({
        {QStringLiteral("config"), QStringLiteral("The UNIS config (JSON)."), QStringLiteral("file")},
        {QStringLiteral("listen"), QStringLiteral("Address to listen on (default: server.listen, else 127.0.0.1)."), QStringLiteral("ip")},
        {QStringLiteral("port"), QStringLiteral("Port (default: server.port, else 7900; 0 = any free port)."), QStringLiteral("port")},
        {QStringLiteral("port-file"), QStringLiteral("Write the bound port to this file once serving."), QStringLiteral("file")},
        {QStringLiteral("log-level"), QStringLiteral("debug, info (default), warning or error."), QStringLiteral("level"), QStringLiteral("info")},
        {QStringLiteral("hash-password"), QStringLiteral("Read a password on stdin, print its hash for auth.users[].passwordHash, exit.")},
    });
    if (!args.parse(app.arguments())) {
        fail(args.errorText() + QStringLiteral(" (see mp2p-unis --help)"));
        return ExitUsage;
    }
    if (args.isSet(QStringLiteral("help")))
        args.showHelp(ExitOk);
    if (args.isSet(QStringLiteral("version")))
        args.showVersion();
    if (args.isSet(QStringLiteral("hash-password")))
        return hashPassword();

    std::optional<QHostAddress> listen;
    std::optional<quint16> port;
    QString error;
    if (!readFlags(args, &listen, &port, &error)) {
        fail(error);
        return ExitUsage;
    }
    std::signal(SIGPIPE, SIG_IGN);
    mp2p::raiseOpenFileLimit();  // one file per client connection; the default 1024 is too few
    mp2p::UnisServer server(args.value(QStringLiteral("config")), mp2p::systemClock());
    mp2p::UnixSignalWatcher signals({SIGTERM, SIGINT, SIGHUP});
    QObject::connect(&signals, &mp2p::UnixSignalWatcher::received, &app, [&server](int number) {
        if (number == SIGHUP) {
            server.reload();  // logs the outcome; a bad file leaves the old map serving
            return;
        }
        qInfo("received signal %d, shutting down", number);
        QCoreApplication::quit();
    });
    if (!mp2p::UnisConfig::loadFile(args.value(QStringLiteral("config")), &error)) {
        fail(error);  // names the file and the line or field
        return ExitUsage;
    }
    if (!server.start(listen, port, &error)) {
        fail(error);
        return ExitStartFailed;
    }
    if (args.isSet(QStringLiteral("port-file")) && !mp2p::writePortFile(args.value(QStringLiteral("port-file")), server.port(), &error)) {
        fail(error);
        return ExitStartFailed;
    }
    std::printf("mp2p-unis serving ALTO at %s/alto\n", qPrintable(server.baseUrl()));
    std::fflush(stdout);
    const int code = app.exec();
    qInfo("stopped");
    return code;
}
