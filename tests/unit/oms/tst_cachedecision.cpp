// The OMS caching rule (cachedecision.h), table by table: when a region gets a cache, which
// cache, and the hysteresis that keeps it from flapping.
#include <p2psp/oms/cachedecision.h>

#include <QTest>

using namespace mp2p;

Q_DECLARE_METATYPE(QList<RegionDemand>)
Q_DECLARE_METATYPE(QList<CurrentAllocation>)
Q_DECLARE_METATYPE(QList<CacheCandidate>)
Q_DECLARE_METATYPE(QList<CacheAction>)

namespace {
constexpr qint64 Now = 1'800'000'000;
const QString A = QStringLiteral("isp-a");
const QString B = QStringLiteral("isp-b");

CacheCandidate cs(const QString &id, const QString &region, qint64 free = 1000, qint64 upload = 100, int allocations = 0)
{
    return {id, region, free, upload, allocations};
}
CacheCandidate busy(const QString &id, const QString &region) { return cs(id, region, 1000, 100, 3); }
CacheAction allocate(const QString &id, const QString &region) { return {CacheAction::Allocate, id, region}; }
CacheAction touch(const QString &id, const QString &region) { return {CacheAction::Touch, id, region}; }
CacheAction release(const QString &id, const QString &region) { return {CacheAction::Deallocate, id, region}; }
} // namespace

