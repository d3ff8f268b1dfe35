#include "localactivitysource.h"

#include "pamsstore.h"

#include "pamslog.h"

namespace mp2p {

QHash<QString, PeerActivity> LocalPeerActivitySource::activityOf(const QString &overlayId,
                                                                 const QStringList &userIds) const
{
    if (userIds.isEmpty())
        return {};
    QString error;
    QHash<QString, PeerActivity> out = m_store->activityOf(overlayId, userIds, &error);
    // The OMS must keep answering announces without PAMS data, so a store failure is
    // logged and treated as "nothing known" rather than passed on.
    if (!error.isEmpty())
        qCWarning(lcPams) << "R1 lookup failed:" << error;
    return out;
}

} // namespace mp2p
