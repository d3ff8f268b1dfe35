// The publish and download flows of ManagedPeer (BRIEF §3).
#include "managedpeer.h"
#include "managedpeer_p.h"
#include "relayed/relayedpeer.h"

#include "bencode.h"
#include "torrentmaker.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QtConcurrent>

namespace mp2p {

void ManagedPeer::publish(const PublishRequest &request)
{
    if (!d->provider || !d->provider->isReady()) {
        Q_EMIT operationFailed(QStringLiteral("not logged in at the provider yet; wait for it or check --server"));
        return;
    }
    // Hashing reads every byte: it runs on the thread pool, never on this thread.
    auto *watcher = new QFutureWatcher<std::pair<std::optional<MadeTorrent>, QString>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, request] {
        watcher->deleteLater();
        const auto [made, error] = watcher->result();
        if (!made) {
            Q_EMIT operationFailed(error);
            return;
        }
        const MadeTorrent torrent = *made;
        QJsonObject overlay{{QStringLiteral("overlayId"), torrent.infoHashV1}, {QStringLiteral("name"), torrent.name.left(200)}};
        if (!torrent.infoHashV2.isEmpty())
            overlay.insert(QStringLiteral("infoHashV2"), torrent.infoHashV2);
        d->provider->createOverlay(overlay, [this, torrent, request](const JsonReply &r) {
            if (!r.ok() && r.status != 409) {
                Q_EMIT operationFailed(QStringLiteral("the OMS did not create the overlay: ") + r.problem);
                return;
            }
            QJsonArray files;
            for (const TorrentFileEntry &f : torrent.files)
                files.append(QJsonObject{{QStringLiteral("path"), f.path}, {QStringLiteral("size"), f.size}});
            const QString omsBase = d->provider->serviceUrl(QStringLiteral("oms"), {}).toString();
            QJsonObject content{{QStringLiteral("title"), request.title.isEmpty() ? torrent.name.left(200) : request.title},
                                {QStringLiteral("description"), request.description},
                                {QStringLiteral("tags"), QJsonArray::fromStringList(request.tags)},
                                {QStringLiteral("files"), files},
                                {QStringLiteral("infoHashV1"), torrent.infoHashV1},
                                {QStringLiteral("overlayId"), torrent.infoHashV1},
                                {QStringLiteral("omsUrl"), omsBase},
                                {QStringLiteral("torrent"), QString::fromLatin1(toBase64Url(torrent.torrentFile))}};
            if (!torrent.infoHashV2.isEmpty())
                content.insert(QStringLiteral("infoHashV2"), torrent.infoHashV2);
            d->provider->registerContent(content, [this, torrent, request, omsBase](const JsonReply &c) {
                if (!c.ok()) {
                    Q_EMIT operationFailed(QStringLiteral("the IXS did not register the content: ") + c.problem);
                    return;
                }
                AddTransferOptions options;
                options.savePath = QFileInfo(request.path).absolutePath();
                options.trackerUrl = announceUrlFor(omsBase, d->provider->passkey(), relayedAnnounceQuery(this));
                options.seedMode = true;
                QString error;
                if (!d->engine->hasTransfer(torrent.infoHashV1) && d->engine->addTransfer(torrent.torrentFile, options, &error).isEmpty()) {
                    Q_EMIT operationFailed(error);
                    return;
                }
                d->omsOfTransfer.insert(torrent.infoHashV1, omsBase);
                if (d->reporter)
                    d->reporter->reportEvent(torrent.infoHashV1, QStringLiteral("started"));
                Q_EMIT published(c.body.value(QStringLiteral("id")).toString(), torrent.infoHashV1);
            });
        });
    });
    const QString path = request.path;
    watcher->setFuture(QtConcurrent::run([path] {
        QString error;
        auto made = makeTorrent(path, &error);
        return std::make_pair(made, error);
    }));
}

void ManagedPeer::download(const QString &reference, const QString &saveDir, bool sequential)
{
    bool isContentId = false;
    QString error;
    const QString key = infoHashFromReference(reference, &isContentId, &error);
    if (key.isEmpty()) {
        Q_EMIT operationFailed(error);
        return;
    }
    if (!d->provider || !d->provider->isReady()) {
        Q_EMIT operationFailed(QStringLiteral("not logged in at the provider yet; wait for it or check --server"));
        return;
    }
    auto onRecord = [this, saveDir, sequential](const JsonReply &r) {
        if (!r.ok()) {
            Q_EMIT operationFailed(r.status == 404 ? QStringLiteral("the IXS has no such content; find one with: mp2p search WORDS")
                                                   : QStringLiteral("the IXS could not be asked: ") + r.problem);
            return;
        }
        const auto torrent = fromBase64Url(r.body.value(QStringLiteral("torrent")).toString().toLatin1());
        const QString recordHash = r.body.value(QStringLiteral("infoHashV1")).toString();
        QString problem;
        const QString actualHash = torrent ? [&] {
            const auto info = torrentInfoSection(*torrent, &problem);
            return info ? QString::fromLatin1(QCryptographicHash::hash(*info, QCryptographicHash::Sha1).toHex()) : QString();
        }() : QString();
        if (actualHash.isEmpty() || actualHash != recordHash) {
            Q_EMIT operationFailed(QStringLiteral("the IXS record's metadata does not match its info-hash %1%2; "
                                                  "the record is damaged or forged, so nothing was downloaded")
                                       .arg(recordHash, problem.isEmpty() ? QString() : QStringLiteral(" (") + problem + QLatin1Char(')')));
            return;
        }
        const QString omsBase = r.body.value(QStringLiteral("omsUrl")).toString();
        // The passkey goes only to the provider's own OMS: a record naming another tracker
        // would hand it (and the swarm) to whoever runs that host.
        if (!isProvidersOms(d->provider.get(), omsBase)) {
            Q_EMIT operationFailed(QStringLiteral("the record's omsUrl %1 is not this provider's OMS (%2); refusing to "
                                                  "announce there, nothing was downloaded")
                                       .arg(omsBase.left(200), d->provider->serviceUrl(QStringLiteral("oms"), {}).toString()));
            return;
        }
        if (d->engine->hasTransfer(actualHash)) {
            Q_EMIT downloadStarted(actualHash, r.body.value(QStringLiteral("title")).toString());
            const auto status = d->engine->transfer(actualHash);
            if (status && status->state == TransferState::Seeding)
                Q_EMIT finished(actualHash);
            return;
        }
        AddTransferOptions options;
        options.savePath = saveDir;
        options.trackerUrl = announceUrlFor(omsBase, d->provider->passkey(), relayedAnnounceQuery(this));
        options.sequential = sequential;
        QString error;
        if (d->engine->addTransfer(*torrent, options, &error).isEmpty()) {
            Q_EMIT operationFailed(error);
            return;
        }
        d->omsOfTransfer.insert(actualHash, omsBase);
        if (d->reporter)
            d->reporter->reportEvent(actualHash, QStringLiteral("started"));
        Q_EMIT downloadStarted(actualHash, r.body.value(QStringLiteral("title")).toString());
    };
    if (isContentId)
        d->provider->getContent(key, onRecord);
    else
        d->provider->getContentByInfoHash(key, onRecord);
}

} // namespace mp2p
