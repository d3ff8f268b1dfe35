#pragma once

#include <QHostAddress>
#include <QString>

#include <optional>

namespace mp2p {

// R3 as the OMS's ranking sees it: which ISP region (ALTO PID) an address is in, and the cost
// between two regions. Answered from a cached ALTO network and cost map (AltoNetworkView over
// the UNIS clients); tests use a fake.
class NetworkMapView {
public:
    virtual ~NetworkMapView() = default;
    virtual bool hasMap() const = 0;  // false while no UNIS has answered
    virtual std::optional<QString> pidOf(const QHostAddress &address) const = 0;
    virtual std::optional<double> cost(const QString &fromPid, const QString &toPid) const = 0;
};

} // namespace mp2p
