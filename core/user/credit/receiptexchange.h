#pragma once

#include "receiptwire.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QMutex>

#include <atomic>
#include <functional>
#include <optional>

namespace mp2p {

// What the receipt extension counts (snapshots; the live values are atomics).
struct ReceiptCounters {
    qint64 sent = 0;               // receipts we signed and sent as a downloader
    qint64 received = 0;           // receipt messages that reached us as an uploader
    qint64 accepted = 0;           // ... that passed every check and were handed to the book
    qint64 malformed = 0;          // bad bencode, missing/wrong-typed fields, wrong version
    qint64 oversized = 0;          // longer than receiptwire::MaxMessageBytes
    qint64 badSignature = 0;       // key not the downloader's id, or signature does not verify
    qint64 wrongParty = 0;         // not for us, another overlay, or signed by someone else than the peer
    qint64 notMonotonic = 0;       // sequence or bytes not above what we already hold
    qint64 rateLimited = 0;        // more than MaxMessagesPerSecond on one connection
    qint64 unsolicited = 0;        // a receipt from a peer that never sent our handshake entries
    qint64 badHandshake = 0;       // handshake entries that are malformed or whose uid/key disagree
    qint64 dropped() const { return malformed + oversized + badSignature + wrongParty + notMonotonic + rateLimited + unsolicited; }
};

// The downloader's running state for one (uploader, overlay) — or, with `relay`, for the bytes
// that came through one RS owner's relays in the overlay: what it has signed so far.
struct IssuedState {
    QString uploaderId;
    QString overlayId;
    bool relay = false;        // uploaderId is an RS owner; the receipts name role RS
    qint64 sequence = 0;
    qint64 bytesSigned = 0;
    qint64 bytesReceived = 0;  // received so far (signed or not)
    qint64 signedAtMs = 0;
};

// Who a downloader credits for bytes from a connection. Always the peer itself as its
// handshake says (a CS says "CS"). In addition, when the connection went through a relay, the
// RS owner: the AttributionHook (ContributionCredit installs its RelayDirectory) returns {owner
// id, RS} for such a remote endpoint. Those receipts cannot go over the connection (the remote
// peer is not the RS) and go to the relay outbox instead, which the downloader deposits at the
// PAMS.
struct UploaderAttribution {
    QString userId;
    PeerType role = PeerType::Peer;
};
using AttributionHook = std::function<std::optional<UploaderAttribution>(const QHostAddress &remote, quint16 port,
                                                                       const ReceiptHello &hello)>;

// The state the libtorrent plugin shares with the Qt side. Every method is thread-safe: the
// plugin calls in from libtorrent's network thread, ContributionCredit from its own thread.
// Nothing here touches a QObject; the hand-off is the inbox plus the notify callback, which
// must only queue work (e.g. QMetaObject::invokeMethod with Qt::QueuedConnection).
class ReceiptExchange {
public:
    static constexpr qint64 SignEveryBytes = qint64(1) << 20;  // a receipt per MiB received...
    static constexpr qint64 SignEveryMs = 2000;                 // ... or every 2 s, whichever first
    static constexpr int MaxMessagesPerSecond = 8;              // per connection, more are dropped

    ReceiptExchange();

    void setIdentity(const KeyPair &key, PeerType role);
    bool hasIdentity() const;
    ReceiptHello ownHello() const;
    QString ownUserId() const;
    void setAttribution(AttributionHook hook);
    bool hasAttribution() const;
    // The uploader the handshake names (always credited for its upload).
    static UploaderAttribution attribute(const ReceiptHello &hello) { return {hello.userId, hello.role}; }
    // The relay (role RS) the connection to `remote` went through, if the hook knows one.
    std::optional<UploaderAttribution> relayAttribution(const QHostAddress &remote, quint16 port,
                                                        const ReceiptHello &hello) const;
    // Optional: also called with each relay receipt (on the network thread; must only queue).
    void setRelaySink(std::function<void(const Receipt &)> sink);
    void setNotify(std::function<void()> notify);

