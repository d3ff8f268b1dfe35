#include "altonetworkview.h"

#include <isp/unis/altoclient.h>

namespace mp2p {

AltoNetworkView::AltoNetworkView(QList<const AltoClient *> clients)
    : m_clients(std::move(clients))
{
}

bool AltoNetworkView::hasMap() const
{
    for (const AltoClient *c : m_clients)
        if (c->hasMap())
            return true;
    return false;
}

std::optional<QString> AltoNetworkView::pidOf(const QHostAddress &address) const
{
    for (const AltoClient *c : m_clients)
        if (auto pid = c->pidOf(address))
            return pid;
    return std::nullopt;
}

std::optional<double> AltoNetworkView::cost(const QString &fromPid, const QString &toPid) const
{
    for (const AltoClient *c : m_clients) {
        const AltoMapsPtr maps = c->maps();
        if (maps && maps->hasPid(fromPid) && maps->hasPid(toPid))
            return c->cost(fromPid, toPid);
    }
    return std::nullopt;
}

} // namespace mp2p
