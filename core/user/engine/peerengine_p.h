#pragma once

// Private state of PeerEngine (internal to core/user: includes libtorrent).

#include "peerengine.h"
#include "transferstore.h"

#include <libtorrent/fwd.hpp>
#include <libtorrent/session.hpp>
#include <libtorrent/torrent_handle.hpp>

#include <QHash>
#include <QMap>
#include <QSet>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <unordered_map>

namespace mp2p {

class PeerEngine::Private {
public:
    Private(PeerEngine *q, EngineSettings settings);

    // --- store (worker thread) ---
    bool startStore(QList<StoredTransfer> *rows, QString *error);
    template <typename Fn> void onStore(Fn fn);  // queue fn(store) on the worker thread
    void stopStore();

    // --- alert pump (peerengine_alerts.cpp) ---
    void notifyFromLibtorrent();  // libtorrent's thread
    void readAlerts();            // the engine's thread
    void dispatch(lt::alert *a);
    void onAddTorrent(const lt::add_torrent_alert &a);
    void onFinished(const lt::torrent_finished_alert &a);
    void onTorrentError(const lt::torrent_error_alert &a);
    void onFileError(const lt::file_error_alert &a);
    void onStateUpdate(const lt::state_update_alert &a);
    void onResumeData(const lt::save_resume_data_alert &a);
    void onResumeDataFailed(const lt::save_resume_data_failed_alert &a);
    void onTrackerError(const lt::tracker_error_alert &a);
    void onTrackerReply(const lt::tracker_reply_alert &a);
    void onRemoved(const lt::torrent_removed_alert &a);
    void onBlockFinished(const lt::block_finished_alert &a);
    void onPieceFinished(const lt::piece_finished_alert &a);
    void resumeRequestDone();

    // --- helpers ---
    lt::torrent_handle handleOf(const QString &infoHash) const;
    QString keyOf(const lt::torrent_handle &h) const;
    template <typename Fn> void withHandle(const QString &infoHash, Fn fn);
    TransferStatus snapshot(const lt::torrent_status &st) const;
    void refreshCache(const lt::torrent_handle &h);
    bool requestResumeData(const lt::torrent_handle &h, lt::resume_data_flags_t flags);
    void checkpoint();
    void addRestored(const QList<StoredTransfer> &rows);
    void finishShutdown();
    void teardown();

    struct PendingAdd {
        StoredTransfer row;
        bool persist = false;  // false for transfers restored from the store
    };

    PeerEngine *q;
    EngineSettings settings;
    std::unique_ptr<lt::session> session;
    QThread storeThread;
    TransferStore *store = nullptr;  // lives on storeThread

    std::atomic<bool> alertQueued{false};
    quint64 pumpRuns = 0;
    quint64 alertsHandled = 0;

    QHash<QString, lt::torrent_handle> handles;
    std::unordered_map<lt::torrent_handle, QString> keys;  // reverse of handles, for alerts
    QHash<QString, PendingAdd> pending;       // async adds not yet confirmed by add_torrent_alert
    QMap<QString, TransferStatus> cache;      // latest snapshots (ordered by info-hash)
    // accountBytesByPeer: the torrent's layout (block sizes, pad files) and the counters.
    QHash<QString, std::shared_ptr<const lt::torrent_info>> layouts;
    QHash<QString, QHash<QString, qint64>> bytesByAddress;  // info-hash -> remote IP -> bytes

    QSet<QString> relayEndpoints;             // "ip" and "ip:port" entries (setRelayEndpoints)

    QTimer statsTimer;
    QTimer checkpointTimer;
    QTimer progressSaveTimer;                 // single shot, started by the first new piece
    QSet<QString> progressedSinceSave;        // transfers that gained pieces since their last save
    void saveProgress();
    QTimer shutdownCap;
    qint64 statsSentAtMs = 0;                 // when statsUpdated was last emitted
    int quietLooks = 0;                       // state updates in a row that changed nothing
    void noteActivity();                      // back to the short stats interval
    int outstandingResume = 0;                // save_resume_data() calls without an answer yet
    bool shuttingDown = false;
    bool shutdownFinishing = false;
    std::function<void()> shutdownDone;
};

template <typename Fn> void PeerEngine::Private::onStore(Fn fn)
{
    if (!store)
        return;
    TransferStore *s = store;
    QMetaObject::invokeMethod(s, [s, fn = std::move(fn)]() { fn(s); }, Qt::QueuedConnection);
}

// Runs fn(handle) if the transfer exists; libtorrent throws for a handle whose torrent is gone.
template <typename Fn> void PeerEngine::Private::withHandle(const QString &infoHash, Fn fn)
{
    const lt::torrent_handle h = handleOf(infoHash);
    if (!h.is_valid())
        return;
    try {
        fn(h);
    } catch (const std::exception &e) {
        qWarning("mp2p engine: %s: %s", qPrintable(infoHash), e.what());
    }
}

} // namespace mp2p
