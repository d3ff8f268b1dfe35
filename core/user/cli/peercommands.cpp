#include "peercommands.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>
#include <QTimer>

#include <user/relayed/relayedpeer.h>

namespace mp2p {

namespace {
// --relay: put this peer behind a TURN allocation (see core/user/relayed/relayedpeer.h).
void attachRelayIfAsked(CliSession *session)
{
    const QString spec = session->config().relay;
    TurnClientConfig turn;
    QString error;
    const bool brokered = isBrokeredRelaySpec(spec);
    if (spec.isEmpty() || (!brokered && !parseRelaySpec(spec, &turn, &error)))
        return;   // readCliConfig already refused a bad spec
    RelayedPeer *relayed = brokered ? RelayedPeer::attachBrokered(session->peer()) : RelayedPeer::attach(session->peer(), turn);
    if (brokered)
        QObject::connect(relayed, &RelayedPeer::relayAssigned, session, [session](const QJsonObject &c) {
            session->printer()->message(QStringLiteral("relay: the OMS assigned relay %1 of user %2 (region %3)")
                                            .arg(c.value(QStringLiteral("resourceId")).toString(),
                                                 c.value(QStringLiteral("owner")).toString(),
                                                 c.value(QStringLiteral("region")).toString()));
        });
    QObject::connect(relayed->listener(), &RelayedListener::ready, session, [session](const QString &address) {
        session->printer()->message(QStringLiteral("reachable through the relay at %1").arg(address));
    });
    QObject::connect(relayed->listener()->client(), &TurnClient::permissionsGranted, session,
                     [session](const QList<QHostAddress> &peers) {
                         QStringList ips;
                         for (const QHostAddress &p : peers)
                             ips.append(p.toString());
                         session->printer()->message(QStringLiteral("relay: peers allowed in: ") + ips.join(QStringLiteral(", ")));
                     });
    QObject::connect(relayed, &RelayedPeer::failed, session, [session, brokered](const QString &why) {
        session->printer()->error(QStringLiteral("relay: ") + why + (brokered ? QStringLiteral(" (asking again in 5 s)")
                                                                          : QStringLiteral(" (retrying in 30 s)")));
    });
}
} // namespace

void runLogin(CliSession *session)
{
    session->open([session] {
        ProviderClient *p = session->peer()->provider();
        session->printer()->event(QStringLiteral("login"), {{QStringLiteral("userId"), p->identity().userId},
                                                            {QStringLiteral("provider"), session->config().peer.providerUrl.toString()}});
        session->finish(CliOk);
    });
}

void runPublish(CliSession *session, const QString &path, const QString &title, const QString &description,
                const QStringList &tags, bool keepSeeding)
{
    const QFileInfo info(path);
    if (!info.exists() || !info.isReadable()) {
        session->printer()->error(QStringLiteral("cannot read %1: it does not exist or is not readable").arg(path));
        QTimer::singleShot(0, [] { QCoreApplication::exit(CliFailed); });
        return;
    }
    session->open([=] {
        attachRelayIfAsked(session);
        ManagedPeer *peer = session->peer();
        session->printer()->message(QStringLiteral("hashing %1 ...").arg(info.absoluteFilePath()));
        QObject::connect(peer, &ManagedPeer::operationFailed, session, [session](const QString &problem) {
            session->printer()->error(problem);
            session->finish(CliFailed);
        });
        QObject::connect(peer, &ManagedPeer::published, session, [session, keepSeeding](const QString &id, const QString &hash) {
            session->printer()->event(QStringLiteral("published"), {{QStringLiteral("contentId"), id}, {QStringLiteral("infoHash"), hash}});
            if (keepSeeding) {
                session->seedUntilInterrupted(!session->config().json);
                return;
            }
            session->printer()->message(QStringLiteral("registered; run `mp2p seed` (or `mp2p daemon`) to keep it available"));
            session->finish(CliOk);
        });
        peer->publish({info.absoluteFilePath(), title, description, tags});
    });
}

void runSearch(CliSession *session, const QString &query, int page)
{
    session->open([=] {
        session->peer()->search(query, page, 20, [session](const JsonReply &r) {
            if (!r.ok()) {
                session->printer()->error(QStringLiteral("search failed: ") + r.problem);
                session->finish(CliFailed);
                return;
            }
            const QJsonArray items = r.body.value(QStringLiteral("items")).toArray();
            if (session->config().json) {
                session->printer()->event(QStringLiteral("results"), r.body);
            } else {
                session->printer()->message(QStringLiteral("%1 result(s)").arg(r.body.value(QStringLiteral("total")).toInt()));
                for (const QJsonValue &v : items) {
                    const QJsonObject o = v.toObject();
                    const QString size = ProgressPrinter::humanBytes(o.value(QStringLiteral("totalSize")).toDouble());
                    const QString tags = o.value(QStringLiteral("tags")).toVariant().toStringList().join(QLatin1Char(','));
                    session->printer()->message(QStringLiteral("  %1  %2  %3  [%4]")
                                                    .arg(o.value(QStringLiteral("id")).toString(), size.rightJustified(10),
                                                         o.value(QStringLiteral("title")).toString(), tags));
                }
            }
            session->finish(CliOk);
        });
    });
}

void runGet(CliSession *session, const QString &reference, const QString &saveDir, bool sequential, bool keepSeeding)
{
    session->open([=] {
        attachRelayIfAsked(session);
        ManagedPeer *peer = session->peer();
        auto wanted = std::make_shared<QString>();
        QObject::connect(peer, &ManagedPeer::operationFailed, session, [session](const QString &problem) {
            session->printer()->error(problem);
            session->finish(CliFailed);
        });
        QObject::connect(peer->engine(), &PeerEngine::transferError, session, [session, wanted](const QString &hash, const QString &message) {
            if (hash == *wanted) {
                session->printer()->error(message);
                session->finish(CliFailed);
            }
        });
        QObject::connect(peer, &ManagedPeer::downloadStarted, session, [session, wanted](const QString &hash, const QString &name) {
            *wanted = hash;
            session->printer()->event(QStringLiteral("started"), {{QStringLiteral("infoHash"), hash}, {QStringLiteral("title"), name}});
        });
        QObject::connect(peer->engine(), &PeerEngine::statsUpdated, session, [session, wanted](const QList<TransferStatus> &all) {
            for (const TransferStatus &t : all)
                if (t.infoHash == *wanted)
                    session->printer()->progress(t);
        });
        QObject::connect(peer, &ManagedPeer::finished, session, [session, wanted, keepSeeding](const QString &hash) {
            if (hash != *wanted)
                return;
            const auto t = session->peer()->engine()->transfer(hash);
            session->printer()->event(QStringLiteral("completed"), {{QStringLiteral("infoHash"), hash},
                                                                    {QStringLiteral("savePath"), t ? t->savePath : QString()},
                                                                    {QStringLiteral("verified"), true}});
            if (keepSeeding)
                session->seedUntilInterrupted(!session->config().json);
            else
                session->finish(CliOk);
        });
        const QString target = saveDir.isEmpty() ? QDir::currentPath() : QFileInfo(saveDir).absoluteFilePath();
        peer->download(reference, target, sequential);
    });
}

void runSeed(CliSession *session, bool liveLine)
{
    session->open([session, liveLine] {
        attachRelayIfAsked(session);
        session->seedUntilInterrupted(liveLine);
    });
}

int runStatus(const CliConfig &config, ProgressPrinter *printer)
{
    QFile file(statusFilePath(config.peer.dataDir));
    QLockFile lock(config.peer.dataDir + QStringLiteral("/peer.lock"));
    const bool someoneRuns = !lock.tryLock(0);
    if (!someoneRuns)
        lock.unlock();
    QJsonArray transfers;
    QString region;
    if (someoneRuns && file.open(QIODevice::ReadOnly)) {
        const QJsonObject status = QJsonDocument::fromJson(file.readAll()).object();
        transfers = status.value(QStringLiteral("transfers")).toArray();
        region = status.value(QStringLiteral("region")).toString();
    } else {
        // Nobody runs: read what the engine persisted, without starting a session.
        QString error;
        const auto saved = PeerEngine::persistedTransfers(config.peer.engine.stateDir, &error);
        if (!error.isEmpty()) {
            printer->error(error);
            return CliFailed;
        }
        for (const TransferStatus &t : saved)
            transfers.append(ProgressPrinter::toJson(t));
    }
    if (config.json) {
        printer->event(QStringLiteral("status"), {{QStringLiteral("running"), someoneRuns}, {QStringLiteral("region"), region},
                                                  {QStringLiteral("transfers"), transfers}});
        return CliOk;
    }
    printer->message(QStringLiteral("%1 transfer(s)%2%3")
                         .arg(transfers.size())
                         .arg(someoneRuns ? QStringLiteral(", mp2p is running") : QStringLiteral(", not running"),
                              region.isEmpty() ? QString() : QStringLiteral(", ISP region %1 (from the UNIS)").arg(region)));
    for (const QJsonValue &v : transfers) {
        const QJsonObject t = v.toObject();
        printer->message(QStringLiteral("  %1  %2  %3%  %4  %5")
                             .arg(t.value(QStringLiteral("infoHash")).toString().left(12), t.value(QStringLiteral("name")).toString())
                             .arg(t.value(QStringLiteral("progress")).toDouble() * 100, 0, 'f', 1)
                             .arg(t.value(QStringLiteral("state")).toString(), t.value(QStringLiteral("savePath")).toString()));
    }
    return CliOk;
}

} // namespace mp2p
