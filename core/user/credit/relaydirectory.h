#pragma once

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <atomic>
#include <optional>

namespace mp2p {

// Which relay (RS) a connection's bytes went through, so the downloader can credit the RS
// owner (issue 7). Two sources:
//  - the OMS peer list of each overlay (GET /oms/v1/overlays/{id}/peers): a relayed peer's entry
//    carries "relay": {"resourceId", "owner"} next to its relayed address "ip"/"port"; whoever
//    connects to that address reaches the peer through that RS;
//  - the relayed peer itself, for the connections its relay client joined into its listener
//    (their remote endpoint is a local socket, not the relayed address): setConnectionRelay().
// Thread-safe: the libtorrent plugin looks endpoints up on the network thread while
// ContributionCredit updates the lists on its own thread.
class RelayDirectory {
public:
    // What updateFromPeerList() made of one answer.
    struct Update {
        int relays = 0;   // relayed entries now known for the overlay
        int ignored = 0;  // entries with a "relay" part that is unusable (bad ip/port/owner)
    };

    // Replaces what `overlayId`'s previous peer list said. Entries without "relay" are ordinary
    // peers; malformed entries (or a body that is not a peer list) are skipped, never fatal.
    Update updateFromPeerList(const QString &overlayId, const QJsonObject &peerList);
    void forgetOverlay(const QString &overlayId);
    QStringList overlays() const;  // overlays whose lists named relays

    void setConnectionRelay(const QHostAddress &address, quint16 port, const QString &ownerId);
    void forgetConnection(const QHostAddress &address, quint16 port);

    // The RS owner's user id for a remote endpoint, if it is a relayed address we know.
    std::optional<QString> ownerOf(const QHostAddress &address, quint16 port) const;
    // Grows with every change, so a connection that found nothing can look again cheaply.
    quint64 generation() const { return m_generation.load(); }
    int size() const;

    // "ip|port" with IPv4-mapped IPv6 turned into plain IPv4 (libtorrent may report either).
    static QString endpointKey(const QHostAddress &address, quint16 port);

private:
    void rebuildLocked();

    mutable QMutex m_mutex;
    QHash<QString, QHash<QString, QString>> m_byOverlay;  // overlay → endpoint key → owner
    QHash<QString, QString> m_connections;                // endpoint key → owner (relayed side)
    QHash<QString, QString> m_index;                      // all of the above merged
    std::atomic<quint64> m_generation{0};
};

} // namespace mp2p
