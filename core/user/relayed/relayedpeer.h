#pragma once

#include "relayedlistener.h"

#include <QObject>
#include <QPointer>

class QTimer;

namespace mp2p {

class ManagedPeer;

// Parses a relay given on the command line: "turn://user:password@host:port" (also without the
// scheme). The host must be an IP address. Returns false with a message that says what is wrong.
bool parseRelaySpec(const QString &spec, TurnClientConfig *out, QString *error);

// Puts a ManagedPeer that nobody can reach behind a TURN TCP allocation (coturn or our RS):
// relayed connections are joined to the engine's listener, the overlay's peers (from the OMS
// peer list, R5) get TURN permissions, and every announce carries "&relayed=<ip>:<port>" so the
// OMS lists the relayed address (core/p2psp/oms/tracker.cpp decides whether to accept it).
// attach() makes it a child of the peer; ManagedPeer finds it there (relayedAnnounceQuery) and
// rebuilds its tracker URLs on announceQueryChanged().
class RelayedPeer : public QObject {
    Q_OBJECT
public:
    static RelayedPeer *attach(ManagedPeer *peer, const TurnClientConfig &turn);
    ~RelayedPeer() override;

    QString announceQuery() const { return m_listener->announceQuery(); }
    RelayedListener *listener() const { return m_listener; }

Q_SIGNALS:
    void announceQueryChanged();
    void failed(const QString &error);

private:
    RelayedPeer(ManagedPeer *peer, const TurnClientConfig &turn);
    void start();
    void refreshPermissions();

    QPointer<ManagedPeer> m_peer;
    TurnClientConfig m_turn;
    RelayedListener *m_listener;
    QTimer *m_permissionTimer;
    QTimer *m_retryTimer;
};

// What a ManagedPeer appends to its announce URLs: the attached RelayedPeer's query, or "".
QString relayedAnnounceQuery(const QObject *managedPeer);

} // namespace mp2p
