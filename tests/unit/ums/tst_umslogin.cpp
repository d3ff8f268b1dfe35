// R13 login: challenge -> signed answer -> token; refresh; refusal of bad answers and tokens.
#include "umsfixture.h"

#include <QJsonDocument>

using namespace mp2p;
using namespace mp2p::test;

class TestUmsLogin : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<UmsFixture>();
        QVERIFY(f->dir.isValid());
        QVERIFY(f->open());
    }

    void loginIssuesTokenThatVerifiesWithUmsKey()
    {
        const KeyPair key = KeyPair::generate();
        const QString userId = userIdForPublicKey(key.publicKey());
        QCOMPARE(f->registerKey(key).status, 201);

        const HttpResponse c = f->client().post(QStringLiteral("/ums/v1/challenges"), {{"userId", userId}});
        QCOMPARE(c.status, 201);
        const QJsonObject challenge = jsonOf(c);
        QCOMPARE(challenge.value("expiresAt").toInteger(), f->now + 120);
        QVERIFY(isHex(challenge.value("challengeId").toString(), 32));
        const auto raw = fromBase64Url(challenge.value("challenge").toString().toLatin1());
        QVERIFY(raw && raw->size() == 32);

        const HttpResponse s = f->answer(userId, challenge, UmsFixture::signChallenge(key, challenge));
        QCOMPARE(s.status, 201);
        const QJsonObject session = jsonOf(s);
        QCOMPARE(session.value("userId").toString(), userId);
        QCOMPARE(session.value("expiresAt").toInteger(), f->now + 3600);

        TokenVerifier verifier(f->service->publicKey());
        TokenClaims claims;
        QCOMPARE(verifier.verify(session.value("token").toString(), f->now, &claims), TokenStatus::Valid);
        QCOMPARE(claims.userId, userId);
        QCOMPARE(claims.issuedAt, f->now);
        QCOMPARE(claims.expiresAt, f->now + 3600);
        // A verifier holding some other key must not accept it.
        TokenVerifier stranger(KeyPair::generate().publicKey());
        QCOMPARE(stranger.verify(session.value("token").toString(), f->now, nullptr), TokenStatus::BadSignature);
    }

    void tokenLifetimeComesFromConfig()
    {
        f->config.insert("tokenTtlSecs", 120);
        QVERIFY(f->open());
        const KeyPair key = KeyPair::generate();
        TokenClaims claims;
        QCOMPARE(TokenVerifier(f->service->publicKey()).verify(f->login(key), f->now, &claims), TokenStatus::Valid);
        QCOMPARE(claims.expiresAt - claims.issuedAt, qint64(120));
    }

    void badTokenLifetimeStopsStart_data()
    {
        QTest::addColumn<QJsonValue>("ttl");
        QTest::newRow("too short") << QJsonValue(59);
        QTest::newRow("too long") << QJsonValue(86401);
        QTest::newRow("fraction") << QJsonValue(90.5);
        QTest::newRow("text") << QJsonValue("3600");
    }
    void badTokenLifetimeStopsStart()
    {
        QFETCH(QJsonValue, ttl);
        f->config.insert("tokenTtlSecs", ttl);
        QString error;
        QVERIFY(!f->open(&error));
        QVERIFY2(error.contains("tokenTtlSecs"), qPrintable(error));
    }

    void wrongSignatureIsRefusedAndSpendsTheChallenge()
    {
        const KeyPair key = KeyPair::generate();
        const QString userId = userIdForPublicKey(key.publicKey());
        f->registerKey(key);
        const QJsonObject challenge = f->challengeFor(userId);
        const HttpResponse bad = f->answer(userId, challenge, UmsFixture::signChallenge(KeyPair::generate(), challenge));
        QCOMPARE(bad.status, 401);
        QCOMPARE(jsonOf(bad).value("error").toString(), QStringLiteral("unauthorized"));
        QVERIFY(jsonOf(bad).value("message").toString().contains("signature"));
        // Signing other text with the right key is refused too.
        const QJsonObject second = f->challengeFor(userId);
        const QString otherText = QString::fromLatin1(toBase64Url(key.sign("mp2p-login:" + QByteArray(32, 'a'))));
        QCOMPARE(f->answer(userId, second, otherText).status, 401);
        // One try per challenge: even the right signature now fails.
        const HttpResponse retry = f->answer(userId, challenge, UmsFixture::signChallenge(key, challenge));
        QCOMPARE(retry.status, 401);
        QVERIFY(jsonOf(retry).value("message").toString().contains("already used"));
    }

    void reusedChallengeIsRefused()
    {
        const KeyPair key = KeyPair::generate();
        const QString userId = userIdForPublicKey(key.publicKey());
        f->registerKey(key);
        const QJsonObject challenge = f->challengeFor(userId);
        const QString signature = UmsFixture::signChallenge(key, challenge);
        QCOMPARE(f->answer(userId, challenge, signature).status, 201);
        const HttpResponse again = f->answer(userId, challenge, signature);
        QCOMPARE(again.status, 401);
        QVERIFY(jsonOf(again).value("message").toString().contains("already used"));
    }

    void expiredChallengeIsRefused()
    {
        const KeyPair key = KeyPair::generate();
        const QString userId = userIdForPublicKey(key.publicKey());
        f->registerKey(key);
        const QJsonObject late = f->challengeFor(userId);
        const QJsonObject inTime = f->challengeFor(userId);
        f->now += 119;
        QCOMPARE(f->answer(userId, inTime, UmsFixture::signChallenge(key, inTime)).status, 201);
        f->now += 1;
        const HttpResponse r = f->answer(userId, late, UmsFixture::signChallenge(key, late));
        QCOMPARE(r.status, 401);
        QVERIFY(jsonOf(r).value("message").toString().contains("expired"));
    }

    void longExpiredChallengesArePurged()
    {
        const KeyPair key = KeyPair::generate();
        const QString userId = userIdForPublicKey(key.publicKey());
        f->registerKey(key);
        const QJsonObject old = f->challengeFor(userId);
        f->now += 241;
        f->challengeFor(userId);  // creating a challenge purges long-dead ones
        const HttpResponse r = f->answer(userId, old, UmsFixture::signChallenge(key, old));
        QCOMPARE(r.status, 401);
        QVERIFY(jsonOf(r).value("message").toString().contains("unknown"));
    }

    // Past the cap new challenges are refused with 429; the older ones still log in (they used
    // to be evicted, which let anyone cancel a user's login).
    void liveChallengesPerUserAreCappedWithoutEviction()
    {
        const KeyPair key = KeyPair::generate();
        const QString userId = userIdForPublicKey(key.publicKey());
        f->registerKey(key);
        const QJsonObject first = f->challengeFor(userId);
        for (int i = 1; i < UmsStore::MaxLiveChallengesPerUser; ++i) {
            HttpRequest request;
            request.method = HttpMethod::Post;
            request.path = QStringLiteral("/ums/v1/challenges");
            request.body = QJsonDocument(QJsonObject{{"userId", userId}}).toJson();
            request.remoteAddress = QHostAddress(QStringLiteral("127.0.%1.%2").arg(i / 50 + 1).arg(i % 50 + 1));
            QCOMPARE(f->router->dispatch(request).status, 201);
        }
        HttpRequest over;
        over.method = HttpMethod::Post;
        over.path = QStringLiteral("/ums/v1/challenges");
        over.body = QJsonDocument(QJsonObject{{"userId", userId}}).toJson();
        over.remoteAddress = QHostAddress(QStringLiteral("127.0.99.1"));
        const HttpResponse refused = f->router->dispatch(over);
        QCOMPARE(refused.status, 429);
        bool hasRetryAfter = false;
        for (const auto &h : refused.headers)
            hasRetryAfter = hasRetryAfter || h.first.compare("Retry-After", Qt::CaseInsensitive) == 0;
        QVERIFY(hasRetryAfter);
        QCOMPARE(f->answer(userId, first, UmsFixture::signChallenge(key, first)).status, 201);
    }

    void unknownUserAndUnknownChallengeAreRefused()
    {
        const KeyPair key = KeyPair::generate();
        const QString userId = userIdForPublicKey(key.publicKey());
        const HttpResponse c = f->client().post(QStringLiteral("/ums/v1/challenges"), {{"userId", userId}});
        QCOMPARE(c.status, 404);
        QCOMPARE(jsonOf(c).value("error").toString(), QStringLiteral("not_found"));

        const QJsonObject fake{{"challengeId", QString(32, QLatin1Char('a'))}, {"challenge", "AAAA"}};
        QCOMPARE(f->answer(userId, fake, UmsFixture::signChallenge(key, fake)).status, 401);

        f->registerKey(key);
        const HttpResponse r = f->answer(userId, fake, UmsFixture::signChallenge(key, fake));
        QCOMPARE(r.status, 401);
        QVERIFY(jsonOf(r).value("message").toString().contains("unknown"));
    }

    void challengeOfAnotherUserIsRefused()
    {
        const KeyPair alice = KeyPair::generate();
        const KeyPair mallory = KeyPair::generate();
        const QString aliceId = userIdForPublicKey(alice.publicKey());
        const QString malloryId = userIdForPublicKey(mallory.publicKey());
        f->registerKey(alice);
        f->registerKey(mallory);
        const QJsonObject challenge = f->challengeFor(aliceId);
        const HttpResponse r = f->answer(malloryId, challenge, UmsFixture::signChallenge(mallory, challenge));
        QCOMPARE(r.status, 401);
        QVERIFY(jsonOf(r).value("message").toString().contains("another user"));
        // Mallory's attempt did not spend Alice's challenge.
        QCOMPARE(f->answer(aliceId, challenge, UmsFixture::signChallenge(alice, challenge)).status, 201);
    }

    void malformedLoginInputIsRejected_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        const QByteArray id = QByteArray(40, 'a');
        const QByteArray cid = QByteArray(32, 'b');
        const QByteArray sig = toBase64Url(QByteArray(64, 'x'));
        QTest::newRow("bad user id") << QByteArray(R"({"userId":")" + QByteArray(40, 'Z') + R"(","challengeId":")" + cid
                                                   + R"(","signature":")" + sig + R"("})")
                                     << "userId";
        QTest::newRow("sql in challenge id")
            << QByteArray("{\"userId\":\"" + id + "\",\"challengeId\":\"\x27 OR 1=1; DROP TABLE users;--xx\","
                          "\"signature\":\"" + sig + "\"}")
            << "challengeId";
        QTest::newRow("signature not base64")
            << QByteArray(R"({"userId":")" + id + R"(","challengeId":")" + cid + R"(","signature":"***"})")
            << "signature";
        QTest::newRow("short signature") << QByteArray(R"({"userId":")" + id + R"(","challengeId":")" + cid
                                                       + R"(","signature":"AAAA"})")
                                         << "signature";
        QTest::newRow("missing signature")
            << QByteArray(R"({"userId":")" + id + R"(","challengeId":")" + cid + R"("})") << "signature";
        QTest::newRow("number user id") << QByteArray(R"({"userId":5,"challengeId":")" + cid + R"(","signature":")"
                                                      + sig + R"("})")
                                        << "userId";
    }
    void malformedLoginInputIsRejected()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const HttpResponse r = f->client().call(HttpMethod::Post, QStringLiteral("/ums/v1/sessions"), body);
        QCOMPARE(r.status, 400);
        QCOMPARE(jsonOf(r).value("field").toString(), field);
        QVERIFY(!jsonOf(r).value("message").toString().isEmpty());
        const HttpResponse notJson = f->client().call(HttpMethod::Post, QStringLiteral("/ums/v1/challenges"), "{oops");
        QCOMPARE(notJson.status, 400);
        QCOMPARE(jsonOf(notJson).value("error").toString(), QStringLiteral("invalid_json"));
    }

    void refreshIssuesNewTokenForBearerWithSignedChallenge()
    {
        const KeyPair key = KeyPair::generate();
        const QString token = f->login(key);
        QVERIFY(!token.isEmpty());
        f->now += 600;
        const HttpResponse r = f->refresh(token, key);
        QCOMPARE(r.status, 201);
        const QJsonObject session = jsonOf(r);
        QCOMPARE(session.value("userId").toString(), userIdForPublicKey(key.publicKey()));
        QCOMPARE(session.value("expiresAt").toInteger(), f->now + 3600);
        TokenClaims claims;
        QCOMPARE(TokenVerifier(f->service->publicKey()).verify(session.value("token").toString(), f->now, &claims),
                 TokenStatus::Valid);
        QCOMPARE(claims.issuedAt, f->now);
        QVERIFY(!claims.sessionId.isEmpty());
        QVERIFY(session.value("token").toString() != token);

        const HttpResponse anonymous = f->client().post(QStringLiteral("/ums/v1/sessions/refresh"), {});
        QCOMPARE(anonymous.status, 401);
    }

    void badTokensGet401_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("expired") << 0;
        QTest::newRow("malformed") << 1;
        QTest::newRow("forged") << 2;
        QTest::newRow("tampered") << 3;
    }
    void badTokensGet401()
    {
        QFETCH(int, kind);
        const KeyPair key = KeyPair::generate();
        const QString userId = userIdForPublicKey(key.publicKey());
        QString token = f->login(key);
        QVERIFY(!token.isEmpty());
        if (kind == 0)
            f->now += 3600 + TokenClockSkewSecs;
        else if (kind == 1)
            token = QStringLiteral("v1.not-a-token");
        else if (kind == 2)
            token = TokenIssuer(KeyPair::generate()).issue(userId, f->now, 3600);
        else
            token = TokenIssuer(KeyPair::generate()).issue(userId, f->now, 999999).section('.', 0, 1) + '.'
                    + token.section('.', 2);
        const HttpResponse refresh = f->refresh(token, key);
        QCOMPARE(refresh.status, 401);
        QCOMPARE(jsonOf(refresh).value("error").toString(), QStringLiteral("unauthorized"));
        QVERIFY(!jsonOf(refresh).value("message").toString().isEmpty());
        const HttpResponse put = f->client(token).put("/ums/v1/users/" + userId + "/profile", {{"displayName", "x"}});
        QCOMPARE(put.status, 401);
        QCOMPARE(jsonOf(put).value("error").toString(), QStringLiteral("unauthorized"));
    }

private:
    std::unique_ptr<UmsFixture> f;
};

QTEST_GUILESS_MAIN(TestUmsLogin)
#include "tst_umslogin.moc"
