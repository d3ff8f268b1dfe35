#include "relaydirectory.h"

#include <protocol/jsonfields.h>

#include <QJsonArray>
#include <QMutexLocker>

namespace mp2p {

namespace {

// One peer-list entry's relayed endpoint and RS owner; nullopt when any part is unusable.
std::optional<QPair<QString, QString>> relayEntry(const QJsonObject &peer)
{
    const QJsonObject relay = peer.value(QStringLiteral("relay")).toObject();
    const QString owner = relay.value(QStringLiteral("owner")).toString();
    const QHostAddress ip(peer.value(QStringLiteral("ip")).toString());
    const QJsonValue portValue = peer.value(QStringLiteral("port"));
    const double port = portValue.toDouble(-1);
    if (!isHex(owner, 40) || ip.isNull() || !portValue.isDouble() || port < 1 || port > 65535 || port != qint64(port))
        return std::nullopt;
    return QPair<QString, QString>{RelayDirectory::endpointKey(ip, quint16(port)), owner};
}

} // namespace

QString RelayDirectory::endpointKey(const QHostAddress &address, quint16 port)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    const QString host = isV4 ? QHostAddress(v4).toString() : address.toString();
    return host + QLatin1Char('|') + QString::number(port);
}

RelayDirectory::Update RelayDirectory::updateFromPeerList(const QString &overlayId, const QJsonObject &peerList)
{
    Update update;
    QHash<QString, QString> entries;
    for (const QJsonValue &v : peerList.value(QStringLiteral("peers")).toArray()) {
        const QJsonObject peer = v.toObject();
        if (!peer.contains(QStringLiteral("relay")))
            continue;
        if (const auto entry = relayEntry(peer))
            entries.insert(entry->first, entry->second);
        else
            ++update.ignored;
    }
    update.relays = int(entries.size());
    QMutexLocker lock(&m_mutex);
    if (m_byOverlay.value(overlayId) == entries)
        return update;
    if (entries.isEmpty())
        m_byOverlay.remove(overlayId);
    else
        m_byOverlay.insert(overlayId, entries);
    rebuildLocked();
    return update;
}

void RelayDirectory::forgetOverlay(const QString &overlayId)
{
    QMutexLocker lock(&m_mutex);
    if (m_byOverlay.remove(overlayId) > 0)
        rebuildLocked();
}

QStringList RelayDirectory::overlays() const
{
    QMutexLocker lock(&m_mutex);
    return m_byOverlay.keys();
}

void RelayDirectory::setConnectionRelay(const QHostAddress &address, quint16 port, const QString &ownerId)
{
    if (!isHex(ownerId, 40) || address.isNull())
        return;
    QMutexLocker lock(&m_mutex);
    m_connections.insert(endpointKey(address, port), ownerId);
    rebuildLocked();
}

void RelayDirectory::forgetConnection(const QHostAddress &address, quint16 port)
{
    QMutexLocker lock(&m_mutex);
    if (m_connections.remove(endpointKey(address, port)) > 0)
        rebuildLocked();
}

std::optional<QString> RelayDirectory::ownerOf(const QHostAddress &address, quint16 port) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_index.constFind(endpointKey(address, port));
    return it == m_index.cend() ? std::nullopt : std::optional<QString>(*it);
}

int RelayDirectory::size() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_index.size());
}

void RelayDirectory::rebuildLocked()
{
    m_index.clear();
    for (const auto &entries : std::as_const(m_byOverlay))
        m_index.insert(entries);
    m_index.insert(m_connections);  // the relayed side knows its own connections best
    m_generation.fetch_add(1);
}

} // namespace mp2p
