#include "playerfixture.h"

#include <QDir>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

namespace mp2p::test {

SessionConfig desktopConfig(const QString &root, const QString &address)
{
    SessionConfig config;
    config.peer.dataDir = root + QStringLiteral("/desktop");
    config.peer.displayName = QStringLiteral("desktop");
    config.peer.engine.listenInterfaces = address + QStringLiteral(":0");
    config.peer.engine.outgoingInterfaces = address;
    config.peer.engine.enableUtp = false;  // TCP on loopback is ~10x faster (PITFALLS.md)
    config.peer.engine.statsIntervalMs = 250;
    config.peer.advertisedAddress = address + QStringLiteral(":0");
    config.downloadDir = root + QStringLiteral("/downloads");
    config.embeddedPort = 0;
    config.embeddedSections.insert(QStringLiteral("oms"), QJsonObject{{QStringLiteral("announceIntervalSecs"), 5},
                                                                      {QStringLiteral("minAnnounceIntervalSecs"), 2}});
    return config;
}

Publisher::Publisher(const QString &root, const QString &address, const QUrl &providerUrl, int uploadLimit)
{
    PeerConfig pub;
    pub.dataDir = root + QStringLiteral("/publisher");
    pub.providerUrl = providerUrl;
    pub.displayName = QStringLiteral("publisher");
    pub.engine.stateDir = pub.dataDir;
    pub.engine.listenInterfaces = address + QStringLiteral(":0");
    pub.engine.outgoingInterfaces = address;
    pub.engine.enableUtp = false;
    pub.engine.uploadRateLimit = uploadLimit;
    pub.engine.rateLimitLocalPeers = uploadLimit > 0;
    pub.advertisedAddress = address + QStringLiteral(":0");
    m_peer = std::make_unique<ManagedPeer>(pub, &m_network);
}

Publisher::~Publisher()
{
    stop();
}

bool Publisher::start(QString *error)
{
    QSignalSpy ready(m_peer.get(), &ManagedPeer::ready);
    QSignalSpy failed(m_peer.get(), &ManagedPeer::failed);
    m_peer->start();
    if (!QTest::qWaitFor([&] { return !ready.isEmpty() || !failed.isEmpty(); }, 20000) || ready.isEmpty()) {
        *error = failed.isEmpty() ? QStringLiteral("publisher not ready in 20 s") : failed.first().first().toString();
        return false;
    }
    return true;
}

bool Publisher::publish(const QString &path, const QString &title, QString *infoHash, QString *contentId,
                        QString *error)
{
    QSignalSpy published(m_peer.get(), &ManagedPeer::published);
    QSignalSpy failed(m_peer.get(), &ManagedPeer::operationFailed);
    m_peer->publish({path, title, QStringLiteral("a generated test video"), {QStringLiteral("test"), QStringLiteral("video")}});
    if (!QTest::qWaitFor([&] { return !published.isEmpty() || !failed.isEmpty(); }, 60000) || published.isEmpty()) {
        *error = failed.isEmpty() ? QStringLiteral("not published in 60 s") : failed.first().first().toString();
        return false;
    }
    *contentId = published.first().at(0).toString();
    *infoHash = published.first().at(1).toString();
    return true;
}

bool Publisher::stop()
{
    if (!m_peer)
        return true;
    bool done = false;
    m_peer->shutdown([&done] { done = true; });
    const bool ok = QTest::qWaitFor([&done] { return done; }, 15000);
    m_peer.reset();
    return ok;
}

bool startDownload(PeerSession &session, const QString &contentId, const QString &infoHash, QString *error)
{
    ManagedPeer *peer = session.peer();
    QSignalSpy started(peer, &ManagedPeer::downloadStarted);
    QSignalSpy failed(peer, &ManagedPeer::operationFailed);
    peer->download(contentId, session.config().downloadDir, true);
    if (!QTest::qWaitFor([&] { return !started.isEmpty() || !failed.isEmpty(); }, 20000) || started.isEmpty()) {
        *error = failed.isEmpty() ? QStringLiteral("download did not start in 20 s") : failed.first().first().toString();
        return false;
    }
    if (!QTest::qWaitFor([&] { return !peer->engine()->files(infoHash).isEmpty(); }, 10000)) {
        *error = QStringLiteral("the download's file list is still unknown after 10 s");
        return false;
    }
    return true;
}

bool shutdownSession(PeerSession &session)
{
    bool done = false;
    session.shutdown([&done] { done = true; });
    return QTest::qWaitFor([&done] { return done; }, 15000);
}

} // namespace mp2p::test
