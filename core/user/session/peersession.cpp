#include "peersession.h"

#include <p2psp/host/p2psphost.h>
#include <user/volunteer/roles/volunteerhost.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
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
    m_volunteer.reset();
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
    host.embeddedUnis = true;  // one region out of the box (<data dir>/p2psp/unis.json)
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
        startVolunteering();
        Q_EMIT ready();
    });
    QMetaObject::invokeMethod(m_peer.get(), &ManagedPeer::start, Qt::QueuedConnection);
}

void PeerSession::shutdown(std::function<void()> done)
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    m_volunteer.reset();  // stops the roles (consent stays: they start again next time)
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

void PeerSession::setRateLimits(int upBytesPerSec, int downBytesPerSec)
{
    m_config.peer.engine.uploadRateLimit = std::max(0, upBytesPerSec);
    m_config.peer.engine.downloadRateLimit = std::max(0, downBytesPerSec);
    if (PeerEngine *e = engine())
        e->setRateLimits(upBytesPerSec, downBytesPerSec);
}

bool PeerSession::setListenAddress(const QString &address, QString *error)
{
    const QString listen = address.trimmed();
    QString host = listen.left(listen.lastIndexOf(QLatin1Char(':')));
    host.remove(QLatin1Char('[')).remove(QLatin1Char(']'));
    const QHostAddress ip(host);
    const bool any = ip == QHostAddress(QHostAddress::AnyIPv4) || ip == QHostAddress(QHostAddress::AnyIPv6);
    const QString outgoing = any || ip.isNull() ? QString() : ip.toString();
    if (PeerEngine *e = engine()) {
        if (!e->setListenInterfaces(listen, outgoing, error))
            return false;
    } else if (ip.isNull()) {
        if (error)
            *error = tr("\"%1\" is not a listen address; use ip:port, for example 0.0.0.0:6881").arg(listen);
        return false;
    }
    m_config.peer.engine.listenInterfaces = listen;
    m_config.peer.engine.outgoingInterfaces = outgoing;
    return true;
}

bool PeerSession::openTorrentFile(const QString &path, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    constexpr qint64 maxTorrentBytes = 16 << 20;  // real .torrent files are far smaller
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("Cannot read %1: %2.").arg(path, file.errorString()));
    if (file.size() > maxTorrentBytes)
        return fail(tr("%1 is %2 MiB, too large for a .torrent file; choose the .torrent, not the content.")
                        .arg(QFileInfo(path).fileName()).arg(file.size() >> 20));
    const QByteArray bytes = file.readAll();
    PeerEngine::TorrentSummary summary;
    QString problem;
    if (!PeerEngine::inspectTorrent(bytes, &summary, &problem))
        return fail(tr("%1 is not a usable .torrent file: %2. Nothing was added.").arg(QFileInfo(path).fileName(), problem));
    if (!m_peer || !m_ready)
        return fail(tr("mp2p is not logged in at the provider yet, so %1 cannot be joined. Try again once the status bar "
                       "says connected.").arg(summary.name));
    m_peer->download(summary.infoHash, m_config.downloadDir, false);
    return true;
}

void PeerSession::queryUrl(const QUrl &url, JsonHttpClient::Callback done)
{
    if (!m_peer || !m_peer->provider() || !url.isValid() || url.isEmpty()) {
        JsonReply reply;
        reply.problem = tr("not connected to the provider");
        QMetaObject::invokeMethod(this, [done = std::move(done), reply] { done(reply); }, Qt::QueuedConnection);
        return;
    }
    m_peer->provider()->callUrl("GET", url, {}, std::move(done));
}

QUrl PeerSession::omsUrl(const QString &omsBase, const QString &path) const
{
    if (!omsBase.isEmpty())
        return QUrl(omsBase + path);
    return m_peer && m_peer->provider() ? m_peer->provider()->serviceUrl(QStringLiteral("oms"), path) : QUrl();
}

void PeerSession::queryOverlay(const QString &omsBase, const QString &overlayId, JsonHttpClient::Callback done)
{
    queryUrl(omsUrl(omsBase, QStringLiteral("/oms/v1/overlays/") + overlayId), std::move(done));
}

void PeerSession::queryOverlayPeers(const QString &omsBase, const QString &overlayId, JsonHttpClient::Callback done)
{
    queryUrl(omsUrl(omsBase, QStringLiteral("/oms/v1/overlays/%1/peers").arg(overlayId)), std::move(done));
}

void PeerSession::rotatePasskey(JsonHttpClient::Callback done)
{
    if (!m_peer || !m_peer->provider() || !m_ready) {
        JsonReply reply;
        reply.problem = tr("not logged in at the provider yet");
        QMetaObject::invokeMethod(this, [done = std::move(done), reply] { done(reply); }, Qt::QueuedConnection);
        return;
    }
    m_peer->provider()->rotatePasskey(std::move(done));
}

void PeerSession::queryCredit(JsonHttpClient::Callback done)
{
    const QString user = m_peer ? m_peer->userId() : QString();
    const QUrl url = m_peer && m_peer->provider() && !user.isEmpty()
                         ? m_peer->provider()->serviceUrl(QStringLiteral("pams"), QStringLiteral("/pams/v1/credit/") + user)
                         : QUrl();
    queryUrl(url, std::move(done));
}

} // namespace mp2p

namespace mp2p {

void PeerSession::startVolunteering()
{
    if (m_volunteer)
        return;
    PeerConfig config = m_config.peer;
    if (config.providerUrl.isEmpty() && m_embedded)
        config.providerUrl = QUrl(m_embedded->baseUrl());
    m_volunteer = std::make_unique<VolunteerHost>(config, m_peer.get(), m_network.get());
    connect(m_volunteer.get(), &VolunteerHost::message, this, &PeerSession::volunteerMessage);
    QString error;
    if (!m_volunteer->start(&error)) {
        m_volunteer.reset();
        Q_EMIT volunteerMessage(tr("Volunteering is unavailable: %1").arg(error));
    }
}

} // namespace mp2p
