#pragma once

#include <user/managedpeer.h>

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QObject>

#include <functional>
#include <memory>

class QLockFile;
class QNetworkAccessManager;

namespace mp2p {

class P2pspHost;

// Everything a desktop peer needs, given by the app from QSettings or by a test directly.
struct SessionConfig {
    PeerConfig peer;                  // providerUrl empty = run the P2PSP in this process
    QString downloadDir;              // where new downloads are saved
    quint16 embeddedPort = 7800;      // the embedded P2PSP's port; taken → any free one; 0 = any
    QHostAddress embeddedListen = QHostAddress(QHostAddress::LocalHost);
    QHash<QString, QJsonObject> embeddedSections;  // per-service settings of the embedded P2PSP (tests: short intervals)
    QString embeddedLogLevel = QStringLiteral("warning");
};

// One running peer for the desktop app: the data folder's lock (one peer per data folder), the
// embedded P2PSP when no provider URL is configured, the network access manager and the
// ManagedPeer. Nothing here prints or blocks: outcomes are signals.
class PeerSession : public QObject {
    Q_OBJECT
public:
    explicit PeerSession(SessionConfig config, QObject *parent = nullptr);
    ~PeerSession() override;

    // Takes the lock, starts the embedded P2PSP when needed, then the peer.
    // → embeddedStarted(url)?, then ready(); or failed(problem) when the peer cannot run at all.
    // While the provider is unreachable the peer keeps retrying and providerProblem() reports each try.
    void open();
    // Leaves the overlays, saves resume data, stops the embedded P2PSP, releases the lock; then `done`.
    void shutdown(std::function<void()> done);

    ManagedPeer *peer() const { return m_peer.get(); }
    const SessionConfig &config() const { return m_config; }
    bool isEmbedded() const { return m_embedded != nullptr; }
    QString providerUrl() const { return m_config.peer.providerUrl.toString(); }
    bool isReady() const { return m_ready; }

Q_SIGNALS:
    void embeddedStarted(const QString &url);
    void ready();
    void failed(const QString &problem);          // fatal: the peer does not run
    void providerProblem(const QString &problem); // transient: the provider client retries by itself

private:
    bool lockDataDir(QString *error);
    bool startEmbeddedProvider(QString *error);
    void fail(const QString &problem);

    SessionConfig m_config;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<P2pspHost> m_embedded;
    std::unique_ptr<ManagedPeer> m_peer;
    bool m_ready = false;
    bool m_shuttingDown = false;
};

} // namespace mp2p
