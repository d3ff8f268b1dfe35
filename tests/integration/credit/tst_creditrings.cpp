// Collusion against real mp2pd processes over HTTP. A ring of three accounts really announces
// in an overlay and signs receipts for each other, for whatever it likes: raw balances grow
// within the caps, but counted credit, R1 priority and UMS reputation stay 0, while an honest
// uploader paid by an honest downloader gets all of it; a small outside credit lets the ring
// count at most that much more. Then the PAMS in one mp2pd and the OMS in another: co-presence
// is asked over HTTP (never together: refused; together: accepted), and survives an OMS restart.
#include "creditaccount.h"

#include <creditoverlay.h>

using namespace mp2p;
using namespace mp2p::test;

namespace {

constexpr qint64 MiB = qint64(1) << 20;

QJsonObject creditOf(TestHttp &http, const QString &base, const Account &u)
{
    return http.get(base + QStringLiteral("/pams/v1/credit/") + u.userId).json();
}

qint64 reputationOf(TestHttp &http, const QString &base, const Account &u)
{
    return http.get(base + QStringLiteral("/ums/v1/users/") + u.userId).json().value("reputation").toInteger(-1);
}

// R1 as the OMS reads it from the PAMS (service key): each listed peer's credit.
QHash<QString, qint64> r1Credit(TestHttp &http, const QString &base, const QString &overlay)
{
    QHash<QString, qint64> out;
    const QJsonArray peers = http.get(base + QStringLiteral("/pams/v1/overlays/%1/peers").arg(overlay), testServiceToken())
                                 .json().value("peers").toArray();
    for (const QJsonValue &p : peers)
        out.insert(p.toObject().value("userId").toString(), p.toObject().value("credit").toInteger(-1));
    return out;
}

// Redeems until the PAMS has its co-presence answer (503 + Retry-After while a remote OMS is
// asked) and the content size from a remote IXS: the first answer that is not a retry.
HttpResult redeemSettled(TestHttp &http, const QString &base, const Account &down, const Account &up,
                         const QString &overlay, qint64 sequence, qint64 bytes, qint64 time)
{
    HttpResult r;
    QTest::qWaitFor([&] {
        r = redeem(http, base, down, up, overlay, sequence, bytes, time);
        const QString reason = firstResult(r).value("reason").toString();
        return r.status != 503 && reason != QLatin1String("unknown_content");
    }, 15000);
    return r;
}

} // namespace

