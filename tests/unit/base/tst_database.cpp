#include <base/database.h>

#include <QFile>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace mp2p;

class TestDatabase : public QObject {
    Q_OBJECT
private:
    static QList<Migration> v1()
    {
        return {{1, {QStringLiteral("CREATE TABLE items (id TEXT PRIMARY KEY, name TEXT NOT NULL)")}, false}};
    }
    static QList<Migration> v2()
    {
        auto m = v1();
        m.append({2, {QStringLiteral("ALTER TABLE items ADD COLUMN size BIGINT NOT NULL DEFAULT 0")}, false});
        return m;
    }
    static int modeOf(const QString &path)
    {
        struct stat st {};
        return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
    }
    static int count(Database &db)
    {
        QSqlQuery q(db.connection());
        q.exec(QStringLiteral("SELECT COUNT(*) FROM items"));
        return q.next() ? q.value(0).toInt() : -1;
    }

private Q_SLOTS:
    void migratesFromEmpty()
    {
        QTemporaryDir dir;
        Database db(QStringLiteral("t"), {QStringLiteral("QSQLITE"), dir.filePath(QStringLiteral("t.db")), 1000, true});
        QString error;
        QVERIFY2(db.open(&error), qPrintable(error));
        QCOMPARE(db.schemaVersion(), 0);
        QVERIFY2(db.migrate(v2(), &error), qPrintable(error));
        QCOMPARE(db.schemaVersion(), 2);
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO items (id, name, size) VALUES ('a', 'x', 5)")));
        QSqlQuery mode(db.connection());
        QVERIFY(mode.exec(QStringLiteral("PRAGMA journal_mode")) && mode.next());
        QCOMPARE(mode.value(0).toString(), QStringLiteral("wal"));
        QSqlQuery fk(db.connection());
        QVERIFY(fk.exec(QStringLiteral("PRAGMA foreign_keys")) && fk.next());
        QCOMPARE(fk.value(0).toInt(), 1);
    }

    void migratesFromPreviousSchemaKeepingData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.db"));
        QString error;
        {
            Database db(QStringLiteral("t"), {QStringLiteral("QSQLITE"), path, 1000, true});
            QVERIFY(db.open(&error) && db.migrate(v1(), &error));
            QSqlQuery q(db.connection());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO items (id, name) VALUES ('a', 'kept')")));
        }
        Database db(QStringLiteral("t"), {QStringLiteral("QSQLITE"), path, 1000, true});
        QVERIFY(db.open(&error));
        QCOMPARE(db.schemaVersion(), 1);
        QVERIFY2(db.migrate(v2(), &error), qPrintable(error));
        QCOMPARE(db.schemaVersion(), 2);
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT name, size FROM items WHERE id = 'a'")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("kept"));
        QCOMPARE(q.value(1).toLongLong(), 0);
        // Running the same migrations again changes nothing.
        QVERIFY(db.migrate(v2(), &error));
        QCOMPARE(count(db), 1);
    }

    void failedMigrationLeavesNothingHalfDone()
    {
        QTemporaryDir dir;
        Database db(QStringLiteral("t"), {QStringLiteral("QSQLITE"), dir.filePath(QStringLiteral("t.db")), 1000, true});
        QString error;
        QVERIFY(db.open(&error) && db.migrate(v1(), &error));
        QList<Migration> broken = v1();
        broken.append({2, {QStringLiteral("CREATE TABLE other (x TEXT)"), QStringLiteral("THIS IS NOT SQL")}, false});
        QVERIFY(!db.migrate(broken, &error));
        QVERIFY(error.contains(QStringLiteral("version 2")));
        QCOMPARE(db.schemaVersion(), 1);
        QSqlQuery q(db.connection());
        QVERIFY(!q.exec(QStringLiteral("SELECT * FROM other")));  // rolled back with the failed step
    }

    void rejectsOutOfOrderMigrations()
    {
        QTemporaryDir dir;
        Database db(QStringLiteral("t"), {QStringLiteral("QSQLITE"), dir.filePath(QStringLiteral("t.db")), 1000, true});
        QString error;
        QVERIFY(db.open(&error));
        QVERIFY(!db.migrate({{2, {}, false}, {1, {}, false}}, &error));
        QVERIFY(error.contains(QStringLiteral("increasing")));
    }

    void transactionRollsBackUnlessCommitted()
    {
        QTemporaryDir dir;
        Database db(QStringLiteral("t"), {QStringLiteral("QSQLITE"), dir.filePath(QStringLiteral("t.db")), 1000, true});
        QString error;
        QVERIFY(db.open(&error) && db.migrate(v1(), &error));
        {
            Transaction tx(db.connection());
            QSqlQuery q(db.connection());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO items (id, name) VALUES ('a', 'x')")));
        }
        QCOMPARE(count(db), 0);
        {
            Transaction tx(db.connection());
            QSqlQuery q(db.connection());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO items (id, name) VALUES ('b', 'y')")));
            QVERIFY(tx.commit(&error));
        }
        QCOMPARE(count(db), 1);
    }

    // Databases hold tokens and secrets: the file and the -wal/-shm SQLite makes later are 0600
    // under the usual umask 022 (they used to be 0644, readable by every local user), and a
    // file left 0644 by an older build is narrowed when it is opened.
    void filesAreOwnerOnlyWhateverTheUmask()
    {
        const mode_t previous = ::umask(022);
        const auto restore = qScopeGuard([previous] { ::umask(previous); });
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("secret.db"));
        {
            Database db(QStringLiteral("t"), {QStringLiteral("QSQLITE"), path, 1000, true});
            QString error;
            QVERIFY2(db.open(&error), qPrintable(error));
            QVERIFY2(db.migrate(v1(), &error), qPrintable(error));
            QSqlQuery q(db.connection());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO items (id, name) VALUES ('a', 'token=secret')")));
            for (const char *suffix : {"", "-wal", "-shm"}) {
                const QString file = path + QLatin1String(suffix);
                QVERIFY2(QFile::exists(file), qPrintable(file));
                QCOMPARE(modeOf(file), 0600);
            }
        }
        // An older build's file (0644, with a 0644 WAL) is narrowed on open.
        const QString old = dir.filePath(QStringLiteral("old.db"));
        {
            Database db(QStringLiteral("old"), {QStringLiteral("QSQLITE"), old, 1000, true});
            QString error;
            QVERIFY2(db.open(&error) && db.migrate(v1(), &error), qPrintable(error));
        }
        QVERIFY(::chmod(QFile::encodeName(old).constData(), 0644) == 0);
        QFile stale(old + QStringLiteral("-wal"));
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.close();
        QVERIFY(::chmod(QFile::encodeName(stale.fileName()).constData(), 0644) == 0);
        Database reopened(QStringLiteral("old"), {QStringLiteral("QSQLITE"), old, 1000, true});
        QString error;
        QVERIFY2(reopened.open(&error), qPrintable(error));
        QCOMPARE(modeOf(old), 0600);
        QCOMPARE(modeOf(old + QStringLiteral("-wal")), 0600);
        QCOMPARE(count(reopened), 0);
    }

    void unwritableFolderIsAClearError()
    {
        Database db(QStringLiteral("t"), {QStringLiteral("QSQLITE"), QStringLiteral("/proc/mp2p-nope/t.db"), 1000, true});
        QString error;
        QVERIFY(!db.open(&error));
        QVERIFY2(error.contains(QStringLiteral("/proc/mp2p-nope")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
