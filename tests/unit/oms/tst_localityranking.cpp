#include <p2psp/oms/localityranking.h>

#include <QSet>
#include <QTest>

using namespace mp2p;

namespace {

// Three ISP regions by address: 127.1.x.x = isp-a, 127.2.x.x = isp-b, 127.3.x.x = isp-c.
class FakeMap : public NetworkMapView {
public:
    bool available = true;
    bool hasMap() const override { return available; }
    std::optional<QString> pidOf(const QHostAddress &address) const override
    {
        const quint32 v4 = address.toIPv4Address();
        if ((v4 >> 24) != 127)
            return std::nullopt;
        return QStringLiteral("isp-%1").arg(QChar(QLatin1Char('a' + char(((v4 >> 16) & 0xff) - 1))));
    }
    std::optional<double> cost(const QString &from, const QString &to) const override
    {
        if (from == to)
            return 1;
        // a-b and b-a are cheap, anything with c is dear.
        return (from + to).contains(QLatin1Char('c')) ? 50 : 10;
    }
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

// One seed in ISP A, three leechers in each ISP.
QList<SwarmPeer> swarm()
{
    QList<SwarmPeer> all{peer(1, 1, true)};
    for (int isp = 1; isp <= 3; ++isp)
        for (int host = 2; host <= 4; ++host)
            all.append(peer(isp, host, false));
    return all;
}

QSet<QString> ispsOf(const QList<SwarmPeer> &list)
{
    QSet<QString> out;
    for (const SwarmPeer &p : list)
        out.insert(p.address.toString().section(QLatin1Char('.'), 1, 1));
    return out;
}

} // namespace

class TestLocalityRanking : public QObject {
    Q_OBJECT
private:
    FakeMap m_map;
    FakePams m_pams;
    LocalityRanking ranking() { return LocalityRanking(&m_map, &m_pams, LocalityWeights{}, std::make_shared<SimpleRanking>()); }

private Q_SLOTS:
    void init()
    {
        m_map.available = true;
        m_pams.known.clear();
    }

    void ordinaryLeecherGetsOnlyItsRegion()
    {
        // 127.2.0.3 is not the gateway of ISP B (127.2.0.2 has the lowest peer id).
        const QList<SwarmPeer> out = ranking().rank(QString(), peer(2, 3, false), swarm(), 50);
        QCOMPARE(ispsOf(out), QSet<QString>{QStringLiteral("2")});
        QCOMPARE(out.size(), 2);
    }

    void gatewayGetsCheapRemoteSeedAfterItsRegion()
    {
        const QList<SwarmPeer> out = ranking().rank(QString(), peer(2, 2, false), swarm(), 50);
        QCOMPARE(out.size(), 2 + 2);  // two B peers, then A's seed and C's gateway
        QCOMPARE(out.at(0).address.toString().section(QLatin1Char('.'), 1, 1), QStringLiteral("2"));
        QCOMPARE(out.at(1).address.toString().section(QLatin1Char('.'), 1, 1), QStringLiteral("2"));
        QVERIFY(out.at(2).seed());  // ISP A is cheaper from B than ISP C
        QCOMPARE(out.at(2).address, QHostAddress(QStringLiteral("127.1.0.1")));
        QCOMPARE(out.at(3).address, QHostAddress(QStringLiteral("127.3.0.2")));  // C's gateway, not any C leecher
    }

    void regionWithASeedStaysHome()
    {
        // ISP A has the seed: even its gateway gets no remote peers.
        for (int host = 2; host <= 4; ++host)
            QCOMPARE(ispsOf(ranking().rank(QString(), peer(1, host, false), swarm(), 50)), QSet<QString>{QStringLiteral("1")});
    }

    void seedServesItsRegionAndOtherGateways()
    {
        const QList<SwarmPeer> out = ranking().rank(QString(), peer(1, 1, true), swarm(), 50);
        QSet<QString> addresses;
        for (const SwarmPeer &p : out) {
            QVERIFY(!p.seed());
            addresses.insert(p.address.toString());
        }
        QCOMPARE(addresses, (QSet<QString>{QStringLiteral("127.1.0.2"), QStringLiteral("127.1.0.3"), QStringLiteral("127.1.0.4"),
                                           QStringLiteral("127.2.0.2"), QStringLiteral("127.3.0.2")}));
        QCOMPARE(out.first().address.toString().section(QLatin1Char('.'), 1, 1), QStringLiteral("1"));
    }

