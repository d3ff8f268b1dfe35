// mp2p: the headless peer (see `mp2p --help`); the commands live in core/user/cli.
#include <user/cli/climain.h>

#include <QCoreApplication>

#include <csignal>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mp2p"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MP2P_VERSION));
    std::signal(SIGPIPE, SIG_IGN);
    return mp2p::runCli(app);
}
