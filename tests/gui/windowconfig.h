#pragma once

// The session a GUI test's main window runs: an embedded P2PSP and one peer on `address`
// (each test its own 127.1.0.x), TCP only, fast stats and announces.
#include <user/session/peersession.h>

#include <QJsonObject>
#include <QTemporaryDir>

namespace mp2p::test {

inline SessionConfig windowConfig(const QTemporaryDir &dir, const QString &address)
{
    SessionConfig config;
    config.peer.dataDir = dir.filePath(QStringLiteral("desktop"));
    config.peer.displayName = QStringLiteral("desktop");
    config.peer.engine.listenInterfaces = address + QStringLiteral(":0");
    config.peer.engine.outgoingInterfaces = address;
    config.peer.engine.enableUtp = false;  // TCP on loopback is ~10x faster (PITFALLS.md)
    config.peer.engine.statsIntervalMs = 250;
    config.peer.advertisedAddress = address + QStringLiteral(":0");
    config.downloadDir = dir.filePath(QStringLiteral("downloads"));
    config.embeddedPort = 0;
    config.embeddedSections.insert(QStringLiteral("oms"), QJsonObject{{QStringLiteral("announceIntervalSecs"), 5},
                                                                      {QStringLiteral("minAnnounceIntervalSecs"), 2}});
    return config;
}

} // namespace mp2p::test
