#pragma once

#include <QFile>
#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace mp2p::bench {

// One peer process of the locality benchmark. Its stdout is read as JSON lines; every line and
// all of stderr also go to a log file. Stopped by its own PID (SIGTERM, then SIGKILL).
class LocalityProcess : public QObject {
    Q_OBJECT
public:
    LocalityProcess(QString label, const QString &logPath, QObject *parent = nullptr);
    ~LocalityProcess() override;

    void start(const QString &program, const QStringList &args);
    QString label() const { return m_label; }
    qint64 pid() const { return m_pid; }
    bool running() const { return m_process.state() != QProcess::NotRunning; }
    QString logPath() const { return m_log.fileName(); }
    void requestStop();                    // SIGTERM to our PID
    void waitStopped(int timeoutMs = 10000);  // then SIGKILL to our PID

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
};

} // namespace mp2p::bench
