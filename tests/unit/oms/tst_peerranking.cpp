#include <p2psp/oms/peerranking.h>

#include <QSet>
#include <QTest>

using namespace mp2p;

// SimpleRanking alone: who may appear, in which order, how many.
class TstPeerRanking : public QObject {
    Q_OBJECT

    static SwarmPeer peer(char id, qint64 left)
    {
        SwarmPeer p;
        p.peerId = QByteArray(20, id);
        p.left = left;
        return p;
    }
    static QList<SwarmPeer> swarm()
    {
        return {peer('a', 0), peer('b', 5), peer('c', 0), peer('d', 7), peer('e', 0), peer('r', 3)};
    }

private Q_SLOTS:
    void leecherGetsSeedsFirstWithoutItself()
    {
        const SimpleRanking ranking;
        const QList<SwarmPeer> out = ranking.rank(QString(), peer('r', 3), swarm(), 50);
        QCOMPARE(out.size(), 5);
        for (int i = 0; i < 3; ++i)
            QVERIFY(out.at(i).seed());
        for (int i = 3; i < 5; ++i)
            QVERIFY(!out.at(i).seed());
        for (const SwarmPeer &p : out)
            QVERIFY(p.peerId != QByteArray(20, 'r'));
    }

    void seedGetsOnlyLeechers()
    {
        const SimpleRanking ranking;
        const QList<SwarmPeer> out = ranking.rank(QString(), peer('a', 0), swarm(), 50);
        QCOMPARE(out.size(), 3);  // b, d, r
        for (const SwarmPeer &p : out)
            QVERIFY(!p.seed());
    }

    void truncatesToNumwant()
    {
        const SimpleRanking ranking;
        QCOMPARE(ranking.rank(QString(), peer('r', 3), swarm(), 2).size(), 2);
        QVERIFY(ranking.rank(QString(), peer('r', 3), swarm(), 2).at(1).seed());
        QCOMPARE(ranking.rank(QString(), peer('r', 3), swarm(), 0).size(), 0);
    }

    void orderWithinAClassIsShuffled()
    {
        const SimpleRanking ranking;
        QSet<QByteArray> firsts;
        for (int i = 0; i < 200; ++i)
            firsts.insert(ranking.rank(QString(), peer('r', 3), swarm(), 50).first().peerId);
        QCOMPARE(firsts.size(), 3);  // each of the three seeds came first at some point
    }
};

QTEST_GUILESS_MAIN(TstPeerRanking)
#include "tst_peerranking.moc"
