// The OMS's volunteer consent check against a PAMS in another process (host/remoteconsentcheck.h):
// it never waits on the network, answers Unknown (fail closed) until the PAMS has answered, then
// from a short cache; a revocation at the PAMS is seen after the next refresh; an unreachable PAMS
// leaves the OMS refusing volunteers with a reason, once the last answer is too old.
#include <base/httprouter.h>
#include <base/httpserver.h>
#include <p2psp/host/remoteconsentcheck.h>

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace mp2p;

namespace {
const QString User = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
}

class TestRemoteConsent : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void answersFromTheRemotePamsFailingClosed()
    {
        // A stand-in PAMS: GET /pams/v1/consent/{userId} as ConsentService answers it.
        bool relay = true;
        int asked = 0;
        HttpRouter router;
        router.add(HttpMethod::Get, QStringLiteral("/pams/v1/consent/{userId}"), RoutePolicy::open(), [&](const HttpRequest &r) {
            ++asked;
            return HttpResponse::json(QJsonObject{{QStringLiteral("userId"), r.params.value(QStringLiteral("userId"))},
                                                  {QStringLiteral("consents"), QJsonArray()},
                                                  {QStringLiteral("active"), QJsonObject{{QStringLiteral("relay"), relay},
                                                                                         {QStringLiteral("cache"), false}}}});
        });
        auto server = std::make_unique<HttpServer>(&router);
        QString error;
        const quint16 port = server->listen(QHostAddress::LocalHost, 0, &error);
        QVERIFY2(port != 0, qPrintable(error));

        qint64 now = 1000;
        QNetworkAccessManager network;
        RemoteConsentCheck check(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), &network, [&now] { return now; });
        check.setFreshSecs(2);
        check.setMaxAgeSecs(5);
        QSignalSpy answered(&check, &RemoteConsentCheck::answered);

        // First ask: unknown (refused) at once, while the PAMS is asked in the background.
        ConsentAnswer a = check.check(User, QStringLiteral("rs"));
        QCOMPARE(a.state, ConsentAnswer::State::Unknown);
        QVERIFY(a.why.contains(QStringLiteral("asking the PAMS")));
        QVERIFY(answered.wait(5000));
        QCOMPARE(check.check(User, QStringLiteral("rs")).state, ConsentAnswer::State::Yes);
        QCOMPARE(check.check(User, QStringLiteral("cs")).state, ConsentAnswer::State::No);
        QCOMPARE(asked, 1);  // fresh: no new request
        QCOMPARE(check.check(QStringLiteral("not-a-user"), QStringLiteral("rs")).state, ConsentAnswer::State::No);

        // Revoked at the PAMS: the cached yes holds until the refresh answers.
        relay = false;
        now += 2;
        QCOMPARE(check.check(User, QStringLiteral("rs")).state, ConsentAnswer::State::Yes);
        QVERIFY(answered.wait(5000));
        QCOMPARE(asked, 2);
        QCOMPARE(check.check(User, QStringLiteral("rs")).state, ConsentAnswer::State::No);

        // The PAMS goes away: the last answer serves until it is maxAgeSecs old, then unknown with why.
        server.reset();
        relay = true;
        now += 2;
        QCOMPARE(check.check(User, QStringLiteral("rs")).state, ConsentAnswer::State::No);
        QVERIFY(answered.wait(5000));
        now += 4;  // the last good answer is now 6 s old (> 5)
        a = check.check(User, QStringLiteral("rs"));
        QCOMPARE(a.state, ConsentAnswer::State::Unknown);
        QVERIFY2(a.why.contains(QStringLiteral("did not answer")), qPrintable(a.why));
    }
};

QTEST_MAIN(TestRemoteConsent)
#include "tst_remoteconsent.moc"
