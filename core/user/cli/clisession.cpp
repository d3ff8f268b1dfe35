#include "clisession.h"

#include <base/unixsignals.h>
#include <p2psp/host/p2psphost.h>
#include <user/volunteer/roles/volunteerhost.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

#include <csignal>

namespace mp2p {

QString statusFilePath(const QString &dataDir)
{
    return dataDir + QStringLiteral("/status.json");
}

CliSession::CliSession(CliConfig config, ProgressPrinter *printer, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_printer(printer)
{
    auto *signals = new UnixSignalWatcher({SIGINT, SIGTERM}, this);
    connect(signals, &UnixSignalWatcher::received, this, [this](int) {
        if (m_finishing) {
            // A second Ctrl-C (or SIGTERM) while shutting down: stop waiting for the overlays.
            m_printer->message(QStringLiteral("interrupted again: quitting without waiting"));
            QCoreApplication::exit(CliFailed);
            return;
        }
        m_printer->message(QStringLiteral("interrupted: leaving the overlays and saving resume data"));
        finish(CliOk);
    });
}

CliSession::~CliSession() = default;

bool CliSession::lockDataDir(QString *error, int *exitCode)
{
    if (!QDir().mkpath(m_config.peer.dataDir)) {
        *error = QStringLiteral("cannot create the data folder %1; choose another with --data-dir").arg(m_config.peer.dataDir);
        *exitCode = CliFailed;
        return false;
    }
    m_lock = std::make_unique<QLockFile>(m_config.peer.dataDir + QStringLiteral("/peer.lock"));
    m_lock->setStaleLockTime(0);
    if (m_lock->tryLock(200))
        return true;
    qint64 pid = 0;
    QString host, app;
    m_lock->getLockInfo(&pid, &host, &app);
    *error = QStringLiteral("another mp2p (pid %1) is using the data folder %2; stop it, or use another --data-dir "
                            "(mp2p status still works)").arg(pid).arg(m_config.peer.dataDir);
    *exitCode = CliBusy;
    return false;
}

bool CliSession::startEmbeddedProvider(QString *error)
{
    HostConfig host;
    host.dataDir = m_config.peer.dataDir + QStringLiteral("/p2psp");
    host.port = m_config.embeddedPort;
    host.logLevel = m_config.logLevel;
    host.embeddedUnis = true;  // one region out of the box (<data dir>/p2psp/unis.json)
    m_embedded = std::make_unique<P2pspHost>(host);
    if (!m_embedded->start(error)) {
        if (m_config.embeddedPort == 0)
            return false;
        // The usual port is taken (say, by another peer's embedded provider): take any.
        host.port = 0;
        m_embedded = std::make_unique<P2pspHost>(host);
        if (!m_embedded->start(error))
            return false;
    }
    m_config.peer.providerUrl = QUrl(m_embedded->baseUrl());
    m_printer->message(QStringLiteral("no --server given: running the P2PSP services (UMS, IXS, OMS, PAMS) here at %1")
                           .arg(m_embedded->baseUrl()));
    return true;
}

void CliSession::open(std::function<void()> ready)
{
    QString error;
    int exitCode = CliFailed;
    if (!lockDataDir(&error, &exitCode) || (m_config.embedded && !startEmbeddedProvider(&error))) {
        m_printer->error(error);
        QMetaObject::invokeMethod(this, [exitCode] { QCoreApplication::exit(exitCode); }, Qt::QueuedConnection);
        return;
    }
    m_peer = std::make_unique<ManagedPeer>(m_config.peer, &m_network);
    connect(m_peer.get(), &ManagedPeer::failed, this, [this](const QString &problem) {
        const ProviderClient *provider = m_peer->provider();
        if (provider && provider->isReady())
            return;  // a later hiccup: the provider client retries by itself
        // The command ends here, so the provider client's "retrying in N s" does not apply.
        static const QRegularExpression retrying(QStringLiteral("[;.]? *[Rr]etrying in \\d+ s\\.?$"));
        QString text = problem;
        text.replace(retrying, QStringLiteral("."));
        m_printer->error(text);
        if (!provider) {
            finish(CliFailed);  // the identity, the receipt store or the engine: the message says which
            return;
        }
        if (!provider->isConnected()) {
            finish(CliUnreachable);  // no answer at all: the network, the URL or the server being down
            return;
        }
        // The provider answered and refused (a 401 on login, a 404 where a provider has its
        // directory, ...): waiting will not change that, so it is a failure, not "unreachable".
        m_printer->error(QStringLiteral("the provider at %1 answered but did not log this peer in. If it says the "
                                        "key is not registered or the signature does not verify, the identity.key in "
                                        "%2 is not the key this provider knows for you: use the data folder that holds "
                                        "your registered key (--data-dir), or a new data folder to register a new "
                                        "identity. Otherwise check that --server is the URL of your mp2p provider.")
                             .arg(m_config.peer.providerUrl.toString(), m_config.peer.dataDir));
        finish(CliFailed);
    });
    connect(m_peer.get(), &ManagedPeer::ready, this, std::move(ready));
    connect(m_peer->engine(), &PeerEngine::statsUpdated, this, &CliSession::writeStatusFile);
    // In JSON, a saved checkpoint is an event too: what a crash from here on would keep.
    connect(m_peer->engine(), &PeerEngine::resumeDataSaved, this, [this](const QString &infoHash) {
        if (m_config.json)
            m_printer->event(QStringLiteral("resumeSaved"), {{QStringLiteral("infoHash"), infoHash}});
    });
    connect(m_peer.get(), &ManagedPeer::regionChanged, this, [this](const QString &region) {
        m_printer->event(QStringLiteral("region"), {{QStringLiteral("region"), region},
                                                    {QStringLiteral("source"), QStringLiteral("the provider's UNIS (ALTO)")}});
        m_lastStatusWriteMs = 0;  // show it in `mp2p status` at once
    });
    m_peer->start();
}

void CliSession::writeStatusFile(const QList<TransferStatus> &transfers)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // At most every 2 s, and not at all when nothing changed (the engine's heartbeat).
    if (now - m_lastStatusWriteMs < 2000 || (m_lastStatusWriteMs != 0 && transfers == m_lastStatusWritten))
        return;
    m_lastStatusWriteMs = now;
    m_lastStatusWritten = transfers;
    QJsonArray list;
    for (const TransferStatus &t : transfers)
        list.append(ProgressPrinter::toJson(t));
    QSaveFile file(statusFilePath(m_config.peer.dataDir));
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(QJsonObject{{QStringLiteral("updatedAt"), now / 1000},
                                             {QStringLiteral("pid"), QCoreApplication::applicationPid()},
                                             {QStringLiteral("userId"), m_peer->userId()},
                                             {QStringLiteral("region"), m_peer->region()},
                                             {QStringLiteral("transfers"), list}}).toJson());
        file.commit();
    }
}

