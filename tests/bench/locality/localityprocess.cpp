#include "localityprocess.h"

#include <QJsonDocument>

namespace mp2p::bench {

LocalityProcess::LocalityProcess(QString label, const QString &logPath, QObject *parent)
    : QObject(parent)
    , m_label(std::move(label))
    , m_log(logPath)
{
    m_log.open(QIODevice::WriteOnly | QIODevice::Truncate);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &LocalityProcess::readLines);
    connect(&m_process, &QProcess::readyReadStandardError, this, [this] { m_log.write(m_process.readAllStandardError()); });
    connect(&m_process, &QProcess::finished, this, [this](int code) {
        readLines();
        m_log.write(m_process.readAllStandardError());
        m_log.flush();
        Q_EMIT exited(code);
    });
}

LocalityProcess::~LocalityProcess()
{
    requestStop();
    waitStopped(5000);
}

void LocalityProcess::start(const QString &program, const QStringList &args)
{
    m_log.write(QStringLiteral("$ %1 %2\n").arg(program, args.join(QLatin1Char(' '))).toUtf8());
    m_process.start(program, args);
    m_process.waitForStarted(10000);
    m_pid = m_process.processId();
}

void LocalityProcess::readLines()
{
    m_buffer += m_process.readAllStandardOutput();
    for (qsizetype newline = m_buffer.indexOf('\n'); newline >= 0; newline = m_buffer.indexOf('\n')) {
        const QByteArray text = m_buffer.left(newline);
        m_buffer.remove(0, newline + 1);
        m_log.write(text + '\n');
        const QJsonObject line = QJsonDocument::fromJson(text).object();
        if (line.contains(QStringLiteral("event")))
            Q_EMIT event(line);
    }
}

void LocalityProcess::requestStop()
{
    if (running())
        m_process.terminate();  // SIGTERM to m_pid only
}

void LocalityProcess::waitStopped(int timeoutMs)
{
    if (running() && !m_process.waitForFinished(timeoutMs)) {
        m_process.kill();  // SIGKILL to m_pid only
        m_process.waitForFinished(5000);
    }
}

} // namespace mp2p::bench
