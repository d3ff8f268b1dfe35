#include "benchprocess.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTimer>

namespace mp2p::bench {

MemorySample readMemory(qint64 pid)
{
    MemorySample sample;
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (pid <= 0 || !status.open(QIODevice::ReadOnly))
        return sample;
    auto kib = [](const QByteArray &line, int skip) { return line.mid(skip).trimmed().split(' ').value(0).toLongLong(); };
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            sample.peakRssKiB = kib(line, 6);
        else if (line.startsWith("RssAnon:"))
            sample.anonKiB = kib(line, 8);
    }
    return sample;
}

BenchProcess::BenchProcess(QString label, const QString &logPath, QObject *parent)
    : QObject(parent)
    , m_label(std::move(label))
    , m_log(logPath)
{
    m_log.open(QIODevice::WriteOnly | QIODevice::Truncate);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &BenchProcess::readLines);
    connect(&m_process, &QProcess::readyReadStandardError, this, [this] { m_log.write(m_process.readAllStandardError()); });
    connect(&m_process, &QProcess::finished, this, [this](int code) {
        readLines();
        m_log.write(m_process.readAllStandardError());
        m_log.flush();
        Q_EMIT exited(code);
    });
}

BenchProcess::~BenchProcess()
{
    stop(5000);
}

void BenchProcess::start(const QString &program, const QStringList &args)
{
    m_log.write(QStringLiteral("$ %1 %2\n").arg(program, args.join(QLatin1Char(' '))).toUtf8());
    m_process.start(program, args);
    m_process.waitForStarted(10000);
    m_pid = m_process.processId();
}

void BenchProcess::readLines()
{
    m_buffer += m_process.readAllStandardOutput();
    for (int newline = m_buffer.indexOf('\n'); newline >= 0; newline = m_buffer.indexOf('\n')) {
        const QByteArray text = m_buffer.left(newline);
        m_buffer.remove(0, newline + 1);
        m_log.write(text + '\n');
        const QJsonObject line = QJsonDocument::fromJson(text).object();
        if (line.contains(QStringLiteral("event")))
            Q_EMIT event(line);
    }
}

void BenchProcess::sampleRss()
{
    if (!running())
        return;
    const MemorySample now = readMemory(m_pid);
    m_peakRssKiB = qMax(m_peakRssKiB, now.peakRssKiB);
    m_peakAnonKiB = qMax(m_peakAnonKiB, now.anonKiB);
}

void BenchProcess::requestStop()
{
    if (!running())
        return;
    sampleRss();
    m_process.terminate();  // SIGTERM to m_pid
}

void BenchProcess::waitStopped(int timeoutMs)
{
    if (running() && !m_process.waitForFinished(timeoutMs)) {
        m_process.kill();   // SIGKILL to m_pid
        m_process.waitForFinished(5000);
    }
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    QDeadlineTimer deadline(timeoutMs);
    QEventLoop loop;
    QTimer tick;
    tick.setInterval(20);
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        if (done() || deadline.hasExpired())
            loop.quit();
    });
    tick.start();
    loop.exec();
    return done();
}

} // namespace mp2p::bench
