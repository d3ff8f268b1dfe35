#include "tracker.h"

#include <user/bencode.h>

#include <QtEndian>

#include <optional>

namespace mp2p {

namespace {
constexpr int HashBytes = 20;

HttpResponse bencoded(const QVariantMap &reply)
{
    return HttpResponse::raw("text/plain", bencode(reply), 200);
}

HttpResponse failure(const QString &reason)
{
    return bencoded(QVariantMap{{QStringLiteral("failure reason"), reason}});
}

// A non-negative integer query value; `fallback` when absent, nullopt when malformed.
std::optional<qint64> counter(const HttpRequest &request, const QString &key, std::optional<qint64> fallback)
{
    const QString text = request.query.queryItemValue(key);
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < 0)
        return std::nullopt;
    return value;
}

// A peer nobody can reach announces its TURN relayed address ("relayed=ip:port", RFC 6062; see
// docs/ARCHITECTURE.md, "The relay path"). When the IP is a live relay server registered with
// this OMS over ORCP (type "rs"), the port must be an allocation that RS reported (PUT
// .../relayports) for the announcing user, trusted source or not: otherwise anyone could point a
// swarm at the relay host's own services or at another user's allocation. An IP that is no
// registered RS is listed only when the request is trusted like "ip=" (loopback or
// trustIpParameter, e.g. a lab's unregistered coturn). A refused value keeps the source address
// and comes back as a warning.
void acceptRelayed(const OmsState &state, const HttpRequest &request, const QString &relayed, SwarmPeer *peer,
                   QString *warning)
{
    const int colon = relayed.lastIndexOf(u':');
    bool ok = false;
    const uint port = colon > 0 ? relayed.mid(colon + 1).toUInt(&ok) : 0;
    QString host = relayed.left(qMax(colon, 0));
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    QHostAddress address(host);
    if (!ok || port == 0 || port > 65535 || address.isNull()) {
        *warning = QStringLiteral("relayed '%1' is not \"ip:port\"; listed at the source address").arg(relayed.left(64));
        return;
    }
    bool v4 = false;
    if (const quint32 plain = address.toIPv4Address(&v4); v4)
        address = QHostAddress(plain);   // as the pool stores RS addresses
    bool trusted = state.config.trustIpParameter || request.remoteAddress.isLoopback();
    const quint32 mapped = request.remoteAddress.toIPv4Address(&v4);
    trusted = trusted || (v4 && QHostAddress(mapped).isLoopback());
    // Only announces that carry "relayed=" pay for this: one indexed lookup.
    QString error;
    const std::optional<QList<RelayedPortHolder>> found
        = state.pool.relayedPortHolders(address.toString(), quint16(port), state.clock(), &error);
    if (!found) {   // fail closed: an unchecked port is never listed, trusted source or not
        *warning = QStringLiteral("relayed %1:%2 could not be checked now (the OMS's store failed); listed at the "
                                  "source address: announce again").arg(address.toString()).arg(port);
        return;
    }
    const QList<RelayedPortHolder> &relays = *found;
    const RelayedPortHolder *via = nullptr;
    QString holder;
    for (const RelayedPortHolder &r : relays) {
        if (!r.userId.isEmpty() && r.userId == peer->userId) {
            via = &r;
            break;
        }
        if (!r.userId.isEmpty())
            holder = r.userId;
    }
    if (!relays.isEmpty() && !via) {
        *warning = !holder.isEmpty()
            ? QStringLiteral("relayed %1:%2 is another user's allocation on the relay server there; "
                             "listed at the source address").arg(address.toString()).arg(port)
            : QStringLiteral("relayed %1:%2 is not a relayed port of yours on the relay server registered at %1 (no "
                             "live allocation it reported; it may have expired, or the relay's report is still on its way: "
                             "announce again); listed at the source address").arg(address.toString()).arg(port);
        return;
    }
    if (!trusted && !via) {
        *warning = QStringLiteral("relayed %1 is not on a relay server registered with this OMS (ORCP); "
                                  "listed at the source address").arg(address.toString());
        return;
    }
    peer->address = address;
    peer->port = quint16(port);
    // The relay server it goes through is recorded for the peer list (PeerApi: "relay").
    peer->relayResourceId = via ? via->resourceId : QString();
    peer->relayOwner = via ? via->owner : QString();
}

} // namespace

struct Tracker::Announce {
    QByteArray infoHash;
    SwarmPeer peer;
    PeerEvent event = PeerEvent::None;
    int numwant = 0;
    bool compact = true;
    bool noPeerId = false;
    QString warning;   // sent as "warning message" (e.g. a relayed address that was not accepted)
};

Tracker::Tracker(OmsState &state)
    : m_state(state)
{
}