    void pamsStateChoosesTheGateway()
    {
        // 127.2.0.4 is reachable and offers upload capacity: it becomes B's gateway.
        PeerActivity a;
        a.userId = QStringLiteral("user-2-4");
        a.staticStatus.reachable = true;
        a.staticStatus.maxUploadBps = 5'000'000;
        a.lastReportAt = 1'800'000'000;
        m_pams.known.insert(a.userId, a);
        QCOMPARE(ispsOf(ranking().rank(QString(), peer(2, 2, false), swarm(), 50)), QSet<QString>{QStringLiteral("2")});
        QVERIFY(ispsOf(ranking().rank(QString(), peer(2, 4, false), swarm(), 50)).contains(QStringLiteral("1")));
        // ...and it is listed first among B's leechers for the others.
        QCOMPARE(ranking().rank(QString(), peer(2, 3, false), swarm(), 50).first().address, QHostAddress(QStringLiteral("127.2.0.4")));
    }

    void remoteShareAndNumwantBoundTheList()
    {
        LocalityWeights w;
        w.remoteShare = 0.5;
        w.gatewaysPerPid = 3;  // every leecher of B may cross
        LocalityRanking r(&m_map, &m_pams, w, std::make_shared<SimpleRanking>());
        const QList<SwarmPeer> out = r.rank(QString(), peer(2, 2, false), swarm(), 4);
        QCOMPARE(out.size(), 4);
        QCOMPARE(ispsOf(out.mid(0, 2)), QSet<QString>{QStringLiteral("2")});
        QVERIFY(!ispsOf(out.mid(2)).contains(QStringLiteral("2")));
        QCOMPARE(r.rank(QString(), peer(2, 2, false), swarm(), 0).size(), 0);
    }

    void withoutAMapTheSimpleRuleServes()
    {
        m_map.available = false;
        const QList<SwarmPeer> out = ranking().rank(QString(), peer(2, 3, false), swarm(), 50);
        QCOMPARE(out.size(), 9);  // everyone but the requester, from every ISP
        QCOMPARE(ispsOf(out).size(), 3);
        QVERIFY(out.first().seed());
    }

    void gatewayRoleSticksUntilTheGatewayLeaves()
    {
        LocalityRanking r(&m_map, &m_pams, LocalityWeights{}, std::make_shared<SimpleRanking>());
        const QString overlay = QStringLiteral("ab").repeated(20);
        // 127.2.0.2 (the lowest peer id in ISP B) is not there yet: 127.2.0.3 becomes B's gateway.
        QList<SwarmPeer> early = swarm();
        early.removeIf([](const SwarmPeer &p) { return p.address == QHostAddress(QStringLiteral("127.2.0.2")); });
        QVERIFY(ispsOf(r.rank(overlay, peer(2, 3, false), early, 50)).contains(QStringLiteral("1")));
        // A "better" newcomer does not take the role over: doors once opened stay open.
        QCOMPARE(ispsOf(r.rank(overlay, peer(2, 2, false), swarm(), 50)), QSet<QString>{QStringLiteral("2")});
        QVERIFY(ispsOf(r.rank(overlay, peer(2, 3, false), swarm(), 50)).contains(QStringLiteral("1")));
        // Another overlay has its own gateways.
        QVERIFY(ispsOf(r.rank(QStringLiteral("cd").repeated(20), peer(2, 2, false), swarm(), 50)).contains(QStringLiteral("1")));
        // When the gateway leaves the swarm, the role passes on.
        QList<SwarmPeer> later = swarm();
        later.removeIf([](const SwarmPeer &p) { return p.address == QHostAddress(QStringLiteral("127.2.0.3")); });
        QVERIFY(ispsOf(r.rank(overlay, peer(2, 2, false), later, 50)).contains(QStringLiteral("1")));
    }

    void requesterIsNeverListed()
    {
        for (const SwarmPeer &p : swarm())
            for (const SwarmPeer &listed : ranking().rank(QString(), p, swarm(), 50))
                QVERIFY(listed.peerId != p.peerId);
    }
};

QTEST_GUILESS_MAIN(TestLocalityRanking)
#include "tst_localityranking.moc"
