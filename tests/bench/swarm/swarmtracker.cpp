#include "swarmtracker.h"

#include <mp2pdprocess.h>

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QTcpServer>
#include <QThread>

namespace mp2p::bench {

namespace {
bool writeReadable(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size()
           && f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
}
} // namespace

bool prepareOpentracker(const QString &folder, const QString &infoHash, OpentrackerSetup *out, QString *error)
{
    QDir().mkpath(folder);
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
                                      | QFile::ReadOther | QFile::ExeOther);
    if (!writeReadable(QDir(folder).filePath(QStringLiteral("whitelist.txt")), infoHash.toLatin1() + '\n')
        || !writeReadable(QDir(folder).filePath(QStringLiteral("opentracker.conf")), "access.whitelist /whitelist.txt\n")) {
        *error = QStringLiteral("cannot write the opentracker config in %1").arg(folder);
        return false;
    }
    QTcpServer probe;  // a free port (nothing else binds ports in the benchmark's namespace)
    if (!probe.listen(QHostAddress::LocalHost, 0)) {
        *error = QStringLiteral("no free port for opentracker");
        return false;
    }
    const QString port = QString::number(probe.serverPort());
    probe.close();
    out->args = {QStringLiteral("-i"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), port, QStringLiteral("-P"), port,
                 QStringLiteral("-f"), QDir(folder).filePath(QStringLiteral("opentracker.conf")), QStringLiteral("-d"), folder,
                 QStringLiteral("-u"), QStringLiteral("nobody")};
    out->announceUrl = QStringLiteral("http://127.0.0.1:%1/announce").arg(port);
    return true;
}

bool waitUntilTrackerServes(const OpentrackerSetup &setup, const QString &infoHash, int timeoutMs)
{
    const QByteArray hash = QByteArray::fromHex(infoHash.toLatin1()).toPercentEncoding();
    const QString url = setup.announceUrl
                        + QStringLiteral("?info_hash=%1&peer_id=-BENCH-0123456789abc&port=1&uploaded=0&downloaded=0&left=0&compact=1&event=stopped")
                              .arg(QString::fromLatin1(hash));
    test::TestHttp http;
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const test::HttpResult r = http.get(url);
        if (r.status == 200 && !r.body.contains("failure reason"))
            return true;
        QThread::msleep(100);
    }
    return false;
}

} // namespace mp2p::bench
