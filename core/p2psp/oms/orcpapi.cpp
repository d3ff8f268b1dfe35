#include "orcpapi.h"

#include "cachescheduler.h"
#include "omsjson.h"

#include <protocol/jsonfields.h>

#include <QJsonArray>

namespace mp2p {

namespace {
constexpr qint64 MaxBytes = 1LL << 53;           // exact in a JSON number
constexpr qint64 MaxBandwidthBps = 1'000'000'000'000LL;

HttpResponse poolFailure(const QString &error)
{
    return HttpResponse::error(ApiError::internal(QStringLiteral("the resource pool failed: %1").arg(error)));
}

HttpResponse unknownResource(const QString &id)
{
    return HttpResponse::error(ApiError::notFound(
        QStringLiteral("no resource %1 in this OMS's pool (deregistered or expired since); register it again").arg(id)));
}

bool validResourceId(const QString &id)
{
    return isHex(id, 32);
}

bool validEndpoint(const QString &text)
{
    QString ip;
    quint16 port = 0;
    return splitEndpoint(text, &ip, &port);
}
} // namespace

OrcpApi::OrcpApi(OmsState &state, CacheScheduler &scheduler)
    : m_state(state)
    , m_scheduler(scheduler)
{
}

void OrcpApi::registerRoutes(HttpRouter &router)
{
    const QString base = QStringLiteral("/oms/v1/resources");
    const QString one = base + QStringLiteral("/{rid}");
    // A registered resource is its registrant's to keep alive, allocate and remove; operators
    // may act on any. The pool (addresses, owners, load) is the operators' view.
    const RoutePolicy owner = RoutePolicy::owner(&m_state.auth, [this](const HttpRequest &r, ApiError *error) {
        return resourceOwner(r, error);
    });
    router.add(HttpMethod::Post, base,
               RoutePolicy::user(&m_state.auth).limit(RateRule::perUser(QStringLiteral("orcp-registrations"), 30, 600)),
               [this](const HttpRequest &r) { return registerResource(r); });
    router.add(HttpMethod::Get, base, RoutePolicy::operatorOnly(&m_state.auth), [this](const HttpRequest &r) { return list(r); });
    router.add(HttpMethod::Get, one, owner, [this](const HttpRequest &r) { return status(r); });
    router.add(HttpMethod::Delete, one, owner, [this](const HttpRequest &r) { return deregister(r); });
    router.add(HttpMethod::Post, one + QStringLiteral("/keepalive"), owner, [this](const HttpRequest &r) { return keepAlive(r); });
    router.add(HttpMethod::Post, one + QStringLiteral("/allocations"), owner, [this](const HttpRequest &r) { return allocate(r); });
    router.add(HttpMethod::Delete, one + QStringLiteral("/allocations/{overlayId}"), owner,
               [this](const HttpRequest &r) { return deallocate(r); });
    router.add(HttpMethod::Post, one + QStringLiteral("/relays"), owner, [this](const HttpRequest &r) { return startRelay(r); });
    router.add(HttpMethod::Delete, one + QStringLiteral("/relays/{overlayId}"), owner,
               [this](const HttpRequest &r) { return stopRelay(r); });
    // An RS sends its whole allocation list on every change and with its keep-alives: at most
    // about one a second, plus a burst when it restarts.
    router.add(HttpMethod::Put, one + QStringLiteral("/relayports"),
               owner.limit(RateRule::perUser(QStringLiteral("orcp-relayports"), 300, 60)).maxBody(MaxRelayPortsBody),
               [this](const HttpRequest &r) { return reportRelayPorts(r); });
}

QJsonObject OrcpApi::resourceJson(const Resource &r, bool withDetails) const
{
    const qint64 now = m_state.clock();
    QJsonObject o{{QStringLiteral("resourceId"), r.resourceId}, {QStringLiteral("type"), r.type},
                  {QStringLiteral("owner"), r.owner}, {QStringLiteral("address"), r.address},
                  {QStringLiteral("port"), int(r.port)}, {QStringLiteral("region"), r.region},
                  {QStringLiteral("diskBytes"), r.diskBytes}, {QStringLiteral("reservedBytes"), r.reservedBytes},
                  {QStringLiteral("uploadBps"), r.uploadBps}, {QStringLiteral("mode"), r.mode},
                  {QStringLiteral("registeredAt"), r.registeredAt}, {QStringLiteral("keepAliveAt"), r.keepAliveAt},
                  {QStringLiteral("expiresAt"), r.expiresAt}, {QStringLiteral("alive"), r.alive(now)},
                  {QStringLiteral("keepAliveSecs"), m_state.config.keepAliveSecs()}};
    if (r.type == QLatin1String("rs"))
        o.insert(QStringLiteral("maxAllocations"), r.maxAllocations);
    if (!withDetails)
        return o;
    QString error;
    QJsonArray allocations;
    for (const ResourceAllocation &a : m_state.pool.allocations(r.resourceId, now, &error).value_or(QList<ResourceAllocation>()))
        allocations.append(QJsonObject{{QStringLiteral("overlayId"), a.overlayId}, {QStringLiteral("region"), a.region},
                                       {QStringLiteral("reservedBytes"), a.reservedBytes},
                                       {QStringLiteral("allocatedAt"), a.allocatedAt}, {QStringLiteral("demandAt"), a.demandAt}});
    QJsonArray relays;
    for (const RelayRecord &rr : m_state.pool.relays(r.resourceId, &error).value_or(QList<RelayRecord>()))
        relays.append(QJsonObject{{QStringLiteral("overlayId"), rr.overlayId}, {QStringLiteral("relayedAddress"), rr.relayedAddress},
                                  {QStringLiteral("startedAt"), rr.startedAt}});
    o.insert(QStringLiteral("allocations"), allocations);
    o.insert(QStringLiteral("relays"), relays);
    if (r.type == QLatin1String("rs")) {
        QJsonArray ports;   // what it reported (PUT .../relayports), still live
        for (const RelayPort &p : m_state.pool.relayPorts(r.resourceId, now, &error).value_or(QList<RelayPort>()))
            ports.append(QJsonObject{{QStringLiteral("port"), int(p.port)}, {QStringLiteral("userId"), p.userId},
                                     {QStringLiteral("expiresAt"), p.expiresAt}});
        o.insert(QStringLiteral("relayPorts"), ports);
    }
    return o;
}

HttpResponse OrcpApi::registerResource(const HttpRequest &request)
{
    ApiError error;
    QJsonObject body;
    if (!parseJsonObject(request.body, &body, &error))
        return HttpResponse::error(error);
    JsonFields in(body);
    Resource r;
    r.type = in.choice(QStringLiteral("type"), JsonFields::Required, {QStringLiteral("cs"), QStringLiteral("rs")});
    // Absent: the address the request came from.
    const QString address = in.string(QStringLiteral("address"), JsonFields::Optional, 2, 64);
    r.port = quint16(in.integer(QStringLiteral("port"), JsonFields::Required, 1, 65535));
    const QString statedRegion = in.string(QStringLiteral("region"), JsonFields::Optional, 1, 64);
    r.diskBytes = in.integer(QStringLiteral("diskBytes"), r.type == QLatin1String("cs") ? JsonFields::Required : JsonFields::Optional,
                             0, MaxBytes);
    r.uploadBps = in.integer(QStringLiteral("uploadBps"), JsonFields::Optional, 0, MaxBandwidthBps);
    // An RS's quota bounds how many allocations it may report (PUT .../relayports).
    r.maxAllocations = int(in.integer(QStringLiteral("maxAllocations"), JsonFields::Optional, 1, MaxRelayPorts));
    // No default: a client that forgot to say must not become the provider's own server.
    r.mode = in.choice(QStringLiteral("mode"), JsonFields::Required, {QStringLiteral("volunteer"), QStringLiteral("dedicated")});
    if (in.ok() && r.type == QLatin1String("cs") && r.diskBytes <= 0)
        in.fail(QStringLiteral("diskBytes"), QStringLiteral("invalid_value"),
                QStringLiteral("a cache server must offer some disk: diskBytes > 0"));
    QHostAddress endpoint;
    QString problem;
    if (in.ok() && !address.isEmpty() && QHostAddress(address).isNull())
        in.fail(QStringLiteral("address"), QStringLiteral("invalid_value"),
                QStringLiteral("address must be the IPv4 or IPv6 address peers connect to, e.g. 127.2.0.5"));
    // The stated address is honoured under the same rule as a peer's "ip": otherwise anyone
    // could point the OMS's peer lists at a third party.
    if (in.ok() && !resolvePeerAddress(request, address, m_state.config.trustIpParameter, &endpoint, &problem))
        in.fail(QStringLiteral("address"), QStringLiteral("invalid_value"), problem);
    if (!in.ok())
        return HttpResponse::error(in.error());
    if (r.mode == QLatin1String("dedicated") && !request.caller.isOperator) {
        ApiError e = ApiError::forbidden(QStringLiteral("only the provider's operators may register a dedicated %1").arg(r.type));
        e.field = QStringLiteral("mode");
        e.hint = QStringLiteral("register with \"mode\": \"volunteer\" (needs your consent at the PAMS), or run it "
                                "with a key the provider lists under \"operators\"");
        return HttpResponse::error(e);
    }
    r.owner = request.caller.userId;
    if (const ConsentAnswer consent = consentOf(r); !consent.granted())
        return noConsent(r, consent);
    r.address = endpoint.toString();
    r.region = m_scheduler.regionOf(endpoint);
    if (r.region.isEmpty())
        r.region = statedRegion.isEmpty() ? QStringLiteral("") : statedRegion;  // the map wins; stated, else none ("")
    QString storeError;
    const ResourcePool::Result result = m_state.pool.registerResource(&r, m_state.clock(), &storeError);
    if (result == ResourcePool::Result::Failed)
        return poolFailure(storeError);
    const std::optional<Resource> stored = m_state.pool.find(r.resourceId, &storeError);
    if (!stored)
        return poolFailure(storeError);
    m_scheduler.refreshSnapshot();  // the ranking waits for a new cache from now on, not from the job's next pass
    QJsonObject reply = resourceJson(*stored, true);
    if (!addRelaySecret(*stored, &reply, &storeError))
        return poolFailure(storeError);
    return HttpResponse::json(reply, result == ResourcePool::Result::Created ? 201 : 200);
}

std::optional<Resource> OrcpApi::findResource(const HttpRequest &request, ApiError *error) const
{
    const QString id = request.params.value(QStringLiteral("rid"));
    if (!validResourceId(id)) {
        *error = ApiError::badRequest(QStringLiteral("invalid_value"), QStringLiteral("a resource id is 32 lower-case hex characters"),
                                      QStringLiteral("resourceId"));
        return std::nullopt;
    }
    QString storeError;
    std::optional<Resource> r = m_state.pool.find(id, &storeError);
    if (!r && !storeError.isEmpty())
        *error = ApiError::internal(QStringLiteral("the resource pool failed: %1").arg(storeError));
    else if (!r)
        *error = ApiError::notFound(
            QStringLiteral("no resource %1 in this OMS's pool (never registered, deregistered or expired); register it again").arg(id));
    return r;
}

std::optional<QString> OrcpApi::resourceOwner(const HttpRequest &request, ApiError *error) const
{
    const std::optional<Resource> r = findResource(request, error);
    return r ? std::optional<QString>(r->owner) : std::nullopt;
}

std::optional<Resource> OrcpApi::ownResource(const HttpRequest &request, HttpResponse *failure) const
{
    ApiError error;
    std::optional<Resource> r = findResource(request, &error);
    if (!r)
        *failure = HttpResponse::error(error);
    return r;
}

HttpResponse OrcpApi::keepAlive(const HttpRequest &request)
{
    HttpResponse failure;
    const std::optional<Resource> own = ownResource(request, &failure);
    if (!own)
        return failure;
    if (const ConsentAnswer consent = consentOf(*own); consent.state == ConsentAnswer::State::No) {
        removeResource(*own);  // revoked since it registered: out of every peer list now
        return noConsent(*own, consent);
    } else if (!consent.granted()) {
        return noConsent(*own, consent);  // unknown for now: not renewed, but not dropped either
    }
    Resource r;
    QString storeError;
    switch (m_state.pool.keepAlive(own->resourceId, m_state.clock(), &r, &storeError)) {
    case ResourcePool::Result::Ok: {
        QJsonObject reply = resourceJson(r, true);
        if (!addRelaySecret(r, &reply, &storeError))
            return poolFailure(storeError);
        return HttpResponse::json(reply);
    }
    case ResourcePool::Result::NotFound:
        return unknownResource(own->resourceId);
    default:
        return poolFailure(storeError);
    }
}

HttpResponse OrcpApi::deregister(const HttpRequest &request)
{
    HttpResponse failure;
    const std::optional<Resource> own = ownResource(request, &failure);
    if (!own)
        return failure;
    QString storeError;
    if (!removeResource(*own, &storeError))
        return poolFailure(storeError);
    return HttpResponse::noContent();
}

bool OrcpApi::removeResource(const Resource &resource, QString *error)
{
    QString storeError;
    // The cache leaves the swarms it served at once, so no peer list names it any more.
    const auto allocations = m_state.pool.allocations(resource.resourceId, m_state.clock(), &storeError);
    for (const ResourceAllocation &a : allocations.value_or(QList<ResourceAllocation>()))
        m_state.registry.removeUser(QByteArray::fromHex(a.overlayId.toLatin1()), resource.owner);
    const bool removed = m_state.pool.remove(resource.resourceId, &storeError) != ResourcePool::Result::Failed;
    if (!removed && error)
        *error = storeError;
    m_scheduler.refreshSnapshot();
    return removed;
}

HttpResponse OrcpApi::status(const HttpRequest &request) const
{
    const QString id = request.params.value(QStringLiteral("rid"));
    if (!validResourceId(id))
        return HttpResponse::error(ApiError::badRequest(QStringLiteral("invalid_value"),
                                                        QStringLiteral("a resource id is 32 lower-case hex characters"),
                                                        QStringLiteral("resourceId")));
    QString storeError;
    const std::optional<Resource> r = m_state.pool.find(id, &storeError);
    if (!r)
        return storeError.isEmpty() ? unknownResource(id) : poolFailure(storeError);
    return HttpResponse::json(resourceJson(*r, true));
}

HttpResponse OrcpApi::list(const HttpRequest &request) const
{
    const QString type = request.query.queryItemValue(QStringLiteral("type"));
    if (!type.isEmpty() && type != QLatin1String("cs") && type != QLatin1String("rs"))
        return HttpResponse::error(ApiError::badRequest(QStringLiteral("invalid_value"), QStringLiteral("type must be cs or rs"),
                                                        QStringLiteral("type")));
    const QString overlayId = request.query.queryItemValue(QStringLiteral("overlayId")).toLower();
    if (!overlayId.isEmpty() && !isHex(overlayId, 40))
        return HttpResponse::error(ApiError::badRequest(QStringLiteral("invalid_value"),
                                                        QStringLiteral("overlayId must be 40 hex characters"), QStringLiteral("overlayId")));
    const qint64 now = m_state.clock();
    QString storeError;
    const auto resources = m_state.pool.live(type, now, &storeError);
    const auto allocations = m_state.pool.allocations(QString(), now, &storeError);
    if (!resources || !allocations)
        return poolFailure(storeError);
    QSet<QString> allocatedHere;
    for (const ResourceAllocation &a : *allocations)
        if (a.overlayId == overlayId)
            allocatedHere.insert(a.resourceId);
    QJsonArray out;
    for (const Resource &r : *resources)
        if (overlayId.isEmpty() || allocatedHere.contains(r.resourceId))
            out.append(resourceJson(r, false));
    return HttpResponse::json(QJsonObject{{QStringLiteral("resources"), out}});
}

HttpResponse OrcpApi::allocate(const HttpRequest &request)
{
    HttpResponse failure;
    const std::optional<Resource> own = ownResource(request, &failure);
    if (!own)
        return failure;
    ApiError error;
    QJsonObject body;
    if (!parseJsonObject(request.body, &body, &error))
        return HttpResponse::error(error);
    JsonFields in(body);
    const QString overlayId = in.string(QStringLiteral("overlayId"), JsonFields::Required, 40, 40).toLower();
    const qint64 reserved = in.integer(QStringLiteral("reservedBytes"), JsonFields::Optional, 0, MaxBytes);
    if (in.ok() && !isHex(overlayId, 40))
        in.fail(QStringLiteral("overlayId"), QStringLiteral("invalid_value"), QStringLiteral("overlayId must be 40 hex characters"));
    if (in.ok() && own->type != QLatin1String("cs"))
        in.fail(QStringLiteral("type"), QStringLiteral("invalid_value"),
                QStringLiteral("only a cache server (type cs) is allocated to overlays; a relay uses /relays"));
    if (!in.ok())
        return HttpResponse::error(in.error());
    if (!m_state.registry.hasOverlay(QByteArray::fromHex(overlayId.toLatin1())))
        return HttpResponse::error(ApiError::notFound(QStringLiteral("no overlay %1 at this OMS").arg(overlayId)));
    const qint64 now = m_state.clock();
    QString storeError;
    switch (m_state.pool.allocate({own->resourceId, overlayId, own->region, reserved, now, now}, &storeError)) {
    case ResourcePool::Result::Ok:
        break;
    case ResourcePool::Result::NotFound:
        return unknownResource(own->resourceId);
    case ResourcePool::Result::NoCapacity:
        return HttpResponse::error(ApiError::conflict(
            QStringLiteral("resource %1 has not enough unreserved disk for %2 bytes; release an overlay or register more disk")
                .arg(own->resourceId).arg(reserved)));
    default:
        return poolFailure(storeError);
    }
    m_scheduler.refreshSnapshot();
    return HttpResponse::json(QJsonObject{{QStringLiteral("resourceId"), own->resourceId}, {QStringLiteral("overlayId"), overlayId},
                                          {QStringLiteral("region"), own->region}, {QStringLiteral("reservedBytes"), reserved},
                                          {QStringLiteral("allocatedAt"), now}},
                              201);
}

HttpResponse OrcpApi::deallocate(const HttpRequest &request)
{
    HttpResponse failure;
    const std::optional<Resource> own = ownResource(request, &failure);
    if (!own)
        return failure;
    const QString overlayId = request.params.value(QStringLiteral("overlayId")).toLower();
    if (!isHex(overlayId, 40))
        return HttpResponse::error(ApiError::badRequest(QStringLiteral("invalid_value"),
                                                        QStringLiteral("overlayId must be 40 hex characters"), QStringLiteral("overlayId")));
    QString storeError;
    switch (m_state.pool.deallocate(own->resourceId, overlayId, &storeError)) {
    case ResourcePool::Result::Ok:
        m_state.registry.removeUser(QByteArray::fromHex(overlayId.toLatin1()), own->owner);
        m_scheduler.refreshSnapshot();
        return HttpResponse::noContent();
    case ResourcePool::Result::NotFound:
        return HttpResponse::error(ApiError::notFound(
            QStringLiteral("resource %1 is not allocated to overlay %2").arg(own->resourceId, overlayId)));
    default:
        return poolFailure(storeError);
    }
}

HttpResponse OrcpApi::startRelay(const HttpRequest &request)
{
    HttpResponse failure;
    const std::optional<Resource> own = ownResource(request, &failure);
    if (!own)
        return failure;
    ApiError error;
    QJsonObject body;
    if (!parseJsonObject(request.body, &body, &error))
        return HttpResponse::error(error);
    JsonFields in(body);
    const QString overlayId = in.string(QStringLiteral("overlayId"), JsonFields::Required, 40, 40).toLower();
    const QString relayed = in.string(QStringLiteral("relayedAddress"), JsonFields::Required, 3, 64);
    if (in.ok() && !isHex(overlayId, 40))
        in.fail(QStringLiteral("overlayId"), QStringLiteral("invalid_value"), QStringLiteral("overlayId must be 40 hex characters"));
    if (in.ok() && !validEndpoint(relayed))
        in.fail(QStringLiteral("relayedAddress"), QStringLiteral("invalid_value"),
                QStringLiteral("relayedAddress must be \"ip:port\" (or \"[v6]:port\") of the relayed transport address"));
    if (in.ok() && own->type != QLatin1String("rs"))
        in.fail(QStringLiteral("type"), QStringLiteral("invalid_value"), QStringLiteral("only a relay server (type rs) starts relays"));
    if (!in.ok())
        return HttpResponse::error(in.error());
    if (!m_state.registry.hasOverlay(QByteArray::fromHex(overlayId.toLatin1())))
        return HttpResponse::error(ApiError::notFound(QStringLiteral("no overlay %1 at this OMS").arg(overlayId)));
    const qint64 now = m_state.clock();
    QString storeError;
    switch (m_state.pool.startRelay({own->resourceId, overlayId, relayed, now}, &storeError)) {
    case ResourcePool::Result::Ok:
        return HttpResponse::json(QJsonObject{{QStringLiteral("resourceId"), own->resourceId}, {QStringLiteral("overlayId"), overlayId},
                                              {QStringLiteral("relayedAddress"), relayed}, {QStringLiteral("startedAt"), now}},
                                  201);
    case ResourcePool::Result::NotFound:
        return unknownResource(own->resourceId);
    default:
        return poolFailure(storeError);
    }
}

HttpResponse OrcpApi::stopRelay(const HttpRequest &request)
{
    HttpResponse failure;
    const std::optional<Resource> own = ownResource(request, &failure);
    if (!own)
        return failure;
    const QString overlayId = request.params.value(QStringLiteral("overlayId")).toLower();
    if (!isHex(overlayId, 40))
        return HttpResponse::error(ApiError::badRequest(QStringLiteral("invalid_value"),
                                                        QStringLiteral("overlayId must be 40 hex characters"), QStringLiteral("overlayId")));
    QString storeError;
    switch (m_state.pool.stopRelay(own->resourceId, overlayId, &storeError)) {
    case ResourcePool::Result::Ok:
        return HttpResponse::noContent();
    case ResourcePool::Result::NotFound:
        return HttpResponse::error(ApiError::notFound(
            QStringLiteral("resource %1 relays nothing for overlay %2").arg(own->resourceId, overlayId)));
    default:
        return poolFailure(storeError);
    }
}

} // namespace mp2p
