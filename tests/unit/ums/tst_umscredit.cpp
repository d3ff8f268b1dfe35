// UMS reputation fed by PAMS credit (core/p2psp/ums/REPUTATION.md): the formula, a UMS without
// a PAMS, a real in-process PAMS in the same mp2pd, a PAMS in another mp2pd over HTTP, and a
// remote PAMS that is down or never answers.
#include "umsfixture.h"

#include <creditoverlay.h>
#include <mp2pdprocess.h>
#include <p2psp/host/p2psphost.h>
#include <p2psp/ums/remotecreditview.h>
#include <protocol/receipt.h>

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>

using namespace mp2p;
using namespace mp2p::test;

namespace {

constexpr qint64 MiB = qint64(1) << 20;
// The overlay the receipts name: set by each test that redeems, once it has a real one.
QString Overlay = QString(40, QLatin1Char('c'));

// A real mp2pd host in this process on 127.0.0.1 with its data in a temporary folder.
struct InProcessHost {
    QTemporaryDir dir;
    std::unique_ptr<P2pspHost> host;

    bool start(const QStringList &services, const QHash<QString, QString> &remote = {},
               const QHash<QString, QJsonObject> &sections = {})
    {
        HostConfig config;
        config.services = services;
        config.listenAddress = QHostAddress(QHostAddress::LocalHost);
        config.port = 0;
        config.dataDir = dir.path();
        config.remoteUrls = remote;
        config.sections = sections;
        host = std::make_unique<P2pspHost>(config);
        QString error;
        if (!host->start(&error)) {
            qWarning().noquote() << "host did not start:" << error;
            return false;
        }
        return true;
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(host->port()); }
};

struct User {
    KeyPair key = KeyPair::generate();
    QString userId = userIdForPublicKey(key.publicKey());
    QString token;
};

// Registers the key at the UMS of `base` and, when `login`, logs in (challenge + signature).
bool enrol(TestHttp &http, const QString &base, User *u, bool login = true)
{
    const int reg = http.post(base + QStringLiteral("/ums/v1/users"),
                              {{QStringLiteral("publicKey"), QString::fromLatin1(toBase64Url(u->key.publicKey()))}})
                        .status;
    if (reg != 201 && reg != 200)
        return false;
    if (!login)
        return true;
    const QJsonObject c = http.post(base + QStringLiteral("/ums/v1/challenges"), {{QStringLiteral("userId"), u->userId}}).json();
    const HttpResult s = http.post(base + QStringLiteral("/ums/v1/sessions"),
                                   {{QStringLiteral("userId"), u->userId},
                                    {QStringLiteral("challengeId"), c.value(QStringLiteral("challengeId"))},
                                    {QStringLiteral("signature"), UmsFixture::signChallenge(u->key, c)}});
    u->token = s.json().value(QStringLiteral("token")).toString();
    return !u->token.isEmpty();
}

// The downloader reports `downloaded` bytes in the overlay (PAMP), so receipts up to it are plausible.
int reportDownloaded(TestHttp &http, const QString &base, const User &down, qint64 downloaded)
{
    const QJsonObject overlay{{"overlayId", Overlay}, {"uploaded", 0}, {"downloaded", downloaded}, {"left", 0},
                              {"uploadConnections", 1}, {"downloadConnections", 1}};
    return http.post(base + QStringLiteral("/pams/v1/reports"), {{"overlays", QJsonArray{overlay}}}, down.token).status;
}

HttpResult redeem(TestHttp &http, const QString &base, const User &down, const User &up, qint64 sequence, qint64 bytes)
{
    ReceiptFields f;
    f.overlayId = Overlay;
    f.uploaderId = up.userId;
    f.sequence = sequence;
    f.bytes = bytes;
    f.time = QDateTime::currentSecsSinceEpoch();
    const Receipt r = signReceipt(down.key, f);
    return http.post(base + QStringLiteral("/pams/v1/credit/redeem"), {{"receipts", QJsonArray{receiptToJson(r)}}}, up.token);
}

// The PAMS credits only real overlays (OMS), within their size (IXS), for users in the swarm.
bool openOverlay(TestHttp &http, const QString &base, const User &owner, const QList<const User *> &members)
{
    const CreditContent c = creditContent(QStringLiteral("reputation.bin"), 5 * MiB);
    QStringList tokens;
    for (const User *m : members)
        tokens.append(m->token);
    Overlay = c.infoHash;
    return openCreditOverlay(http, base, c, owner.token, tokens);
}

QJsonObject profile(TestHttp &http, const QString &base, const User &u)
{
    const HttpResult r = http.get(base + QStringLiteral("/ums/v1/users/") + u.userId);
    return r.status == 200 ? r.json() : QJsonObject{{"status", r.status}};
}

} // namespace

