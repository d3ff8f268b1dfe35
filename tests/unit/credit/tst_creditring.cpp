// Counted credit (core/p2psp/pams/ringfilter.h): credit that a ring of accounts signed for each
// other counts for reputation and priority only up to the credit the ring earned from outside.
// Synthetic graphs for the rule, a big random one and a long cycle for the cost (no recursion),
// and the ledger itself: a real ring of three redeeming receipts at the PAMS.
#include "creditfixture.h"

#include <p2psp/pams/localactivitysource.h>
#include <p2psp/pams/ringfilter.h>

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace mp2p;
using namespace mp2p::test;

namespace {

QString u(int i)
{
    return QStringLiteral("u%1").arg(i);
}

qint64 sumOf(const QHash<QString, qint64> &counted, const QStringList &users)
{
    qint64 sum = 0;
    for (const QString &name : users)
        sum += counted.value(name);
    return sum;
}

} // namespace

class TestCreditRing : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pairSigningForEachOtherCountsNothing()
    {
        RingStats stats;
        const auto counted = countedCredit({{u(1), u(2), 1000}, {u(2), u(1), 1000}}, &stats);
        QVERIFY(counted.isEmpty());
        QCOMPARE(stats.rings, 1);
        QCOMPARE(stats.ringUsers, 2);
    }

    void closedRingOfKCountsNothing_data()
    {
        QTest::addColumn<int>("k");
        QTest::newRow("3") << 3;
        QTest::newRow("5") << 5;
        QTest::newRow("50") << 50;
    }

    void closedRingOfKCountsNothing()
    {
        QFETCH(int, k);
        QList<CreditEdge> edges;
        for (int i = 0; i < k; ++i) {
            edges.append({u(i), u((i + 1) % k), 1'000'000});  // the cycle
            edges.append({u(i), u((i + 2) % k), 500'000});    // and more edges inside
        }
        RingStats stats;
        QVERIFY(countedCredit(edges, &stats).isEmpty());
        QCOMPARE(stats.rings, 1);
        QCOMPARE(stats.ringUsers, k);
    }

    // An honest downloader signs for the uploader only: no cycle, all of it counts.
    void oneWayCreditCountsFully()
    {
        const auto counted = countedCredit({{u(1), u(2), 700}, {u(3), u(2), 300}, {u(2), u(4), 50}});
        QCOMPARE(counted.value(u(2)), 1000);
        QCOMPARE(counted.value(u(4)), 50);
        QCOMPARE(counted.value(u(1)), 0);
    }

    // A ring of three trading 3000 inside and receiving 90 from outside: the inside counts for
    // at most 90, shared by what each member received inside; the outside credit counts fully.
    void ringWithOutsideCreditCountsAtMostThat()
    {
        const QStringList ring{u(1), u(2), u(3)};
        const auto counted = countedCredit({{u(1), u(2), 1000}, {u(2), u(3), 1000}, {u(3), u(1), 1000},
                                            {u(9), u(1), 90}});
        QCOMPARE(counted.value(u(1)), 90 + 30);
        QCOMPARE(counted.value(u(2)), 30);
        QCOMPARE(counted.value(u(3)), 30);
        QVERIFY(sumOf(counted, ring) <= 2 * 90);
        // Enough outside credit: the inside counts whole (an honest tit-for-tat pair with outside downloaders).
        const auto honest = countedCredit({{u(1), u(2), 100}, {u(2), u(1), 100}, {u(7), u(1), 500}, {u(8), u(2), 500}});
        QCOMPARE(honest.value(u(1)), 600);
        QCOMPARE(honest.value(u(2)), 600);
    }

    // Rings chained one way: the upstream ring is closed (adds nothing); what it signed for
    // the downstream ring is outside credit there.
    void ringsChainedOneWay()
    {
        const auto counted = countedCredit({{u(1), u(2), 100}, {u(2), u(1), 100},        // ring A
                                            {u(3), u(4), 100}, {u(4), u(3), 100},        // ring B
                                            {u(1), u(3), 40}});                          // A signs for B
        QCOMPARE(counted.value(u(1)) + counted.value(u(2)), 0);
        QCOMPARE(counted.value(u(3)), 40 + 20);
        QCOMPARE(counted.value(u(4)), 20);
    }

    void selfSignedAndEmptyEdgesCountNothing()
    {
        const auto counted = countedCredit({{u(1), u(1), 1000}, {u(2), u(3), 0}});
        QVERIFY(counted.isEmpty());
    }

    // The cost: a random graph of 200,000 edges, and a single cycle of 300,000 users (an
    // SCC as deep as it gets, which a recursive Tarjan would overflow the stack on).
    void bigGraphsAreCheap()
    {
        QRandomGenerator rng(20261207);
        const int users = 50'000, edgeCount = 200'000;
        QList<CreditEdge> edges;
        edges.reserve(edgeCount);
        for (int i = 0; i < edgeCount; ++i)
            edges.append({u(int(rng.bounded(users))), u(int(rng.bounded(users))), qint64(rng.bounded(1, 1 << 20))});
        QElapsedTimer t;
        t.start();
        RingStats stats;
        const auto counted = countedCredit(edges, &stats);
        const qint64 randomMs = t.elapsed();
        qInfo("counted credit: %lld users, %lld edges, %d rings (%lld users in rings) in %lld ms",
              qint64(stats.users), qint64(stats.edges), stats.rings, qint64(stats.ringUsers), randomMs);
        QVERIFY(stats.edges > 150'000);
        QVERIFY(!counted.isEmpty());
        QVERIFY2(randomMs < 5000, "200,000 edges must be filtered within 5 s even on a loaded 2-core machine");

        const int cycle = 300'000;
        edges.clear();
        for (int i = 0; i < cycle; ++i)
            edges.append({u(i), u((i + 1) % cycle), 1});
        t.restart();
        QVERIFY(countedCredit(edges, &stats).isEmpty());
        qInfo("counted credit: one ring of %d users in %lld ms", cycle, qint64(t.elapsed()));
        QCOMPARE(stats.rings, 1);
        QCOMPARE(stats.ringUsers, cycle);
    }

    // The ledger's figure: the receipt graph read from credit.db and filtered, 200,000 edges.
    void ledgerReadAndFilterCost()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("credit.db"));
        QString error;
        {
            CreditStore store(path);
            QVERIFY2(store.open(&error), qPrintable(error));
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("ringbench"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("BEGIN")));
            QVERIFY(q.prepare(QStringLiteral("INSERT INTO credit_receipt_state VALUES (?, ?, ?, 'peer', 1, ?, 0, 0)")));
            QRandomGenerator rng(7);
            for (int i = 0; i < 200'000; ++i) {
                q.bindValue(0, u(int(rng.bounded(50'000))));
                q.bindValue(1, u(int(rng.bounded(50'000))));
                q.bindValue(2, QString::number(i % 100));
                q.bindValue(3, qint64(rng.bounded(1, 1 << 20)));
                QVERIFY(q.exec());
            }
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("COMMIT")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("ringbench"));
        CreditStore store(path);
        QVERIFY2(store.open(&error), qPrintable(error));  // computes once
        const RingStats stats = store.ringStats();
        qInfo("credit.db with %lld receipt edges: read and filtered in %lld ms (%d rings, %lld users in rings)",
              qint64(stats.edges), stats.computeMs, stats.rings, qint64(stats.ringUsers));
        QVERIFY(stats.edges > 150'000);
        QVERIFY2(stats.computeMs < 10'000, "the ledger's graph must be read and filtered within 10 s");
        // Big graph: readers get the snapshot and the next computation runs in the background.
        QVERIFY(stats.computeMs > CountedCredit::InlineBudgetMs);
    }

    // The real thing at the PAMS: three accounts report downloads and redeem receipts they
    // signed for each other. The raw balances grow within the caps; counted credit stays 0.
    // An outsider's small credit to one of them lets the ring count at most that much inside.
    void ringAtThePamsCountsNothing()
    {
        CreditFixture f;
        const TestUser a = f.user(), b = f.user(), c = f.user(), honest = f.user(), up = f.user();
        for (const TestUser *t : {&a, &b, &c})
            f.reportDownloaded(*t, 1'000'000);
        QCOMPARE(result(f.redeem(b, {f.receipt(a, b, 1, 900'000)}), 0).value("credited").toInteger(), 900'000);
        QCOMPARE(result(f.redeem(c, {f.receipt(b, c, 1, 900'000)}), 0).value("credited").toInteger(), 900'000);
        QCOMPARE(result(f.redeem(a, {f.receipt(c, a, 1, 900'000)}), 0).value("credited").toInteger(), 900'000);
        // An honest pair alongside: one-way credit counts whole.
        f.reportDownloaded(honest, 500'000);
        QCOMPARE(result(f.redeem(up, {f.receipt(honest, up, 1, 500'000)}), 0).value("credited").toInteger(), 500'000);
        for (const TestUser *t : {&a, &b, &c}) {
            QCOMPARE(f.balance(*t), 900'000);
            QCOMPARE(f.balance(*t, QStringLiteral("counted")), 0);
            QCOMPARE(f.service->credit()->store()->countedTotal(t->userId), 0);
        }
        QCOMPARE(f.balance(up, QStringLiteral("counted")), 500'000);
        // The OMS's R1 in the same mp2pd ranks by the counted figure too.
        f.reportDownloaded(up, 0);
        const LocalPeerActivitySource r1(f.service->store(), f.service->credit()->store());
        const QHash<QString, PeerActivity> activity = r1.activityOf(f.overlay, {a.userId, b.userId, up.userId});
        QCOMPARE(activity.value(a.userId).credit, 0);
        QCOMPARE(activity.value(b.userId).credit, 0);
        QCOMPARE(activity.value(up.userId).credit, 500'000);

        // The honest downloader also takes 30,000 bytes from a: outside credit for the ring.
        f.reportDownloaded(honest, 530'000);
        QCOMPARE(result(f.redeem(a, {f.receipt(honest, a, 1, 30'000)}), 0).value("credited").toInteger(), 30'000);
        qint64 ringCounted = 0;
        for (const TestUser *t : {&a, &b, &c})
            ringCounted += f.balance(*t, QStringLiteral("counted"));
        QCOMPARE(f.balance(a, QStringLiteral("counted")), 30'000 + 10'000);
        QCOMPARE(ringCounted - 30'000, 30'000);  // the inside counts exactly the outside credit
    }
};

QTEST_GUILESS_MAIN(TestCreditRing)
#include "tst_creditring.moc"
