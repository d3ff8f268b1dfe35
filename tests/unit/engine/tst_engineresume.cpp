// Persistence: a partly downloaded transfer survives shutdown() and a new engine on the same
// state folder resumes it from its resume data instead of starting from zero.

#include "enginefixture.h"

#include <libtorrent/add_torrent_params.hpp>
#include <libtorrent/read_resume_data.hpp>

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mp2p;
using namespace mp2p::test;

class TstEngineResume : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void resumesAfterRestart();
    void corruptResumeDataFallsBackToCheck();

private:
    static QByteArray storedResumeData(const QString &dbPath, const QString &hash);
    static bool setStoredResumeData(const QString &dbPath, const QByteArray &data);
};

QByteArray TstEngineResume::storedResumeData(const QString &dbPath, const QString &hash)
{
    QByteArray data;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "inspect");
        db.setDatabaseName(dbPath);
        QSqlQuery q(db);
        if (db.open() && q.exec(QStringLiteral("SELECT resume_data FROM transfers WHERE info_hash = '%1'").arg(hash))
            && q.next())
            data = q.value(0).toByteArray();
    }
    QSqlDatabase::removeDatabase("inspect");
    return data;
}

bool TstEngineResume::setStoredResumeData(const QString &dbPath, const QByteArray &data)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "corrupt");
        db.setDatabaseName(dbPath);
        QSqlQuery q(db);
        ok = db.open() && q.prepare("UPDATE transfers SET resume_data = ?") && (q.addBindValue(data), q.exec())
             && q.numRowsAffected() == 1;
    }
    QSqlDatabase::removeDatabase("corrupt");
    return ok;
}

void TstEngineResume::resumesAfterRestart()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const qint64 size = 8 << 20;
    const QString seedDir = tmp.filePath("seed");
    const QString leechDir = tmp.filePath("leech");
    const QString leechState = tmp.filePath("state-leech");
    QVERIFY(QDir().mkpath(seedDir));
    QVERIFY(writeData(seedDir + "/movie.bin", size, 42));
    const QByteArray torrent = makeTorrent(seedDir + "/movie.bin", 64 << 10);

    PeerEngine seed(loopbackSettings(tmp.filePath("state-seed"), "127.1.0.4"));
    QString error;
    QVERIFY2(seed.start(&error), qPrintable(error));
    AddTransferOptions seedOptions;
    seedOptions.savePath = seedDir;
    seedOptions.seedMode = true;
    const QString hash = seed.addTransfer(torrent, seedOptions, &error);
    QVERIFY2(!hash.isEmpty(), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(seed.listenPort() != 0 && seed.transfer(hash).has_value(), 5000);

    // Run 1: slow (2 MB/s, applied to loopback peers too), stopped at >= 30 %.
    qint64 doneAtStop = 0;
    {
        EngineSettings s = loopbackSettings(leechState, "127.1.0.5");
        s.downloadRateLimit = 2 << 20;
        s.rateLimitLocalPeers = true;
        PeerEngine leech(s);
        QVERIFY2(leech.start(&error), qPrintable(error));
        QSignalSpy added(&leech, &PeerEngine::transferAdded);
        QSignalSpy saved(&leech, &PeerEngine::resumeDataSaved);
        AddTransferOptions options;
        options.savePath = leechDir;
        QCOMPARE(leech.addTransfer(torrent, options, &error), hash);
        QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, 5000);
        leech.connectPeer(hash, QHostAddress("127.1.0.4"), seed.listenPort());
        QTRY_VERIFY_WITH_TIMEOUT(leech.transfer(hash)->progress >= 0.3, 20000);
        QVERIFY2(leech.transfer(hash)->progress < 1.0, "the rate limit did not hold; the test proves nothing");
        QVERIFY(shutdownAndWait(leech));
        QCOMPARE(saved.count(), 1);  // the shutdown checkpoint reached the store
    }
    // What the store holds: one row whose resume data records the pieces of run 1.
    const QByteArray resume = storedResumeData(leechState + "/transfers.db", hash);
    lt::error_code ec;
    const lt::add_torrent_params rp = lt::read_resume_data(lt::span<char const>(resume.constData(), resume.size()), ec);
    QVERIFY2(!ec, ec.message().c_str());
    QVERIFY(rp.have_pieces.count() > 0);
    QVERIFY(rp.have_pieces.count() < rp.have_pieces.size());

    // Run 2: unlimited, same state folder.
    PeerEngine leech(loopbackSettings(leechState, "127.1.0.5"));
    QSignalSpy added(&leech, &PeerEngine::transferAdded);
    QSignalSpy finished(&leech, &PeerEngine::transferFinished);
    QVERIFY2(leech.start(&error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, 5000);
    QCOMPARE(added.at(0).at(0).toString(), hash);
    QTRY_VERIFY_WITH_TIMEOUT(leech.transfer(hash)->state != TransferState::Checking, 5000);
    const TransferStatus restored = *leech.transfer(hash);
    doneAtStop = restored.totalDone;
    qInfo("restored: %s, %lld of %lld bytes, downloaded so far %lld", qPrintable(transferStateName(restored.state)),
          restored.totalDone, restored.totalWanted, restored.downloaded);
    QVERIFY(restored.totalDone >= size * 3 / 10 - (64 << 10) * 4);  // the pieces of run 1 (give or take a few)
    QVERIFY(restored.totalDone < size);
    QCOMPARE(restored.totalWanted, size);

    leech.connectPeer(hash, QHostAddress("127.1.0.4"), seed.listenPort());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    // The all-time counters follow libtorrent's once-a-second accounting: wait until they hold at
    // least what was missing (less the blocks of unfinished pieces the resume data kept).
    QTRY_VERIFY_WITH_TIMEOUT(leech.transfer(hash)->downloaded - restored.downloaded >= size - doneAtStop - (1 << 20), 10000);
    const TransferStatus final = *leech.transfer(hash);
    const qint64 secondRun = final.downloaded - restored.downloaded;
    qInfo("second run downloaded %lld bytes (total %lld)", secondRun, size);
    QVERIFY(secondRun > 0);
    QVERIFY(secondRun < size);
    QVERIFY(secondRun <= size - doneAtStop + (1 << 20));  // little redundancy on top of what was missing
    QCOMPARE(sha256OfFile(leechDir + "/movie.bin"), sha256OfFile(seedDir + "/movie.bin"));
    QVERIFY(shutdownAndWait(leech));
    QVERIFY(shutdownAndWait(seed));
}