void Tracker::registerRoutes(HttpRouter &router)
{
    const auto withPasskey = [this](const HttpRequest &r) { return announce(r, r.params.value(QStringLiteral("passkey"))); };
    const auto without = [this](const HttpRequest &r) { return announce(r, {}); };
    const auto scrapeWithPasskey = [this](const HttpRequest &r) { return scrape(r, r.params.value(QStringLiteral("passkey"))); };
    const auto scrapeWithout = [this](const HttpRequest &r) { return scrape(r, {}); };
    // BitTorrent clients cannot send headers: the credential is in the URL, so it is a passkey
    // that is good for nothing but announcing here (never a bearer token, which would be
    // handed to whatever tracker a record names). announce() checks it and its refusals are
    // bencoded failure reasons clients show.
    const RoutePolicy inUrl = RoutePolicy::open().maxBody(0);
    router.add(HttpMethod::Get, QStringLiteral("/announce"), inUrl, without);
    router.add(HttpMethod::Get, QStringLiteral("/announce/{passkey}"), inUrl, withPasskey);
    // Clients derive the scrape URL by replacing "announce" with "scrape" in the announce URL.
    router.add(HttpMethod::Get, QStringLiteral("/scrape"), inUrl, scrapeWithout);
    router.add(HttpMethod::Get, QStringLiteral("/scrape/{passkey}"), inUrl, scrapeWithPasskey);
}

std::optional<QString> Tracker::userOf(const QString &passkey, QString *failureReason) const
{
    if (passkey.isEmpty()) {
        *failureReason = QStringLiteral("missing passkey: announce to /announce/<passkey>; get your passkey from the "
                                        "UMS (GET /ums/v1/passkey)");
        return std::nullopt;
    }
    const std::optional<QString> user = m_state.passkeyOwner ? m_state.passkeyOwner(passkey) : std::nullopt;
    if (!user)
        *failureReason = QStringLiteral("unknown passkey (rotated, never issued, or still being checked at a remote UMS: "
                                        "retry in a few seconds); get the current one from the UMS (GET /ums/v1/passkey)");
    return user;
}

HttpResponse Tracker::announce(const HttpRequest &request, const QString &passkey) const
{
    QString reason;
    const std::optional<QString> user = userOf(passkey, &reason);
    if (!user)
        return failure(reason);

    Announce a;
    a.peer.userId = *user;   // before parse(): a relayed port is checked against its holder
    QString problem;
    if (!parse(request, &a, &problem))
        return failure(problem);
    a.peer.lastSeen = m_state.clock();

    const int pool = a.event == PeerEvent::Stopped ? 0 : m_state.ranking->candidatePool(a.numwant);
    AnnounceResult result = m_state.registry.announce(a.infoHash, a.peer, a.event, pool);
    if (result.status == SwarmStatus::UnknownOverlay)
        return failure(QStringLiteral("unknown overlay: info_hash %1 is not registered at this OMS; "
                                      "create the overlay first (POST /oms/v1/overlays)")
                           .arg(QString::fromLatin1(a.infoHash.toHex())));
    if (result.status == SwarmStatus::NotYours)
        return failure(QStringLiteral("peer_id is in use by another user in this swarm; pick a new peer_id"));

    QVariantMap reply{{QStringLiteral("interval"), m_state.config.announceIntervalSecs},
                      {QStringLiteral("min interval"), m_state.config.minAnnounceIntervalSecs},
                      {QStringLiteral("complete"), result.counts.seeds},
                      {QStringLiteral("incomplete"), result.counts.leechers}};
    if (!a.warning.isEmpty())
        reply.insert(QStringLiteral("warning message"), a.warning);
    const QList<SwarmPeer> peers = pool > 0 && a.numwant > 0
                                       ? m_state.ranking->rank(QString::fromLatin1(m_state.registry.canonicalHash(a.infoHash).toHex()), a.peer, std::move(result.candidates), a.numwant)
                                       : QList<SwarmPeer>();
    encodePeers(a, peers, &reply);
    return bencoded(reply);
}

