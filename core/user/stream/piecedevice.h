#pragma once

#include "streamcatalog.h"

#include <QElapsedTimer>
#include <QFile>
#include <QIODevice>
#include <QPointer>
#include <QTimer>

class QTcpSocket;

namespace mp2p {

// A sequential, read-only view of bytes first..last of one file of a transfer that yields only
// bytes of pieces the engine has verified. When the next byte's piece is missing it asks the
// engine for it (piece deadlines on it and a few after), reads nothing until the catalog says
// it arrived, and then emits readyRead. Lives on the stream thread; the engine is reached only
// through the StreamCatalog. QHttpServerResponder::write(QIODevice *) pumps
// such a device into the socket as readyRead fires, which is what makes the response
// progressive. It also holds back while the socket still has much unsent data, so a slow
// player does not make a whole file pile up in memory.
class PieceDevice : public QIODevice {
    Q_OBJECT
public:
    struct Source {
        QString infoHash;
        TransferFile file;
        int pieceSize = 0;
        qint64 first = 0;  // file offsets, inclusive
        qint64 last = -1;
    };

    PieceDevice(StreamCatalog *catalog, Source source, int readAheadPieces, QObject *parent = nullptr);
    ~PieceDevice() override;

    bool open(OpenMode mode) override;  // opens the file; ReadOnly only
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;
    bool atEnd() const override;

    void setSocket(QTcpSocket *socket);  // for back-pressure
    qint64 waitedMs() const;             // time spent waiting for pieces so far
    bool isWaiting() const { return m_waiting; }
    QString infoHash() const { return m_src.infoHash; }

Q_SIGNALS:
    void waitingChanged(bool waiting);
    // From the destructor (the pump deletes the device when done or when the client left).
    void finished(qint64 waitedMs, bool incomplete);

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    void onPieceFinished(const QString &infoHash, int piece);
    void onSocketDrained();
    bool advanceReady();  // extends m_readyEnd over verified pieces; true if it moved
    void startWaiting();
    void stopWaiting();
    int pieceOf(qint64 fileOffset) const;
    qint64 pieceEndInFile(int piece) const;  // file offset just past `piece` (capped at last+1)

    StreamCatalog *m_catalog;  // outlives every device (StreamServer deletes the devices first)
    Source m_src;
    int m_readAhead;
    QFile m_file;
    qint64 m_pos;        // next file offset to hand out
    qint64 m_readyEnd;   // file offsets below this are verified
    bool m_waiting = false;
    bool m_throttled = false;
    QElapsedTimer m_waitClock;
    qint64 m_waitedMs = 0;
    QTimer m_poll;       // a safety net should a pieceFinished be missed
    QPointer<QTcpSocket> m_socket;
};

} // namespace mp2p
