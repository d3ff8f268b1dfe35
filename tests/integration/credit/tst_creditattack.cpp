// The credit-minting attack against a real mp2pd (all P2PSP services, one process) over HTTP:
// one account reports 2^53 − 1 bytes downloaded in an overlay that does not exist, a second
// redeems a receipt the first signed for it. Before, that was a balance of 9,007,199,254,740,991
// bytes and reputation 33; now the report is refused, the receipt earns nothing, and the same
// pair earns nothing either in a real overlay they never announced in. An honest pair that did
// join earns exactly what it claims within the content's size.
#include "creditaccount.h"

#include <creditoverlay.h>

using namespace mp2p;
using namespace mp2p::test;

class TestCreditAttack : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void mintingAttackEarnsNothing()
    {
        Mp2pdProcess server(m_dir.filePath(QStringLiteral("attack")));
        QString error;
        QVERIFY2(server.start({}, &error), qPrintable(error));
        const QString base = server.baseUrl();
        TestHttp http;
        Account a, b;
        QVERIFY(enrol(http, base, &a));
        QVERIFY(enrol(http, base, &b));
        const QString ghost = QString(40, QLatin1Char('e'));

        // 1. The report for an overlay nobody created is refused, naming the field.
        HttpResult r = report(http, base, a, ghost, receipt::MaxInteger);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value("error").toString(), QStringLiteral("unknown_overlay"));
        QCOMPARE(r.json().value("field").toString(), QStringLiteral("overlays[0].overlayId"));
        // 2. The receipt a signed for b earns nothing.
        r = redeem(http, base, a, b, ghost, 1, receipt::MaxInteger);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("credited").toInteger(-1), 0);
        QCOMPARE(firstResult(r).value("status").toString(), QStringLiteral("rejected"));
        QCOMPARE(r.json().value("balance").toInteger(-1), 0);
        QCOMPARE(http.get(base + QStringLiteral("/pams/v1/credit/") + b.userId).json().value("balance").toInteger(-1), 0);
        QCOMPARE(http.get(base + QStringLiteral("/ums/v1/users/") + b.userId).json().value("reputation").toInteger(-1), 0);

        // 3. The pair creates a real overlay (content of 4 MiB at the IXS) but neither joins its
        //    swarm: the report is capped by the size, and no receipt counts.
        const CreditContent content = creditContent(QStringLiteral("attack.bin"), 4 << 20);
        QVERIFY(openCreditOverlay(http, base, content, a.token, {}));
        r = report(http, base, a, content.infoHash, receipt::MaxInteger);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value("field").toString(), QStringLiteral("overlays[0].downloaded"));
        QCOMPARE(report(http, base, a, content.infoHash, content.size).status, 200);
        r = redeem(http, base, a, b, content.infoHash, 2, content.size);
        QCOMPARE(firstResult(r).value("reason").toString(), QStringLiteral("not_in_swarm"));
        QCOMPARE(r.json().value("balance").toInteger(-1), 0);
        QCOMPARE(http.get(base + QStringLiteral("/ums/v1/users/") + b.userId).json().value("reputation").toInteger(-1), 0);

        // 4. Once both really join the swarm, what the downloader reported counts, exactly, and
        //    never more than the content's size per uploader.
        QVERIFY(joinSwarm(http, base, content.infoHash, a.token, content.size));
        QVERIFY(joinSwarm(http, base, content.infoHash, b.token));
        r = redeem(http, base, a, b, content.infoHash, 3, content.size + 1);
        QCOMPARE(firstResult(r).value("reason").toString(), QStringLiteral("inflated"));
        r = redeem(http, base, a, b, content.infoHash, 4, content.size);
        QCOMPARE(r.json().value("credited").toInteger(-1), content.size);
        QCOMPARE(r.json().value("balance").toInteger(-1), content.size);
        QCOMPARE(server.terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCreditAttack)
#include "tst_creditattack.moc"