void TstEngineResume::corruptResumeDataFallsBackToCheck()
{
    QTemporaryDir tmp;
    const qint64 size = 2 << 20;
    const QString dataDir = tmp.filePath("data");
    const QString state = tmp.filePath("state");
    QVERIFY(QDir().mkpath(dataDir));
    QVERIFY(writeData(dataDir + "/doc.bin", size, 5));
    const QByteArray torrent = makeTorrent(dataDir + "/doc.bin");
    QString hash;
    {
        PeerEngine engine(loopbackSettings(state, "127.1.0.6"));
        QString error;
        QVERIFY(engine.start(&error));
        QSignalSpy added(&engine, &PeerEngine::transferAdded);
        AddTransferOptions options;
        options.savePath = dataDir;
        options.seedMode = true;
        hash = engine.addTransfer(torrent, options, &error);
        QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, 5000);
        QVERIFY(shutdownAndWait(engine));
    }
    QVERIFY(!storedResumeData(state + "/transfers.db", hash).isEmpty());
    QVERIFY(setStoredResumeData(state + "/transfers.db", QByteArray("d4:junk")));

    PeerEngine engine(loopbackSettings(state, "127.1.0.6"));
    QSignalSpy added(&engine, &PeerEngine::transferAdded);
    QSignalSpy errors(&engine, &PeerEngine::transferError);
    QString error;
    QVERIFY(engine.start(&error));
    QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, 5000);
    // The files were re-checked from the torrent alone and found complete.
    QTRY_VERIFY_WITH_TIMEOUT(engine.transfer(hash)->state == TransferState::Seeding, 10000);
    QCOMPARE(engine.transfer(hash)->totalDone, size);
    QVERIFY(errors.isEmpty());
    QVERIFY(shutdownAndWait(engine));
    // The shutdown replaced the junk with good resume data.
    lt::error_code ec;
    const QByteArray resume = storedResumeData(state + "/transfers.db", hash);
    lt::read_resume_data(lt::span<char const>(resume.constData(), resume.size()), ec);
    QVERIFY2(!ec, ec.message().c_str());
}

QTEST_GUILESS_MAIN(TstEngineResume)
#include "tst_engineresume.moc"
