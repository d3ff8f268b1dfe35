#pragma once

#include "streamcatalog.h"
#include "streamserver.h"

#include <QAtomicInt>
#include <QMutex>
#include <QSet>
#include <QTimer>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;

namespace mp2p {

class PieceDevice;

// The HTTP side of StreamServer, on the stream thread: parses /stream/<hash>/<index>, answers
// 200/206/416/404/405 and pumps a PieceDevice per response. It reads the engine only through
// the StreamCatalog, so it keeps serving while the engine's thread is busy.
class StreamWorker : public QObject {
    Q_OBJECT
public:
    explicit StreamWorker(StreamCatalog *catalog);
    ~StreamWorker() override;

    quint16 listen(const QHostAddress &address, quint16 port);  // on the stream thread
    void setLimits(const ServerLimits &limits) { m_limits = limits; }  // before listen()
    StreamStats stats() const;                                   // any thread
    void setReadAheadPieces(int pieces) { m_readAhead.storeRelaxed(qMax(1, pieces)); }

Q_SIGNALS:
    void statsChanged();
    void requestFinished(const QString &infoHash, int fileIndex, qint64 waitedMs);

private:
    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void track(PieceDevice *device, const QString &infoHash, int fileIndex);
    void publishStats();

    StreamCatalog *m_catalog;
    QHttpServer *m_server;
    ServerLimits m_limits = streamLimits();
    QAtomicInt m_readAhead = 4;
    QList<PieceDevice *> m_active;
    QSet<QString> m_sequential;  // transfers this server already switched to sequential
    StreamStats m_done;          // figures of finished requests
    QTimer *m_statsTimer;        // waiting time grows while requests wait (a child: it moves with us)
    mutable QMutex m_statsMutex;
    StreamStats m_snapshot;
};

} // namespace mp2p
