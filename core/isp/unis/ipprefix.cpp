#include "ipprefix.h"

#include <algorithm>

namespace mp2p {

QString IpPrefix::toString() const
{
    return network.toString() + QLatin1Char('/') + QString::number(length);
}

QHostAddress unmapIpv4(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4 && address.protocol() == QAbstractSocket::IPv6Protocol)
        return QHostAddress(v4);
    return address;
}

QByteArray maskedAddressBytes(const QHostAddress &address, int length)
{
    QByteArray bytes;
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 v4 = address.toIPv4Address();
        bytes = QByteArray(4, '\0');
        for (int i = 0; i < 4; ++i)
            bytes[i] = char((v4 >> (24 - 8 * i)) & 0xff);
    } else {
        const Q_IPV6ADDR v6 = address.toIPv6Address();
        bytes = QByteArray(reinterpret_cast<const char *>(v6.c), 16);
    }
    for (int i = 0; i < bytes.size(); ++i) {
        const int keep = std::clamp(length - 8 * i, 0, 8);
        bytes[i] = char(quint8(bytes[i]) & quint8(0xff << (8 - keep)));
    }
    return bytes;
}

std::optional<IpPrefix> IpPrefix::parse(const QString &text, QString *error)
{
    if (!text.contains(QLatin1Char('/'))) {
        *error = QStringLiteral("'%1' is not a prefix: write it as address/length, e.g. 192.0.2.0/24").arg(text);
        return std::nullopt;
    }
    const QPair<QHostAddress, int> subnet = QHostAddress::parseSubnet(text);
    if (subnet.first.isNull() || subnet.second < 0 || text.contains(QLatin1Char('%'))) {
        *error = QStringLiteral("'%1' is not an IPv4 or IPv6 prefix").arg(text);
        return std::nullopt;
    }
    // parseSubnet clears host bits silently; compare with the address as written.
    const IpPrefix prefix{subnet.first, subnet.second};
    const QHostAddress written(text.section(QLatin1Char('/'), 0, 0));
    if (written != prefix.network) {
        *error = QStringLiteral("'%1' has host bits set; did you mean %2?").arg(text, prefix.toString());
        return std::nullopt;
    }
    return prefix;
}

bool PrefixTable::insert(const IpPrefix &prefix, const QString &value, QString *existing)
{
    Family &family = prefix.isIpv6() ? m_v6 : m_v4;
    QHash<QByteArray, QString> &table = family.byLength[prefix.length];
    const QByteArray key = maskedAddressBytes(prefix.network, prefix.length);
    const auto it = table.constFind(key);
    if (it != table.constEnd()) {
        if (existing)
            *existing = it.value();
        return false;
    }
    table.insert(key, value);
    if (!family.lengthsLongestFirst.contains(prefix.length)) {
        family.lengthsLongestFirst.append(prefix.length);
        std::sort(family.lengthsLongestFirst.begin(), family.lengthsLongestFirst.end(), std::greater<int>());
    }
    ++m_count;
    return true;
}

std::optional<QString> PrefixTable::lookup(const QHostAddress &input) const
{
    const QHostAddress address = unmapIpv4(input);
    if (address.isNull())
        return std::nullopt;
    const Family &family = address.protocol() == QAbstractSocket::IPv6Protocol ? m_v6 : m_v4;
    for (int length : family.lengthsLongestFirst) {
        const QHash<QByteArray, QString> &table = *family.byLength.find(length);
        const auto it = table.constFind(maskedAddressBytes(address, length));
        if (it != table.constEnd())
            return it.value();
    }
    return std::nullopt;
}

} // namespace mp2p
