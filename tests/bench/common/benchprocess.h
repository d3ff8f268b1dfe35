#pragma once

#include <QFile>
#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <functional>

namespace mp2p::bench {

// One process of a benchmark (a seed, a downloader, mp2pd, mp2p-unis). Its stdout is read as JSON lines
// (`--json`); every line and all of stderr also go to a log file. Peak RSS is VmHWM from
// /proc/PID/status, sampled by the driver every 200 ms and once more just before the stop.
class BenchProcess : public QObject {
    Q_OBJECT
public:
    BenchProcess(QString label, const QString &logPath, QObject *parent = nullptr);
    ~BenchProcess() override;

    void start(const QString &program, const QStringList &args);
    QString label() const { return m_label; }
    qint64 pid() const { return m_pid; }
    bool running() const { return m_process.state() != QProcess::NotRunning; }
    QString logPath() const { return m_log.fileName(); }

    void sampleRss();                      // keeps the highest VmHWM and RssAnon seen (KiB)
    qint64 peakRssKiB() const { return m_peakRssKiB; }
    // Peak of the anonymous part (heap, stacks), without the file pages libtorrent maps.
    qint64 peakAnonKiB() const { return m_peakAnonKiB; }
    // Samples the RSS one last time, then SIGTERM by PID (many peers are asked at once).
    void requestStop();
    // Waits for the exit; SIGKILL by PID after `timeoutMs`.
    void waitStopped(int timeoutMs = 10000);
    void stop(int timeoutMs = 10000) { requestStop(); waitStopped(timeoutMs); }

Q_SIGNALS:
    void event(const QJsonObject &line);   // one parsed stdout line that has an "event"
    void exited(int exitCode);

private:
    void readLines();

    QString m_label;
    QFile m_log;
    QProcess m_process;
    QByteArray m_buffer;
    qint64 m_pid = 0;
    qint64 m_peakRssKiB = 0;
    qint64 m_peakAnonKiB = 0;
};

struct MemorySample {
    qint64 peakRssKiB = 0;   // VmHWM: the kernel's own peak of the resident set
    qint64 anonKiB = 0;      // RssAnon now
};
// Reads /proc/PID/status of a live process; zeros if it is gone.
MemorySample readMemory(qint64 pid);

// Runs the event loop until `done()` holds or `timeoutMs` passes; returns done().
bool waitUntil(const std::function<bool()> &done, int timeoutMs);

} // namespace mp2p::bench
