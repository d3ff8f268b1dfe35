#include "netnslab.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <unistd.h>

namespace {
// A NAT router: masquerade what leaves through "wan", forward only what the LAN started,
// and take no new connections from outside.
QByteArray natRules()
{
    return "table ip mp2pnat {\n"
           "  chain postrouting { type nat hook postrouting priority srcnat; policy accept; oifname \"wan\" masquerade; }\n"
           "  chain forward { type filter hook forward priority filter; policy drop;\n"
           "    ct state established,related accept; iifname \"lan\" oifname \"wan\" accept; }\n"
           "  chain input { type filter hook input priority filter; policy accept; iifname \"wan\" ct state new drop; }\n"
           "}\n";
}
} // namespace

NetnsLab::NetnsLab() : m_prefix(QStringLiteral("mp2p%1").arg(::getpid()) + u'-') {}

NetnsLab::~NetnsLab()
{
    for (auto &p : m_processes)
        stop(p.get());
    for (const QString &ns : m_namespaces)
        QProcess::execute(QStringLiteral("ip"), {QStringLiteral("netns"), QStringLiteral("del"), ns});
}

QString NetnsLab::unavailableReason()
{
    if (::geteuid() != 0)
        return QStringLiteral("needs root (ip netns, veth, nftables)");
    if (QProcess::execute(QStringLiteral("ip"), {QStringLiteral("netns"), QStringLiteral("list")}) != 0)
        return QStringLiteral("`ip netns` is unavailable (install iproute2)");
    if (!QFile::exists(QStringLiteral("/usr/sbin/nft")))
        return QStringLiteral("nft is missing (install Debian's nftables package)");
    return {};
}

bool NetnsLab::run(const QStringList &args, QString *error, const QByteArray &input)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(args.first(), args.mid(1));
    if (!input.isEmpty()) {
        p.write(input);
        p.closeWriteChannel();
    }
    if (!p.waitForFinished(10000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = args.join(u' ') + QStringLiteral(": ") + QString::fromUtf8(p.readAll()).trimmed();
        return false;
    }
    return true;
}

bool NetnsLab::build(QString *error)
{
    const QString ip = QStringLiteral("ip");
    const QString ra = m_prefix + QStringLiteral("ra"), rb = m_prefix + QStringLiteral("rb");
    for (const QString &ns : {pub(), ra, rb, hostA(), hostB()}) {
        if (!run({ip, QStringLiteral("netns"), QStringLiteral("add"), ns}, error))
            return false;
        m_namespaces << ns;
        if (!run({ip, QStringLiteral("-n"), ns, QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lo"), QStringLiteral("up")}, error))
            return false;
    }
    auto sh = [&](const QString &line) { return run(QStringList{ip} + line.split(u' '), error); };
    const QString P = pub();
    bool ok = sh(QStringLiteral("-n %1 link add br0 type bridge").arg(P))
              && sh(QStringLiteral("-n %1 addr add 198.18.0.1/24 dev br0").arg(P))
              && sh(QStringLiteral("-n %1 link set br0 up").arg(P));
    struct Side { QString router, host, wanIp, lanNet, hostIp, port; };
    for (const Side &s : {Side{ra, hostA(), QStringLiteral("198.18.0.2"), QStringLiteral("198.19.1"), QStringLiteral("198.19.1.2"), QStringLiteral("pa")},
                          Side{rb, hostB(), QStringLiteral("198.18.0.3"), QStringLiteral("198.19.2"), QStringLiteral("198.19.2.2"), QStringLiteral("pb")}}) {
        ok = ok && sh(QStringLiteral("link add wan netns %1 type veth peer name %2 netns %3").arg(s.router, s.port, P))
             && sh(QStringLiteral("-n %1 link set %2 master br0 up").arg(P, s.port))
             && sh(QStringLiteral("-n %1 addr add %2/24 dev wan").arg(s.router, s.wanIp))
             && sh(QStringLiteral("-n %1 link set wan up").arg(s.router))
             && sh(QStringLiteral("link add lan netns %1 type veth peer name eth0 netns %2").arg(s.router, s.host))
             && sh(QStringLiteral("-n %1 addr add %2.1/24 dev lan").arg(s.router, s.lanNet))
             && sh(QStringLiteral("-n %1 link set lan up").arg(s.router))
             && sh(QStringLiteral("-n %1 addr add %2/24 dev eth0").arg(s.host, s.hostIp))
             && sh(QStringLiteral("-n %1 link set eth0 up").arg(s.host))
             && sh(QStringLiteral("-n %1 route add default via %2.1").arg(s.host, s.lanNet))
             && run({ip, QStringLiteral("netns"), QStringLiteral("exec"), s.router, QStringLiteral("sysctl"), QStringLiteral("-qw"),
                     QStringLiteral("net.ipv4.ip_forward=1")}, error)
             && run({ip, QStringLiteral("netns"), QStringLiteral("exec"), s.router, QStringLiteral("nft"), QStringLiteral("-f"),
                     QStringLiteral("-")}, error, natRules());
    }
    return ok;
}

QProcess *NetnsLab::start(const QString &ns, const QString &program, const QStringList &args)
{
    auto p = std::make_unique<QProcess>();
    p->start(QStringLiteral("ip"), QStringList{QStringLiteral("netns"), QStringLiteral("exec"), ns, program} + args);
    p->waitForStarted(5000);
    m_processes.push_back(std::move(p));
    return m_processes.back().get();
}

QString NetnsLab::waitForLine(QProcess *process, const QString &prefix, int ms, QString *seen)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < ms) {
        while (process->canReadLine()) {
            const QString line = QString::fromUtf8(process->readLine()).trimmed();
            if (seen)
                *seen += line + u'\n';
            if (line.startsWith(prefix))
                return line.mid(prefix.size()).trimmed();
        }
        if (process->state() == QProcess::NotRunning && !process->canReadLine())
            break;
        process->waitForReadyRead(100);
    }
    if (seen)
        *seen += QString::fromUtf8(process->readAllStandardError());
    return {};
}

void NetnsLab::stop(QProcess *process)
{
    if (!process || process->state() == QProcess::NotRunning)
        return;
    process->terminate();
    if (!process->waitForFinished(5000)) {
        process->kill();
        process->waitForFinished(2000);
    }
}
