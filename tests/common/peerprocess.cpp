#include "peerprocess.h"

#include "mp2pdprocess.h"

#include <QDeadlineTimer>
#include <QJsonDocument>

namespace mp2p::test {

PeerProcess::PeerProcess()
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
}

PeerProcess::~PeerProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

void PeerProcess::start(const QStringList &args)
{
    m_buffer.clear();
    m_process.start(Mp2pdProcess::binary(QStringLiteral("mp2p")), args + QStringList{QStringLiteral("--json")});
    m_process.waitForStarted(10000);
}

bool PeerProcess::nextLine(QJsonObject *line, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        const int newline = m_buffer.indexOf('\n');
        if (newline >= 0) {
            const QByteArray text = m_buffer.left(newline);
            m_buffer.remove(0, newline + 1);
            *line = QJsonDocument::fromJson(text).object();
            return true;
        }
        if (deadline.hasExpired())
            return false;
        if (m_process.state() == QProcess::NotRunning) {
            const QByteArray rest = m_process.readAllStandardOutput();
            m_all += rest + m_process.readAllStandardError();
            if (rest.isEmpty())
                return false;
            m_buffer += rest;
            continue;
        }
        m_process.waitForReadyRead(int(qMin<qint64>(200, qMax<qint64>(1, deadline.remainingTime()))));
        const QByteArray out = m_process.readAllStandardOutput();
        m_all += out + m_process.readAllStandardError();
        m_buffer += out;
    }
}

QJsonObject PeerProcess::waitForEvent(const QString &name, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    QJsonObject line;
    while (nextLine(&line, int(qMax<qint64>(0, deadline.remainingTime())))) {
        if (line.value(QStringLiteral("event")).toString() == name)
            return line;
    }
    return {};
}

QJsonObject PeerProcess::waitForProgress(double atLeast, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    QJsonObject line;
    while (nextLine(&line, int(qMax<qint64>(0, deadline.remainingTime())))) {
        if (line.value(QStringLiteral("event")).toString() == QLatin1String("progress")
            && line.value(QStringLiteral("progress")).toDouble() >= atLeast)
            return line;
    }
    return {};
}

bool PeerProcess::waitForExit(int timeoutMs)
{
    const bool done = m_process.waitForFinished(timeoutMs);
    m_all += m_process.readAllStandardOutput() + m_process.readAllStandardError();
    return done;
}

void PeerProcess::kill9()
{
    m_process.kill();
    m_process.waitForFinished(5000);
}

int PeerProcess::terminate(int timeoutMs)
{
    m_process.terminate();
    if (!m_process.waitForFinished(timeoutMs)) {
        m_process.kill();
        m_process.waitForFinished(5000);
        return -1;
    }
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

} // namespace mp2p::test
