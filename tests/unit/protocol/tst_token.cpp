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
        QVERIFY(!auth.userFromHeader(request, &error));
        QCOMPARE(error.status, 401);
        request.headers.insert("authorization", "Basic abc");
        QVERIFY(!auth.userFromHeader(request, &error));
        QVERIFY(error.message.contains(QStringLiteral("Bearer")));
        request.headers.insert("authorization", "Bearer " + issuer.issue(m_user, m_now, 60).toLatin1());
        QCOMPARE(auth.userFromHeader(request, &error).value_or(QString()), m_user);
        now += 3600;
        QVERIFY(!auth.userFromHeader(request, &error));
        QVERIFY(error.message.contains(QStringLiteral("expired")));
    }
};

QTEST_GUILESS_MAIN(TestToken)
#include "tst_token.moc"
