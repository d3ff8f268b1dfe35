#pragma once

#include "transferstatus.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace libtorrent { struct plugin; }

namespace mp2p {

// Settings of the one libtorrent session of a peer process. Discovery that sends to
// addresses outside the managed overlay (DHT, local peer discovery, UPnP, NAT-PMP) is off by
// default: a managed overlay gets its peers from the OMS. Tests give each peer its own
// 127.x address through listenInterfaces/outgoingInterfaces.
struct EngineSettings {
    QString stateDir;                       // transfers.db (torrents, save paths, resume data)
    QString listenInterfaces = QStringLiteral("0.0.0.0:6881,[::]:6881");  // libtorrent syntax
    QString outgoingInterfaces;             // e.g. "127.1.0.2"; empty = any
    bool enableDht = false;
    bool enableLsd = false;
    bool enableUpnp = false;
    bool enableNatPmp = false;
    bool enableUtp = true;                  // tests turn it off (TCP is ~10x faster on loopback)
    bool allowMultipleConnectionsPerIp = false;
    int uploadRateLimit = 0;                // bytes/s, 0 = unlimited
    int downloadRateLimit = 0;
    bool rateLimitLocalPeers = false;       // apply the limits to LAN/loopback peers too
    int statsIntervalMs = 1000;             // how often the engine looks for changes (statsUpdated)
    int statsIdleIntervalMs = 3000;         // ... after 10 looks in a row found none, until activity
    int statsHeartbeatSecs = 30;            // statsUpdated at least this often, changed or not
    // Periodic resume-data checkpoint of what changed (counters, mostly): completion, adds,
    // pauses and removals are stored at once, so this only bounds the upload/download totals
    // a crash can lose. qBittorrent's default is 60 min.
    int resumeSaveIntervalSecs = 300;
    // A transfer that gained pieces saves its resume data this long after the first new one
    // (then again after the next), so a crash costs at most this much of a download instead of
    // a re-check of every file (libtorrent trusts resume data and does not hash what it lists).
    int resumeProgressSaveSecs = 10;
    // Benchmarks: count every received block by the remote address that sent it (see
    // bytesReceivedByAddress). Costs one alert per 16 KiB block, so it is off by default.
    bool accountBytesByPeer = false;
    // Session plugins (e.g. the BEP 10 receipt extension in core/user/credit), added when the
    // session is created. Forward-declared so this header stays free of libtorrent.
    std::vector<std::shared_ptr<libtorrent::plugin>> sessionPlugins;
};

// One file of a transfer, for streaming (see peerengine_stream.cpp). Pad files are not listed.
struct TransferFile {
    int index = 0;          // libtorrent's file index
    QString path;           // relative to the save path
    QString absolutePath;   // save path + path
    qint64 size = 0;
    qint64 offset = 0;      // where the file starts in the torrent's byte stream
    // Filled by fileStatus() only (files() leaves the defaults): verified bytes of this file and
    // its priority (see FilePriority).
    qint64 downloaded = 0;
    int priority = 1;
};

// File priorities as the UI and the CLI speak them; the engine maps them onto libtorrent's 0..7.
namespace FilePriority {
inline constexpr int Skip = 0;    // not downloaded (pieces shared with other files may still be)
inline constexpr int Normal = 1;
inline constexpr int High = 7;
}

// One connected peer of a transfer, for the details pane.
struct PeerDetails {
    QString address;          // "ip:port" (IPv6 in brackets)
    QString ip;
    quint16 port = 0;
    QString client;           // from the handshake, e.g. "mp2p 0.1.0"; empty when unknown
    int downloadRate = 0;     // bytes/s of payload from this peer
    int uploadRate = 0;       // bytes/s of payload to this peer
    qint64 downloaded = 0;    // payload bytes from this peer on this connection
    qint64 uploaded = 0;
    double progress = 0;      // the peer's share of the torrent, 0..1
    bool incoming = false;    // it connected to us
    bool relayed = false;     // its endpoint is one of setRelayEndpoints()
    bool encrypted = false;   // RC4 or plaintext-with-handshake encryption
    bool utp = false;         // uTP rather than TCP
    bool seed = false;
};

// One byte per piece, for a pieces bar.
enum class PieceState : quint8 { Missing = 0, Downloading = 1, Have = 2 };

struct AddTransferOptions {
    QString savePath;
    QString trackerUrl;           // the OMS announce URL including the token
    bool seedMode = false;        // the publisher: files are known complete, skip the check
    bool sequential = false;      // streaming: pieces in order
    bool paused = false;
};

// The peer's libtorrent session behind a Qt interface: nothing outside core/user includes
// libtorrent. Alerts arrive through set_alert_notify on libtorrent's thread, which only
// queues one readAlerts() on this object's thread; readAlerts() pops them and emits typed
// signals. Persistence (SQLite) runs on a worker thread, so the thread owning this object
// never blocks on the database.
class PeerEngine : public QObject {
    Q_OBJECT
public:
    explicit PeerEngine(EngineSettings settings, QObject *parent = nullptr);
    ~PeerEngine() override;

    // Creates the session and re-adds every persisted transfer with its resume data.
    bool start(QString *error);
    // Saves resume data of every transfer, then destroys the session; `done` runs afterwards.
    void shutdown(std::function<void()> done);

