// Ranking with caches and credit (LocalityRanking + CacheView + R1 credit): a cache is listed by
// its region's rule, is the region's door out while it fetches, counts as the region's seed once
// it seeds, comes first for requesters with credit; among equal peers higher credit comes first.
#include <p2psp/oms/localityranking.h>

#include <QSet>
#include <QTest>

using namespace mp2p;

namespace {

class FakeMap : public NetworkMapView {
public:
    bool hasMap() const override { return true; }
    std::optional<QString> pidOf(const QHostAddress &address) const override
    {
        return QStringLiteral("isp-%1").arg((address.toIPv4Address() >> 16) & 0xff);
    }
    std::optional<double> cost(const QString &from, const QString &to) const override { return from == to ? 1 : 10; }
};

class FakePams : public PeerActivitySource {
public:
    QHash<QString, PeerActivity> known;
    QHash<QString, PeerActivity> activityOf(const QString &, const QStringList &users) const override
    {
        QHash<QString, PeerActivity> out;
        for (const QString &u : users)
            if (known.contains(u))
                out.insert(u, known.value(u));
        return out;
    }
    void credit(const QString &user, qint64 credit)
    {
        PeerActivity a;
        a.userId = user;
        a.credit = credit;
        a.lastReportAt = 1'800'000'000;
        known.insert(user, a);
    }
};

class FakeCaches : public CacheView {
public:
    QSet<QString> users;
    QSet<QString> awaitingRegions;  // where a cache is on its way
    mutable int asked = 0;
    QSet<QString> cacheUsers(const QString &) const override { return users; }
    bool awaitsCache(const QString &, const QString &region, int, qint64, qint64) const override
    {
        ++asked;
        return awaitingRegions.contains(region);
    }
};

SwarmPeer peer(int isp, int host, bool seed)
{
    SwarmPeer p;
    p.peerId = QByteArrayLiteral("-MP0100-") + QByteArray::number(isp * 100 + host).rightJustified(12, '0');
    p.userId = QStringLiteral("user-%1-%2").arg(isp).arg(host);
    p.address = QHostAddress(QStringLiteral("127.%1.0.%2").arg(isp).arg(host));
    p.port = 6881;
    p.left = seed ? 0 : 1000;
    p.lastSeen = 1'800'000'000;
    return p;
}

QStringList addresses(const QList<SwarmPeer> &list)
{
    QStringList out;
    for (const SwarmPeer &p : list)
        out.append(p.address.toString());
    return out;
}

const QString Cache = QStringLiteral("127.2.0.9");

} // namespace

class TestCacheRanking : public QObject {
    Q_OBJECT
private:
    FakeMap m_map;
    FakePams m_pams;
    FakeCaches m_caches;

    std::unique_ptr<LocalityRanking> ranking()
    {
        auto r = std::make_unique<LocalityRanking>(&m_map, &m_pams, LocalityWeights{}, std::make_shared<SimpleRanking>());
        r->setCaches(&m_caches);
        return r;
    }
    // The only seed in ISP 1; leechers 127.2.0.2..4 in ISP 2; the cache 127.2.0.9 in ISP 2.
    static QList<SwarmPeer> swarm(bool cacheSeeds)
    {
        return {peer(1, 1, true), peer(2, 2, false), peer(2, 3, false), peer(2, 4, false), peer(2, 9, cacheSeeds)};
    }

private Q_SLOTS:
    void init()
    {
        m_pams.known.clear();
        m_caches.users = {QStringLiteral("user-2-9")};
        m_caches.awaitingRegions.clear();
        m_caches.asked = 0;
    }

    void regionWaitsForItsCacheInsteadOfOpeningADoor()
    {
        // The cache is allocated (or idle with room) but not yet in the swarm.
        auto r = ranking();
        m_caches.users.clear();
        m_caches.awaitingRegions = {QStringLiteral("isp-2")};
        const QList<SwarmPeer> swarm{peer(1, 1, true), peer(2, 2, false), peer(2, 3, false)};
        for (int host = 2; host <= 3; ++host) {
            const QStringList list = addresses(r->rank(QString(), peer(2, host, false), swarm, 50));
            QVERIFY2(!list.contains(QStringLiteral("127.1.0.1")), qPrintable(list.join(u' ')));
        }
        // The seed offers ISP 2 nobody either: no leecher there is a door.
        QVERIFY(addresses(r->rank(QString(), peer(1, 1, true), swarm, 50)).isEmpty());
        // The cache arrives (fetching): it is the door, and the only one.
        m_caches.users = {QStringLiteral("user-2-9")};
        const QList<SwarmPeer> withCache = swarm + QList<SwarmPeer>{peer(2, 9, false)};
        QCOMPARE(addresses(r->rank(QString(), peer(1, 1, true), withCache, 50)), QStringList{Cache});
        QVERIFY(addresses(r->rank(QString(), peer(2, 9, false), withCache, 50)).contains(QStringLiteral("127.1.0.1")));
        QVERIFY(!addresses(r->rank(QString(), peer(2, 2, false), withCache, 50)).contains(QStringLiteral("127.1.0.1")));
    }

