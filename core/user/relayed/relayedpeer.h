#pragma once

#include "relayedlistener.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

class QTimer;

namespace mp2p {

class ManagedPeer;

// Parses a relay given on the command line: "turn://user:password@host:port" (also without the
// scheme). The host must be an IP address. Returns false with a message that says what is wrong.
// "oms" is not a spec: it asks the OMS's relay broker (isBrokeredRelaySpec).
bool parseRelaySpec(const QString &spec, TurnClientConfig *out, QString *error);
// `--relay oms`: the peer gets TURN credentials for a live relay from its OMS.
bool isBrokeredRelaySpec(const QString &spec);

// Puts a ManagedPeer that nobody can reach behind a TURN TCP allocation (coturn or our RS):
// relayed connections are joined to the engine's listener, the overlay's peers (from the OMS
// peer list, R5) get TURN permissions, and every announce carries "&relayed=<ip>:<port>" so the
// OMS lists the relayed address (core/p2psp/oms/tracker.cpp decides whether to accept it).
// attach() makes it a child of the peer; ManagedPeer finds it there (relayedAnnounceQuery) and
// rebuilds its tracker URLs on announceQueryChanged().
class RelayedPeer : public QObject {
    Q_OBJECT
public:
    // A relay given as turn://user:password@ip:port has no owner we know of (coturn, or any RS
    // outside the OMS's pool), so bytes this peer downloads through it credit no RS owner.
    static RelayedPeer *attach(ManagedPeer *peer, const TurnClientConfig &turn);
    // `--relay oms`: asks the OMS for credentials (POST /oms/v1/relays/credentials), allocates on
    // the relay it names, asks again shortly before they expire, and after a failure (the OMS may
    // then name another relay). The broker's "owner" is credited (relay receipts) for what this
    // peer downloads over its relayed connections (RelayedListener::setRelayAttribution).
    static RelayedPeer *attachBrokered(ManagedPeer *peer);
    ~RelayedPeer() override;

    QString announceQuery() const { return m_listener->announceQuery(); }
    RelayedListener *listener() const { return m_listener; }

Q_SIGNALS:
    void announceQueryChanged();
    void failed(const QString &error);
    // Brokered: the OMS named this relay (its "resourceId", "owner", "region", "expiresAt", "uri").
    void relayAssigned(const QJsonObject &credentials);

private:
    RelayedPeer(ManagedPeer *peer, const TurnClientConfig &turn, bool brokered);
    void start();
    void askBroker();
    void attributeTo(const QString &rsOwnerId);
    void refreshPermissions();

    QPointer<ManagedPeer> m_peer;
    TurnClientConfig m_turn;
    RelayedListener *m_listener;
    QTimer *m_permissionTimer;
    QTimer *m_retryTimer;
    QTimer *m_renewTimer;
    bool m_brokered = false;
};

// What a ManagedPeer appends to its announce URLs: the attached RelayedPeer's query, or "".
QString relayedAnnounceQuery(const QObject *managedPeer);

} // namespace mp2p