void CliSession::seedUntilInterrupted(bool liveLine)
{
    m_printer->message(QStringLiteral("seeding; press Ctrl-C to stop (resume data is saved on the way out)"));
    if (!m_volunteer && !m_config.embedded) {
        m_volunteer = std::make_unique<VolunteerHost>(m_config.peer, m_peer.get(), &m_network);
        connect(m_volunteer.get(), &VolunteerHost::message, this, [this](const QString &text) { m_printer->message(text); });
        QString error;
        if (!m_volunteer->start(&error)) {
            m_printer->error(QStringLiteral("volunteering is off: %1").arg(error));
            m_volunteer.reset();
        }
    }
    // A seeding peer that the tracker refuses (a rotated passkey, a revoked user) says so; in
    // JSON every answer is an event, which is how the tests see a daemon announcing.
    connect(m_peer->engine(), &PeerEngine::trackerError, this, [this](const QString &infoHash, const QString &message) {
        if (m_config.json)
            m_printer->event(QStringLiteral("trackerError"), {{QStringLiteral("infoHash"), infoHash}, {QStringLiteral("message"), message}});
        else if (std::exchange(m_lastTrackerError, message) != message)
            m_printer->error(QStringLiteral("the tracker refused an announce: ") + message);
    });
    connect(m_peer->engine(), &PeerEngine::trackerReply, this, [this](const QString &infoHash, int peers) {
        m_lastTrackerError.clear();
        if (m_config.json)
            m_printer->event(QStringLiteral("announced"), {{QStringLiteral("infoHash"), infoHash}, {QStringLiteral("peers"), peers}});
    });
    if (!liveLine)
        return;
    connect(m_peer->engine(), &PeerEngine::statsUpdated, this, [this](const QList<TransferStatus> &transfers) {
        for (const TransferStatus &t : transfers)
            m_printer->progress(t);
    });
}

void CliSession::finish(int exitCode)
{
    if (m_finishing)
        return;
    m_finishing = true;
    m_volunteer.reset();  // revokes nothing: stops the roles; they start again next time
    m_printer->endLiveLine();
    auto quit = [this, exitCode] {
        QFile::remove(statusFilePath(m_config.peer.dataDir));
        if (m_embedded)
            m_embedded->stop();
        // Queued: a failure found while open() runs (a damaged identity.key) finishes before
        // the event loop starts, and an exit() called then is lost: the process would hang.
        QMetaObject::invokeMethod(qApp, [exitCode] { QCoreApplication::exit(exitCode); }, Qt::QueuedConnection);
    };
    if (m_peer)
        m_peer->shutdown(quit);
    else
        quit();
}

} // namespace mp2p
