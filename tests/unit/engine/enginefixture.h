#pragma once

#include "user/engine/peerengine.h"

#include <QByteArray>
#include <QString>

namespace mp2p::test {

// Writes `size` deterministic pseudo-random bytes (different per seed) to `path`.
bool writeData(const QString &path, qint64 size, quint32 seed);
// A v1-only single-file .torrent of `filePath` (pieceSize 0 = libtorrent's choice).
QByteArray makeTorrent(const QString &filePath, int pieceSize = 0);
QByteArray sha256OfFile(const QString &path);
// Loopback-only settings: own 127.x address, ephemeral port, TCP only, no discovery.
EngineSettings loopbackSettings(const QString &stateDir, const QString &ip);
// Calls shutdown() and spins the event loop until `done` ran.
bool shutdownAndWait(PeerEngine &engine, int timeoutMs = 15000);

} // namespace mp2p::test
