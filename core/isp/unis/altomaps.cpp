#include "altomaps.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace mp2p {

namespace {
QJsonArray prefixStrings(const QList<IpPrefix> &prefixes)
{
    QJsonArray out;
    for (const IpPrefix &p : prefixes)
        out.append(p.toString());
    return out;
}

QJsonObject costRowsJson(const AltoMaps::CostRows &rows)
{
    QJsonObject out;
    for (auto src = rows.begin(); src != rows.end(); ++src) {
        QJsonObject row;
        for (auto dst = src->begin(); dst != src->end(); ++dst)
            row.insert(dst.key(), dst.value());
        out.insert(src.key(), row);
    }
    return out;
}
} // namespace

void AltoMaps::addPrefix(const QString &pid, const IpPrefix &prefix)
{
    if (!m_table.insert(prefix, pid))
        return;  // the parser already refused conflicting prefixes; a repeat is harmless
    UnisPid &entry = m_prefixes[pid];
    (prefix.isIpv6() ? entry.ipv6 : entry.ipv4).append(prefix);
}

std::shared_ptr<const AltoMaps> AltoMaps::fromConfig(const UnisConfig &config)
{
    auto maps = std::make_shared<AltoMaps>();
    maps->m_resourceId = config.resourceId;
    for (auto it = config.pids.begin(); it != config.pids.end(); ++it) {
        maps->m_prefixes.insert(it.key(), {});
        for (const IpPrefix &p : it->ipv4 + it->ipv6)
            maps->addPrefix(it.key(), p);
    }
    if (!config.defaultPid.isEmpty()) {
        QString unused;
        maps->addPrefix(config.defaultPid, *IpPrefix::parse(QStringLiteral("0.0.0.0/0"), &unused));
        maps->addPrefix(config.defaultPid, *IpPrefix::parse(QStringLiteral("::/0"), &unused));
    }
    const QStringList pids = maps->m_prefixes.keys();
    for (const QString &src : pids)
        for (const QString &dst : pids)
            if (const auto c = config.cost(src, dst))
                maps->m_costs[src].insert(dst, *c);

    const QJsonObject canonical{{QStringLiteral("network-map"), maps->networkMapJson()},
                                {QStringLiteral("cost-map"), costRowsJson(maps->m_costs)}};
    maps->m_tag = QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(canonical).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256).toHex());
    return maps;
}

std::shared_ptr<const AltoMaps> AltoMaps::fromAlto(const QJsonObject &networkMapResponse,
                                                   const QJsonObject &costMapResponse, QString *error)
{
    auto maps = std::make_shared<AltoMaps>();
    const QJsonObject vtag = networkMapResponse.value(QStringLiteral("meta")).toObject().value(QStringLiteral("vtag")).toObject();
    maps->m_resourceId = vtag.value(QStringLiteral("resource-id")).toString();
    maps->m_tag = vtag.value(QStringLiteral("tag")).toString();
    const QJsonValue networkMap = networkMapResponse.value(QStringLiteral("network-map"));
    if (maps->m_tag.isEmpty() || !networkMap.isObject()) {
        *error = QStringLiteral("the network map has no meta.vtag.tag or no \"network-map\" object");
        return nullptr;
    }
    const QJsonObject nm = networkMap.toObject();
    for (auto pid = nm.begin(); pid != nm.end(); ++pid) {
        maps->m_prefixes.insert(pid.key(), {});
        const QJsonObject families = pid.value().toObject();
        for (const QString &family : {QStringLiteral("ipv4"), QStringLiteral("ipv6")}) {
            for (const QJsonValue &text : families.value(family).toArray()) {
                QString why;
                const auto prefix = IpPrefix::parse(text.toString(), &why);
                if (!prefix) {
                    *error = QStringLiteral("network map PID %1: %2").arg(pid.key(), why);
                    return nullptr;
                }
                maps->addPrefix(pid.key(), *prefix);
            }
        }
    }
    const QJsonObject costType = costMapResponse.value(QStringLiteral("meta")).toObject().value(QStringLiteral("cost-type")).toObject();
    if (costType.value(QStringLiteral("cost-mode")).toString() != QLatin1String("numerical")) {
        *error = QStringLiteral("the cost map is not in numerical mode");
        return nullptr;
    }
    const QJsonObject rows = costMapResponse.value(QStringLiteral("cost-map")).toObject();
    for (auto src = rows.begin(); src != rows.end(); ++src) {
        const QJsonObject row = src.value().toObject();
        for (auto dst = row.begin(); dst != row.end(); ++dst)
            if (dst.value().isDouble())
                maps->m_costs[src.key()].insert(dst.key(), dst.value().toDouble());
    }
    return maps;
}

std::optional<double> AltoMaps::cost(const QString &src, const QString &dst) const
{
    const auto row = m_costs.constFind(src);
    if (row == m_costs.constEnd())
        return std::nullopt;
    const auto it = row->constFind(dst);
    if (it == row->constEnd())
        return std::nullopt;
    return *it;
}

QJsonObject AltoMaps::vtagJson() const
{
    return {{QStringLiteral("resource-id"), m_resourceId}, {QStringLiteral("tag"), m_tag}};
}

QJsonObject AltoMaps::networkMapJson(const QStringList &pids, bool ipv4, bool ipv6) const
{
    QJsonObject out;
    const QSet<QString> wanted(pids.begin(), pids.end());
    for (auto it = m_prefixes.begin(); it != m_prefixes.end(); ++it) {
        if (!wanted.isEmpty() && !wanted.contains(it.key()))
            continue;
        QJsonObject entry;
        if (ipv4 && !it->ipv4.isEmpty())
            entry.insert(QStringLiteral("ipv4"), prefixStrings(it->ipv4));
        if (ipv6 && !it->ipv6.isEmpty())
            entry.insert(QStringLiteral("ipv6"), prefixStrings(it->ipv6));
        out.insert(it.key(), entry);
    }
    return out;
}

} // namespace mp2p
