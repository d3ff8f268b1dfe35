#pragma once

#include <relay/stunmessage.h>
#include <relay/turnclient.h>

#include <QHostAddress>
#include <QObject>

#include <memory>

namespace mp2p {

class BytePump;
class RelayDirectory;

// The peer side of the relay path: a peer that nobody can reach keeps a TURN TCP allocation
// on an RS (coturn or ours) and joins every relayed connection to its own libtorrent listener
// (usually 127.0.0.1:<listen port>), in both directions with back-pressure. Other peers
// connect to the relayed address like to any peer; announces carry it (announceQuery()).
class RelayedListener : public QObject {
    Q_OBJECT
public:
    explicit RelayedListener(QObject *parent = nullptr);
    ~RelayedListener() override;

    // |target| is where relayed connections are delivered (the engine's listen address).
    void start(const TurnClientConfig &turn, const QHostAddress &targetAddress, quint16 targetPort);
    void stop();
    void setTarget(const QHostAddress &address, quint16 port);   // the engine moved its listener

    bool isReady() const { return m_client->isAllocated(); }
    stun::Endpoint relayedEndpoint() const { return m_client->relayedEndpoint(); }
    QString relayedAddress() const;   // "ip:port" ("[v6]:port"), empty before the allocation
    // What a tracker URL gets appended so the OMS lists the relayed address ("&relayed=ip:port").
    QString announceQuery() const;
    // TURN only lets peers in whose IPs have a permission: the overlay's peers' addresses.
    void grantPeers(const QList<QHostAddress> &peers);

    // Relay credit (issue 7) for this peer's own downloads over relayed connections. libtorrent
    // sees each of them as a connection from the local socket that joins it to the listener, so
    // the OMS peer list cannot name them: while a joined connection is open, `directory` maps
    // that socket's endpoint to `rsOwnerId` (the RS owner's user id), and forgets it when the
    // socket closes. The owner is taken when a connection is joined, so connections made through
    // an earlier relay keep crediting that relay's owner. An empty owner (a relay whose owner is
    // unknown, e.g. --relay turn://) or no directory attributes nothing.
    void setRelayAttribution(std::shared_ptr<RelayDirectory> directory, const QString &rsOwnerId);
    QString relayOwner() const { return m_rsOwner; }

    int splicedConnections() const { return m_spliced; }
    qint64 bytesIn() const { return m_bytesIn; }     // from remote peers to the local listener
    qint64 bytesOut() const { return m_bytesOut; }
    TurnClient *client() const { return m_client; }

Q_SIGNALS:
    void ready(const QString &relayedAddress);
    void failed(const QString &error);
    void connectionSpliced(const QHostAddress &peer);
    // A joined connection's local end (what libtorrent sees as the remote) was attributed to
    // the RS owner in the directory (setRelayAttribution); `attributionForgotten` when it closed.
    void connectionAttributed(const QHostAddress &localAddress, quint16 localPort, const QString &rsOwnerId);
    void attributionForgotten(const QHostAddress &localAddress, quint16 localPort);

private:
    void splice(QTcpSocket *relayed, const QHostAddress &peer);
    void attribute(QTcpSocket *local, const std::shared_ptr<RelayDirectory> &directory, const QString &owner);

    TurnClient *m_client;
    QHostAddress m_targetAddress;
    quint16 m_targetPort = 0;
    int m_spliced = 0;
    qint64 m_bytesIn = 0;
    qint64 m_bytesOut = 0;
    std::shared_ptr<RelayDirectory> m_directory;
    QString m_rsOwner;
};

} // namespace mp2p
