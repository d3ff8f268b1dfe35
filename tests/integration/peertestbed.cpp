#include "peertestbed.h"

#include <peerprocess.h>

#include <QFile>

namespace mp2p::test {

PeerTestBed::PeerTestBed()
{
    m_configFile = m_dir.filePath(QStringLiteral("mp2pd.json"));
    QFile f(m_configFile);
    if (f.open(QIODevice::WriteOnly))
        f.write(R"({"oms": {"announceIntervalSecs": 5, "minAnnounceIntervalSecs": 2}, "pams": {"reportIntervalSecs": 5}})");
}

bool PeerTestBed::startServer(Mp2pdProcess *server, const QStringList &extra) const
{
    QString error;
    const bool ok = server->start(QStringList{QStringLiteral("--config"), m_configFile} + extra, &error);
    if (!ok)
        qWarning("%s", qPrintable(error));
    return ok;
}

QStringList PeerTestBed::peerArgs(const Mp2pdProcess &server, const QString &name, int address) const
{
    return {QStringLiteral("--server"), server.baseUrl(), QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("peers/") + name),
            QStringLiteral("--listen"), QStringLiteral("127.1.0.%1:0").arg(address), QStringLiteral("--no-utp")};
}

QString PeerTestBed::login(const Mp2pdProcess &server, const QString &name, int address) const
{
    PeerProcess p;
    p.start(QStringList{QStringLiteral("login")} + peerArgs(server, name, address));
    const QJsonObject e = p.waitForEvent(QStringLiteral("login"), 30000);
    p.waitForExit(15000);
    return e.value(QStringLiteral("userId")).toString();
}

} // namespace mp2p::test
