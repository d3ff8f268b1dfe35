#pragma once
// Small helpers shared by the relay tests: a peer that connects to a relayed address from a
// chosen loopback IP, and a collector for the connections a TurnClient hands out.
#include <relay/turnclient.h>

#include <QList>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

namespace relaytest {

inline QTcpSocket *connectPeer(const QHostAddress &from, const QHostAddress &to, quint16 port, QObject *parent)
{
    auto *s = new QTcpSocket(parent);
    s->bind(from);
    s->connectToHost(to, port);
    return s;
}

// Reads until |bytes| arrived or |ms| passed.
inline QByteArray readAll(QTcpSocket *s, qint64 bytes, int ms = 20000)
{
    QByteArray out;
    QElapsedTimer t;
    t.start();
    while (out.size() < bytes && t.elapsed() < ms) {
        // Never block: the relay runs on this thread's event loop.
        if (s->bytesAvailable() == 0)
            QTest::qWait(2);
        out += s->readAll();
    }
    return out;
}

// Reads from two sockets at once (a real application reads both directions; reading one side
// only while the other side's buffers fill can stall a relay's whole connection).
inline void readBoth(QTcpSocket *a, qint64 aBytes, QByteArray *atA, QTcpSocket *b, qint64 bBytes, QByteArray *atB,
                     int ms = 30000)
{
    QElapsedTimer t;
    t.start();
    while ((atA->size() < aBytes || atB->size() < bBytes) && t.elapsed() < ms) {
        QTest::qWait(2);
        *atA += a->readAll();
        *atB += b->readAll();
    }
}

inline QByteArray pattern(qint64 size, int seed)
{
    QByteArray b(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        b[i] = char((i * 31 + seed * 7 + (i >> 10)) & 0xff);
    return b;
}

struct Accepted {
    QList<QPointer<QTcpSocket>> sockets;
    QList<QHostAddress> peers;
};

inline void collect(mp2p::TurnClient *client, Accepted *into, QObject *owner)
{
    QObject::connect(client, &mp2p::TurnClient::incomingConnection, owner,
                     [into, owner](QTcpSocket *s, const QHostAddress &peer, quint16) {
                         s->setParent(owner);
                         into->sockets.append(s);
                         into->peers.append(peer);
                     });
}

} // namespace relaytest
