#pragma once

#include "networkmapview.h"

#include <QList>

namespace mp2p {

class AltoClient;

// NetworkMapView over the ALTO clients of one or more UNIS (R3). An ISP may run several: an
// address's region comes from the first UNIS whose network map covers it, and a cost from the
// first whose maps know both regions. Each client caches its maps by vtag and refreshes them on
// its own timer, so nothing here waits on the network.
class AltoNetworkView : public NetworkMapView {
public:
    explicit AltoNetworkView(QList<const AltoClient *> clients);

    bool hasMap() const override;
    std::optional<QString> pidOf(const QHostAddress &address) const override;
    std::optional<double> cost(const QString &fromPid, const QString &toPid) const override;

private:
    QList<const AltoClient *> m_clients;
};

} // namespace mp2p
