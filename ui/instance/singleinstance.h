#pragma once

#include <QObject>
#include <QStringList>

class QLocalServer;
class QLocalSocket;

namespace mp2p {

// One mp2p-desktop per user. The first launch listens on a per-user local socket; a later
// launch hands its arguments (.torrent paths made absolute, magnet links) to it and exits.
// The running one emits argumentsReceived(), also with an empty list: "show the window".
//
//   SingleInstance instance;
//   if (instance.sendToRunning(SingleInstance::handOffArguments(app.arguments())))
//       return 0;                       // the running instance took over
//   instance.listen(&error);            // we are the first
class SingleInstance : public QObject {
    Q_OBJECT
public:
    explicit SingleInstance(QString serverName = defaultServerName(), QObject *parent = nullptr);
    ~SingleInstance() override;

    static QString defaultServerName();
    // The command-line arguments worth handing over: existing files made absolute (the
    // running instance has another working directory) and magnet links; options dropped.
    static QStringList handOffArguments(const QStringList &applicationArguments);

    // Blocks up to `timeoutMs`; meant for the start of main(), before any window exists.
    bool sendToRunning(const QStringList &arguments, int timeoutMs = 3000);
    // Takes the name (removing a socket left by a crashed instance). False + why when another
    // instance still answers on it, or the socket cannot be created.
    bool listen(QString *error);
    bool isListening() const;
    QString serverName() const { return m_serverName; }

Q_SIGNALS:
    void argumentsReceived(const QStringList &arguments);

private:
    void acceptConnections();
    void readFrom(QLocalSocket *socket);

    QString m_serverName;
    QLocalServer *m_server = nullptr;
};

} // namespace mp2p
