#pragma once

#include "user/engine/peerengine.h"

#include <QAtomicInteger>
#include <QBitArray>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace mp2p {

// What the stream thread needs to know about the engine's transfers, readable from any
// thread: each transfer's files, piece size and verified pieces. It lives on the engine's
// thread and follows the engine's signals there; the stream thread only reads it (under a
// mutex) and posts piece deadlines through it. Why not call PeerEngine from the stream
// thread: PeerEngine is not thread-safe, and the stream must keep serving while the engine's
// thread (the GUI thread in the desktop app) is busy, e.g. inside QMediaPlayer::setSource(),
// which opens the stream synchronously.
class StreamCatalog : public QObject {
    Q_OBJECT
public:
    explicit StreamCatalog(PeerEngine *engine, QObject *parent = nullptr);

    // Engine thread: (re)reads one transfer; false while its metadata is unknown.
    bool refresh(const QString &infoHash);

    // Any thread.
    std::optional<TransferFile> file(const QString &infoHash, int index, int *pieceSize) const;
    bool havePiece(const QString &infoHash, int piece) const;
    // Posted to the engine's thread (fire and forget; dropped if the engine is gone).
    void setPieceDeadlines(const QString &infoHash, int firstPiece, int count);
    void clearPieceDeadlines(const QString &infoHash);
    void setSequential(const QString &infoHash);
    // How long the engine's thread has not run its event loop (a 250 ms heartbeat). A stream
    // that waits for a piece while this grows can not be helped: nobody reads the engine's alerts.
    qint64 engineSilentMs() const;

Q_SIGNALS:
    // Emitted on the engine's thread after the piece is marked; receivers on the stream thread
    // get it queued.
    void pieceArrived(const QString &infoHash, int piece);

private:
    struct Entry {
        QList<TransferFile> files;
        int pieceSize = 0;
        QBitArray have;
    };
    void onPiece(const QString &infoHash, int piece);

    QPointer<PeerEngine> m_engine;
    QTimer *m_heartbeat;
    QAtomicInteger<qint64> m_lastBeatMs;
    mutable QMutex m_mutex;
    QHash<QString, Entry> m_entries;
};

} // namespace mp2p
