#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace mp2p::test {

// A real `mp2p` process run with --json: its stdout is one JSON object per line, which the
// test waits on by event name. Killed by PID when the object goes away.
class PeerProcess {
public:
    PeerProcess();
    ~PeerProcess();

    void start(const QStringList &args);
    // Waits for the next line whose "event" is `name` (skipping others); empty on timeout/exit.
    QJsonObject waitForEvent(const QString &name, int timeoutMs);
    // Waits for a progress event of `infoHash` with progress >= `atLeast`.
    QJsonObject waitForProgress(double atLeast, int timeoutMs);
    bool waitForExit(int timeoutMs);
    int exitCode() const { return m_process.exitCode(); }
    void kill9();
    int terminate(int timeoutMs = 15000);
    qint64 pid() const { return m_process.processId(); }
    QByteArray allOutput() const { return m_all; }

private:
    bool nextLine(QJsonObject *line, int timeoutMs);

    QProcess m_process;
    QByteArray m_buffer;
    QByteArray m_all;
};

} // namespace mp2p::test