class TestCreditRings : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void closedRingEarnsNoCountedCredit()
    {
        Mp2pdProcess server(m_dir.filePath(QStringLiteral("ring")));
        QString error;
        QVERIFY2(server.start({}, &error), qPrintable(error));
        const QString base = server.baseUrl();
        TestHttp http;
        Account a, b, c, honest, uploader;
        for (Account *u : {&a, &b, &c, &honest, &uploader})
            QVERIFY(enrol(http, base, u));
        const CreditContent content = creditContent(QStringLiteral("ring.bin"), 8 * MiB);
        // Everyone really announces in the overlay's swarm.
        QVERIFY(openCreditOverlay(http, base, content, a.token,
                                  {a.token, b.token, c.token, honest.token, uploader.token}));
        const QString overlay = content.infoHash;

        // The ring: each reports the most the PAMS accepts (2 × the size) and signs for the
        // other two for all the caps allow (the size per uploader).
        const QList<Account *> ring{&a, &b, &c};
        for (Account *u : ring)
            QCOMPARE(report(http, base, *u, overlay, 2 * content.size).status, 200);
        for (int i = 0; i < 3; ++i) {
            for (int j = 1; j <= 2; ++j) {
                const Account &down = *ring[i], &up = *ring[(i + j) % 3];
                const HttpResult r = redeem(http, base, down, up, overlay, 1, content.size);
                QCOMPARE(r.status, 200);
                QCOMPARE(r.json().value("credited").toInteger(-1), content.size);
            }
        }
        // The honest pair: one download, one receipt (the seed reports too, to be listed in R1).
        QCOMPARE(report(http, base, honest, overlay, content.size).status, 200);
        QCOMPARE(report(http, base, uploader, overlay, 0).status, 200);
        QCOMPARE(redeem(http, base, honest, uploader, overlay, 1, content.size).json().value("credited").toInteger(-1),
                 content.size);

        QTRY_COMPARE_WITH_TIMEOUT(creditOf(http, base, uploader).value("counted").toInteger(-1), content.size, 10000);
        QCOMPARE(creditOf(http, base, uploader).value("balance").toInteger(-1), content.size);
        QCOMPARE(reputationOf(http, base, uploader), 4);  // 8 MiB: 1 + log2(8)
        for (Account *u : ring) {
            const QJsonObject credit = creditOf(http, base, *u);
            QCOMPARE(credit.value("balance").toInteger(-1), 2 * content.size);  // raw: within the caps
            QCOMPARE(credit.value("counted").toInteger(-1), 0);
            QCOMPARE(reputationOf(http, base, *u), 0);
        }
        const QHash<QString, qint64> r1 = r1Credit(http, base, overlay);
        QCOMPARE(r1.value(uploader.userId, -1), content.size);
        for (Account *u : ring)
            QCOMPARE(r1.value(u->userId, -1), 0);

        // An honest downloader takes 1 MiB from a: outside credit. The ring's inside now counts
        // for at most that much, shared by what each member received inside.
        QCOMPARE(report(http, base, honest, overlay, content.size + MiB).status, 200);
        QCOMPARE(redeem(http, base, honest, a, overlay, 1, MiB).json().value("credited").toInteger(-1), MiB);
        QTRY_VERIFY_WITH_TIMEOUT(creditOf(http, base, a).value("counted").toInteger(-1) > MiB, 10000);
        qint64 ringCounted = 0;
        for (Account *u : ring)
            ringCounted += creditOf(http, base, *u).value("counted").toInteger(-1);
        QVERIFY2(ringCounted - MiB <= MiB, qPrintable(QStringLiteral("the ring counts %1").arg(ringCounted)));
        QVERIFY(ringCounted - MiB >= MiB - 3);  // the proportional shares, rounded down
        QCOMPARE(reputationOf(http, base, b), 0);  // a third of 1 MiB: below the first step
        QCOMPARE(server.terminate(), 0);
    }

    // The PAMS in one mp2pd, the UMS, OMS and IXS in another.
    void splitDeploymentAsksTheOmsAndSurvivesItsRestart()
    {
        Mp2pdProcess services(m_dir.filePath(QStringLiteral("services")));
        QString error;
        QVERIFY2(services.start({QStringLiteral("--services"), QStringLiteral("ums,oms,ixs")}, &error), qPrintable(error));
        const QString omsBase = services.baseUrl();
        Mp2pdProcess pams(m_dir.filePath(QStringLiteral("pams")));
        QVERIFY2(pams.start({QStringLiteral("--services"), QStringLiteral("pams"), QStringLiteral("--ums-url"), omsBase,
                             QStringLiteral("--oms-url"), omsBase, QStringLiteral("--ixs-url"), omsBase}, &error),
                 qPrintable(error));
        const QString pamsBase = pams.baseUrl();
        TestHttp http;
        Account down, up, stranger, down2, up2;
        for (Account *u : {&down, &up, &stranger, &down2, &up2})
            QVERIFY(enrol(http, omsBase, u));
        const CreditContent content = creditContent(QStringLiteral("split.bin"), 4 * MiB);
        QVERIFY(openCreditOverlay(http, omsBase, content, up.token, {down.token, up.token, down2.token, up2.token}));
        const QString overlay = content.infoHash;
        QCOMPARE(report(http, pamsBase, down, overlay, content.size).status, 200);
        const qint64 now = QDateTime::currentSecsSinceEpoch();

        // The first answer may be a retry while the PAMS asks the OMS: 503 with Retry-After.
        HttpResult r = redeem(http, pamsBase, down, stranger, overlay, 1, MiB, now);
        if (r.status == 503) {
            QCOMPARE(r.json().value("error").toString(), QStringLiteral("presence_pending"));
            QVERIFY(!r.json().value("hint").toString().isEmpty());
        }
        // The stranger never joined the swarm: refused, whatever the downloader signed.
        r = redeemSettled(http, pamsBase, down, stranger, overlay, 1, MiB, now);
        QCOMPARE(r.status, 200);
        QCOMPARE(firstResult(r).value("reason").toString(), QStringLiteral("not_in_swarm"));
        // Both in the swarm: accepted.
        r = redeemSettled(http, pamsBase, down, up, overlay, 1, MiB, now);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("credited").toInteger(-1), MiB);

        // The OMS restarts on the same port (its co-presence record is in oms-presence.db); the
        // second pair joined before, and this PAMS never asked about it.
        QCOMPARE(report(http, pamsBase, down2, overlay, content.size).status, 200);
        const quint16 port = services.port();
        QCOMPARE(services.terminate(), 0);
        QVERIFY2(services.start({QStringLiteral("--services"), QStringLiteral("ums,oms,ixs"), QStringLiteral("--port"),
                                 QString::number(port)}, &error),
                 qPrintable(error));
        QCOMPARE(services.baseUrl(), omsBase);
        const QString query = QStringLiteral("/oms/v1/overlays/%1/copresence?a=%2&b=%3&at=%4");
        QJsonObject answer = http.get(omsBase + query.arg(overlay, down2.userId, up2.userId).arg(now), testServiceToken()).json();
        QCOMPARE(answer.value("together").toBool(false), true);
        answer = http.get(omsBase + query.arg(overlay, down.userId, stranger.userId).arg(now), testServiceToken()).json();
        QCOMPARE(answer.value("together").toBool(true), false);
        // A user's token is not enough to ask.
        QCOMPARE(http.get(omsBase + query.arg(overlay, down2.userId, up2.userId).arg(now), down2.token).status, 403);
        r = redeemSettled(http, pamsBase, down2, up2, overlay, 1, 2 * MiB, now);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("credited").toInteger(-1), 2 * MiB);

        // No OMS at all: a receipt the PAMS cannot check waits (503, saying why), none is counted.
        Account late;
        QVERIFY(enrol(http, omsBase, &late));
        QCOMPARE(services.terminate(), 0);
        QTRY_VERIFY_WITH_TIMEOUT((r = redeem(http, pamsBase, down, late, overlay, 1, MiB, now)).json().value("message")
                                     .toString().contains(QStringLiteral("unreachable")),
                                 10000);
        QCOMPARE(r.status, 503);
        QCOMPARE(creditOf(http, pamsBase, late).value("balance").toInteger(-1), 0);
        QCOMPARE(pams.terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCreditRings)
#include "tst_creditrings.moc"
