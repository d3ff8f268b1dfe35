#include "mp2pdprocess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QNetworkReply>
#include <QThread>
#include <QTimer>

namespace mp2p::test {

QString Mp2pdProcess::binary(const QString &name)
{
    const QByteArray dir = qgetenv("MP2P_BIN_DIR");
    return (dir.isEmpty() ? QCoreApplication::applicationDirPath() + QStringLiteral("/../../app") : QString::fromLocal8Bit(dir))
           + QLatin1Char('/') + name;
}

Mp2pdProcess::Mp2pdProcess(QString dataDir)
    : m_dataDir(std::move(dataDir))
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    QObject::connect(&m_process, &QProcess::readyRead, [this] { m_log += m_process.readAll(); });
}

Mp2pdProcess::Mp2pdProcess(QString program, QString dataDir)
    : Mp2pdProcess(std::move(dataDir))
{
    m_program = std::move(program);
}

Mp2pdProcess::~Mp2pdProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool Mp2pdProcess::start(const QStringList &extraArgs, QString *error)
{
    const QString portFile = m_scratch.filePath(QStringLiteral("port"));
    QFile::remove(portFile);
    m_log.clear();
    QStringList args{QStringLiteral("--listen"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QStringLiteral("0"),
                     QStringLiteral("--port-file"), portFile, QStringLiteral("--log-level"), QStringLiteral("warning")};
    if (!m_dataDir.isEmpty())
        args << QStringLiteral("--data-dir") << m_dataDir;
    // Every mp2pd a test starts shares one service key, so tests read operator views with
    // testServiceToken() and split deployments talk to each other as one provider.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MP2P_SERVICE_KEY"), testServiceKey());
    m_process.setProcessEnvironment(env);
    m_process.start(binary(m_program), args + extraArgs);
    QDeadlineTimer deadline(45000);
    while (!deadline.hasExpired()) {
        if (m_process.state() == QProcess::NotRunning)
            break;
        QFile f(portFile);
        if (f.open(QIODevice::ReadOnly)) {
            m_port = quint16(f.readAll().trimmed().toUInt());
            if (m_port)
                return true;
        }
        m_process.waitForReadyRead(50);
    }
    if (error)
        *error = QStringLiteral("%1 did not start: %2").arg(m_program).arg(QString::fromLocal8Bit(m_log + m_process.readAll()));
    return false;
}

void Mp2pdProcess::kill9()
{
    m_process.kill();
    m_process.waitForFinished(5000);
}

int Mp2pdProcess::terminate(int timeoutMs)
{
    m_process.terminate();
    if (!m_process.waitForFinished(timeoutMs)) {
        m_process.kill();
        m_process.waitForFinished(5000);
        return -1;
    }
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

QJsonObject HttpResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

HttpResult TestHttp::request(const QByteArray &method, const QString &url, const QJsonObject &body, const QString &token,
                             const QByteArray &rawBody)
{
    QNetworkRequest request{QUrl(url)};
    request.setTransferTimeout(15000);
    QByteArray payload = rawBody;
    if (payload.isEmpty() && !body.isEmpty())
        payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    if (!payload.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, payload);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    HttpResult out{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    reply->deleteLater();
    return out;
}

QString writeOperatorsConfig(const QString &path, const QStringList &operators)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("operators"), QJsonArray::fromStringList(operators)}}).toJson());
    return path;
}

} // namespace mp2p::test
