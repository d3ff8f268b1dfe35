#pragma once

#include "user/engine/peerengine.h"

#include <base/serverlimits.h>

#include <QHostAddress>
#include <QObject>
#include <QUrl>


class QThread;

namespace mp2p {

class PieceDevice;

// Buffering figures for the UI: how long players waited for pieces.
struct StreamStats {
    int activeRequests = 0;      // responses still sending
    int waitingRequests = 0;     // of those, how many wait for a piece right now
    qint64 requests = 0;         // served since start (all statuses)
    qint64 totalWaitedMs = 0;    // summed over finished and active requests
    qint64 lastWaitedMs = 0;     // of the last finished body response
};

class StreamCatalog;
class StreamWorker;

// What a stream server lets its local clients hold, enforced on the socket before QtHttpServer
// reads a byte: small heads (a player sends a few headers), no bodies, a few dozen connections
// in all (every client is on this machine, so per address = total), a quick close for a
// connection that says nothing, and a long idle timeout, as a response may wait minutes for
// its pieces without a byte to write.
ServerLimits streamLimits();

// "Open in external player" and the in-app player: serves GET/HEAD /stream/<infohash>/<fileIndex>
// on a loopback address for the transfers of a PeerEngine, with single byte ranges (206 / 416),
// so a player such as mpv or VLC can seek. Bytes come from the file on disk, but only from
// pieces the engine has verified; a range whose pieces are missing gets piece deadlines and is
// sent as they land (see PieceDevice). The transfer is switched to sequential download on the
// first request that has to wait; a new request of a transfer (a seek) moves its deadlines.
//
// The object lives on the engine's thread; the HTTP side (StreamWorker) runs on a thread of
// its own and reads the engine through a StreamCatalog. It must: Qt 6.4's FFmpeg backend
// opens a URL synchronously inside QMediaPlayer::setSource(), so an in-app player on the
// engine's (GUI) thread would otherwise wait for a server that cannot answer.
// It uses QHttpServer directly rather than core/base's HttpServer: HttpRouter's handlers
// return a whole body, and a stream must be sent while it downloads.
class StreamServer : public QObject {
    Q_OBJECT
public:
    explicit StreamServer(PeerEngine *engine, QObject *parent = nullptr);
    ~StreamServer() override;

    // Returns the bound port, or 0 with *error set. Loopback only by default: anyone who can
    // reach this port can read the transfer's files.
    quint16 listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0,
                   QString *error = nullptr);
    quint16 port() const { return m_port; }
    // Before listen(): the socket-level limits (defaults: streamLimits(), tests shorten them).
    void setLimits(const ServerLimits &limits);
    // The URL to hand to a player, e.g. http://127.0.0.1:40123/stream/<hash>/0
    QUrl urlFor(const QString &infoHash, int fileIndex) const;

    // Engine thread. What a player reads while it opens a file: its first `headBytes` and last
    // `tailBytes`. Puts deadlines on the missing pieces there and returns true once all are
    // verified (a player opening the URL synchronously then never waits on the engine).
    bool prepareOpen(const QString &infoHash, int fileIndex, qint64 headBytes, qint64 tailBytes);

    StreamStats stats() const;
    void setReadAheadPieces(int pieces);

Q_SIGNALS:
    void statsChanged();
    // One response body finished (or its client left): how long it waited for pieces.
    void requestFinished(const QString &infoHash, int fileIndex, qint64 waitedMs);

private:
    PeerEngine *m_engine;
    StreamCatalog *m_catalog;
    QThread *m_thread;
    StreamWorker *m_worker;
    QHostAddress m_address;
    quint16 m_port = 0;
};

} // namespace mp2p
