#include "coturnprocess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

bool CoturnProcess::available()
{
    return QFile::exists(binary());
}

CoturnProcess::~CoturnProcess()
{
    stop();
}

quint16 CoturnProcess::freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

bool CoturnProcess::start(quint16 port, const QStringList &auth, QString *error)
{
    m_port = port;
    QStringList args{QStringLiteral("-n"), QStringLiteral("--listening-ip=127.0.0.1"),
                     QStringLiteral("--listening-port=%1").arg(port), QStringLiteral("--relay-ip=127.0.0.1"),
                     QStringLiteral("--realm=mp2p"), QStringLiteral("--no-tls"), QStringLiteral("--no-dtls"),
                     QStringLiteral("--no-cli"), QStringLiteral("--allow-loopback-peers"),
                     QStringLiteral("--no-udp-relay"), QStringLiteral("--min-port=49160"),
                     QStringLiteral("--max-port=49400"), QStringLiteral("--log-file=stdout"),
                     QStringLiteral("--simple-log"), QStringLiteral("--no-stun")};
    args += auth;
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    QObject::connect(&m_process, &QProcess::readyRead, [this] { m_log += m_process.readAll(); });
    m_process.start(binary(), args);
    if (!m_process.waitForStarted(5000)) {
        *error = QStringLiteral("turnserver did not start: ") + m_process.errorString();
        return false;
    }
    // Ready when its TCP listener answers (bounded wait).
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 10000) {
        if (m_process.state() != QProcess::Running) {
            *error = QStringLiteral("turnserver exited: ") + log().right(2000);
            return false;
        }
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, port);
        if (probe.waitForConnected(200))
            return true;
        QTest::qWait(100);
    }
    *error = QStringLiteral("turnserver did not listen on port %1 within 10 s").arg(port);
    return false;
}

void CoturnProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();   // SIGTERM to its PID
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}
