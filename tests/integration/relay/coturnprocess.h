#pragma once
// Debian's coturn on loopback for tests and benchmarks: started in the foreground with -n (no
// /etc/turnserver.conf), stopped by its PID.
#include <QHostAddress>
#include <QProcess>
#include <QStringList>

class CoturnProcess {
public:
    // MP2P_TEST_TURNSERVER points at another build, or at nothing to check that its absence is reported.
    static QString binary() { return qEnvironmentVariable("MP2P_TEST_TURNSERVER", QStringLiteral("/usr/bin/turnserver")); }
    static bool available();
    ~CoturnProcess();
    // |auth| is either {"--lt-cred-mech", "--user=u:p"} or {"--use-auth-secret", "--static-auth-secret=S"}.
    bool start(quint16 port, const QStringList &auth, QString *error);
    void stop();
    quint16 port() const { return m_port; }
    QString log() const { return QString::fromUtf8(m_log); }
    static quint16 freePort();

private:
    QProcess m_process;
    QByteArray m_log;
    quint16 m_port = 0;
};
