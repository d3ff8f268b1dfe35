#include "peerapi.h"
#include "omsjson.h"

#include <protocol/jsonfields.h>

#include <QJsonArray>

#include <algorithm>

namespace mp2p {

namespace {
constexpr qint64 MaxCounter = 1LL << 53;  // the largest integer a JSON number carries exactly
}

// What every peer operation starts with: the caller, the overlay and the body.
struct PeerApi::Call {
    QString userId;
    QString overlayId;
    QByteArray key;
    QJsonObject body;
};

PeerApi::PeerApi(OmsState &state)
    : m_state(state)
{
}

void PeerApi::registerRoutes(HttpRouter &router)
{
    const QString base = QStringLiteral("/oms/v1/overlays/{id}/");
    // A peer refreshes every announce interval (minutes); the limit stops a loop, not a peer.
    const RoutePolicy member = RoutePolicy::user(&m_state.auth).limit(RateRule::perUser(QStringLiteral("omp-calls"), 600, 60));
    router.add(HttpMethod::Post, base + QStringLiteral("join"), member,
               [this](const HttpRequest &r) { return announce(r, PeerEvent::Started); });
    router.add(HttpMethod::Post, base + QStringLiteral("refresh"), member,
               [this](const HttpRequest &r) { return announce(r, PeerEvent::None); });
    router.add(HttpMethod::Post, base + QStringLiteral("report"), member, [this](const HttpRequest &r) { return report(r); });
    router.add(HttpMethod::Post, base + QStringLiteral("leave"), member, [this](const HttpRequest &r) { return leave(r); });
    // Operators see every member; a member sees the peers its ranking gives it (as in a join).
    router.add(HttpMethod::Get, base + QStringLiteral("peers"), member, [this](const HttpRequest &r) { return peers(r); });
}

bool PeerApi::begin(const HttpRequest &request, Call *call, ApiError *error) const
{
    call->userId = request.caller.userId;
    const auto key = overlayKeyFromHex(request.params.value(QStringLiteral("id")), &call->overlayId, error);
    if (!key || !parseJsonObject(request.body, &call->body, error))
        return false;
    call->key = *key;
    return true;
}

HttpResponse PeerApi::statusError(SwarmStatus status, const QString &overlayId)
{
    switch (status) {
    case SwarmStatus::UnknownOverlay:
        return HttpResponse::error(ApiError::notFound(QStringLiteral("no overlay %1 at this OMS").arg(overlayId)));
    case SwarmStatus::UnknownPeer:
        return HttpResponse::error(ApiError::notFound(
            QStringLiteral("this peer is not in overlay %1 (never joined, left or expired); join first").arg(overlayId)));
    case SwarmStatus::NotYours:
        return HttpResponse::error(ApiError::forbidden(
            QStringLiteral("this peerId belongs to another user in overlay %1; pick a new peerId").arg(overlayId)));
    case SwarmStatus::Ok:
        break;
    }
    return HttpResponse::noContent();
}

namespace {
// Reads peerId (40 hex = the 20-byte BitTorrent peer id) and, unless `idOnly`, the counters.
SwarmPeer peerFromBody(JsonFields &in, bool idOnly)
{
    SwarmPeer peer;
    const QString peerId = in.string(QStringLiteral("peerId"), JsonFields::Required, 40, 40).toLower();
    if (in.ok() && !isHex(peerId, 40))
        in.fail(QStringLiteral("peerId"), QStringLiteral("invalid_value"),
                QStringLiteral("peerId must be the 20-byte BitTorrent peer id as 40 hex characters"));
    peer.peerId = QByteArray::fromHex(peerId.toLatin1());
    if (idOnly)
        return peer;
    peer.uploaded = in.integer(QStringLiteral("uploaded"), JsonFields::Optional, 0, MaxCounter);
    peer.downloaded = in.integer(QStringLiteral("downloaded"), JsonFields::Optional, 0, MaxCounter);
    peer.left = in.integer(QStringLiteral("left"), JsonFields::Required, 0, MaxCounter);
    return peer;
}
} // namespace

HttpResponse PeerApi::announce(const HttpRequest &request, PeerEvent event)
{
    Call call;
    ApiError error;
    if (!begin(request, &call, &error))
        return HttpResponse::error(error);
    JsonFields in(call.body);
    SwarmPeer peer = peerFromBody(in, false);
    peer.port = quint16(in.integer(QStringLiteral("port"), JsonFields::Required, 1, 65535));
    const QString ip = in.string(QStringLiteral("ip"), JsonFields::Optional, 1, 64);
    const int numwant = int(in.integer(QStringLiteral("numwant"), JsonFields::Optional, 0, OmsConfig::MaxNumwant,
                                       m_state.config.maxPeersPerReply));
    QString ipProblem;
    if (in.ok() && !resolvePeerAddress(request, ip, m_state.config.trustIpParameter, &peer.address, &ipProblem))
        in.fail(QStringLiteral("ip"), QStringLiteral("invalid_value"), ipProblem);
    if (!in.ok())
        return HttpResponse::error(in.error());
    peer.userId = call.userId;
    peer.lastSeen = m_state.clock();

    const int pool = numwant > 0 ? m_state.ranking->candidatePool(numwant) : 0;
    AnnounceResult result = m_state.registry.announce(call.key, peer, event, pool);
    if (result.status != SwarmStatus::Ok)
        return statusError(result.status, call.overlayId);
    QJsonArray list;
    if (numwant > 0) {
        for (const SwarmPeer &p : m_state.ranking->rank(call.overlayId, peer, std::move(result.candidates), numwant))
            list.append(peerJson(p));
    }
    return HttpResponse::json(QJsonObject{{QStringLiteral("interval"), m_state.config.announceIntervalSecs},
                                          {QStringLiteral("minInterval"), m_state.config.minAnnounceIntervalSecs},
                                          {QStringLiteral("complete"), result.counts.seeds},
                                          {QStringLiteral("incomplete"), result.counts.leechers},
                                          {QStringLiteral("peers"), list}});
}

HttpResponse PeerApi::report(const HttpRequest &request)
{
    Call call;
    ApiError error;
    if (!begin(request, &call, &error))
        return HttpResponse::error(error);
    JsonFields in(call.body);
    SwarmPeer counters = peerFromBody(in, false);
    if (!in.ok())
        return HttpResponse::error(in.error());
    counters.userId = call.userId;
    counters.lastSeen = m_state.clock();
    return statusError(m_state.registry.report(call.key, counters), call.overlayId);
}

HttpResponse PeerApi::leave(const HttpRequest &request)
{
    Call call;
    ApiError error;
    if (!begin(request, &call, &error))
        return HttpResponse::error(error);
    JsonFields in(call.body);
    const SwarmPeer peer = peerFromBody(in, true);
    if (!in.ok())
        return HttpResponse::error(in.error());
    const SwarmStatus status = m_state.registry.leave(call.key, peer.peerId, call.userId);
    // Leaving twice (or after expiry) is not an error: the peer is gone either way.
    return statusError(status == SwarmStatus::UnknownPeer ? SwarmStatus::Ok : status, call.overlayId);
}

HttpResponse PeerApi::peers(const HttpRequest &request) const
{
    ApiError error;
    QString id;
    const auto key = overlayKeyFromHex(request.params.value(QStringLiteral("id")), &id, &error);
    if (!key)
        return HttpResponse::error(error);
    if (!m_state.registry.hasOverlay(*key))
        return statusError(SwarmStatus::UnknownOverlay, id);
    QList<SwarmPeer> members = m_state.registry.peers(*key, m_state.clock());
    if (!request.caller.isOperator) {
        const auto self = std::find_if(members.cbegin(), members.cend(),
                                       [&](const SwarmPeer &p) { return p.userId == request.caller.userId; });
        if (self == members.cend()) {
            ApiError e = ApiError::forbidden(QStringLiteral("only members of overlay %1 may ask for its peers").arg(id));
            e.hint = QStringLiteral("join the overlay first; the full member list is for the provider's operators");
            return HttpResponse::error(e);
        }
        // Ranked as a downloader would be, so a member that has completed still sees the seeds it
        // got bytes from (it pays their relays with receipts), not only the peers it may serve.
        SwarmPeer requester = *self;
        requester.left = std::max<qint64>(requester.left, 1);
        members.erase(std::remove_if(members.begin(), members.end(),
                                     [&](const SwarmPeer &p) { return p.userId == requester.userId; }),
                      members.end());
        members = m_state.ranking->rank(id, requester, std::move(members), m_state.config.maxPeersPerReply);
    }
    QHash<QString, PeerActivity> activity;
    if (m_state.pams) {
        QStringList users;
        for (const SwarmPeer &p : members)
            users.append(p.userId);
        users.removeDuplicates();
        activity = m_state.pams->activityOf(id, users);
    }
    QJsonArray list;
    for (const SwarmPeer &p : members) {
        QJsonObject entry = peerJson(p);
        entry.insert(QStringLiteral("lastSeen"), p.lastSeen);
        // The desktop shows where a peer is; the credit helper pays the relay a peer is behind.
        entry.insert(QStringLiteral("region"), m_state.regionOf(p.address));
        if (!p.relayResourceId.isEmpty())
            entry.insert(QStringLiteral("relay"), QJsonObject{{QStringLiteral("resourceId"), p.relayResourceId},
                                                              {QStringLiteral("owner"), p.relayOwner}});
        const auto it = activity.constFind(p.userId);
        if (it != activity.cend())
            entry.insert(QStringLiteral("activity"), activityJson(*it));
        list.append(entry);
    }
    return HttpResponse::json(QJsonObject{{QStringLiteral("peers"), list}});
}

} // namespace mp2p
