#include "peeractivity.h"

namespace mp2p {

QString peerTypeName(PeerType type)
{
    switch (type) {
    case PeerType::Peer: return QStringLiteral("PEER");
    case PeerType::CacheServer: return QStringLiteral("CS");
    case PeerType::RelayServer: return QStringLiteral("RS");
    }
    return {};
}

std::optional<PeerType> peerTypeFromName(const QString &name)
{
    if (name == QLatin1String("PEER"))
        return PeerType::Peer;
    if (name == QLatin1String("CS"))
        return PeerType::CacheServer;
    if (name == QLatin1String("RS"))
        return PeerType::RelayServer;
    return std::nullopt;
}

} // namespace mp2p
