#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace mp2p::test {

// A real mp2pd started for an integration test, on a free loopback port, stopped (and killed
// if need be) by PID when the object goes away.
class Mp2pdProcess {
public:
    explicit Mp2pdProcess(QString dataDir);
    // Any of this build's servers that takes --listen/--port/--port-file/--log-level (e.g.
    // "mp2p-unis"); --data-dir is passed only when `dataDir` is not empty.
    Mp2pdProcess(QString program, QString dataDir);
    ~Mp2pdProcess();

    // Starts mp2pd with --data-dir, --port 0 and `extraArgs`; waits until it serves.
    bool start(const QStringList &extraArgs = {}, QString *error = nullptr);
    void kill9();                     // SIGKILL, as a crash would
    int terminate(int timeoutMs = 10000);  // SIGTERM; returns the exit code (-1 if it had to be killed)
    qint64 pid() const { return m_process.processId(); }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    quint16 port() const { return m_port; }
    QByteArray output() { return m_log; }

    static QString binary(const QString &name);  // path of a program of this build

private:
    QString m_program = QStringLiteral("mp2pd");
    QString m_dataDir;
    QTemporaryDir m_scratch;
    QProcess m_process;
    QByteArray m_log;
    quint16 m_port = 0;
};

struct HttpResult {
    int status = 0;
    QByteArray body;
    QJsonObject json() const;
};

// Blocking HTTP for tests (a local event loop with a timeout).
// The "serviceKey" tests put in an mp2pd config, and the token that reads operator views with it.
inline QString testServiceKey() { return QStringLiteral("test-service-key-0123456789abcdefghij"); }
inline QString testServiceToken() { return QStringLiteral("svc.") + testServiceKey(); }
// Writes an mp2pd config naming `operators` (user ids) and returns its path: a dedicated RS or
// CS is the provider's own, so its key must be listed before it registers.
QString writeOperatorsConfig(const QString &path, const QStringList &operators);

class TestHttp {
public:
    HttpResult request(const QByteArray &method, const QString &url, const QJsonObject &body = {}, const QString &token = {},
                       const QByteArray &rawBody = {});
    HttpResult get(const QString &url, const QString &token = {}) { return request("GET", url, {}, token); }
    HttpResult post(const QString &url, const QJsonObject &body, const QString &token = {}) { return request("POST", url, body, token); }

private:
    QNetworkAccessManager m_network;
};

} // namespace mp2p::test
