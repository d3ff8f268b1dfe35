#pragma once

#include <QObject>
#include <QPointer>
#include <QTcpSocket>

#include <functional>

class QTimer;

namespace mp2p {

class TokenBucket;

// Joins two connected TCP sockets in both directions with back-pressure: it reads from one
// side only while the other side has less than kHighWater bytes waiting to be written, and
// each socket's read buffer is bounded, so a slow reader stalls the fast writer through TCP
// flow control instead of growing memory. An optional shared TokenBucket caps the bytes
// written. When either side closes, the other gets what was already read, then is closed.
class BytePump : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 kChunk = 64 * 1024;
    static constexpr qint64 kHighWater = 512 * 1024;
    static constexpr qint64 kReadBuffer = 512 * 1024;

    // Takes ownership of both sockets (they are reparented to the pump).
    BytePump(QTcpSocket *a, QTcpSocket *b, TokenBucket *bucket = nullptr, QObject *parent = nullptr);
    ~BytePump() override;

    qint64 bytesAtoB() const { return m_aToB; }
    qint64 bytesBtoA() const { return m_bToA; }
    // Called after every forwarded chunk with (bytes a→b, bytes b→a) of that chunk.
    void setCounter(std::function<void(qint64, qint64)> counter) { m_counter = std::move(counter); }
    void close();   // aborts both sides at once

Q_SIGNALS:
    void finished();   // both sides closed; the pump deletes itself later

private:
    void pump(QTcpSocket *src, QTcpSocket *dst);
    void pumpBoth();
    void sideClosed();
    void checkFinished();

    QPointer<QTcpSocket> m_a;
    QPointer<QTcpSocket> m_b;
    TokenBucket *m_bucket = nullptr;
    QTimer *m_retry = nullptr;
    qint64 m_aToB = 0;
    qint64 m_bToA = 0;
    bool m_closing = false;
    bool m_finished = false;
    std::function<void(qint64, qint64)> m_counter;
};

} // namespace mp2p
