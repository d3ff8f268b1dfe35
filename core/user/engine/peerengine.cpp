// Threading of the peer engine
// ----------------------------
// * The engine's thread (the thread owning the PeerEngine, normally the GUI/main thread)
//   calls every public method, runs readAlerts() and emits every signal.
// * libtorrent's network thread calls the set_alert_notify callback. It only sets an atomic
//   flag and, if the flag was clear, queues ONE readAlerts() on the engine's thread (a burst of
//   notifies becomes one call). readAlerts() clears the flag *before* pop_alerts(), so an alert
//   posted while we dispatch triggers a fresh notify and is never stranded.
// * The TransferStore (SQLite) lives on a worker QThread. The engine queues writes to it and
//   never waits for them, except in start(), which reads the stored transfers before the
//   session exists. shutdown() waits (in the event loop, not blocking) for the resume data,
//   then queues a barrier through the worker so every write is committed before teardown.
// * Handles' status() and get_peer_info() are short synchronous calls into libtorrent's
//   thread; they are used only on add/finish and once per stats interval, never for I/O.

#include "peerengine_p.h"

#include "ltconvert.h"

#include <libtorrent/announce_entry.hpp>
#include <libtorrent/torrent_info.hpp>

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryFile>

namespace mp2p {

namespace {
// The folder must exist (or be creatable) and accept a new file. Probing with a real file
// also catches read-only mounts and, unlike QFileInfo::isWritable, works when running as root.
bool ensureWritableFolder(const QString &path, QString *error)
{
    if (path.isEmpty()) {
        *error = QStringLiteral("no download folder given; pass the folder to save the files in");
        return false;
    }
    if (!QDir().mkpath(path)) {
        *error = QStringLiteral("cannot create the download folder %1; choose another folder or fix its permissions")
                     .arg(path);
        return false;
    }
    QTemporaryFile probe(QDir(path).filePath(QStringLiteral(".mp2p-write-test-XXXXXX")));
    if (!probe.open()) {
        *error = QStringLiteral("cannot write to the download folder %1 (%2); choose another folder or fix its "
                                "permissions")
                     .arg(path, probe.errorString());
        return false;
    }
    return true;
}
} // namespace

PeerEngine::Private::Private(PeerEngine *owner, EngineSettings s)
    : q(owner)
    , settings(std::move(s))
{
    storeThread.setObjectName(QStringLiteral("mp2p-transfer-store"));
    statsTimer.setInterval(std::max(50, settings.statsIntervalMs));
    checkpointTimer.setInterval(std::max(1, settings.resumeSaveIntervalSecs) * 1000);
    progressSaveTimer.setSingleShot(true);
    progressSaveTimer.setInterval(std::max(1, settings.resumeProgressSaveSecs) * 1000);
    shutdownCap.setSingleShot(true);
    shutdownCap.setInterval(10000);
}

bool PeerEngine::Private::startStore(QList<StoredTransfer> *rows, QString *error)
{
    store = new TransferStore;
    store->moveToThread(&storeThread);
    QObject::connect(&storeThread, &QThread::finished, store, &QObject::deleteLater);
    QObject::connect(store, &TransferStore::writeFailed, q, [this](const QString &message) {
        Q_EMIT q->sessionError(message);
    });
    storeThread.start();
    const QString path = QDir(settings.stateDir).filePath(QStringLiteral("transfers.db"));
    bool ok = false;
    QString storeError;
    TransferStore *s = store;
    // The only synchronous store access: the session does not exist yet, nothing else to do.
    QMetaObject::invokeMethod(
        s,
        [s, path, rows, &ok, &storeError]() {
            ok = s->open(path, &storeError);
            if (ok)
                *rows = s->loadAll(&storeError);
            ok = ok && storeError.isEmpty();
        },
        Qt::BlockingQueuedConnection);
    if (!ok) {
        stopStore();
        if (error)
            *error = QStringLiteral("cannot open the transfer store %1: %2").arg(path, storeError);
    }
    return ok;
}

void PeerEngine::Private::stopStore()
{
    if (!store)
        return;
    storeThread.quit();
    storeThread.wait();  // the store is deleted on that thread (finished -> deleteLater)
    store = nullptr;
}

PeerEngine::PeerEngine(EngineSettings settings, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, std::move(settings)))
{
    connect(&d->statsTimer, &QTimer::timeout, this, [this]() {
        if (d->session)
            d->session->post_torrent_updates();
    });
    connect(&d->checkpointTimer, &QTimer::timeout, this, [this]() { d->checkpoint(); });
    connect(&d->progressSaveTimer, &QTimer::timeout, this, [this]() { d->saveProgress(); });
    connect(&d->shutdownCap, &QTimer::timeout, this, [this]() {
        qWarning("mp2p engine: %d resume-data answers still missing after 10 s; shutting down anyway",
                 d->outstandingResume);
        d->finishShutdown();
    });
}

PeerEngine::~PeerEngine()
{
    if (d->session) {
        d->session->set_alert_notify([] {});
        d->session.reset();
    }
    d->stopStore();
}

