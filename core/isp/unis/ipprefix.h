#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QString>

#include <optional>

namespace mp2p {

// One CIDR prefix, "127.1.0.0/16" or "2001:db8::/32", with its host bits zero.
struct IpPrefix {
    QHostAddress network;
    int length = 0;

    bool isIpv6() const { return network.protocol() == QAbstractSocket::IPv6Protocol; }
    QString toString() const;
    // Parses and checks a prefix; a prefix with host bits set is refused (with the corrected
    // prefix in the message) because it almost always means a typo in the operator's file.
    static std::optional<IpPrefix> parse(const QString &text, QString *error);
};

// The address bytes (4 or 16) with everything after `length` bits cleared.
QByteArray maskedAddressBytes(const QHostAddress &address, int length);
// IPv4-mapped IPv6 (::ffff:a.b.c.d, as a dual-stack socket reports IPv4 peers) → plain IPv4.
QHostAddress unmapIpv4(const QHostAddress &address);

// Longest-prefix match from prefixes to a value (the PID name). One hash per distinct prefix
// length and family, probed from the longest length down: a lookup costs at most as many hash
// probes as there are distinct lengths (≤ 33 or 129), however many prefixes the ISP has.
class PrefixTable {
public:
    // Returns false when exactly this prefix is already present (with the value it has).
    bool insert(const IpPrefix &prefix, const QString &value, QString *existing = nullptr);
    std::optional<QString> lookup(const QHostAddress &address) const;
    int size() const { return m_count; }

private:
    struct Family {
        QHash<int, QHash<QByteArray, QString>> byLength;
        QList<int> lengthsLongestFirst;
    };
    Family m_v4;
    Family m_v6;
    int m_count = 0;
};

} // namespace mp2p
