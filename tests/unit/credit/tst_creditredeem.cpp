#include "creditfixture.h"

using namespace mp2p;
using namespace mp2p::test;

// Honest redemption, the balance route, authorization, validation and persistence.
class TestCreditRedeem : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void honestReceiptsEarnExactlyTheBytesMoved()
    {
        CreditFixture f;
        QVERIFY(f.startError.isEmpty());
        const TestUser down = f.user(), up = f.user();
        f.reportDownloaded(down, 1000);

        HttpResponse r = f.redeem(up, {f.receipt(down, up, 1, 400)});
        QCOMPARE(r.status, 200);
        QCOMPARE(result(r, 0).value("status").toString(), QStringLiteral("accepted"));
        QCOMPARE(result(r, 0).value("credited").toInteger(), 400);
        QCOMPARE(jsonOf(r).value("balance").toInteger(), 400);

        f.now += 60;
        r = f.redeem(up, {f.receipt(down, up, 2, 1000)});
        QCOMPARE(result(r, 0).value("credited").toInteger(), 600);  // only the growth
        QCOMPARE(f.balance(up), 1000);
        QCOMPARE(f.balance(down), 0);

        const QJsonObject b = jsonOf(f.anonymous().get(QStringLiteral("/pams/v1/credit/") + up.userId));
        QCOMPARE(b.value("userId").toString(), up.userId);
        const QJsonArray overlays = b.value("overlays").toArray();
        QCOMPARE(overlays.size(), 1);
        QCOMPARE(overlays.at(0).toObject().value("overlayId").toString(), f.overlay);
        QCOMPARE(overlays.at(0).toObject().value("credited").toInteger(), 1000);
        QCOMPARE(b.value("rejectedAttempts").toInteger(), 0);
        QVERIFY(f.rejections(up).isEmpty());
    }

    void perOverlayBreakdownAndBatch()
    {
        CreditFixture f;
        const TestUser down = f.user(), up = f.user();
        const QString other = hex40('b');
        f.reportDownloaded(down, 500);
        f.reportDownloaded(down, 300, other);
        // Two receipts in one batch: the second sees the first's state.
        const HttpResponse r = f.redeem(up, {f.receipt(down, up, 1, 200), f.receipt(down, up, 2, 500),
                                             f.receipt(down, up, 1, 300, other)});
        QCOMPARE(r.status, 200);
        QCOMPARE(jsonOf(r).value("credited").toInteger(), 800);
        const QJsonArray overlays = jsonOf(f.anonymous().get(QStringLiteral("/pams/v1/credit/") + up.userId))
                                        .value("overlays").toArray();
        QCOMPARE(overlays.size(), 2);
        QCOMPARE(overlays.at(0).toObject().value("credited").toInteger(), 500);
        QCOMPARE(overlays.at(1).toObject().value("credited").toInteger(), 300);
    }

    void receiptsForAnotherUploaderAreForbidden()
    {
        CreditFixture f;
        const TestUser down = f.user(), up = f.user(), thief = f.user();
        f.reportDownloaded(down, 1000);
        const HttpResponse r = f.redeem(thief, {f.receipt(down, up, 1, 400)});
        QCOMPARE(r.status, 403);
        QCOMPARE(jsonOf(r).value("error").toString(), QStringLiteral("forbidden"));
        QCOMPARE(f.balance(thief), 0);
        // Nothing was consumed: the rightful uploader still redeems it.
        QCOMPARE(result(f.redeem(up, {f.receipt(down, up, 1, 400)}), 0).value("credited").toInteger(), 400);
    }

    void validationErrors()
    {
        CreditFixture f;
        const TestUser down = f.user(), up = f.user();
        const RouterClient c = f.as(up);
        const QString path = QStringLiteral("/pams/v1/credit/redeem");
        QCOMPARE(f.anonymous().post(path, QJsonObject{{"receipts", QJsonArray{}}}).status, 401);
        QCOMPARE(c.call(HttpMethod::Post, path, "not json").status, 400);
        QCOMPARE(jsonOf(c.post(path, QJsonObject{})).value("error").toString(), QStringLiteral("missing_field"));
        QCOMPARE(c.post(path, QJsonObject{{"receipts", QJsonArray{}}}).status, 400);
        QCOMPARE(c.post(path, QJsonObject{{"receipts", "x"}}).status, 400);
        QCOMPARE(jsonOf(c.post(path, QJsonObject{{"receipts", QJsonArray{1}}})).value("field").toString(),
                 QStringLiteral("receipts[0]"));
        QJsonObject bad = receiptToJson(f.receipt(down, up, 1, 10));
        bad.insert("bytes", "1; DROP TABLE credit_receipt_state");
        const HttpResponse r = c.post(path, QJsonObject{{"receipts", QJsonArray{receiptToJson(f.receipt(down, up, 1, 10)), bad}}});
        QCOMPARE(r.status, 400);
        QCOMPARE(jsonOf(r).value("field").toString(), QStringLiteral("receipts[1].bytes"));
        QJsonArray tooMany;
        for (int i = 0; i <= CreditService::MaxReceiptsPerRequest; ++i)
            tooMany.append(QJsonObject{});
        QCOMPARE(c.post(path, QJsonObject{{"receipts", tooMany}}).status, 400);
        QCOMPARE(f.anonymous().get(QStringLiteral("/pams/v1/credit/nothex")).status, 400);
        QCOMPARE(f.balance(up), 0);
        QVERIFY(f.rejections(up).isEmpty());  // a 400 writes nothing, not even the log
    }

    void restartKeepsBalancesAndReplayState()
    {
        CreditFixture f;
        const TestUser down = f.user(), up = f.user();
        f.reportDownloaded(down, 1000);
        const Receipt first = f.receipt(down, up, 1, 700);
        QCOMPARE(result(f.redeem(up, {first}), 0).value("credited").toInteger(), 700);
        f.restart();
        QVERIFY(f.startError.isEmpty());
        QCOMPARE(f.balance(up), 700);
        const HttpResponse again = f.redeem(up, {first});
        QCOMPARE(result(again, 0).value("reason").toString(), QStringLiteral("replay"));
        QCOMPARE(result(f.redeem(up, {f.receipt(down, up, 2, 1000)}), 0).value("credited").toInteger(), 300);
        QCOMPARE(f.balance(up), 1000);
        QCOMPARE(f.service->credit()->store()->schemaVersion(), 2);  // 2: the relay ledger
    }
};

QTEST_GUILESS_MAIN(TestCreditRedeem)
#include "tst_creditredeem.moc"
