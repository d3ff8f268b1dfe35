// The alert pump: libtorrent's alerts turned into PeerEngine's signals (see the threading
// notes at the top of peerengine.cpp).

#include "peerengine_p.h"

#include "ltconvert.h"

#include <libtorrent/alert_types.hpp>
#include <libtorrent/torrent_info.hpp>
#include <libtorrent/write_resume_data.hpp>

#include <QDateTime>
#include <QLoggingCategory>
#include <QSet>

#include <algorithm>

Q_LOGGING_CATEGORY(lcEngine, "mp2p.engine")

namespace mp2p {

void PeerEngine::Private::notifyFromLibtorrent()
{
    // libtorrent's thread: no session calls here, only queue one wakeup.
    if (!alertQueued.exchange(true))
        QMetaObject::invokeMethod(q, [this]() { readAlerts(); }, Qt::QueuedConnection);
}

void PeerEngine::Private::readAlerts()
{
    // Clear before popping: an alert posted after pop_alerts() makes libtorrent notify again,
    // and that notify must be able to queue a new call.
    alertQueued.store(false);
    if (!session)
        return;
    ++pumpRuns;
    std::vector<lt::alert *> alerts;
    session->pop_alerts(&alerts);
    for (lt::alert *a : alerts) {
        ++alertsHandled;
        dispatch(a);
        if (!session)
            break;  // alerts are owned by the session
    }
}

// Alerts an idle session produces on its own (announces, checkpoints, the stats look itself);
// anything else — a peer, a piece, an add, a pause — means the transfers may be changing.
namespace {
bool isRoutine(const lt::alert *a)
{
    switch (a->type()) {
    case lt::state_update_alert::alert_type:
    case lt::tracker_reply_alert::alert_type:
    case lt::tracker_error_alert::alert_type:
    case lt::tracker_warning_alert::alert_type:
    case lt::tracker_announce_alert::alert_type:
    case lt::save_resume_data_alert::alert_type:
    case lt::save_resume_data_failed_alert::alert_type:
        return true;
    default:
        return false;
    }
}
} // namespace

void PeerEngine::Private::noteActivity()
{
    quietLooks = 0;
    const int busy = std::max(50, settings.statsIntervalMs);
    if (statsTimer.interval() != busy)
        statsTimer.setInterval(busy);  // restarts it: the next look is one short interval away
}

void PeerEngine::Private::dispatch(lt::alert *a)
{
    if (!isRoutine(a))
        noteActivity();
    if (auto *x = lt::alert_cast<lt::add_torrent_alert>(a))
        return onAddTorrent(*x);
    if (auto *x = lt::alert_cast<lt::state_update_alert>(a))
        return onStateUpdate(*x);
    if (auto *x = lt::alert_cast<lt::torrent_finished_alert>(a))
        return onFinished(*x);
    if (auto *x = lt::alert_cast<lt::save_resume_data_alert>(a))
        return onResumeData(*x);
    if (auto *x = lt::alert_cast<lt::save_resume_data_failed_alert>(a))
        return onResumeDataFailed(*x);
    if (auto *x = lt::alert_cast<lt::torrent_error_alert>(a))
        return onTorrentError(*x);
    if (auto *x = lt::alert_cast<lt::file_error_alert>(a))
        return onFileError(*x);
    if (auto *x = lt::alert_cast<lt::tracker_error_alert>(a))
        return onTrackerError(*x);
    if (auto *x = lt::alert_cast<lt::tracker_reply_alert>(a))
        return onTrackerReply(*x);
    if (auto *x = lt::alert_cast<lt::tracker_warning_alert>(a)) {
        Q_EMIT q->trackerWarning(keyOf(x->handle), QString::fromUtf8(x->warning_message()));
        return;
    }
    if (auto *x = lt::alert_cast<lt::torrent_removed_alert>(a))
        return onRemoved(*x);
    if (auto *x = lt::alert_cast<lt::block_finished_alert>(a))
        return onBlockFinished(*x);
    if (auto *x = lt::alert_cast<lt::piece_finished_alert>(a))
        return onPieceFinished(*x);
    if (auto *x = lt::alert_cast<lt::peer_connect_alert>(a)) {
        const QString endpoint = QStringLiteral("%1:%2")
                                     .arg(QString::fromStdString(x->endpoint.address().to_string()))
                                     .arg(x->endpoint.port());
        Q_EMIT q->peerConnected(keyOf(x->handle), endpoint);
        return;
    }
    if (auto *x = lt::alert_cast<lt::listen_failed_alert>(a)) {
        Q_EMIT q->sessionError(QStringLiteral("cannot listen on %1:%2 (%3); choose another address or port")
                                   .arg(QString::fromStdString(x->address.to_string()))
                                   .arg(x->port)
                                   .arg(QString::fromStdString(x->error.message())));
        return;
    }
    // Tuning hints for whoever reads the debug log, not problems for the user.
    if (lt::alert_cast<lt::performance_alert>(a))
        qCInfo(lcEngine, "%s", a->message().c_str());
}

void PeerEngine::Private::onAddTorrent(const lt::add_torrent_alert &a)
{
    const QString hash = engine::hashKey(a.params.ti ? a.params.ti->info_hashes() : a.params.info_hashes);
    const PendingAdd add = pending.take(hash);
    if (a.error) {
        Q_EMIT q->transferError(hash, QStringLiteral("cannot add the transfer: %1")
                                          .arg(QString::fromStdString(a.error.message())));
        return;
    }
    handles.insert(hash, a.handle);
    keys[a.handle] = hash;
    if (settings.accountBytesByPeer && a.params.ti)
        layouts.insert(hash, a.params.ti);
    // Persist only what libtorrent accepted, so a failed add leaves nothing behind.
    if (add.persist)
        onStore([row = add.row](TransferStore *s) { s->insert(row); });
    refreshCache(a.handle);
    Q_EMIT q->transferAdded(hash);
}

void PeerEngine::Private::onStateUpdate(const lt::state_update_alert &a)
{
    bool changed = false;
    QSet<QString> reported;
    for (const lt::torrent_status &st : a.status) {
        const QString hash = engine::hashKey(st.info_hashes);
        if (!handles.contains(hash))
            continue;
        reported.insert(hash);
        const TransferStatus now = snapshot(st);
        auto it = cache.find(hash);
        if (it == cache.end() || !(*it == now)) {
            changed = true;
            cache.insert(hash, now);
        }
    }
    // libtorrent lists a torrent while it moves bytes; one that stopped may drop out of the
    // updates with its last, non-zero rate. Read those directly so a rate never sticks.
    QList<QString> stillMoving;
    for (auto it = cache.cbegin(); it != cache.cend(); ++it)
        if (!reported.contains(it.key()) && (it->downloadRate != 0 || it->uploadRate != 0))
            stillMoving.append(it.key());
    for (const QString &hash : std::as_const(stillMoving)) {
        const TransferStatus before = cache.value(hash);
        refreshCache(handles.value(hash));
        changed = changed || !(cache.value(hash) == before);
    }
    // A download that waits (no peers yet, a stalled swarm) still gets its tick: whoever shows
    // it shows that it is alive and waiting. Only a session with nothing to fetch goes quiet.
    const bool fetching = std::any_of(cache.cbegin(), cache.cend(), [](const TransferStatus &t) {
        return t.state == TransferState::Downloading || t.state == TransferState::Checking;
    });
    // Ten quiet looks in a row: look less often (an idle session seeding hundreds of torrents
    // then wakes libtorrent's thread and ours every few seconds) until something happens.
    if (changed || fetching)
        noteActivity();
    else if (++quietLooks >= 10) {
        const int idle = std::max({50, settings.statsIntervalMs, settings.statsIdleIntervalMs});
        if (statsTimer.interval() != idle)
            statsTimer.setInterval(idle);
    }
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    if (!changed && !fetching && nowMs - statsSentAtMs < qint64(std::max(1, settings.statsHeartbeatSecs)) * 1000)
        return;
    statsSentAtMs = nowMs;
    Q_EMIT q->statsUpdated(cache.values());
}

void PeerEngine::Private::onFinished(const lt::torrent_finished_alert &a)
{
    const QString hash = keyOf(a.handle);
    if (hash.isEmpty())
        return;
    refreshCache(a.handle);
    // Record "complete" at once, so a crash now does not cost a re-check of everything.
    if (!shuttingDown)
        requestResumeData(a.handle, {});
    // libtorrent folds the byte counters into all_time_download once a second, so a transfer
    // that finishes fast reads "0 bytes downloaded" now, and a seeding torrent whose state no
    // longer changes may not be in the next state update. Publish the snapshot now and once
    // more after the next counter tick.
    Q_EMIT q->statsUpdated(cache.values());
    const lt::torrent_handle h = a.handle;
    QTimer::singleShot(1500, q, [this, h, hash]() {
        if (!session || shuttingDown || !handles.contains(hash))
            return;
        refreshCache(h);
        Q_EMIT q->statsUpdated(cache.values());
    });
    Q_EMIT q->transferFinished(hash);
}

void PeerEngine::Private::onResumeData(const lt::save_resume_data_alert &a)
{
    const QString hash = engine::hashKey(a.params.ti ? a.params.ti->info_hashes() : a.params.info_hashes);
    const std::vector<char> buf = lt::write_resume_data_buf(a.params);
    const QByteArray bytes(buf.data(), qsizetype(buf.size()));
    PeerEngine *engine = q;
    onStore([engine, hash, bytes](TransferStore *s) {
        if (s->saveResumeData(hash, bytes))
            QMetaObject::invokeMethod(engine, [engine, hash]() { Q_EMIT engine->resumeDataSaved(hash); },
                                      Qt::QueuedConnection);
    });
    resumeRequestDone();
}

void PeerEngine::Private::onResumeDataFailed(const lt::save_resume_data_failed_alert &a)
{
    if (a.error != lt::errors::resume_data_not_modified)
        qWarning("mp2p engine: %s", a.message().c_str());
    resumeRequestDone();
}

void PeerEngine::Private::resumeRequestDone()
{
    --outstandingResume;
    if (shuttingDown && outstandingResume <= 0)
        finishShutdown();
}

void PeerEngine::Private::onTorrentError(const lt::torrent_error_alert &a)
{
    const QString hash = keyOf(a.handle);
    const QString file = QString::fromUtf8(a.filename());
    refreshCache(a.handle);
    Q_EMIT q->transferError(hash, file.isEmpty() ? QString::fromStdString(a.error.message())
                                                 : engine::describeStorageError(a.error, file));
}

void PeerEngine::Private::onFileError(const lt::file_error_alert &a)
{
    const QString hash = keyOf(a.handle);
    refreshCache(a.handle);
    Q_EMIT q->transferError(hash, engine::describeStorageError(a.error, QString::fromUtf8(a.filename())));
}

void PeerEngine::Private::onTrackerError(const lt::tracker_error_alert &a)
{
    QString message = QString::fromStdString(a.error.message());
    const QString reason = QString::fromUtf8(a.failure_reason());
    if (!reason.isEmpty())
        message += QStringLiteral(": ") + reason;
    Q_EMIT q->trackerError(keyOf(a.handle),
                           QStringLiteral("%1 (%2)").arg(message, QString::fromUtf8(a.tracker_url())));
}

void PeerEngine::Private::onTrackerReply(const lt::tracker_reply_alert &a)
{
    Q_EMIT q->trackerReply(keyOf(a.handle), a.num_peers);
}

void PeerEngine::Private::onRemoved(const lt::torrent_removed_alert &a)
{
    keys.erase(a.handle);
    const QString hash = engine::hashKey(a.info_hashes);
    layouts.remove(hash);
    bytesByAddress.remove(hash);
    Q_EMIT q->transferRemoved(hash);
}

void PeerEngine::Private::onBlockFinished(const lt::block_finished_alert &a)
{
    const QString hash = keyOf(a.handle);
    if (hash.isEmpty())
        return;
    auto layout = layouts.constFind(hash);
    if (layout == layouts.constEnd() || !*layout) {
        std::shared_ptr<const lt::torrent_info> ti = a.handle.torrent_file();  // once, if the add had none
        if (!ti)
            return;
        layout = layouts.insert(hash, ti);
    }
    // The block's length (the last block of a piece may be short), without the bytes of pad
    // files: those are zeros nobody sends, and the counters must add up to the content size.
    const lt::file_storage &fs = (*layout)->files();
    const std::int64_t offset = std::int64_t(a.block_index) * lt::default_block_size;
    const std::int64_t length = std::min<std::int64_t>(lt::default_block_size, fs.piece_size(a.piece_index) - offset);
    qint64 payload = 0;
    for (const lt::file_slice &slice : fs.map_block(a.piece_index, offset, length))
        if (!(fs.file_flags(slice.file_index) & lt::file_storage::flag_pad_file))
            payload += slice.size;
    bytesByAddress[hash][QString::fromStdString(a.endpoint.address().to_string())] += payload;
}

void PeerEngine::Private::onPieceFinished(const lt::piece_finished_alert &a)
{
    const QString hash = keyOf(a.handle);
    if (hash.isEmpty())
        return;
    progressedSinceSave.insert(hash);
    if (!progressSaveTimer.isActive() && !shuttingDown)
        progressSaveTimer.start();
    Q_EMIT q->pieceFinished(hash, static_cast<int>(a.piece_index));
}

} // namespace mp2p
