// Sessions, refresh, logout, tracker passkeys and tokens for other audiences: what a stolen
// token or a stranger can and cannot do at the UMS.
#include "umsfixture.h"

#include <QJsonDocument>

using namespace mp2p;
using namespace mp2p::test;

class TestUmsSessions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<UmsFixture>();
        QVERIFY(f->dir.isValid());
        QVERIFY(f->open());
    }

    // A token copied by someone without the key cannot be renewed: without a signed challenge
    // the body is refused, and a challenge signed by another key is 401.
    void stolenTokenCannotBeRefreshed()
    {
        const KeyPair victim = KeyPair::generate();
        const QString token = f->login(victim);
        QVERIFY(!token.isEmpty());
        QCOMPARE(f->client(token).post(QStringLiteral("/ums/v1/sessions/refresh"), {}).status, 400);
        const QString victimId = userIdForPublicKey(victim.publicKey());
        const QJsonObject challenge = f->challengeFor(victimId);
        const KeyPair thief = KeyPair::generate();
        const HttpResponse r = f->client(token).post(QStringLiteral("/ums/v1/sessions/refresh"),
                                                     {{"challengeId", challenge.value("challengeId")},
                                                      {"signature", UmsFixture::signChallenge(thief, challenge)}});
        QCOMPARE(r.status, 401);
        QVERIFY(jsonOf(r).value("message").toString().contains("signature"));
    }

    void refreshNeverPassesTheSessionsAbsoluteLifetime()
    {
        f->config = QJsonObject{{"sessionMaxSecs", 5000}, {"tokenTtlSecs", 3600}};
        QVERIFY(f->open());
        const KeyPair key = KeyPair::generate();
        const qint64 loginAt = f->now;
        QString token = f->login(key);
        QVERIFY(!token.isEmpty());
        f->now += 3000;
        const HttpResponse first = f->refresh(token, key);
        QCOMPARE(first.status, 201);
        QCOMPARE(jsonOf(first).value("expiresAt").toInteger(), loginAt + 5000);  // capped, not now + 3600
        token = jsonOf(first).value("token").toString();
        f->now = loginAt + 5000;
        QCOMPARE(f->refresh(token, key).status, 401);
    }

    void badSessionLifetimeStopsStart()
    {
        f->config = QJsonObject{{"sessionMaxSecs", 10}};
        QString error;
        QVERIFY(!f->open(&error));
        QVERIFY2(error.contains("sessionMaxSecs"), qPrintable(error));
    }

    // Logout ends the session: its tokens are refused by the UMS and by any verifier that has
    // the UMS's revocation check (every service of the same mp2pd).
    void logoutRevokesTheSessionsTokens()
    {
        const KeyPair key = KeyPair::generate();
        const QString userId = userIdForPublicKey(key.publicKey());
        const QString token = f->login(key);
        const QString other = f->login(key);  // a second login (another device)
        TokenVerifier verifier(f->service->publicKey());
        Authenticator elsewhere(&verifier, [this] { return f->now; });
        elsewhere.setRevocationCheck([this](const TokenClaims &c) { return f->service->isRevoked(c); });
        ApiError error;
        QVERIFY(elsewhere.userFromToken(token, &error));
        QCOMPARE(f->client(token).del(QStringLiteral("/ums/v1/sessions/current")).status, 200);
        QVERIFY(!elsewhere.userFromToken(token, &error));
        QCOMPARE(error.status, 401);
        QCOMPARE(f->client(token).get(QStringLiteral("/ums/v1/passkey")).status, 401);
        QCOMPARE(f->refresh(token, key).status, 401);
        // The other login goes on until the owner ends every session.
        QCOMPARE(f->client(other).get(QStringLiteral("/ums/v1/passkey")).status, 200);
        QCOMPARE(f->client(token).del("/ums/v1/users/" + userId + "/sessions").status, 401);
        QCOMPARE(f->client(other).del("/ums/v1/users/" + userId + "/sessions").status, 200);
        QCOMPARE(f->client(other).get(QStringLiteral("/ums/v1/passkey")).status, 401);
        QVERIFY(!elsewhere.userFromToken(other, &error));
        // Logging in again works.
        QVERIFY(!f->login(key).isEmpty());
    }

    void passkeyIsStableRotatableAndResolvesToItsUser()
    {
        const KeyPair key = KeyPair::generate();
        const QString userId = userIdForPublicKey(key.publicKey());
        const QString token = f->login(key);
        const HttpResponse got = f->client(token).get(QStringLiteral("/ums/v1/passkey"));
        QCOMPARE(got.status, 200);
        const QString passkey = jsonOf(got).value("passkey").toString();
        QCOMPARE(passkey.size(), 64);
        QCOMPARE(jsonOf(f->client(token).get(QStringLiteral("/ums/v1/passkey"))).value("passkey").toString(), passkey);
        QCOMPARE(f->service->userForPasskey(passkey), std::optional<QString>(userId));
        QCOMPARE(f->client().get(QStringLiteral("/ums/v1/passkey")).status, 401);

        const HttpResponse rotated = f->client(token).post(QStringLiteral("/ums/v1/passkey"), {});
        QCOMPARE(rotated.status, 201);
        const QString fresh = jsonOf(rotated).value("passkey").toString();
        QVERIFY(fresh != passkey);
        QVERIFY(!f->service->userForPasskey(passkey));
        QCOMPARE(f->service->userForPasskey(fresh), std::optional<QString>(userId));
        // The look-up a remote OMS makes: the holder of a passkey learns only its user id.
        QCOMPARE(jsonOf(f->client().get("/ums/v1/passkeys/" + fresh)).value("userId").toString(), userId);
        QCOMPARE(f->client().get("/ums/v1/passkeys/" + passkey).status, 404);
    }

    // A passkey is not a bearer token anywhere.
    void passkeyIsNotABearerToken()
    {
        const KeyPair key = KeyPair::generate();
        const QString token = f->login(key);
        const QString passkey = jsonOf(f->client(token).get(QStringLiteral("/ums/v1/passkey"))).value("passkey").toString();
        QVERIFY(!passkey.isEmpty());
        QCOMPARE(f->client(passkey).get(QStringLiteral("/ums/v1/passkey")).status, 401);
        QCOMPARE(f->client(passkey).post(QStringLiteral("/ums/v1/passkey"), {}).status, 401);
    }

    void tokensForOtherAudiences()
    {
        const KeyPair key = KeyPair::generate();
        const QString token = f->login(key);
        TokenVerifier verifier(f->service->publicKey());
        for (const QString &aud : {audience::Unis, audience::Relay}) {
            const HttpResponse r = f->client(token).post(QStringLiteral("/ums/v1/tokens"), {{"audience", aud}});
            QCOMPARE(r.status, 201);
            const QString other = jsonOf(r).value("token").toString();
            TokenClaims claims;
            QCOMPARE(verifier.verify(other, f->now, &claims), TokenStatus::Valid);
            QCOMPARE(claims.audience, aud);
            QVERIFY(claims.expiresAt - claims.issuedAt <= 600);
            // ...and the provider's own services refuse it.
            QCOMPARE(f->client(other).get(QStringLiteral("/ums/v1/passkey")).status, 401);
            QCOMPARE(f->client(other).post(QStringLiteral("/ums/v1/tokens"), {{"audience", aud}}).status, 401);
        }
        QCOMPARE(f->client(token).post(QStringLiteral("/ums/v1/tokens"), {{"audience", "p2psp"}}).status, 400);
        QCOMPARE(f->client().post(QStringLiteral("/ums/v1/tokens"), {{"audience", "unis"}}).status, 401);
    }

    // A stranger asking for challenges in the victim's name, from many addresses, does not
    // stop the victim from logging in.
    void challengeFloodDoesNotDenyLogin()
    {
        const KeyPair victim = KeyPair::generate();
        const QString victimId = userIdForPublicKey(victim.publicKey());
        f->registerKey(victim);
        int accepted = 0;
        for (int i = 0; i < 500; ++i) {
            HttpRequest request;
            request.method = HttpMethod::Post;
            request.path = QStringLiteral("/ums/v1/challenges");
            request.body = QJsonDocument(QJsonObject{{"userId", victimId}}).toJson();
            request.remoteAddress = QHostAddress(QStringLiteral("127.0.66.%1").arg(i % 10 + 1));
            const int status = f->router->dispatch(request).status;
            QVERIFY2(status == 201 || status == 429, qPrintable(QString::number(status)));
            accepted += status == 201;
        }
        qInfo() << "flood: challenges accepted for the victim:" << accepted << "of 500";
        int logins = 0;
        for (int i = 0; i < 10; ++i)
            logins += !f->login(victim).isEmpty();
        QCOMPARE(logins, 10);
    }

private:
    std::unique_ptr<UmsFixture> f;
};

QTEST_GUILESS_MAIN(TestUmsSessions)
#include "tst_umssessions.moc"
