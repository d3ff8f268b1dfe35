#pragma once

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QStringList>

namespace mp2p {

// Which peer addresses an allocation of our RS may give permissions to. A relay is reachable
// from the internet; without this check any user could have it accept connections from (and
// announce relayed addresses towards) the operator's own networks. Like coturn's defaults
// (no --allow-loopback-peers, denied-peer-ip), loopback, private, link-local, multicast,
// unspecified and broadcast addresses are refused unless the operator allows them explicitly:
// allowLoopback for 127.0.0.0/8 and ::1, allowedRanges (CIDR) for anything else, e.g. a test lab
// or a relay that serves one LAN.
class RelayPeerPolicy {
public:
    using Range = QPair<QHostAddress, int>;

    RelayPeerPolicy() = default;
    RelayPeerPolicy(bool allowLoopback, QList<Range> allowedRanges);

    // Parses "10.0.0.0/8", "fd00::/8", "192.168.1.7" (one host); false with a message naming the
    // bad entry otherwise.
    static bool parseRanges(const QStringList &cidrs, QList<Range> *out, QString *error);

    // False with the reason (e.g. "127.0.0.1 is a loopback address") when |peer| is refused.
    bool allows(const QHostAddress &peer, QString *why = nullptr) const;

    bool allowLoopback() const { return m_allowLoopback; }
    const QList<Range> &allowedRanges() const { return m_allowed; }

private:
    bool m_allowLoopback = false;
    QList<Range> m_allowed;
};

} // namespace mp2p
