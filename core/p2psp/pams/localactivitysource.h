#pragma once

#include "../../protocol/peeractivity.h"

#include <QHash>
#include <QMutex>

namespace mp2p {

class CreditStore;
class PamsStore;

// R1 when the OMS runs in the same mp2pd as the PAMS: one store query per call. With a credit
// store, each peer's counted credit is added (CreditStore::countedTotal, ringfilter.h; cached
// for a short while, since balances change slowly and an announce must stay cheap).
class LocalPeerActivitySource : public PeerActivitySource {
public:
    explicit LocalPeerActivitySource(const PamsStore *store, const CreditStore *credit = nullptr)
        : m_store(store)
        , m_credit(credit)
    {
    }
    QHash<QString, PeerActivity> activityOf(const QString &overlayId, const QStringList &userIds) const override;
    QList<PeerActivity> overlayPeers(const QString &overlayId) const override;

    static constexpr qint64 CreditCacheSecs = 10;

private:
    void addCredit(PeerActivity *activity, qint64 now) const;

    const PamsStore *m_store;
    const CreditStore *m_credit;
    struct CachedCredit {
        qint64 balance = 0;
        qint64 readAt = 0;
    };
    mutable QMutex m_lock;
    mutable QHash<QString, CachedCredit> m_creditCache;
};

} // namespace mp2p
