#include "volunteerhost.h"

#include "cacherole.h"
#include "relayrole.h"

#include <protocol/keys.h>
#include <user/managedpeer.h>
#include <user/provider/providerclient.h>
#include <user/volunteer/consentstore.h>
#include <user/volunteer/volunteercontroller.h>

#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <sodium.h>

namespace mp2p {

namespace {

// The peer's own address for the relay to listen on: the first listen interface's host
// ("127.1.0.2:6881,..." → 127.1.0.2); any address when it listens on all of them.
QHostAddress relayListenAddress(const EngineSettings &engine)
{
    const QString first = engine.listenInterfaces.section(QLatin1Char(','), 0, 0);
    QString host = first.left(first.lastIndexOf(QLatin1Char(':')));
    host.remove(QLatin1Char('[')).remove(QLatin1Char(']'));
    const QHostAddress address(host);
    return address.isNull() ? QHostAddress(QHostAddress::Any) : address;
}

} // namespace

VolunteerHost::VolunteerHost(const PeerConfig &config, ManagedPeer *peer, QNetworkAccessManager *network,
                             QObject *parent)
    : QObject(parent), m_dataDir(config.dataDir), m_peer(peer), m_network(network)
{
    CacheNodeConfig cache;
    cache.peer = config;
    cache.peer.dataDir = QDir(config.dataDir).filePath(QStringLiteral("cache-node"));
    cache.peer.engine.stateDir = cache.peer.dataDir;
    // The cache node runs its own BitTorrent session beside the peer's: same address, any port.
    const QHostAddress address = relayListenAddress(config.engine);
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]").arg(address.toString()) : address.toString();
    cache.peer.engine.listenInterfaces = (address == QHostAddress(QHostAddress::Any))
        ? QStringLiteral("0.0.0.0:0") : host + QStringLiteral(":0");
    cache.peer.advertisedAddress.clear();
    m_cache = std::make_unique<CacheRole>(cache, network);

    RelayServerConfig relay;
    relay.listenAddress = address;
    relay.listenPort = 3478;
    relay.allowLoopbackPeers = config.relayAllowLoopbackPeers;
    relay.allowedPeerRanges = config.relayAllowedPeerRanges;
    m_relay = std::make_unique<RelayRole>(relay);
}

VolunteerHost::~VolunteerHost()
{
    m_controller.reset();  // stops the roles before they go
}

bool VolunteerHost::loadRelaySecret(QByteArray *secret, QString *error) const
{
    // The relay's TURN REST secret: made once, kept beside identity.key with the same 0600 mode.
    const QString path = QDir(m_dataDir).filePath(QStringLiteral("relay-secret"));
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly)) {
        *secret = existing.readAll().trimmed();
        // A file left readable by others (an older build, a copy) is narrowed before use.
        if (secret->size() >= 32 && existing.setPermissions(QFile::ReadOwner | QFile::WriteOwner))
            return true;
    }
    QByteArray raw(32, Qt::Uninitialized);
    randombytes_buf(raw.data(), size_t(raw.size()));
    *secret = raw.toHex();
    QSaveFile file(path);
    // 0600 before the secret is written: the temporary file starts with the umask's mode.
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner)
        || file.write(*secret) != secret->size() || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool VolunteerHost::shareIdentityWithCache(QString *error) const
{
    // The cache node is the user's own machine serving under the user's consent, so it logs in
    // as the user: the OMS checks the consent of the resource's owner (ORCP registration).
    const QString cacheDir = QDir(m_dataDir).filePath(QStringLiteral("cache-node"));
    const QString target = QDir(cacheDir).filePath(QStringLiteral("identity.key"));
    if (QFile::exists(target)) {
        // A copy left readable by others (an older build) is narrowed before the node uses it.
        if (QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner))
            return true;
        *error = QStringLiteral("cannot restrict %1 to its owner (mode 0600); fix its permissions").arg(target);
        return false;
    }
    QFile source(QDir(m_dataDir).filePath(QStringLiteral("identity.key")));
    QSaveFile copy(target);
    // 0600 before the key is written: the temporary file starts with the umask's mode.
    if (!QDir().mkpath(cacheDir) || !source.open(QIODevice::ReadOnly) || !copy.open(QIODevice::WriteOnly)
        || !copy.setPermissions(QFile::ReadOwner | QFile::WriteOwner)
        || copy.write(source.readAll()) != source.size() || !copy.commit()) {
        *error = QStringLiteral("cannot give the cache node your identity (%1): %2").arg(target, copy.errorString());
        return false;
    }
    return true;
}

bool VolunteerHost::start(QString *error)
{
    m_store = std::make_unique<ConsentStore>(QDir(m_dataDir).filePath(QStringLiteral("consent.db")));
    if (!m_store->open(error))
        return false;
    // Files a role needs are made when it first starts under consent, not before.
    m_cache->setBeforeStart([this](QString *why) { return shareIdentityWithCache(why); });
    m_relay->setBeforeStart([this](QString *why) {
        QByteArray secret;
        if (!loadRelaySecret(&secret, why))
            return false;
        RelayServerConfig relay = m_relay->config();
        relay.authSecret = secret;
        m_relay->setConfig(relay);
        return true;
    });

    // The relay registers at the OMS with the peer's own login (ORCP checks the owner's consent).
    m_relay->setProvider(m_peer->provider());
    m_controller = std::make_unique<VolunteerController>(m_store.get(), m_peer->provider()->identity().key);
    m_controller->addRole(m_relay.get());
    m_controller->addRole(m_cache.get());
    connect(m_controller.get(), &VolunteerController::roleStarted, this,
            [this](const QString &role) { Q_EMIT message(tr("volunteering as %1 (under your consent)").arg(role)); });
    connect(m_controller.get(), &VolunteerController::roleStopped, this, [this](const QString &role, const QString &why) {
        Q_EMIT message(tr("stopped volunteering as %1: %2").arg(role, why));
    });
    connect(m_controller.get(), &VolunteerController::roleFailed, this, [this](const QString &role, const QString &why) {
        Q_EMIT message(tr("could not volunteer as %1: %2").arg(role, why));
    });
    m_controller->syncWith(m_peer->provider());
    m_controller->start();
    return true;
}

} // namespace mp2p
