#include "localactivitysource.h"

#include "creditstore.h"
#include "pamslog.h"
#include "pamsstore.h"

#include <QDateTime>
#include <QMutexLocker>

namespace mp2p {

namespace {
// Bounds the credit cache: a busy OMS asks about many users, most only once.
constexpr int MaxCachedCredits = 100000;
}

void LocalPeerActivitySource::addCredit(PeerActivity *activity, qint64 now) const
{
    if (!m_credit)
        return;
    {
        QMutexLocker locker(&m_lock);
        const auto it = m_creditCache.constFind(activity->userId);
        if (it != m_creditCache.constEnd() && now - it->readAt < CreditCacheSecs) {
            activity->credit = it->balance;
            return;
        }
    }
    // Counted credit, not the raw ledger: a closed ring's receipts to itself earn no priority.
    activity->credit = m_credit->countedTotal(activity->userId);
    QMutexLocker locker(&m_lock);
    if (m_creditCache.size() >= MaxCachedCredits)
        m_creditCache.clear();
    m_creditCache.insert(activity->userId, {activity->credit, now});
}

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
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (PeerActivity &a : out)
        addCredit(&a, now);
    return out;
}

QList<PeerActivity> LocalPeerActivitySource::overlayPeers(const QString &overlayId) const
{
    QString error;
    QList<PeerActivity> out = m_store->overlayPeers(overlayId, &error);
    if (!error.isEmpty())
        qCWarning(lcPams) << "R1 overlay listing failed:" << error;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (PeerActivity &a : out)
        addCredit(&a, now);
    return out;
}

} // namespace mp2p
