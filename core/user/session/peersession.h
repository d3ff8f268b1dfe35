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
class VolunteerHost;

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
    PeerEngine *engine() const { return m_peer ? m_peer->engine() : nullptr; }
    // Consent and the volunteer roles (relay, cache); exists once the peer is ready.
    VolunteerHost *volunteer() const { return m_volunteer.get(); }

    // --- runtime changes (no restart) ---
    void setDownloadDir(const QString &dir) { m_config.downloadDir = dir; }
    // Bytes/s, 0 = unlimited; applied to the live engine at once (and stated to the PAMS at the
    // next report through the engine's settings). Before the peer exists they go into the config.
    void setRateLimits(int upBytesPerSec, int downBytesPerSec);
    // "ip:port" or "[ipv6]:port"; a specific address also becomes the outgoing interface.
    // False + a message for a malformed address.
    bool setListenAddress(const QString &address, QString *error);

    // --- .torrent files ---
    // Reads and checks a .torrent (at most 16 MiB), then joins its managed overlay: the IXS
    // record with the same info-hash gives the OMS (a .torrent alone has no overlay token).
    // False + a message for a file that cannot be read or is not a torrent; nothing is added
    // then. Later problems (unknown content) come as the peer's operationFailed().
    bool openTorrentFile(const QString &path, QString *error);

    // --- read-only service queries for the UI (asynchronous; the callback runs on this
    // thread; without a logged-in peer it gets status 0 and a problem) ---
    // GET {omsUrl}/oms/v1/overlays/{overlayId}: {"seeds", "leechers", ...}. Empty omsUrl = the
    // provider's OMS.
    void queryOverlay(const QString &omsUrl, const QString &overlayId, JsonHttpClient::Callback done);
    // GET {omsUrl}/oms/v1/overlays/{overlayId}/peers: {"peers": [{"peerId", "userId", "ip", "port", "seed", "lastSeen",
    // "region", "relay"?: {"resourceId", "owner"}, "activity"?}]}.
    void queryOverlayPeers(const QString &omsUrl, const QString &overlayId, JsonHttpClient::Callback done);
    // GET /pams/v1/credit/{userId} at the provider's PAMS: {"balance", "overlays": [...]}.
    void queryCredit(JsonHttpClient::Callback done);
    // POST /ums/v1/passkey: a new tracker passkey; the running transfers announce with it at
    // once and the old one is refused by the OMS. Asynchronous, like every call here.
    void rotatePasskey(JsonHttpClient::Callback done);

Q_SIGNALS:
    void embeddedStarted(const QString &url);
    void ready();
    void failed(const QString &problem);          // fatal: the peer does not run
    void providerProblem(const QString &problem); // transient: the provider client retries by itself
    void volunteerMessage(const QString &text);   // a volunteer role started, stopped or failed

private:
    void startVolunteering();
    bool lockDataDir(QString *error);
    bool startEmbeddedProvider(QString *error);
    void fail(const QString &problem);
    void queryUrl(const QUrl &url, JsonHttpClient::Callback done);
    QUrl omsUrl(const QString &omsBase, const QString &path) const;

    SessionConfig m_config;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<P2pspHost> m_embedded;
    std::unique_ptr<ManagedPeer> m_peer;
    std::unique_ptr<VolunteerHost> m_volunteer;
    bool m_ready = false;
    bool m_shuttingDown = false;
};

} // namespace mp2p
