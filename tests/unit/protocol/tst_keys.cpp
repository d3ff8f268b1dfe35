#include <protocol/keys.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace mp2p;

class TestKeys : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void signAndVerify()
    {
        const KeyPair kp = KeyPair::generate();
        const QByteArray sig = kp.sign("hello");
        QVERIFY(verifySignature(kp.publicKey(), "hello", sig));
        QVERIFY(!verifySignature(kp.publicKey(), "hellO", sig));
        QVERIFY(!verifySignature(KeyPair::generate().publicKey(), "hello", sig));
        QVERIFY(!verifySignature(kp.publicKey(), "hello", sig.left(10)));
    }

    void keyFileIsCreatedPrivateAndReloaded()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/id.key"));
        QString error;
        const auto created = KeyPair::loadOrCreate(path, &error);
        QVERIFY2(created, qPrintable(error));
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
        const auto loaded = KeyPair::loadOrCreate(path, &error);
        QVERIFY(loaded);
        QCOMPARE(loaded->publicKey(), created->publicKey());
    }

    void damagedKeyFileIsRefusedNotReplaced()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("id.key"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a key");
        f.close();
        QString error;
        QVERIFY(!KeyPair::loadOrCreate(path, &error));
        QVERIFY(error.contains(QStringLiteral("damaged")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("not a key"));
    }

    void userIdIsHexOfPublicKeyHash()
    {
        const KeyPair kp = KeyPair::generate();
        const QString id = userIdForPublicKey(kp.publicKey());
        QVERIFY(isValidUserId(id));
        QCOMPARE(id, userIdForPublicKey(kp.publicKey()));
        QVERIFY(id != userIdForPublicKey(KeyPair::generate().publicKey()));
        QVERIFY(!isValidUserId(id.toUpper()));
        QVERIFY(!isValidUserId(id.left(39)));
    }

    void base64UrlRoundTripAndRejects()
    {
        const QByteArray raw = randomBytes(33);
        QCOMPARE(fromBase64Url(toBase64Url(raw)).value_or(QByteArray()), raw);
        QVERIFY(!fromBase64Url("***"));
    }
};

QTEST_GUILESS_MAIN(TestKeys)
#include "tst_keys.moc"
