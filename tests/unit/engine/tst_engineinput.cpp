// Bad input to addTransfer: each case gets a clear error and nothing is persisted for it.

#include "enginefixture.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mp2p;
using namespace mp2p::test;

class TstEngineInput : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rejectsBadInput();
    void refusesWhenNotStarted();
    void persistsOptionsAndRemoval();

private:
    static QStringList storedHashes(const QString &dbPath);
};

QStringList TstEngineInput::storedHashes(const QString &dbPath)
{
    QStringList hashes;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "inspect");
        db.setDatabaseName(dbPath);
        if (!db.open())
            qWarning() << "cannot open" << dbPath << db.lastError().text();
        else {
            QSqlQuery q(db);
            if (!q.exec("SELECT info_hash FROM transfers ORDER BY info_hash"))
                qWarning() << "cannot read" << dbPath << q.lastError().text();
            while (q.next())
                hashes.append(q.value(0).toString());
        }
    }
    QSqlDatabase::removeDatabase("inspect");
    return hashes;
}

void TstEngineInput::rejectsBadInput()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dataDir = tmp.filePath("data");
    QVERIFY(QDir().mkpath(dataDir));
    QVERIFY(writeData(dataDir + "/a.bin", 256 << 10, 1));
    const QByteArray torrent = makeTorrent(dataDir + "/a.bin");

    PeerEngine engine(loopbackSettings(tmp.filePath("state"), "127.1.0.7"));
    QString error;
    QVERIFY2(engine.start(&error), qPrintable(error));
    QSignalSpy added(&engine, &PeerEngine::transferAdded);
    QSignalSpy sessionErrors(&engine, &PeerEngine::sessionError);
    QSignalSpy transferErrors(&engine, &PeerEngine::transferError);
    AddTransferOptions good;
    good.savePath = dataDir;
    good.seedMode = true;
    const QString hash = engine.addTransfer(torrent, good, &error);
    QVERIFY2(!hash.isEmpty(), qPrintable(error));

    // Damaged bytes: garbage, truncated, and valid bencode without an info dictionary.
    for (const QByteArray &bad : {QByteArray("not a torrent at all"), torrent.left(torrent.size() / 2),
                                  QByteArray("d8:announce20:http://x/announce.e"), QByteArray()}) {
        error.clear();
        QVERIFY(engine.addTransfer(bad, good, &error).isEmpty());
        QVERIFY2(error.startsWith("the .torrent is damaged: "), qPrintable(error));
    }

    // A save path under a regular file cannot be created or written.
    QVERIFY(writeData(tmp.filePath("plainfile"), 10, 2));
    QVERIFY(writeData(dataDir + "/b.bin", 128 << 10, 3));
    const QByteArray other = makeTorrent(dataDir + "/b.bin");
    AddTransferOptions unwritable;
    unwritable.savePath = tmp.filePath("plainfile/downloads");
    error.clear();
    QVERIFY(engine.addTransfer(other, unwritable, &error).isEmpty());
    QVERIFY2(error.contains(unwritable.savePath), qPrintable(error));
    AddTransferOptions noPath;
    error.clear();
    QVERIFY(engine.addTransfer(other, noPath, &error).isEmpty());
    QVERIFY2(error.contains("no download folder"), qPrintable(error));

    // Duplicate: both while the first add is in flight and after it completed.
    error.clear();
    QVERIFY(engine.addTransfer(torrent, good, &error).isEmpty());
    QVERIFY2(error.contains("already added") && error.contains(hash), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, 5000);
    error.clear();
    QVERIFY(engine.addTransfer(torrent, good, &error).isEmpty());
    QVERIFY2(error.contains("already added"), qPrintable(error));
    QVERIFY(!engine.hasTransfer(QStringLiteral("0").repeated(40)));

    QVERIFY(shutdownAndWait(engine));
    QVERIFY2(sessionErrors.isEmpty(), qPrintable(sessionErrors.value(0).value(0).toString()));
    QVERIFY2(transferErrors.isEmpty(), qPrintable(transferErrors.value(0).value(1).toString()));
    QCOMPARE(storedHashes(tmp.filePath("state/transfers.db")), QStringList{hash});
}

void TstEngineInput::refusesWhenNotStarted()
{
    QTemporaryDir tmp;
    PeerEngine engine(loopbackSettings(tmp.filePath("state"), "127.1.0.7"));
    QString error;
    AddTransferOptions options;
    options.savePath = tmp.path();
    QVERIFY(engine.addTransfer(QByteArray("x"), options, &error).isEmpty());
    QVERIFY2(error.contains("not running"), qPrintable(error));
    QVERIFY(engine.transfers().isEmpty());

    // A state folder that cannot be created is reported by start().
    QVERIFY(writeData(tmp.filePath("file"), 1, 1));
    PeerEngine broken(loopbackSettings(tmp.filePath("file/state"), "127.1.0.7"));
    QVERIFY(!broken.start(&error));
    QVERIFY2(error.contains("transfers.db"), qPrintable(error));
}

void TstEngineInput::persistsOptionsAndRemoval()
{
    QTemporaryDir tmp;
    const QString dataDir = tmp.filePath("data");
    QVERIFY(QDir().mkpath(dataDir));
    QVERIFY(writeData(dataDir + "/c.bin", 128 << 10, 9));
    const QByteArray torrent = makeTorrent(dataDir + "/c.bin");
    const QString state = tmp.filePath("state");
    QString hash;
    {
        PeerEngine engine(loopbackSettings(state, "127.1.0.8"));
        QString error;
        QVERIFY(engine.start(&error));
        QSignalSpy added(&engine, &PeerEngine::transferAdded);
        AddTransferOptions options;
        options.savePath = dataDir;
        options.paused = true;
        options.trackerUrl = "http://127.1.0.1:1/announce?token=old";
        hash = engine.addTransfer(torrent, options, &error);
        QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(engine.transfer(hash)->state, TransferState::Paused, 5000);
        engine.setTrackerUrl(hash, "http://127.1.0.1:1/announce?token=new");
        engine.setSequential(hash, true);
        QVERIFY(shutdownAndWait(engine));
    }
    QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "opts");
    db.setDatabaseName(state + "/transfers.db");
    QVERIFY(db.open());
    {
        QSqlQuery q(db);
        QVERIFY(q.exec("SELECT tracker_url, sequential, paused FROM transfers"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("http://127.1.0.1:1/announce?token=new"));
        QCOMPARE(q.value(1).toInt(), 1);
        QCOMPARE(q.value(2).toInt(), 1);
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase("opts");

    // Restart: restored paused; remove() forgets it for good.
    PeerEngine engine(loopbackSettings(state, "127.1.0.8"));
    QSignalSpy added(&engine, &PeerEngine::transferAdded);
    QSignalSpy removed(&engine, &PeerEngine::transferRemoved);
    QString error;
    QVERIFY(engine.start(&error));
    QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, 5000);
    QCOMPARE(engine.transfer(hash)->state, TransferState::Paused);
    engine.remove(hash, false);
    QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, 5000);
    QCOMPARE(removed.at(0).at(0).toString(), hash);
    QVERIFY(!engine.hasTransfer(hash));
    QVERIFY(QFile::exists(dataDir + "/c.bin"));  // deleteFiles = false keeps the data
    QVERIFY(shutdownAndWait(engine));
    QVERIFY(storedHashes(state + "/transfers.db").isEmpty());
}

QTEST_GUILESS_MAIN(TstEngineInput)
#include "tst_engineinput.moc"
