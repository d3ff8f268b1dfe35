#include "altoresources.h"

#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace mp2p::alto {

QJsonObject costTypeJson(CostMode mode)
{
    return {{QStringLiteral("cost-mode"), mode == CostMode::Ordinal ? QStringLiteral("ordinal") : QStringLiteral("numerical")},
            {QStringLiteral("cost-metric"), QStringLiteral("routingcost")}};
}

QString pidPropertyName(const AltoMaps &maps)
{
    return maps.resourceId() + QStringLiteral(".pid");
}

HttpResponse altoJson(const char *mediaType, const QJsonObject &body)
{
    return HttpResponse::raw(mediaType, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

namespace {
QJsonObject resource(const QString &baseUrl, const char *path, const char *mediaType)
{
    return {{QStringLiteral("uri"), baseUrl + QLatin1String(path)}, {QStringLiteral("media-type"), QLatin1String(mediaType)}};
}

QJsonObject withCostTypes(QJsonObject entry, const QStringList &names, const QString &uses, bool constraints)
{
    QJsonObject capabilities{{QStringLiteral("cost-type-names"), QJsonArray::fromStringList(names)}};
    if (constraints)
        capabilities.insert(QStringLiteral("cost-constraints"), true);
    entry.insert(QStringLiteral("capabilities"), capabilities);
    if (!uses.isEmpty())
        entry.insert(QStringLiteral("uses"), QJsonArray{uses});
    return entry;
}
} // namespace

HttpResponse directory(const AltoMaps &maps, const QString &baseUrl)
{
    const QString mapId = maps.resourceId();
    const QStringList bothTypes{QLatin1String(NumericalCostTypeName), QLatin1String(OrdinalCostTypeName)};
    QJsonObject resources;
    resources.insert(mapId, resource(baseUrl, NetworkMapPath, NetworkMapType));
    resources.insert(QStringLiteral("num-routingcost-map"),
                     withCostTypes(resource(baseUrl, NumericalCostMapPath, CostMapType), {QLatin1String(NumericalCostTypeName)}, mapId, false));
    resources.insert(QStringLiteral("ord-routingcost-map"),
                     withCostTypes(resource(baseUrl, OrdinalCostMapPath, CostMapType), {QLatin1String(OrdinalCostTypeName)}, mapId, false));

    QJsonObject filteredNetwork = resource(baseUrl, FilteredNetworkMapPath, NetworkMapType);
    filteredNetwork.insert(QStringLiteral("accepts"), QLatin1String(NetworkMapFilterType));
    filteredNetwork.insert(QStringLiteral("uses"), QJsonArray{mapId});
    resources.insert(QStringLiteral("filtered-network-map"), filteredNetwork);

    QJsonObject filteredCost = withCostTypes(resource(baseUrl, FilteredCostMapPath, CostMapType), bothTypes, mapId, true);
    filteredCost.insert(QStringLiteral("accepts"), QLatin1String(CostMapFilterType));
    resources.insert(QStringLiteral("filtered-cost-map"), filteredCost);

    QJsonObject endpointProp = resource(baseUrl, EndpointPropPath, EndpointPropType);
    endpointProp.insert(QStringLiteral("accepts"), QLatin1String(EndpointPropParamsType));
    endpointProp.insert(QStringLiteral("capabilities"), QJsonObject{{QStringLiteral("prop-types"), QJsonArray{pidPropertyName(maps)}}});
    endpointProp.insert(QStringLiteral("uses"), QJsonArray{mapId});
    resources.insert(QStringLiteral("endpoint-property"), endpointProp);

    QJsonObject endpointCostEntry = withCostTypes(resource(baseUrl, EndpointCostPath, EndpointCostType), bothTypes, {}, true);
    endpointCostEntry.insert(QStringLiteral("accepts"), QLatin1String(EndpointCostParamsType));
    resources.insert(QStringLiteral("endpoint-cost"), endpointCostEntry);

    const QJsonObject meta{
        {QStringLiteral("cost-types"), QJsonObject{{QLatin1String(NumericalCostTypeName), costTypeJson(CostMode::Numerical)},
                                                   {QLatin1String(OrdinalCostTypeName), costTypeJson(CostMode::Ordinal)}}},
        {QStringLiteral("default-alto-network-map"), mapId}};
    return altoJson(DirectoryType, {{QStringLiteral("meta"), meta}, {QStringLiteral("resources"), resources}});
}

HttpResponse networkMap(const AltoMaps &maps)
{
    const QJsonObject meta{{QStringLiteral("vtag"), maps.vtagJson()}};
    return altoJson(NetworkMapType, {{QStringLiteral("meta"), meta}, {QStringLiteral("network-map"), maps.networkMapJson()}});
}

AltoMaps::CostRows selectCosts(const AltoMaps &maps, const QStringList &srcs, const QStringList &dsts, CostMode mode)
{
    const QSet<QString> srcSet(srcs.begin(), srcs.end());
    const QSet<QString> dstSet(dsts.begin(), dsts.end());
    AltoMaps::CostRows rows;
    for (auto src = maps.costs().begin(); src != maps.costs().end(); ++src) {
        if (!srcSet.isEmpty() && !srcSet.contains(src.key()))
            continue;
        for (auto dst = src->begin(); dst != src->end(); ++dst)
            if (dstSet.isEmpty() || dstSet.contains(dst.key()))
                rows[src.key()].insert(dst.key(), dst.value());
    }
    if (mode == CostMode::Ordinal)
        rankOrdinal(&rows);
    return rows;
}

void rankOrdinal(AltoMaps::CostRows *rows)
{
    QList<double> values;
    for (const auto &row : *rows)
        values.append(row.values());
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    for (auto &row : *rows)
        for (double &v : row)
            v = double(std::lower_bound(values.begin(), values.end(), v) - values.begin() + 1);
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

HttpResponse costMap(const AltoMaps &maps, CostMode mode)
{
    const QJsonObject meta{{QStringLiteral("dependent-vtags"), QJsonArray{maps.vtagJson()}},
                           {QStringLiteral("cost-type"), costTypeJson(mode)}};
    return altoJson(CostMapType, {{QStringLiteral("meta"), meta},
                                  {QStringLiteral("cost-map"), costRowsJson(selectCosts(maps, {}, {}, mode))}});
}

} // namespace mp2p::alto
