// Identity: the Ed25519 key file of a peer (created 0600, reloaded, never overwritten).
#include <user/provider/identity.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace mp2p;

namespace {
int fileMode(const QString &path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 0777);
}
} // namespace

class TestIdentity : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void createdOwnerOnlyAndReloaded()
    {
        QTemporaryDir dir;
        const QString dataDir = dir.filePath(QStringLiteral("app/data"));  // created on demand
        QString error;
        const auto first = Identity::loadOrCreate(dataDir, &error);
        QVERIFY2(first, qPrintable(error));
        const QString keyPath = dataDir + QStringLiteral("/identity.key");
        QVERIFY(QFile::exists(keyPath));
        QCOMPARE(fileMode(keyPath), 0600);
        QCOMPARE(first->userId, userIdForPublicKey(first->key.publicKey()));
        QVERIFY(isValidUserId(first->userId));

        const auto again = Identity::loadOrCreate(dataDir, &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(again->userId, first->userId);
        QCOMPARE(again->key.secretKey(), first->key.secretKey());
        // The reloaded key signs what the first one verifies.
        const QByteArray message("mp2p-login:abc:def");
        QVERIFY(verifySignature(first->key.publicKey(), message, again->key.sign(message)));
    }

    void differentFoldersAreDifferentUsers()
    {
        QTemporaryDir a, b;
        QString error;
        const auto one = Identity::loadOrCreate(a.path(), &error);
        const auto two = Identity::loadOrCreate(b.path(), &error);
        QVERIFY(one && two);
        QVERIFY(one->userId != two->userId);
    }

    void damagedFileIsReportedAndKept()
    {
        QTemporaryDir dir;
        const QString keyPath = dir.filePath(QStringLiteral("identity.key"));
        QFile file(keyPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is not a key\n");
        file.close();
        QString error;
        const auto identity = Identity::loadOrCreate(dir.path(), &error);
        QVERIFY(!identity);
        QVERIFY2(error.contains(keyPath) && error.contains(QStringLiteral("damaged")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("backup")), qPrintable(error));  // says what to do
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("this is not a key\n"));  // never overwritten
    }

    // A key whose public half was swapped for another key's loaded (libsodium's sk_to_pk only
    // copies that half back), and then every login was refused. It is reported as damaged.
    void keyWithAForeignPublicHalfIsDamaged()
    {
        QTemporaryDir dir;
        const KeyPair mine = KeyPair::generate();
        const KeyPair other = KeyPair::generate();
        const QByteArray content = toBase64Url(mine.secretKey().left(32) + other.publicKey()) + '\n';
        const QString keyPath = dir.filePath(QStringLiteral("identity.key"));
        QFile file(keyPath);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(content) == content.size());
        file.close();
        QString error;
        QVERIFY(!Identity::loadOrCreate(dir.path(), &error));
        QVERIFY2(error.contains(keyPath) && error.contains(QStringLiteral("damaged")) && error.contains(QStringLiteral("move it away")),
                 qPrintable(error));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), content);
    }

    void looseFileModeIsTightened()
    {
        QTemporaryDir dir;
        QString error;
        const auto first = Identity::loadOrCreate(dir.path(), &error);
        QVERIFY(first);
        const QString keyPath = dir.filePath(QStringLiteral("identity.key"));
        QVERIFY(::chmod(QFile::encodeName(keyPath).constData(), 0644) == 0);
        const auto again = Identity::loadOrCreate(dir.path(), &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(again->userId, first->userId);
        QCOMPARE(fileMode(keyPath), 0600);
    }

    void unusableFolderIsAClearError()
    {
        QTemporaryDir dir;
        const QString blocker = dir.filePath(QStringLiteral("file"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QString error;
        QVERIFY(!Identity::loadOrCreate(blocker + QStringLiteral("/sub"), &error));
        QVERIFY2(error.contains(QStringLiteral("cannot create")), qPrintable(error));
        QVERIFY(!Identity::loadOrCreate(QString(), &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestIdentity)
#include "tst_identity.moc"