    // Adds a transfer from .torrent bytes; returns its v1 info-hash (hex) or empty + error.
    QString addTransfer(const QByteArray &torrentFile, const AddTransferOptions &options, QString *error);
    bool hasTransfer(const QString &infoHash) const;
    void setTrackerUrl(const QString &infoHash, const QString &trackerUrl);  // new token
    // empty = all; ignoreMinInterval also skips the tracker's min interval (for a bounded retry)
    void forceReannounce(const QString &infoHash = {}, bool ignoreMinInterval = false);
    void pause(const QString &infoHash);
    void resume(const QString &infoHash);
    void remove(const QString &infoHash, bool deleteFiles);
    void setSequential(const QString &infoHash, bool sequential);
    void connectPeer(const QString &infoHash, const QHostAddress &address, quint16 port);  // direct, for benchmarks

    QList<TransferStatus> transfers() const;
    // The transfers persisted in `stateDir` (name, save path, progress from the resume data),
    // read without starting a session: for `mp2p status` while no peer runs.
    static QList<TransferStatus> persistedTransfers(const QString &stateDir, QString *error);
    std::optional<TransferStatus> transfer(const QString &infoHash) const;
    quint16 listenPort() const;
    // How many times the alert pump ran (diagnostics; tests check that bursts are coalesced).
    quint64 alertPumpRuns() const;
    // With EngineSettings::accountBytesByPeer: payload bytes of `infoHash` received so far, by
    // the remote IP that sent them. Exact (one block_finished_alert per block that was kept;
    // end-game duplicates and pad-file bytes are not counted), unlike sampling get_peer_info(),
    // which misses the last bytes of connections that close. libtorrent posts the alert when the
    // block's disk write completes, which may be just after the last piece passed its hash check:
    // the last blocks can be counted shortly after transferFinished. Empty when accounting is off
    // or the transfer is unknown.
    QHash<QString, qint64> bytesReceivedByAddress(const QString &infoHash) const;

    // Streaming (peerengine_stream.cpp). Empty / 0 / false when the transfer or its metadata
    // is unknown.
    QList<TransferFile> files(const QString &infoHash) const;
    int pieceSize(const QString &infoHash) const;
    int pieceCount(const QString &infoHash) const;
    bool havePiece(const QString &infoHash, int piece) const;  // downloaded and hash-checked
    // Time-critical pieces: piece firstPiece + i is wanted within msFirst + i * msStep ms.
    void setPieceDeadlines(const QString &infoHash, int firstPiece, int count, int msFirst, int msStep = 100);
    void clearPieceDeadlines(const QString &infoHash);

    // Details (peerengine_stream.cpp, peerengine_ops.cpp). Short synchronous queries into libtorrent's thread,
    // meant for a details pane refreshed about once a second; empty when the transfer or its
    // metadata is unknown.
    QList<TransferFile> fileStatus(const QString &infoHash) const;  // files() + downloaded + priority
    // 0 skip, 1 normal, 7 high (FilePriority); other values are rounded to the nearest of those.
    // Persisted: a resume-data save is requested at once, so the choice survives a restart.
    // False + error for an unknown transfer or file index.
    bool setFilePriority(const QString &infoHash, int fileIndex, int priority, QString *error = nullptr);
    QList<PeerDetails> peers(const QString &infoHash) const;
    // One PieceState per piece (as quint8), in piece order.
    QByteArray pieceStates(const QString &infoHash) const;
    // Endpoints ("ip" or "ip:port") of relays (TURN servers, relay peers): a connected peer at
    // one of them is reported as relayed rather than direct.
    void setRelayEndpoints(const QStringList &endpoints);
    QStringList relayEndpoints() const;

    // Runtime settings: applied to the live session at once (no restart). Call on the engine's
    // thread. Rates are bytes/s, 0 = unlimited, negative values count as 0.
    void setRateLimits(int upBytesPerSec, int downBytesPerSec);
    int uploadRateLimit() const;    // what the live session applies now (settings before start)
    int downloadRateLimit() const;
    // New listen (and, when not empty, outgoing) interfaces in libtorrent's syntax ("ip:port,
    // [ipv6]:port"). A malformed value is refused (false + error); an address that cannot be
    // bound is reported later through sessionError, as at start.
    bool setListenInterfaces(const QString &listenInterfaces, const QString &outgoingInterfaces, QString *error);
    QString listenInterfaces() const;

    // Reads a .torrent without adding it (no session needed): name, v1 info-hash, total size,
    // file count. False + a message saying what is wrong for anything that is not a torrent.
    struct TorrentSummary {
        QString name;
        QString infoHash;
        qint64 totalSize = 0;
        int fileCount = 0;
    };
    static bool inspectTorrent(const QByteArray &torrentFile, TorrentSummary *summary, QString *error);

Q_SIGNALS:
    void transferAdded(const QString &infoHash);
    void transferFinished(const QString &infoHash);       // all wanted pieces verified
    void transferError(const QString &infoHash, const QString &message);
    void transferRemoved(const QString &infoHash);
    void peerConnected(const QString &infoHash, const QString &endpoint);
    void trackerError(const QString &infoHash, const QString &message);
    void trackerWarning(const QString &infoHash, const QString &message);  // an answer's "warning message"
    void trackerReply(const QString &infoHash, int peers);
    // Every transfer's latest snapshot, sent when one of them changed (a rate, progress, state,
    // peers...) and at least every statsHeartbeatSecs: an idle session seeding hundreds of
    // torrents does not wake every listener each second.
    void statsUpdated(const QList<TransferStatus> &transfers);
    void sessionError(const QString &message);              // e.g. cannot listen
    void resumeDataSaved(const QString &infoHash);
    void pieceFinished(const QString &infoHash, int piece);  // a piece passed its hash check

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace mp2p