class TestCacheDecision : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rule_data()
    {
        QTest::addColumn<QList<RegionDemand>>("demand");
        QTest::addColumn<QList<CurrentAllocation>>("current");
        QTest::addColumn<QList<CacheCandidate>>("candidates");
        QTest::addColumn<qint64>("contentBytes");
        QTest::addColumn<QList<CacheAction>>("expected");

        const QList<CacheCandidate> oneInB{cs(QStringLiteral("b1"), B)};
        QTest::newRow("2 leechers, no seed: allocate")
            << QList<RegionDemand>{{B, 2, 0}, {A, 0, 1}} << QList<CurrentAllocation>{} << oneInB << qint64(500)
            << QList<CacheAction>{allocate(QStringLiteral("b1"), B)};
        QTest::newRow("1 leecher, busy cache: below the threshold")
            << QList<RegionDemand>{{B, 1, 0}} << QList<CurrentAllocation>{} << QList<CacheCandidate>{busy(QStringLiteral("b1"), B)}
            << qint64(500) << QList<CacheAction>{};
        QTest::newRow("1 leecher, idle cache: allocate at once")
            << QList<RegionDemand>{{B, 1, 0}} << QList<CurrentAllocation>{} << oneInB << qint64(500)
            << QList<CacheAction>{allocate(QStringLiteral("b1"), B)};
        QTest::newRow("1 leecher: the idle cache is taken even if a busy one is better")
            << QList<RegionDemand>{{B, 1, 0}} << QList<CurrentAllocation>{}
            << QList<CacheCandidate>{cs(QStringLiteral("b1"), B, 9000, 900, 2), cs(QStringLiteral("b2"), B)} << qint64(500)
            << QList<CacheAction>{allocate(QStringLiteral("b2"), B)};
        QTest::newRow("1 leecher with a seed of its own: nothing, even idle")
            << QList<RegionDemand>{{B, 1, 1}} << QList<CurrentAllocation>{} << oneInB << qint64(500) << QList<CacheAction>{};
        QTest::newRow("no leecher: an idle cache stays idle")
            << QList<RegionDemand>{{B, 0, 0}, {A, 0, 1}} << QList<CurrentAllocation>{} << oneInB << qint64(500)
            << QList<CacheAction>{};
        QTest::newRow("region has its own seed: served")
            << QList<RegionDemand>{{B, 5, 1}} << QList<CurrentAllocation>{} << oneInB << qint64(500) << QList<CacheAction>{};
        QTest::newRow("no cache in that region")
            << QList<RegionDemand>{{B, 5, 0}} << QList<CurrentAllocation>{} << QList<CacheCandidate>{cs(QStringLiteral("a1"), A)}
            << qint64(500) << QList<CacheAction>{};
        QTest::newRow("cache too small for the content")
            << QList<RegionDemand>{{B, 5, 0}} << QList<CurrentAllocation>{} << QList<CacheCandidate>{cs(QStringLiteral("b1"), B, 400)}
            << qint64(500) << QList<CacheAction>{};
        QTest::newRow("unknown size: any free disk")
            << QList<RegionDemand>{{B, 3, 0}} << QList<CurrentAllocation>{} << QList<CacheCandidate>{cs(QStringLiteral("b1"), B, 1)}
            << qint64(0) << QList<CacheAction>{allocate(QStringLiteral("b1"), B)};
        QTest::newRow("full cache is skipped")
            << QList<RegionDemand>{{B, 3, 0}} << QList<CurrentAllocation>{} << QList<CacheCandidate>{cs(QStringLiteral("b1"), B, 0)}
            << qint64(0) << QList<CacheAction>{};
        QTest::newRow("best cache: most upload, then most disk, then id")
            << QList<RegionDemand>{{B, 3, 0}} << QList<CurrentAllocation>{}
            << QList<CacheCandidate>{cs(QStringLiteral("b3"), B, 5000, 100), cs(QStringLiteral("b2"), B, 1000, 900),
                                     cs(QStringLiteral("b1"), B, 2000, 900)}
            << qint64(500) << QList<CacheAction>{allocate(QStringLiteral("b1"), B)};
        QTest::newRow("two unserved regions: one cache each")
            << QList<RegionDemand>{{A, 2, 0}, {B, 4, 0}} << QList<CurrentAllocation>{}
            << QList<CacheCandidate>{cs(QStringLiteral("a1"), A), cs(QStringLiteral("b1"), B), cs(QStringLiteral("b2"), B)}
            << qint64(500) << QList<CacheAction>{allocate(QStringLiteral("a1"), A), allocate(QStringLiteral("b1"), B)};
        QTest::newRow("demand split over entries of one region adds up")
            << QList<RegionDemand>{{B, 1, 0}, {B, 1, 0}} << QList<CurrentAllocation>{}
            << QList<CacheCandidate>{busy(QStringLiteral("b1"), B)} << qint64(500)
            << QList<CacheAction>{allocate(QStringLiteral("b1"), B)};
        QTest::newRow("allocated and still demanded: touch, no second cache")
            << QList<RegionDemand>{{B, 4, 0}} << QList<CurrentAllocation>{{QStringLiteral("b1"), B, Now - 5}}
            << QList<CacheCandidate>{cs(QStringLiteral("b1"), B), cs(QStringLiteral("b2"), B)} << qint64(500)
            << QList<CacheAction>{touch(QStringLiteral("b1"), B)};
        QTest::newRow("hysteresis: one leecher left keeps the cache")
            << QList<RegionDemand>{{B, 1, 3}} << QList<CurrentAllocation>{{QStringLiteral("b1"), B, Now - 500}} << oneInB
            << qint64(500) << QList<CacheAction>{touch(QStringLiteral("b1"), B)};
        QTest::newRow("hysteresis: no leecher, within hold: nothing")
            << QList<RegionDemand>{{B, 0, 3}} << QList<CurrentAllocation>{{QStringLiteral("b1"), B, Now - 59}} << oneInB
            << qint64(500) << QList<CacheAction>{};
        QTest::newRow("no leecher for the hold time: release")
            << QList<RegionDemand>{{B, 0, 3}} << QList<CurrentAllocation>{{QStringLiteral("b1"), B, Now - 60}} << oneInB
            << qint64(500) << QList<CacheAction>{release(QStringLiteral("b1"), B)};
        QTest::newRow("demand moved from B to A: B held, A allocated")
            << QList<RegionDemand>{{A, 3, 0}} << QList<CurrentAllocation>{{QStringLiteral("b1"), B, Now - 10}}
            << QList<CacheCandidate>{cs(QStringLiteral("a1"), A), cs(QStringLiteral("b1"), B)} << qint64(500)
            << QList<CacheAction>{allocate(QStringLiteral("a1"), A)};
        QTest::newRow("demand moved long ago: B released, A allocated")
            << QList<RegionDemand>{{A, 3, 0}} << QList<CurrentAllocation>{{QStringLiteral("b1"), B, Now - 100}}
            << QList<CacheCandidate>{cs(QStringLiteral("a1"), A), cs(QStringLiteral("b1"), B)} << qint64(500)
            << QList<CacheAction>{release(QStringLiteral("b1"), B), allocate(QStringLiteral("a1"), A)};
    }

    void rule()
    {
        QFETCH(QList<RegionDemand>, demand);
        QFETCH(QList<CurrentAllocation>, current);
        QFETCH(QList<CacheCandidate>, candidates);
        QFETCH(qint64, contentBytes);
        QFETCH(QList<CacheAction>, expected);
        const QList<CacheAction> actions = decideCaching(demand, current, candidates, contentBytes, Now, CachePolicy{});
        if (actions != expected) {
            for (const CacheAction &a : actions)
                qWarning() << "got" << a.kind << a.resourceId << a.region;
        }
        QCOMPARE(actions.size(), expected.size());
        QVERIFY(actions == expected);
    }

    void policyThresholds()
    {
        CachePolicy policy;
        policy.minLeechers = 5;
        policy.maxSeeds = 1;
        const QList<CacheCandidate> one{busy(QStringLiteral("b1"), B)};
        QVERIFY(decideCaching({{B, 4, 0}}, {}, one, 1, Now, policy).isEmpty());
        QCOMPARE(decideCaching({{B, 5, 1}}, {}, one, 1, Now, policy).size(), 1);
        QVERIFY(decideCaching({{B, 9, 2}}, {}, one, 1, Now, policy).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCacheDecision)
#include "tst_cachedecision.moc"
