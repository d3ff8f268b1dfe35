#pragma once

#include "altoerror.h"
#include "altomaps.h"

#include <base/httprouter.h>

namespace mp2p::alto {

// Where each resource is served. RFC 7285 fixes no paths: a client is configured with (or
// discovers, RFC 7286) the URI of the Information Resource Directory and finds everything
// else in it. Ours is "<base URL>/alto"; /.well-known/mp2p lists base URLs under "unis".
inline constexpr char DirectoryPath[] = "/alto";
inline constexpr char NetworkMapPath[] = "/alto/networkmap";
inline constexpr char NumericalCostMapPath[] = "/alto/costmap/num-routingcost";
inline constexpr char OrdinalCostMapPath[] = "/alto/costmap/ord-routingcost";
inline constexpr char FilteredNetworkMapPath[] = "/alto/networkmap/filtered";
inline constexpr char FilteredCostMapPath[] = "/alto/costmap/filtered";
inline constexpr char EndpointPropPath[] = "/alto/endpointprop";
inline constexpr char EndpointCostPath[] = "/alto/endpointcost";

// Cost type names in the IRD's meta.cost-types.
inline constexpr char NumericalCostTypeName[] = "num-routingcost";
inline constexpr char OrdinalCostTypeName[] = "ord-routingcost";

enum class CostMode { Numerical, Ordinal };

QJsonObject costTypeJson(CostMode mode);
// "<resource-id>.pid", the endpoint property of RFC 7285 §10.8.2 for our network map.
QString pidPropertyName(const AltoMaps &maps);

// GET resources. baseUrl is "http://host:port" as the client addressed us (empty = relative URIs).
HttpResponse directory(const AltoMaps &maps, const QString &baseUrl);
HttpResponse networkMap(const AltoMaps &maps);
HttpResponse costMap(const AltoMaps &maps, CostMode mode);

// POST resources (altofilters.cpp). A request asking for more than `limits` allow is refused
// with E_INVALID_FIELD_VALUE naming the list, before any work is done.
HttpResponse filteredNetworkMap(const AltoMaps &maps, const HttpRequest &request, const AltoLimits &limits);
HttpResponse filteredCostMap(const AltoMaps &maps, const HttpRequest &request, const AltoLimits &limits);
HttpResponse endpointProperties(const AltoMaps &maps, const HttpRequest &request, const AltoLimits &limits);
HttpResponse endpointCost(const AltoMaps &maps, const HttpRequest &request, const AltoLimits &limits);

// The cost rows to send: only srcs/dsts asked for (all when empty), values in the given mode
// (ordinal: dense ranks 1, 2, ... over all values of this response, lower = preferred,
// RFC 7285 §6.1.2). Shared by the full and the filtered cost map.
AltoMaps::CostRows selectCosts(const AltoMaps &maps, const QStringList &srcs, const QStringList &dsts, CostMode mode);
void rankOrdinal(AltoMaps::CostRows *rows);
QJsonObject costRowsJson(const AltoMaps::CostRows &rows);
HttpResponse altoJson(const char *mediaType, const QJsonObject &body);

} // namespace mp2p::alto