    void waitEndsAndTheOrdinaryRuleServes()
    {
        auto r = ranking();
        m_caches.users.clear();
        m_caches.awaitingRegions = {QStringLiteral("isp-2")};
        const QList<SwarmPeer> swarm{peer(1, 1, true), peer(2, 2, false), peer(2, 3, false)};
        QVERIFY(!addresses(r->rank(QString(), peer(2, 2, false), swarm, 50)).contains(QStringLiteral("127.1.0.1")));
        // The bounded wait is over and no cache came: the region opens its door.
        m_caches.awaitingRegions.clear();
        QVERIFY(addresses(r->rank(QString(), peer(2, 2, false), swarm, 50)).contains(QStringLiteral("127.1.0.1")));
    }

    void anOpenDoorIsNotHeldAndASeededRegionIsNotAsked()
    {
        auto r = ranking();
        m_caches.users.clear();
        const QList<SwarmPeer> swarm{peer(1, 1, true), peer(2, 2, false), peer(2, 3, false)};
        QVERIFY(addresses(r->rank(QString(), peer(2, 2, false), swarm, 50)).contains(QStringLiteral("127.1.0.1")));
        // A cache registers after the door opened: the door stays (its connections do anyway).
        m_caches.awaitingRegions = {QStringLiteral("isp-2")};
        m_caches.asked = 0;
        QVERIFY(addresses(r->rank(QString(), peer(2, 2, false), swarm, 50)).contains(QStringLiteral("127.1.0.1")));
        QCOMPARE(m_caches.asked, 0);
        // ISP 1 holds the seed: its leechers need no door and no cache is waited for.
        m_caches.awaitingRegions = {QStringLiteral("isp-1")};
        r->rank(QString(), peer(1, 2, false), swarm + QList<SwarmPeer>{peer(1, 2, false)}, 50);
        QCOMPARE(m_caches.asked, 0);
    }

    void fetchingCacheIsTheRegionsDoorOut()
    {
        auto r = ranking();
        // Without the cache role, 127.2.0.2 (lowest id) would be ISP 2's gateway; with it, the
        // cache is, even though 127.2.0.2 held the role first.
        m_caches.users.clear();
        QVERIFY(addresses(r->rank(QString(), peer(2, 2, false), swarm(false), 50)).contains(QStringLiteral("127.1.0.1")));
        m_caches.users = {QStringLiteral("user-2-9")};
        const QStringList ordinary = addresses(r->rank(QString(), peer(2, 2, false), swarm(false), 50));
        QVERIFY2(!ordinary.contains(QStringLiteral("127.1.0.1")), qPrintable(ordinary.join(u' ')));
        QVERIFY(ordinary.contains(Cache));
        const QStringList cache = addresses(r->rank(QString(), peer(2, 9, false), swarm(false), 50));
        QVERIFY2(cache.contains(QStringLiteral("127.1.0.1")), qPrintable(cache.join(u' ')));
        // The seed hands its own list to the cache as ISP 2's gateway, not to another leecher.
        const QStringList seed = addresses(r->rank(QString(), peer(1, 1, true), swarm(false), 50));
        QCOMPARE(seed, QStringList{Cache});
    }

    void seedingCacheServesItsRegionFirst()
    {
        auto r = ranking();
        for (int host = 2; host <= 4; ++host) {
            const QStringList list = addresses(r->rank(QString(), peer(2, host, false), swarm(true), 50));
            QCOMPARE(list.first(), Cache);                         // the region's only seed
            QVERIFY(!list.contains(QStringLiteral("127.1.0.1")));  // nothing crosses the border any more
        }
    }

    void cachesComeFirstForPeersWithCredit()
    {
        auto r = ranking();
        QList<SwarmPeer> all = swarm(true);
        all.append(peer(2, 7, true));  // an ordinary seed in ISP 2 too
        // Without credit: the ordinary seed first, the cache after it.
        QStringList list = addresses(r->rank(QString(), peer(2, 2, false), all, 50));
        QCOMPARE(list.mid(0, 2), (QStringList{QStringLiteral("127.2.0.7"), Cache}));
        // With credit: the cache first.
        m_pams.credit(QStringLiteral("user-2-2"), 1 << 20);
        list = addresses(r->rank(QString(), peer(2, 2, false), all, 50));
        QCOMPARE(list.mid(0, 2), (QStringList{Cache, QStringLiteral("127.2.0.7")}));
    }

    void higherCreditComesFirstAmongEqualPeers()
    {
        m_caches.users.clear();
        auto r = ranking();
        const QList<SwarmPeer> leechers{peer(2, 2, false), peer(2, 3, false), peer(2, 4, false), peer(2, 5, false)};
        m_pams.credit(QStringLiteral("user-2-4"), 900);
        m_pams.credit(QStringLiteral("user-2-5"), 100);
        m_pams.credit(QStringLiteral("user-2-3"), 0);
        for (int round = 0; round < 20; ++round) {  // the shuffle never beats credit
            const QStringList list = addresses(r->rank(QString(), peer(2, 6, false), leechers, 50));
            QCOMPARE(list.mid(0, 2), (QStringList{QStringLiteral("127.2.0.4"), QStringLiteral("127.2.0.5")}));
        }
    }
};

QTEST_GUILESS_MAIN(TestCacheRanking)
#include "tst_cacheranking.moc"
