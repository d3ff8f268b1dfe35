#pragma once
// A small internet in network namespaces (198.18.0.0/15 only): a public segment 198.18.0.0/24
// (the RS host is 198.18.0.1) and two NAT routers (198.18.0.2, 198.18.0.3) with private sides
// 198.19.1.0/24 and 198.19.2.0/24 that masquerade outbound and drop inbound new connections;
// host A is 198.19.1.2, host B 198.19.2.2. Everything is deleted in the destructor.
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class NetnsLab {
public:
    NetnsLab();
    ~NetnsLab();
    // Empty when the lab can be built here, else why not (not root, no `ip netns`, no nft).
    static QString unavailableReason();
    bool build(QString *error);

    QString pub() const { return m_prefix + QStringLiteral("pub"); }
    QString hostA() const { return m_prefix + QStringLiteral("ha"); }
    QString hostB() const { return m_prefix + QStringLiteral("hb"); }

    // Starts |program| inside namespace |ns| (ip netns exec execs it: the PID is the program's).
    QProcess *start(const QString &ns, const QString &program, const QStringList &args);
    // Waits (bounded) for a stdout line starting with |prefix| and returns the rest of it.
    static QString waitForLine(QProcess *process, const QString &prefix, int ms, QString *seen = nullptr);
    static void stop(QProcess *process);   // SIGTERM to its PID, then SIGKILL

private:
    bool run(const QStringList &args, QString *error, const QByteArray &input = {});
    QString m_prefix;
    QStringList m_namespaces;
    std::vector<std::unique_ptr<QProcess>> m_processes;
};
