#include "creditfixture.h"

using namespace mp2p;
using namespace mp2p::test;

// Every kind of cheating earns 0 and is logged against the user who sent the receipt.
class TestCreditAbuse : public QObject {
    Q_OBJECT

private:

private Q_SLOTS:
    void forgeryEarnsNothing()
    {
        CreditFixture f;
        const TestUser down = f.user(), up = f.user(), other = f.user();
        f.reportDownloaded(down, 1000);

        Receipt otherKey = f.receipt(other, up, 1, 500);  // signed by someone else, claimed as `down`
        otherKey.fields.downloaderId = down.userId;
        Receipt swappedKey = otherKey;                   // and with down's public key pasted in
        swappedKey.downloaderKey = down.key.publicKey();
        Receipt tampered = f.receipt(down, up, 1, 100);  // honest receipt, bytes raised afterwards
        tampered.fields.bytes = 900;

        const HttpResponse r = f.redeem(up, {otherKey, swappedKey, tampered});
        for (int i = 0; i < 3; ++i)
            expectRejected(r, i, QStringLiteral("forged"));
        QCOMPARE(f.balance(up), 0);
        QCOMPARE(f.rejections(up), QStringList(3, QStringLiteral("forged")));
        // A forgery does not burn the sequence: the honest receipt 1 still counts.
        QCOMPARE(result(f.redeem(up, {f.receipt(down, up, 1, 100)}), 0).value("credited").toInteger(), 100);
    }

    void replayAndReorderEarnNothing()
    {
        CreditFixture f;
        const TestUser down = f.user(), up = f.user();
        f.reportDownloaded(down, 1000);
        const Receipt one = f.receipt(down, up, 1, 300), two = f.receipt(down, up, 2, 600);
        QCOMPARE(result(f.redeem(up, {one}), 0).value("credited").toInteger(), 300);
        expectRejected(f.redeem(up, {one}), 0, QStringLiteral("replay"));           // same sequence twice
        QCOMPARE(result(f.redeem(up, {two}), 0).value("credited").toInteger(), 300);
        expectRejected(f.redeem(up, {one}), 0, QStringLiteral("replay"));           // older one after a newer
        expectRejected(f.redeem(up, {f.receipt(down, up, 3, 500)}), 0, QStringLiteral("non_monotonic"));
        QCOMPARE(f.balance(up), 600);
        QCOMPARE(f.rejections(up), (QStringList{QStringLiteral("non_monotonic"), QStringLiteral("replay"),
                                                QStringLiteral("replay")}));
        QCOMPARE(jsonOf(f.anonymous().get(QStringLiteral("/pams/v1/credit/") + up.userId))
                     .value("rejectedAttempts").toInteger(), 3);
    }

    // Inflated receipts are rejected whole (not clipped to the cap) and do not advance the
    // state, so the same receipt counts in full once the downloader's report covers it.
    void inflatedBytesEarnNothing()
    {
        CreditFixture f;
        const TestUser down = f.user(), up = f.user(), up2 = f.user();
        f.reportDownloaded(down, 1000);
        const Receipt big = f.receipt(down, up, 1, 1500);
        expectRejected(f.redeem(up, {big}), 0, QStringLiteral("inflated"));
        QCOMPARE(f.balance(up), 0);

        // Across uploaders: 800 from up + 300 from up2 > 1000 reported.
        QCOMPARE(result(f.redeem(up, {f.receipt(down, up, 2, 800)}), 0).value("credited").toInteger(), 800);
        expectRejected(f.redeem(up2, {f.receipt(down, up2, 1, 300)}), 0, QStringLiteral("inflated"));
        QCOMPARE(result(f.redeem(up2, {f.receipt(down, up2, 2, 200)}), 0).value("credited").toInteger(), 200);

        f.reportDownloaded(down, 3000);
        QCOMPARE(result(f.redeem(up, {f.receipt(down, up, 3, 1500)}), 0).value("credited").toInteger(), 700);
        QCOMPARE(f.balance(up), 1500);
        QCOMPARE(f.balance(up2), 200);
        QCOMPARE(f.rejections(up), QStringList{QStringLiteral("inflated")});
        QCOMPARE(f.rejections(up2), QStringList{QStringLiteral("inflated")});
    }

    void contentSizeCapsEachUploader()
    {
        CreditFixture f;
        f.service->credit()->setContentSizeLookup([&f](const QString &id) -> std::optional<qint64> {
            return id == f.overlay ? std::optional<qint64>(500) : std::nullopt;
        });
        const TestUser down = f.user(), up = f.user();
        f.reportDownloaded(down, 10'000);  // e.g. a downloader that re-fetched a lot
        expectRejected(f.redeem(up, {f.receipt(down, up, 1, 600)}), 0, QStringLiteral("inflated"));
        QCOMPARE(result(f.redeem(up, {f.receipt(down, up, 2, 500)}), 0).value("credited").toInteger(), 500);
        // Unknown size: only cap (a) applies.
        const QString other = hex40('c');
        f.reportDownloaded(down, 900, other);
        QCOMPARE(result(f.redeem(up, {f.receipt(down, up, 1, 900, other)}), 0).value("credited").toInteger(), 900);
    }

    void selfDealingEarnsNothing()
    {
        CreditFixture f;
        const TestUser me = f.user();
        f.reportDownloaded(me, 1'000'000);
        expectRejected(f.redeem(me, {f.receipt(me, me, 1, 1000)}), 0, QStringLiteral("self_dealing"));
        QCOMPARE(f.balance(me), 0);
        QCOMPARE(f.rejections(me), QStringList{QStringLiteral("self_dealing")});
    }

    // Two accounts of one person sign for each other; neither reported downloading anything
    // (or only a little), so cap (a) leaves them nothing beyond what really moved.
    void sybilPairEarnsNothingBeyondTransfers()
    {
        CreditFixture f;
        const TestUser a = f.user(), b = f.user();
        expectRejected(f.redeem(a, {f.receipt(b, a, 1, 1'000'000'000)}), 0, QStringLiteral("inflated"));
        expectRejected(f.redeem(b, {f.receipt(a, b, 1, 1'000'000'000)}), 0, QStringLiteral("inflated"));
        f.reportDownloaded(a, 100);
        f.reportDownloaded(b, 100);
        expectRejected(f.redeem(a, {f.receipt(b, a, 2, 1'000'000)}), 0, QStringLiteral("inflated"));
        QCOMPARE(result(f.redeem(b, {f.receipt(a, b, 2, 100)}), 0).value("credited").toInteger(), 100);
        QCOMPARE(f.balance(a), 0);
        QCOMPARE(f.balance(b), 100);
        QCOMPARE(f.rejections(a), QStringList(2, QStringLiteral("inflated")));
        QCOMPARE(f.rejections(b), QStringList{QStringLiteral("inflated")});
    }
};

QTEST_GUILESS_MAIN(TestCreditAbuse)
#include "tst_creditabuse.moc"
