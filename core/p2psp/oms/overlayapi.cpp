#include "overlayapi.h"
#include "omsjson.h"

#include <protocol/jsonfields.h>

namespace mp2p {

namespace {
HttpResponse storeFailure(OverlayStore::Result result, const QString &id, const QString &error)
{
    switch (result) {
    case OverlayStore::Result::NotFound:
        return HttpResponse::error(ApiError::notFound(QStringLiteral("no overlay %1 at this OMS").arg(id)));
    default:
        return HttpResponse::error(ApiError::internal(QStringLiteral("the overlay store failed: %1").arg(error)));
    }
}
} // namespace

OverlayApi::OverlayApi(OmsState &state)
    : m_state(state)
{
}

void OverlayApi::registerRoutes(HttpRouter &router)
{
    const QString one = QStringLiteral("/oms/v1/overlays/{id}");
    // An overlay is the swarm of a torrent and belongs to the provider, not to whoever created it
    // first: every publisher of the torrent creates or joins it (POST is idempotent), and only
    // operators rename or remove it, so nobody can take a swarm away from the others.
    router.add(HttpMethod::Post, QStringLiteral("/oms/v1/overlays"),
               RoutePolicy::user(&m_state.auth).limit(RateRule::perUser(QStringLiteral("overlays-per-user-per-day"), 500, 86400)),
               [this](const HttpRequest &r) { return create(r); });
    router.add(HttpMethod::Get, one, RoutePolicy::open().limit(RateRule::perAddress(QStringLiteral("overlay-reads"), 1200, 60)),
               [this](const HttpRequest &r) { return query(r); });
    router.add(HttpMethod::Patch, one, RoutePolicy::operatorOnly(&m_state.auth), [this](const HttpRequest &r) { return modify(r); });
    router.add(HttpMethod::Delete, one, RoutePolicy::operatorOnly(&m_state.auth), [this](const HttpRequest &r) { return remove(r); });
}

QJsonObject OverlayApi::toJson(const Overlay &overlay, const QByteArray &key) const
{
    return overlayJson(overlay, m_state.registry.counts(key, m_state.clock()).value_or(SwarmCounts{}));
}

HttpResponse OverlayApi::create(const HttpRequest &request)
{
    ApiError error;
    const std::optional<QString> user = request.caller.userId;
    QJsonObject body;
    if (!parseJsonObject(request.body, &body, &error))
        return HttpResponse::error(error);
    JsonFields in(body);
    Overlay overlay;
    overlay.overlayId = in.string(QStringLiteral("overlayId"), JsonFields::Required, 40, 40).toLower();
    overlay.infoHashV2 = in.string(QStringLiteral("infoHashV2"), JsonFields::Optional, 64, 64).toLower();
    overlay.name = in.string(QStringLiteral("name"), JsonFields::Required, 1, 200).trimmed();
    if (in.ok() && !isHex(overlay.overlayId, 40))
        in.fail(QStringLiteral("overlayId"), QStringLiteral("invalid_value"),
                QStringLiteral("overlayId must be the v1 info-hash as 40 hex characters"));
    if (in.ok() && !overlay.infoHashV2.isEmpty() && !isHex(overlay.infoHashV2, 64))
        in.fail(QStringLiteral("infoHashV2"), QStringLiteral("invalid_value"),
                QStringLiteral("infoHashV2 must be the v2 info-hash as 64 hex characters"));
    if (in.ok() && overlay.name.isEmpty())
        in.fail(QStringLiteral("name"), QStringLiteral("invalid_value"), QStringLiteral("name must not be blank"));
    if (!in.ok())
        return HttpResponse::error(in.error());

    overlay.owner = *user;
    overlay.createdAt = overlay.updatedAt = m_state.clock();
    QString storeError;
    OverlayStore::Result result = m_state.store.create(overlay, &storeError);
    if (result == OverlayStore::Result::Exists)
        return joinExisting(overlay);
    if (result != OverlayStore::Result::Ok)
        return storeFailure(result, overlay.overlayId, storeError);
    const QByteArray key = QByteArray::fromHex(overlay.overlayId.toLatin1());
    // libtorrent announces a hybrid torrent also under the v2 hash truncated to 20 bytes.
    const QByteArray alias = QByteArray::fromHex(overlay.infoHashV2.toLatin1()).left(20);
    m_state.registry.addOverlay(key, alias);
    return HttpResponse::json(toJson(overlay, key), 201);
}

HttpResponse OverlayApi::joinExisting(Overlay overlay)
{
    const QByteArray key = QByteArray::fromHex(overlay.overlayId.toLatin1());
    QString storeError;
    const std::optional<Overlay> existing = m_state.store.find(overlay.overlayId, &storeError);
    if (existing) {
        // Another publisher of the same torrent: they share the swarm. A v2 hash that
        // contradicts the stored one cannot be the same torrent.
        if (!overlay.infoHashV2.isEmpty() && !existing->infoHashV2.isEmpty() && overlay.infoHashV2 != existing->infoHashV2) {
            ApiError e = ApiError::conflict(QStringLiteral("overlay %1 exists with infoHashV2 %2, not %3")
                                                .arg(overlay.overlayId, existing->infoHashV2, overlay.infoHashV2));
            e.field = QStringLiteral("infoHashV2");
            e.hint = QStringLiteral("send the v2 info-hash of this very torrent; if the stored one is wrong, "
                                    "the provider's operators can remove the overlay");
            return HttpResponse::error(e);
        }
        return HttpResponse::json(toJson(*existing, key), 200);
    }
    if (!storeError.isEmpty())
        return storeFailure(OverlayStore::Result::Failed, overlay.overlayId, storeError);
    if (overlay.infoHashV2.isEmpty())  // removed by an operator between our insert and our read
        return HttpResponse::error(ApiError::conflict(
            QStringLiteral("overlay %1 changed while it was being created; try again").arg(overlay.overlayId)));
    // The overlay id is free but the v2 hash is taken by another overlay. The OMS cannot tell
    // which claim is true (it never sees the torrent), and refusing would let whoever claimed the
    // v2 hash first lock this torrent out: the overlay is created under its v1 id alone, which is
    // what every client announces.
    const QString claimedV2 = overlay.infoHashV2;
    overlay.infoHashV2.clear();
    const OverlayStore::Result result = m_state.store.create(overlay, &storeError);
    if (result == OverlayStore::Result::Exists)  // created by another publisher meanwhile
        return joinExisting(overlay);
    if (result != OverlayStore::Result::Ok)
        return storeFailure(result, overlay.overlayId, storeError);
    m_state.registry.addOverlay(key, {});
    QJsonObject json = toJson(overlay, key);
    json.insert(QStringLiteral("warning"),
                QStringLiteral("infoHashV2 %1 belongs to another overlay; this one is reachable by its v1 info-hash only")
                    .arg(claimedV2));
    return HttpResponse::json(json, 201);
}

HttpResponse OverlayApi::query(const HttpRequest &request) const
{
    ApiError error;
    QString id;
    const std::optional<QByteArray> key = overlayKeyFromHex(request.params.value(QStringLiteral("id")), &id, &error);
    if (!key)
        return HttpResponse::error(error);
    QString storeError;
    const std::optional<Overlay> overlay = m_state.store.find(id, &storeError);
    if (!overlay)
        return storeFailure(storeError.isEmpty() ? OverlayStore::Result::NotFound : OverlayStore::Result::Failed, id,
                            storeError);
    return HttpResponse::json(toJson(*overlay, *key));
}

HttpResponse OverlayApi::modify(const HttpRequest &request)
{
    ApiError error;
    QString id;
    const std::optional<QByteArray> key = overlayKeyFromHex(request.params.value(QStringLiteral("id")), &id, &error);
    QJsonObject body;
    if (!key || !parseJsonObject(request.body, &body, &error))
        return HttpResponse::error(error);
    JsonFields in(body);
    const QString name = in.string(QStringLiteral("name"), JsonFields::Optional, 1, 200).trimmed();
    if (in.ok() && in.has(QStringLiteral("name")) && name.isEmpty())
        in.fail(QStringLiteral("name"), QStringLiteral("invalid_value"), QStringLiteral("name must not be blank"));
    if (!in.ok())
        return HttpResponse::error(in.error());

    QString storeError;
    Overlay updated;
    OverlayStore::Result result;
    if (name.isEmpty()) {  // nothing to change: answer with the overlay
        const std::optional<Overlay> current = m_state.store.find(id, &storeError);
        result = current ? OverlayStore::Result::Ok
                         : (storeError.isEmpty() ? OverlayStore::Result::NotFound : OverlayStore::Result::Failed);
        if (current)
            updated = *current;
    } else {
        result = m_state.store.rename(id, name, m_state.clock(), &updated, &storeError);
    }
    if (result != OverlayStore::Result::Ok)
        return storeFailure(result, id, storeError);
    return HttpResponse::json(toJson(updated, *key));
}

HttpResponse OverlayApi::remove(const HttpRequest &request)
{
    ApiError error;
    QString id;
    const std::optional<QByteArray> key = overlayKeyFromHex(request.params.value(QStringLiteral("id")), &id, &error);
    if (!key)
        return HttpResponse::error(error);
    QString storeError;
    const OverlayStore::Result result = m_state.store.remove(id, &storeError);
    if (result != OverlayStore::Result::Ok)
        return storeFailure(result, id, storeError);
    m_state.registry.removeOverlay(*key);  // the swarm goes with it
    return HttpResponse::noContent();
}

} // namespace mp2p