bool PeerEngine::start(QString *error)
{
    if (d->session)
        return true;
    if (d->settings.stateDir.isEmpty()) {
        if (error)
            *error = QStringLiteral("no state folder configured for the peer engine");
        return false;
    }
    QList<StoredTransfer> rows;
    if (!d->startStore(&rows, error))
        return false;
    try {
        d->session = std::make_unique<lt::session>(engine::makeSessionParams(d->settings));
    } catch (const std::exception &e) {
        d->stopStore();
        if (error)
            *error = QStringLiteral("cannot start the BitTorrent session: %1").arg(QString::fromLocal8Bit(e.what()));
        return false;
    }
    if (d->settings.rateLimitLocalPeers)
        d->session->set_peer_class_filter(engine::allPeersGlobalClassFilter());
    d->session->set_alert_notify([p = d.get()]() { p->notifyFromLibtorrent(); });
    d->notifyFromLibtorrent();  // alerts posted before the callback was installed
    d->addRestored(rows);
    d->statsTimer.start();
    d->checkpointTimer.start();
    return true;
}

void PeerEngine::Private::addRestored(const QList<StoredTransfer> &rows)
{
    for (const StoredTransfer &row : rows) {
        lt::add_torrent_params atp;
        QString warning;
        QString error;
        if (!engine::restoreParams(row, &atp, &warning, &error)) {
            Q_EMIT q->transferError(row.infoHash, error);
            continue;
        }
        if (!warning.isEmpty())
            qWarning("mp2p engine: %s", qPrintable(warning));
        pending.insert(row.infoHash, PendingAdd{row, false});
        session->async_add_torrent(std::move(atp));
    }
}

void PeerEngine::shutdown(std::function<void()> done)
{
    if (!d->session) {
        d->stopStore();
        if (done)
            done();
        return;
    }
    d->shutdownDone = std::move(done);
    if (d->shuttingDown)
        return;
    d->shuttingDown = true;
    d->statsTimer.stop();
    d->checkpointTimer.stop();
    d->progressSaveTimer.stop();
    d->session->pause();
    for (const lt::torrent_handle &h : std::as_const(d->handles))
        d->requestResumeData(h, lt::torrent_handle::flush_disk_cache);
    if (d->outstandingResume <= 0)
        d->finishShutdown();
    else
        d->shutdownCap.start();
}

void PeerEngine::Private::finishShutdown()
{
    if (shutdownFinishing)
        return;
    shutdownFinishing = true;
    shutdownCap.stop();
    if (!store) {
        teardown();
        return;
    }
    // Barrier: runs after every write queued so far; then hop back to tear down.
    onStore([this](TransferStore *) { QMetaObject::invokeMethod(q, [this]() { teardown(); }, Qt::QueuedConnection); });
}

void PeerEngine::Private::teardown()
{
    if (session) {
        session->set_alert_notify([] {});
        session.reset();
    }
    handles.clear();
    pending.clear();
    cache.clear();
    layouts.clear();  // the byte counters stay readable after a shutdown
    outstandingResume = 0;
    stopStore();
    shuttingDown = false;
    shutdownFinishing = false;
    auto done = std::move(shutdownDone);
    shutdownDone = nullptr;
    if (done)
        done();
}

QString PeerEngine::addTransfer(const QByteArray &torrentFile, const AddTransferOptions &options, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return QString();
    };
    if (!d->session || d->shuttingDown)
        return fail(QStringLiteral("the peer engine is not running; start it before adding transfers"));
    QString problem;
    const std::shared_ptr<lt::torrent_info> ti = engine::parseTorrent(torrentFile, &problem);
    if (!ti)
        return fail(problem + QStringLiteral("; get it again from the index"));
    const QString hash = engine::hashKey(ti->info_hashes());
    if (hasTransfer(hash))
        return fail(QStringLiteral("the torrent %1 (%2) is already added").arg(hash, QString::fromStdString(ti->name())));
    QString pathError;
    if (!ensureWritableFolder(options.savePath, &pathError))
        return fail(pathError);

    const QString savePath = QFileInfo(options.savePath).absoluteFilePath();
    lt::add_torrent_params atp;
    atp.ti = ti;
    atp.save_path = savePath.toStdString();
    if (!options.trackerUrl.isEmpty())
        atp.trackers.push_back(options.trackerUrl.toStdString());
    engine::applyTransferFlags(atp, options.paused, options.sequential, options.seedMode);

    StoredTransfer row{hash, torrentFile, savePath, options.trackerUrl, {}, options.sequential, options.paused,
                       QDateTime::currentSecsSinceEpoch()};
    d->pending.insert(hash, Private::PendingAdd{row, true});
    d->session->async_add_torrent(std::move(atp));
    return hash;
}

bool PeerEngine::hasTransfer(const QString &infoHash) const
{
    return d->handles.contains(infoHash) || d->pending.contains(infoHash);
}

QList<TransferStatus> PeerEngine::transfers() const
{
    return d->cache.values();
}

std::optional<TransferStatus> PeerEngine::transfer(const QString &infoHash) const
{
    auto it = d->cache.constFind(infoHash);
    if (it == d->cache.constEnd())
        return std::nullopt;
    return *it;
}

quint16 PeerEngine::listenPort() const
{
    return d->session ? d->session->listen_port() : 0;
}

quint64 PeerEngine::alertPumpRuns() const
{
    return d->pumpRuns;
}

QHash<QString, qint64> PeerEngine::bytesReceivedByAddress(const QString &infoHash) const
{
    return d->bytesByAddress.value(infoHash);
}

} // namespace mp2p