    // Overlays with a live torrent that is still downloading (the plugin reports them): only a
    // downloader signs relay receipts, so only their OMS peer lists are worth following.
    void overlayOpened(const QString &overlayId);
    void overlayClosed(const QString &overlayId);
    void setOverlayComplete(const QString &overlayId, bool complete);
    QStringList activeOverlays() const;

    // --- downloader side
    void restoreIssued(const QList<IssuedState> &states);
    void addReceived(const UploaderAttribution &uploader, const QString &overlayId, qint64 bytes);
    // A new signed receipt when one is due (see SignEvery*), or always when `force` and any
    // unsigned bytes exist. The new state is queued for persistence. Role RS counts separately
    // from the same user's direct uploads (see IssuedState::relay).
    std::optional<Receipt> signIfDue(const UploaderAttribution &uploader, const QString &overlayId, qint64 nowMs, bool force);
    // Queues a relay receipt for deposit at the PAMS (takeRelayOutbox) and calls the sink.
    void deliverToRelay(const Receipt &receipt);

    // --- late relay attribution (downloader side)
    // A connection that closed before the hook knew its relay (the OMS peer list may arrive
    // after a fast transfer is over) leaves its bytes here for LateAttributionMs; attributeLate()
    // credits them to the relay the hook knows by then and queues the relay receipts. Direct
    // connections land here too and simply expire: the hook never names a relay for them.
    static constexpr qint64 LateAttributionMs = 120000;
    static constexpr int MaxUnattributed = 4096;  // the oldest go first beyond this
    void rememberUnattributed(const QHostAddress &remote, quint16 port, const QString &overlayId,
                              const ReceiptHello &hello, qint64 bytes, qint64 nowMs);
    QStringList overlaysAwaitingAttribution(qint64 nowMs) const;
    int attributeLate(qint64 nowMs);  // how many connections were credited to a relay

    // --- uploader side
    void restoreAccepted(const QList<Receipt> &latest);
    // Checks a decoded receipt from the peer whose handshake was `remote`, for `overlayId`;
    // on success it becomes the latest for (downloader, overlay) and goes to the inbox.
    bool acceptIncoming(const Receipt &receipt, const QString &overlayId, const ReceiptHello &remote);

    // --- hand-off to the Qt side
    QList<Receipt> takeInbox();
    QList<Receipt> takeRelayOutbox();
    QList<IssuedState> takeIssuedChanges();

    // --- counters
    ReceiptCounters counters() const;
    struct Live {
        std::atomic<qint64> sent{0}, received{0}, accepted{0}, malformed{0}, oversized{0}, badSignature{0},
            wrongParty{0}, notMonotonic{0}, rateLimited{0}, unsolicited{0}, badHandshake{0};
    };
    Live &live() { return m_live; }

private:
    using Key = QPair<QString, QString>;  // (downloader, overlay)
    // (uploader, overlay, relay): a user's direct uploads and its relays count apart.
    static QString issuedKey(const QString &uploaderId, const QString &overlayId, bool relay);
    void notify();

    mutable QMutex m_mutex;
    std::optional<KeyPair> m_key;
    QString m_userId;
    PeerType m_role = PeerType::Peer;
    AttributionHook m_attribution;
    std::function<void(const Receipt &)> m_relaySink;
    std::function<void()> m_notify;
    QHash<QString, IssuedState> m_issued;
    QHash<QString, IssuedState> m_issuedChanged;
    QHash<Key, QPair<qint64, qint64>> m_accepted;  // (downloader, overlay) → (sequence, bytes)
    struct LiveOverlay {
        int torrents = 0;
        bool complete = false;
    };
    QHash<QString, LiveOverlay> m_overlays;
    QList<Receipt> m_inbox;
    QList<Receipt> m_relayOutbox;
    struct Unattributed {
        QHostAddress remote;
        quint16 port = 0;
        QString overlayId;
        ReceiptHello hello;
        qint64 bytes = 0;
        qint64 closedAtMs = 0;
    };
    QList<Unattributed> m_unattributed;  // oldest first
    Live m_live;
};

} // namespace mp2p