class TestUmsCredit : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(initCrypto()); }

    void reputationFormula_data()
    {
        QTest::addColumn<qint64>("credit");
        QTest::addColumn<int>("reputation");
        QTest::newRow("none") << qint64(0) << 0;
        QTest::newRow("negative") << qint64(-5) << 0;
        QTest::newRow("just under 1 MiB") << MiB - 1 << 0;
        QTest::newRow("1 MiB") << MiB << 1;
        QTest::newRow("2 MiB - 1") << 2 * MiB - 1 << 1;
        QTest::newRow("2 MiB") << 2 * MiB << 2;
        QTest::newRow("3 MiB") << 3 * MiB << 2;
        QTest::newRow("1 GiB") << 1024 * MiB << 11;
        QTest::newRow("1 TiB") << 1024 * 1024 * MiB << 21;
        QTest::newRow("2^53 bytes") << (qint64(1) << 53) << 34;
    }
    void reputationFormula()
    {
        QFETCH(qint64, credit);
        QFETCH(int, reputation);
        QCOMPARE(reputationFromCredit(credit), reputation);
    }

    // No PAMS at all: the profile answers, with reputation 0 and credit 0.
    void withoutPamsReputationIsZero()
    {
        UmsFixture f;
        QVERIFY(f.open());
        const KeyPair key = KeyPair::generate();
        QCOMPARE(f.registerKey(key).status, 201);
        const QString id = userIdForPublicKey(key.publicKey());
        const QJsonObject p = jsonOf(f.client().get(QStringLiteral("/ums/v1/users/") + id));
        QCOMPARE(p.value("userId").toString(), id);
        QCOMPARE(p.value("reputation").toInteger(-1), 0);
        QCOMPARE(p.value("credit").toInteger(-1), 0);
        QCOMPARE(f.service->health().value("credit").toString(), QStringLiteral("none"));
        QCOMPARE(f.service->reputationOf(id), std::optional<int>(0));
    }

    // A local lookup that fails (store error) counts as no credit, not as a failed request.
    void localLookupErrorCountsAsNoCredit()
    {
        UmsFixture f;
        QVERIFY(f.open());
        const KeyPair key = KeyPair::generate();
        QCOMPARE(f.registerKey(key).status, 201);
        const QString id = userIdForPublicKey(key.publicKey());
        int calls = 0;
        f.service->useLocalCredit([&calls](const QString &, QString *e) -> std::optional<qint64> {
            ++calls;
            *e = QStringLiteral("disk I/O error");
            return std::nullopt;
        });
        const HttpResponse r = f.client().get(QStringLiteral("/ums/v1/users/") + id);
        QCOMPARE(r.status, 200);
        QCOMPARE(jsonOf(r).value("reputation").toInteger(-1), 0);
        QCOMPARE(calls, 1);
        // Bad ids never reach the lookup.
        QCOMPARE(f.service->reputationOf(QStringLiteral("not-an-id")), std::nullopt);
        QCOMPARE(calls, 1);
    }

    // ums + pams in one mp2pd: reputation follows the credit as soon as it is redeemed, and
    // only honest, plausible receipts move it.
    void inProcessPamsFeedsReputation()
    {
        InProcessHost h;
        QVERIFY(h.start({QStringLiteral("ums"), QStringLiteral("pams"), QStringLiteral("ixs"), QStringLiteral("oms")}));
        TestHttp http;
        User down, up;
        QVERIFY(enrol(http, h.url(), &down));
        QVERIFY(enrol(http, h.url(), &up));
        QVERIFY(openOverlay(http, h.url(), up, {&up, &down}));
        QCOMPARE(http.get(h.url() + QStringLiteral("/ums/healthz")).json().value("credit").toString(), QStringLiteral("local"));
        QCOMPARE(profile(http, h.url(), up).value("reputation").toInteger(-1), 0);

        QCOMPARE(reportDownloaded(http, h.url(), down, 5 * MiB), 200);
        // Inflated beyond the report: rejected, reputation stays 0.
        HttpResult r = redeem(http, h.url(), down, up, 1, 6 * MiB);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("credited").toInteger(-1), 0);
        QCOMPARE(profile(http, h.url(), up).value("credit").toInteger(-1), 0);

        r = redeem(http, h.url(), down, up, 2, 3 * MiB);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("credited").toInteger(-1), 3 * MiB);
        QJsonObject p = profile(http, h.url(), up);
        QCOMPARE(p.value("credit").toInteger(-1), 3 * MiB);
        QCOMPARE(p.value("reputation").toInteger(-1), 2);
        // The downloader earned nothing, and R7 agrees with the profile.
        QCOMPARE(profile(http, h.url(), down).value("reputation").toInteger(-1), 0);

        QCOMPARE(redeem(http, h.url(), down, up, 3, 5 * MiB).json().value("credited").toInteger(-1), 2 * MiB);
        p = profile(http, h.url(), up);
        QCOMPARE(p.value("credit").toInteger(-1), 5 * MiB);
        QCOMPARE(p.value("reputation").toInteger(-1), 3);
        // A replay changes nothing.
        QCOMPARE(redeem(http, h.url(), down, up, 3, 5 * MiB).json().value("credited").toInteger(-1), 0);
        QCOMPARE(profile(http, h.url(), up).value("reputation").toInteger(-1), 3);
    }

    // ums alone, with the PAMS in another mp2pd: the credit arrives over HTTP (first read 0, then
    // the balance), and when that PAMS goes away the last known value is served.
    void remotePamsOverHttpAndDown()
    {
        InProcessHost provider;
        QVERIFY(provider.start({QStringLiteral("ums"), QStringLiteral("pams"), QStringLiteral("ixs"), QStringLiteral("oms")}));
        InProcessHost profiles;
        QVERIFY(profiles.start({QStringLiteral("ums")}, {{QStringLiteral("pams"), provider.url()}},
                               {{QStringLiteral("ums"), QJsonObject{{"creditTtlSecs", 1}}}}));
        TestHttp http;
        User down, up;
        QVERIFY(enrol(http, provider.url(), &down));
        QVERIFY(enrol(http, provider.url(), &up));
        QVERIFY(enrol(http, profiles.url(), &up, false));
        QVERIFY(openOverlay(http, provider.url(), up, {&up, &down}));
        QCOMPARE(http.get(profiles.url() + QStringLiteral("/ums/healthz")).json().value("credit").toString(),
                 QStringLiteral("remote"));
        QCOMPARE(reportDownloaded(http, provider.url(), down, 4 * MiB), 200);
        QCOMPARE(redeem(http, provider.url(), down, up, 1, 4 * MiB).json().value("credited").toInteger(-1), 4 * MiB);

        QTRY_COMPARE_WITH_TIMEOUT(profile(http, profiles.url(), up).value("credit").toInteger(-1), 4 * MiB, 20000);
        QCOMPARE(profile(http, profiles.url(), up).value("reputation").toInteger(-1), 3);

        provider.host.reset();  // the PAMS is gone
        // Well past the TTL, with refreshes failing in between, the cached credit is still served.
        for (int i = 0; i < 5; ++i) {
            QTest::qWait(500);
            const QJsonObject p = profile(http, profiles.url(), up);
            QCOMPARE(p.value("credit").toInteger(-1), 4 * MiB);
            QCOMPARE(p.value("reputation").toInteger(-1), 3);
        }
    }

    // A PAMS that is down from the start: reputation 0, the profile still answers.
    void remotePamsDownFromTheStart()
    {
        QNetworkAccessManager network;
        const quint16 port = [] {
            QTcpServer probe;
            return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : quint16(0);
        }();
        QVERIFY(port != 0);
        UmsFixture f;
        QVERIFY(f.open());
        f.service->useRemoteCredit(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), &network);
        const KeyPair key = KeyPair::generate();
        QCOMPARE(f.registerKey(key).status, 201);
        const QString path = QStringLiteral("/ums/v1/users/") + userIdForPublicKey(key.publicKey());
        auto *view = dynamic_cast<const RemoteCreditView *>(f.service->creditView());
        QVERIFY(view);
        QSignalSpy failed(view, &RemoteCreditView::refreshFailed);
        // The register response above already asked; wait for that refresh to fail.
        QVERIFY(failed.wait(20000) || failed.count() > 0);
        const HttpResponse r = f.client().get(path);
        QCOMPARE(r.status, 200);
        QCOMPARE(jsonOf(r).value("reputation").toInteger(-1), 0);
        QCOMPARE(jsonOf(r).value("credit").toInteger(-1), 0);
    }

    // A PAMS that accepts the connection and never answers: creditOf() returns before the
    // request is even sent, and keeps answering from the cache while the request hangs.
    void hangingPamsNeverBlocks()
    {
        QTcpServer blackHole;
        QVERIFY(blackHole.listen(QHostAddress::LocalHost, 0));
        QNetworkAccessManager network;
        qint64 now = 1'700'000'000;
        RemoteCreditView view(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(blackHole.serverPort())), &network,
                              [&now] { return now; });
        const QString id = QString(40, QLatin1Char('d'));
        QCOMPARE(view.creditOf(id), std::nullopt);
        QVERIFY(!blackHole.hasPendingConnections());  // the refresh is queued, not awaited
        QTRY_VERIFY_WITH_TIMEOUT(blackHole.hasPendingConnections(), 20000);
        // While that request hangs, reads answer at once and start no second request.
        now += 1000;
        for (int i = 0; i < 100; ++i)
            QCOMPARE(view.creditOf(id), std::nullopt);
        QTest::qWait(200);  // a negative check: time for a second (wrong) request to connect
        QTcpSocket *s = blackHole.nextPendingConnection();
        QVERIFY(s);
        QVERIFY(!blackHole.hasPendingConnections());
        // Ids that are not user ids are refused before any cache or request.
        QCOMPARE(view.creditOf(QStringLiteral("../../etc/passwd")), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestUmsCredit)
#include "tst_umscredit.moc"
