#include "peersession.h"

#include <p2psp/host/p2psphost.h>

#include <QDir>
#include <QLockFile>
#include <QNetworkAccessManager>
#include <QTimer>

namespace mp2p {

PeerSession::PeerSession(SessionConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_network(std::make_unique<QNetworkAccessManager>())
{
    if (m_config.peer.engine.stateDir.isEmpty())
        m_config.peer.engine.stateDir = m_config.peer.dataDir;
}

PeerSession::~PeerSession()
{
    // The peer uses the network manager: it goes first (members die in reverse order anyway,
    // but the embedded provider must outlive the peer's last requests too).
    m_peer.reset();
    if (m_embedded)
        m_embedded->stop();
}

bool PeerSession::lockDataDir(QString *error)
{
    if (!QDir().mkpath(m_config.peer.dataDir)) {
        *error = tr("Cannot create the data folder %1. Check its permissions or free some disk space.").arg(m_config.peer.dataDir);
        return false;
    }
    m_lock = std::make_unique<QLockFile>(m_config.peer.dataDir + QStringLiteral("/peer.lock"));
    m_lock->setStaleLockTime(0);
    if (m_lock->tryLock(200))
        return true;
    qint64 pid = 0;
    QString host, app;
    m_lock->getLockInfo(&pid, &host, &app);
    *error = tr("Another mp2p (%1, process %2) is using the data folder %3. Close it first, "
                "or start this one with another data folder.").arg(app).arg(pid).arg(m_config.peer.dataDir);
    m_lock.reset();
    return false;
}

bool PeerSession::startEmbeddedProvider(QString *error)
{
    HostConfig host;
    host.dataDir = m_config.peer.dataDir + QStringLiteral("/p2psp");
    host.listenAddress = m_config.embeddedListen;
    host.port = m_config.embeddedPort;
    host.logLevel = m_config.embeddedLogLevel;
    host.sections = m_config.embeddedSections;
    m_embedded = std::make_unique<P2pspHost>(host);
    if (!m_embedded->start(error)) {
        if (host.port == 0) {
            m_embedded.reset();
            return false;
        }
        // The usual port is taken (say, by another peer's embedded provider): take any.
        host.port = 0;
        m_embedded = std::make_unique<P2pspHost>(host);
        if (!m_embedded->start(error)) {
            m_embedded.reset();
            return false;
        }
    }
    m_config.peer.providerUrl = QUrl(m_embedded->baseUrl());
    return true;
}

void PeerSession::fail(const QString &problem)
{
    // Queued, so a caller connecting after open() still hears it.
    QMetaObject::invokeMethod(this, [this, problem] { Q_EMIT failed(problem); }, Qt::QueuedConnection);
}

void PeerSession::open()
{
    QString error;
    if (!lockDataDir(&error)) {
        fail(error);
        return;
    }
    const bool embedded = m_config.peer.providerUrl.isEmpty();
    if (embedded && !startEmbeddedProvider(&error)) {
        fail(tr("The built-in provider (P2PSP) could not start: %1. Set a provider URL in Settings, "
                "or free port %2.").arg(error).arg(m_config.embeddedPort));
        return;
    }
    if (embedded) {
        const QString url = m_embedded->baseUrl();
        QMetaObject::invokeMethod(this, [this, url] { Q_EMIT embeddedStarted(url); }, Qt::QueuedConnection);
    }
    m_peer = std::make_unique<ManagedPeer>(m_config.peer, m_network.get());
    connect(m_peer.get(), &ManagedPeer::failed, this, [this](const QString &problem) {
        // Without a provider client the peer never got going (identity or engine): fatal.
        // Otherwise the client retries with backoff by itself.
        if (!m_peer->provider())
            Q_EMIT failed(problem);
        else
            Q_EMIT providerProblem(problem);
    });
    connect(m_peer.get(), &ManagedPeer::ready, this, [this] {
        m_ready = true;
        Q_EMIT ready();
    });
    QMetaObject::invokeMethod(m_peer.get(), &ManagedPeer::start, Qt::QueuedConnection);
}

void PeerSession::shutdown(std::function<void()> done)
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    auto finish = [this, done = std::move(done)] {
        if (m_embedded)
            m_embedded->stop();
        if (m_lock)
            m_lock->unlock();
        if (done)
            done();
    };
    if (m_peer)
        m_peer->shutdown(finish);
    else
        finish();
}

} // namespace mp2p