bool Tracker::parse(const HttpRequest &request, Announce *a, QString *failure) const
{
    a->infoHash = request.rawQueryValue("info_hash");
    if (a->infoHash.size() != HashBytes) {
        *failure = QStringLiteral("invalid info_hash: it must be the 20-byte SHA-1 info-hash, percent-encoded "
                                  "(got %1 bytes)").arg(a->infoHash.size());
        return false;
    }
    a->peer.peerId = request.rawQueryValue("peer_id");
    if (a->peer.peerId.size() != HashBytes) {
        *failure = QStringLiteral("invalid peer_id: it must be 20 bytes (got %1)").arg(a->peer.peerId.size());
        return false;
    }
    bool ok = false;
    const uint port = request.query.queryItemValue(QStringLiteral("port")).toUInt(&ok);
    if (!ok || port == 0 || port > 65535) {
        *failure = QStringLiteral("invalid port: it must be the client's listening port, 1 to 65535");
        return false;
    }
    a->peer.port = quint16(port);
    const auto uploaded = counter(request, QStringLiteral("uploaded"), 0);
    const auto downloaded = counter(request, QStringLiteral("downloaded"), 0);
    const auto left = counter(request, QStringLiteral("left"), std::nullopt);
    if (!uploaded || !downloaded || !left) {
        *failure = QStringLiteral("invalid uploaded/downloaded/left: each must be a non-negative integer "
                                  "(left is required)");
        return false;
    }
    a->peer.uploaded = *uploaded;
    a->peer.downloaded = *downloaded;
    a->peer.left = *left;

    const QString event = request.query.queryItemValue(QStringLiteral("event"));
    if (event == QLatin1String("started"))
        a->event = PeerEvent::Started;
    else if (event == QLatin1String("completed"))
        a->event = PeerEvent::Completed;
    else if (event == QLatin1String("stopped"))
        a->event = PeerEvent::Stopped;
    else if (!event.isEmpty() && event != QLatin1String("empty") && event != QLatin1String("paused")) {
        *failure = QStringLiteral("invalid event: use started, completed, stopped or leave it out");
        return false;
    }

    const QString numwant = request.query.queryItemValue(QStringLiteral("numwant"));
    const int wanted = numwant.toInt(&ok);
    a->numwant = ok && wanted >= 0 ? qMin(wanted, OmsConfig::MaxNumwant) : m_state.config.maxPeersPerReply;
    a->compact = request.query.queryItemValue(QStringLiteral("compact")) != QLatin1String("0");
    a->noPeerId = request.query.queryItemValue(QStringLiteral("no_peer_id")) == QLatin1String("1");
    if (!resolvePeerAddress(request, request.query.queryItemValue(QStringLiteral("ip")),
                            m_state.config.trustIpParameter, &a->peer.address, failure))
        return false;
    const QString relayed = request.query.queryItemValue(QStringLiteral("relayed"));
    if (!relayed.isEmpty())
        acceptRelayed(m_state, request, relayed, &a->peer, &a->warning);
    return true;
}



void Tracker::encodePeers(const Announce &a, const QList<SwarmPeer> &peers, QVariantMap *reply)
{
    if (!a.compact) {
        QVariantList list;
        list.reserve(peers.size());
        for (const SwarmPeer &p : peers) {
            QVariantMap entry{{QStringLiteral("ip"), p.address.toString()}, {QStringLiteral("port"), int(p.port)}};
            if (!a.noPeerId)
                entry.insert(QStringLiteral("peer id"), p.peerId);
            list.append(entry);
        }
        reply->insert(QStringLiteral("peers"), list);
        return;
    }
    // BEP 23: 4 address bytes + 2 port bytes per IPv4 peer, network order; BEP 7: 16 + 2 per IPv6 peer.
    QByteArray v4;
    QByteArray v6;
    v4.reserve(6 * peers.size());
    for (const SwarmPeer &p : peers) {
        uchar port[2];
        qToBigEndian(p.port, port);
        if (p.address.protocol() == QAbstractSocket::IPv4Protocol) {
            uchar ip[4];
            qToBigEndian(p.address.toIPv4Address(), ip);
            v4.append(reinterpret_cast<const char *>(ip), 4);
            v4.append(reinterpret_cast<const char *>(port), 2);
        } else {
            const Q_IPV6ADDR ip = p.address.toIPv6Address();
            v6.append(reinterpret_cast<const char *>(ip.c), 16);
            v6.append(reinterpret_cast<const char *>(port), 2);
        }
    }
    reply->insert(QStringLiteral("peers"), v4);
    if (!v6.isEmpty())
        reply->insert(QStringLiteral("peers6"), v6);
}

HttpResponse Tracker::scrape(const HttpRequest &request, const QString &passkey) const
{
    QString reason;
    if (!userOf(passkey, &reason))
        return failure(reason);
    // Several info_hash values are allowed (BEP 48), so the raw query is walked here; each value
    // is percent-decoded exactly like HttpRequest::rawQueryValue does.
    QVariantMap files;
    int asked = 0;
    const qint64 now = m_state.clock();
    for (const QByteArray &pair : request.rawQuery.split('&')) {
        if (!pair.startsWith("info_hash="))
            continue;
        const QByteArray hash = QByteArray::fromPercentEncoding(pair.mid(int(qstrlen("info_hash="))));
        if (hash.size() != HashBytes)
            return failure(QStringLiteral("invalid info_hash: each must be 20 bytes (got %1)").arg(hash.size()));
        if (++asked > OmsConfig::MaxNumwant)
            return failure(QStringLiteral("too many info_hash values: at most %1 per scrape").arg(OmsConfig::MaxNumwant));
        const std::optional<SwarmCounts> counts = m_state.registry.counts(hash, now);
        if (!counts)
            continue;  // unknown overlays are left out, as BEP 48 trackers do
        // BEP 48 keys "files" by the binary info-hash; one QString char carries one byte.
        files.insert(QString::fromLatin1(hash),
                     QVariantMap{{QStringLiteral("complete"), counts->seeds},
                                 {QStringLiteral("incomplete"), counts->leechers},
                                 {QStringLiteral("downloaded"), counts->completed}});
    }
    if (asked == 0)
        return failure(QStringLiteral("scrape needs at least one info_hash (full scrapes are not served)"));
    return bencoded(QVariantMap{{QStringLiteral("files"), files}});
}

} // namespace mp2p
