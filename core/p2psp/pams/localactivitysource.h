#pragma once

#include "../../protocol/peeractivity.h"

namespace mp2p {

class PamsStore;

// R1 when the OMS runs in the same mp2pd as the PAMS: one store query per call.
class LocalPeerActivitySource : public PeerActivitySource {
public:
    explicit LocalPeerActivitySource(const PamsStore *store) : m_store(store) {}
    QHash<QString, PeerActivity> activityOf(const QString &overlayId, const QStringList &userIds) const override;

private:
    const PamsStore *m_store;
};

} // namespace mp2p
