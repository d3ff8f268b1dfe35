#include <protocol/auth.h>
#include <protocol/token.h>

#include <QTest>

using namespace mp2p;

class TestToken : public QObject {
    Q_OBJECT
private:
    const qint64 m_now = 1'800'000'000;
    KeyPair m_ums = KeyPair::generate();
    QString m_user = userIdForPublicKey(KeyPair::generate().publicKey());

private Q_SLOTS:
    void issuedTokenVerifies()
    {
        TokenIssuer issuer(m_ums);
        TokenVerifier verifier(m_ums.publicKey());
        TokenClaims claims;
        QCOMPARE(verifier.verify(issuer.issue(m_user, m_now, 600), m_now + 10, &claims), TokenStatus::Valid);
        QCOMPARE(claims.userId, m_user);
        QCOMPARE(claims.expiresAt, m_now + 600);
    }

    void expiresAfterTtlPlusSkew()
    {
        TokenIssuer issuer(m_ums);
        TokenVerifier verifier(m_ums.publicKey());
        const QString token = issuer.issue(m_user, m_now, 600);
        QCOMPARE(verifier.verify(token, m_now + 600 + TokenClockSkewSecs - 1, nullptr), TokenStatus::Valid);
        QCOMPARE(verifier.verify(token, m_now + 600 + TokenClockSkewSecs, nullptr), TokenStatus::Expired);
        QCOMPARE(verifier.verify(token, m_now - TokenClockSkewSecs - 1, nullptr), TokenStatus::NotYetValid);
    }

    void otherKeysSignatureIsRejected()
    {
        TokenIssuer forger(KeyPair::generate());
        TokenVerifier verifier(m_ums.publicKey());
        QCOMPARE(verifier.verify(forger.issue(m_user, m_now, 600), m_now, nullptr), TokenStatus::BadSignature);
    }

    void tamperedClaimsAreRejected()
    {
        TokenIssuer issuer(m_ums);
        TokenVerifier verifier(m_ums.publicKey());
        const QString token = issuer.issue(m_user, m_now, 600);
        const QStringList parts = token.split(QLatin1Char('.'));
        const QString other = userIdForPublicKey(KeyPair::generate().publicKey());
        const QByteArray forgedClaims = toBase64Url(QStringLiteral("{\"sub\":\"%1\",\"iat\":%2,\"exp\":%3}").arg(other).arg(m_now).arg(m_now + 99999).toLatin1());
        const QString tampered = parts[0] + QLatin1Char('.') + QString::fromLatin1(forgedClaims) + QLatin1Char('.') + parts[2];
        QCOMPARE(verifier.verify(tampered, m_now, nullptr), TokenStatus::BadSignature);
    }

    void malformedTokens_data()
    {
        QTest::addColumn<QString>("token");
        QTest::newRow("empty") << QString();
        QTest::newRow("no prefix") << QStringLiteral("abc.def");
        QTest::newRow("no signature") << QStringLiteral("v1.abc");
        QTest::newRow("bad base64") << QStringLiteral("v1.!!!.???");
        QTest::newRow("huge") << (QStringLiteral("v1.") + QString(5000, QLatin1Char('a')) + QStringLiteral(".b"));
    }
    void malformedTokens()
    {
        QFETCH(QString, token);
        TokenVerifier verifier(m_ums.publicKey());
        QCOMPARE(verifier.verify(token, m_now, nullptr), TokenStatus::Malformed);
    }

    void authenticatorReads401Reasons()
    {
        TokenIssuer issuer(m_ums);
        TokenVerifier verifier(m_ums.publicKey());
        qint64 now = m_now;
        Authenticator auth(&verifier, [&now] { return now; });
        HttpRequest request;
        ApiError error;
        QVERIFY(!auth.authenticate(request, &error));
        QCOMPARE(error.status, 401);
        request.headers.insert("authorization", "Basic abc");
        QVERIFY(!auth.authenticate(request, &error));
        QVERIFY(error.message.contains(QStringLiteral("Bearer")));
        request.headers.insert("authorization", "Bearer " + issuer.issue(m_user, m_now, 60).toLatin1());
        QCOMPARE(auth.authenticate(request, &error).value_or(Caller{}).userId, m_user);
        now += 3600;
        QVERIFY(!auth.authenticate(request, &error));
        QVERIFY(error.message.contains(QStringLiteral("expired")));
    }

    // A token a peer handed to an ISP's UNIS or a volunteer's relay is worthless at the provider.
    void authenticatorRefusesOtherAudiences()
    {
        TokenIssuer issuer(m_ums);
        TokenVerifier verifier(m_ums.publicKey());
        Authenticator provider(&verifier, [this] { return m_now; });
        HttpRequest request;
        ApiError error;
        for (const QString &other : {audience::Unis, audience::Relay}) {
            request.headers.insert("authorization", "Bearer " + issuer.issue(m_user, m_now, 60, other).toLatin1());
            QVERIFY(!provider.authenticate(request, &error));
            QCOMPARE(error.status, 401);
            QVERIFY(error.message.contains(other));
        }
        request.headers.insert("authorization", "Bearer " + issuer.issue(m_user, m_now, 60).toLatin1());
        QVERIFY(provider.authenticate(request, &error));
    }

    void operatorsAndServiceKey()
    {
        TokenIssuer issuer(m_ums);
        TokenVerifier verifier(m_ums.publicKey());
        const QString op = userIdForPublicKey(KeyPair::generate().publicKey());
        Authenticator auth(&verifier, [this] { return m_now; }, audience::P2psp, {op});
        HttpRequest request;
        ApiError error;
        request.headers.insert("authorization", "Bearer " + issuer.issue(op, m_now, 60).toLatin1());
        QVERIFY(auth.authenticate(request, &error).value_or(Caller{}).isOperator);
        request.headers.insert("authorization", "Bearer " + issuer.issue(m_user, m_now, 60).toLatin1());
        QVERIFY(!auth.authenticate(request, &error).value_or(Caller{}).isOperator);
        // No service key configured: "svc." bearers are refused, whatever they carry.
        request.headers.insert("authorization", "Bearer svc.");
        QVERIFY(!auth.authenticate(request, &error));
        const QByteArray key(40, 'k');
        auth.setServiceKey(key);
        request.headers.insert("authorization", Authenticator::serviceAuthorization(key));
        QVERIFY(auth.authenticate(request, &error).value_or(Caller{}).isOperator);
        request.headers.insert("authorization", Authenticator::serviceAuthorization(QByteArray(40, 'x')));
        QVERIFY(!auth.authenticate(request, &error));
        QCOMPARE(error.status, 401);
    }
};

QTEST_GUILESS_MAIN(TestToken)
#include "tst_token.moc"
