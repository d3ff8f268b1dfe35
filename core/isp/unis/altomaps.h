#pragma once

#include "ipprefix.h"
#include "unisconfig.h"

#include <QJsonObject>
#include <QMap>
#include <QStringList>

#include <memory>
#include <optional>

namespace mp2p {

// One version of an ALTO network map and its numerical routingcost map, immutable once
// built: the server swaps whole snapshots on reload, and the client replaces its copy on a
// new vtag, so readers never see half of a change.
class AltoMaps {
public:
    using CostRows = QMap<QString, QMap<QString, double>>;  // src PID → dst PID → cost

    // Server side: from the operator's config; the tag is SHA-256 (hex) of the canonical JSON of
    // both maps, so it changes whenever anything served changes and only then.
    static std::shared_ptr<const AltoMaps> fromConfig(const UnisConfig &config);
    // Client side: from the "network-map" response and a numerical routingcost "cost-map" response.
    static std::shared_ptr<const AltoMaps> fromAlto(const QJsonObject &networkMapResponse,
                                                    const QJsonObject &costMapResponse, QString *error);

    const QString &resourceId() const { return m_resourceId; }
    const QString &tag() const { return m_tag; }
    QStringList pids() const { return m_prefixes.keys(); }
    bool hasPid(const QString &pid) const { return m_prefixes.contains(pid); }
    // Longest-prefix match over IPv4 and IPv6; IPv4-mapped IPv6 counts as IPv4.
    std::optional<QString> pidOf(const QHostAddress &address) const { return m_table.lookup(address); }
    std::optional<double> cost(const QString &src, const QString &dst) const;
    const CostRows &costs() const { return m_costs; }

    // {"resource-id", "tag"} as in "meta"/"vtag" and "dependent-vtags".
    QJsonObject vtagJson() const;
    // The "network-map" member: the PIDs asked for (all when empty), the address types asked for.
    QJsonObject networkMapJson(const QStringList &pids = {}, bool ipv4 = true, bool ipv6 = true) const;

private:
    void addPrefix(const QString &pid, const IpPrefix &prefix);

    QString m_resourceId;
    QString m_tag;
    QMap<QString, UnisPid> m_prefixes;
    PrefixTable m_table;
    CostRows m_costs;
};

using AltoMapsPtr = std::shared_ptr<const AltoMaps>;

} // namespace mp2p
