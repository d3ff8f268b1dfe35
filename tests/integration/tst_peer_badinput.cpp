// Integration: what a peer does with bad input from outside — a tampered IXS record, a peer
// that sends garbage, a disk that fills up — with a real mp2pd and real `mp2p` processes.
#include <user/samplecontent.h>
#include "peertestbed.h"

#include <mp2pdprocess.h>
#include <peerprocess.h>
#include <protocol/keys.h>

#include <testrequire.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>

#include <sys/stat.h>

using namespace mp2p;
using namespace mp2p::test;

class TestPeerBadInput : public QObject {
    Q_OBJECT
private:
    PeerTestBed m_bed;

    QJsonObject publish(const Mp2pdProcess &server, const QString &folder, const QString &peer, int address, PeerProcess *process,
                        const QStringList &extra = {})
    {
        process->start(QStringList{QStringLiteral("publish"), folder} + extra + m_bed.peerArgs(server, peer, address));
        return process->waitForEvent(QStringLiteral("published"), 60000);
    }

    struct Run {
        int exitCode = -1;
        qint64 elapsedMs = -1;
        QByteArray output;
    };
    // Runs `mp2p ARGS` to its end (bounded), timing it: a hang shows as a long elapsed time.
    static Run runPeer(const QStringList &args)
    {
        PeerProcess p;
        QElapsedTimer timer;
        timer.start();
        p.start(args);
        Run run;
        if (!p.waitForExit(30000)) {
            p.kill9();
            run.output = p.allOutput();
            return run;
        }
        run.elapsedMs = timer.elapsed();
        run.exitCode = p.exitCode();
        run.output = p.allOutput();
        return run;
    }
    static bool writeFile(const QString &path, const QByteArray &bytes)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
    }
    static QByteArray readFile(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
    }
    // How long a peer may take to start, notice the damage and exit on this (shared, loaded)
    // machine; the hang it guards against never ended at all.
    static constexpr qint64 QuickExitMs = 2000;

private Q_SLOTS:
    // A damaged identity.key used to hang `mp2p` for good (the exit was asked for before the
    // event loop ran) and SIGTERM did nothing. Now: exit 1 at once, a message naming the file
    // and what to do, and the file left exactly as it was (never replaced by a new identity).
    void damagedIdentityKeyIsReportedAtOnce_data()
    {
        QTest::addColumn<QByteArray>("content");
        KeyPair a = KeyPair::generate();
        KeyPair b = KeyPair::generate();
        const QByteArray full = toBase64Url(a.secretKey());
        QTest::newRow("garbage") << QByteArray("\x00\xff\x13 not a key at all \x7f\x80", 23);
        QTest::newRow("truncated") << full.left(full.size() / 2) + '\n';
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("halves disagree") << toBase64Url(a.secretKey().left(32) + b.publicKey()) + '\n';
    }
    void damagedIdentityKeyIsReportedAtOnce()
    {
        QFETCH(QByteArray, content);
        const QString peer = QStringLiteral("badkey-") + QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'));
        const QString keyFile = m_bed.path(QStringLiteral("peers/") + peer + QStringLiteral("/identity.key"));
        QVERIFY(writeFile(keyFile, content));
        // No provider is needed to find the damage; this one does not answer (port 9, closed).
        const Run run = runPeer({QStringLiteral("login"), QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:9"),
                                 QStringLiteral("--data-dir"), m_bed.path(QStringLiteral("peers/") + peer), QStringLiteral("--no-utp")});
        QVERIFY2(run.elapsedMs >= 0, "mp2p did not exit within 30 s with a damaged identity.key");
        qInfo("exit after %lld ms", run.elapsedMs);
        QVERIFY2(run.elapsedMs < QuickExitMs, qPrintable(QString::number(run.elapsedMs)));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.output.contains(QFile::encodeName(keyFile)) && run.output.contains("damaged")
                     && run.output.contains("move it away to create a new identity"),
                 run.output.constData());
        QCOMPARE(readFile(keyFile), content);
    }

    // A receipts.db that is not an SQLite file: the same hang before; now exit 1 naming the file.
    void damagedReceiptStoreIsReportedAtOnce()
    {
        const QString dir = m_bed.path(QStringLiteral("peers/badreceipts"));
        const QString receipts = dir + QStringLiteral("/receipts.db");
        const QByteArray garbage = QByteArray(8192, '\x5a') + QByteArray("this is not an SQLite database");
        QVERIFY(writeFile(receipts, garbage));
        const Run run = runPeer({QStringLiteral("login"), QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:9"),
                                 QStringLiteral("--data-dir"), dir, QStringLiteral("--no-utp")});
        QVERIFY2(run.elapsedMs >= 0, "mp2p did not exit within 30 s with a damaged receipts.db");
        qInfo("exit after %lld ms", run.elapsedMs);
        QVERIFY2(run.elapsedMs < QuickExitMs, qPrintable(QString::number(run.elapsedMs)));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.output.contains(QFile::encodeName(receipts)) && run.output.contains("not an SQLite database")
                     && run.output.contains("move it"),
                 run.output.constData());
        QCOMPARE(readFile(receipts), garbage);
    }

    // A provider that answers and refuses the login (here a real UMS whose record of the user
    // holds another public key, so the signature does not verify: 401) used to give exit 3,
    // "unreachable", which sends the user looking at the network. Now exit 1, the UMS's reason
    // and what to do; a provider that does not answer at all is still 3.
    void refusedLoginIsNotUnreachable()
    {
        const QString dataDir = m_bed.path(QStringLiteral("p2psp-l"));
        Mp2pdProcess server(dataDir);
        QVERIFY(m_bed.startServer(&server));
        const QString userId = m_bed.login(server, QStringLiteral("refused"), 70);
        QVERIFY(!userId.isEmpty());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("ums-tamper"));
            db.setDatabaseName(dataDir + QStringLiteral("/ums.db"));
            QVERIFY(db.open());
            QSqlQuery q(db);
            q.prepare(QStringLiteral("UPDATE users SET public_key = ? WHERE user_id = ?"));
            q.addBindValue(QString::fromLatin1(toBase64Url(KeyPair::generate().publicKey())));
            q.addBindValue(userId);
            QVERIFY(q.exec());
            QCOMPARE(q.numRowsAffected(), 1);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("ums-tamper"));

        const Run refused = runPeer(QStringList{QStringLiteral("login")} + m_bed.peerArgs(server, QStringLiteral("refused"), 70));
        QVERIFY2(refused.elapsedMs >= 0, refused.output.constData());
        qInfo("refused login: exit after %lld ms", refused.elapsedMs);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.output.contains("answered 401") && refused.output.contains("signature does not verify")
                     && refused.output.contains("--data-dir") && !refused.output.contains("Retrying in"),
                 refused.output.constData());

        QCOMPARE(server.terminate(), 0);
        const Run unreachable = runPeer(QStringList{QStringLiteral("login")} + m_bed.peerArgs(server, QStringLiteral("refused"), 70));
        QVERIFY2(unreachable.elapsedMs >= 0, unreachable.output.constData());
        QCOMPARE(unreachable.exitCode, 3);
        QVERIFY2(unreachable.output.contains("cannot reach"), unreachable.output.constData());
    }

    void tamperedRecordIsRefused()
    {
        const QString dataDir = m_bed.path(QStringLiteral("p2psp-t"));
        Mp2pdProcess server(dataDir);
        QVERIFY(m_bed.startServer(&server));
        QVERIFY(writeSampleContent(m_bed.path(QStringLiteral("t1/one")), {3 << 20}, 11));
        QVERIFY(writeSampleContent(m_bed.path(QStringLiteral("t2/two")), {3 << 20}, 12));
        PeerProcess p1, p2;
        const QJsonObject first = publish(server, m_bed.path(QStringLiteral("t1/one")), QStringLiteral("tp"), 40, &p1);
        QVERIFY(p1.waitForExit(30000));
        const QJsonObject second = publish(server, m_bed.path(QStringLiteral("t2/two")), QStringLiteral("tp"), 40, &p2);
        QVERIFY(p2.waitForExit(30000));
        QVERIFY(!first.isEmpty() && !second.isEmpty());

        // Someone with access to the index swaps the metadata of one record for another's.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(dataDir + QStringLiteral("/ixs.db"));
            QVERIFY(db.open());
            QSqlQuery q(db);
            q.prepare(QStringLiteral("UPDATE content SET torrent = (SELECT torrent FROM content WHERE id = ?) WHERE id = ?"));
            q.addBindValue(second.value(QStringLiteral("contentId")).toString());
            q.addBindValue(first.value(QStringLiteral("contentId")).toString());
            QVERIFY(q.exec());
            QCOMPARE(q.numRowsAffected(), 1);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));

        PeerProcess get;
        get.start(QStringList{QStringLiteral("get"), first.value(QStringLiteral("contentId")).toString(), QStringLiteral("--to"),
                              m_bed.path(QStringLiteral("t-dl"))} + m_bed.peerArgs(server, QStringLiteral("tg"), 41));
        QVERIFY(get.waitForExit(30000));
        QCOMPARE(get.exitCode(), 1);
        QVERIFY2(get.allOutput().contains("does not match its info-hash"), get.allOutput().constData());
        QVERIFY(!QDir(m_bed.path(QStringLiteral("t-dl"))).exists() || QDir(m_bed.path(QStringLiteral("t-dl"))).isEmpty());
    }

    // Under the usual umask 022 the peer's transfers.db (tracker URLs with the token), its
    // receipts.db and the servers' databases (sessions, relay secrets) were created 0644,
    // readable by every local user. Now every database, its -wal/-shm, and every key is 0600.
    void secretFilesAreOwnerOnly()
    {
        const mode_t previous = ::umask(022);  // inherited by the processes started below
        const auto restore = qScopeGuard([previous] { ::umask(previous); });
        const QString serverDir = m_bed.path(QStringLiteral("p2psp-m"));
        Mp2pdProcess server(serverDir);
        QVERIFY(m_bed.startServer(&server));
        const QString peerDir = m_bed.path(QStringLiteral("peers/modes"));
        PeerProcess daemon;
        daemon.start(QStringList{QStringLiteral("daemon")} + m_bed.peerArgs(server, QStringLiteral("modes"), 80));
        // While the peer runs, its databases are in WAL mode with -wal and -shm beside them.
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(peerDir + QStringLiteral("/transfers.db-wal"))
                                     && QFile::exists(peerDir + QStringLiteral("/receipts.db-shm"))
                                     && QFile::exists(serverDir + QStringLiteral("/ums.db-wal")),
                                 20000);
        auto modeOf = [](const QString &path) {
            struct stat st {};
            return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
        };
        QStringList checked;
        const QStringList peerFiles = QDir(peerDir).entryList({QStringLiteral("*.db"), QStringLiteral("*.db-wal"), QStringLiteral("*.db-shm"),
                                                               QStringLiteral("*.db-journal"), QStringLiteral("identity.key")},
                                                              QDir::Files);
        for (const QString &name : peerFiles) {
            QVERIFY2(modeOf(peerDir + QLatin1Char('/') + name) == 0600, qPrintable(name));
            checked.append(QStringLiteral("peer/") + name);
        }
        // The server keeps nothing for other users: every file in its data folder.
        const QStringList serverFiles = QDir(serverDir).entryList(QDir::Files);
        for (const QString &name : serverFiles) {
            const int mode = modeOf(serverDir + QLatin1Char('/') + name);
            QVERIFY2((mode & 077) == 0, qPrintable(QStringLiteral("%1 is %2").arg(name).arg(mode, 3, 8)));
            checked.append(QStringLiteral("server/") + name);
        }
        for (const char *needed : {"peer/identity.key", "peer/transfers.db", "peer/transfers.db-wal", "peer/receipts.db",
                                   "peer/receipts.db-shm", "server/ums.db", "server/ums.db-wal", "server/oms.db", "server/pams.db",
                                   "server/ixs.db"})
            QVERIFY2(checked.contains(QLatin1String(needed)), qPrintable(checked.join(QLatin1Char(' '))));
        qInfo("0600 checked: %s", qPrintable(checked.join(QLatin1Char(' '))));
        QCOMPARE(daemon.terminate(), 0);
        QCOMPARE(server.terminate(), 0);
    }

    void garbageFromAPeerDoesNotStopSeeding()
    {
        Mp2pdProcess server(m_bed.path(QStringLiteral("p2psp-g")));
        QVERIFY(m_bed.startServer(&server));
        const QString publisherId = m_bed.login(server, QStringLiteral("gp"), 50);
        QVERIFY(writeSampleContent(m_bed.path(QStringLiteral("g/data")), {16 << 20}, 13));
        PeerProcess publisher;
        const QJsonObject published = publish(server, m_bed.path(QStringLiteral("g/data")), QStringLiteral("gp"), 50, &publisher,
                                              {QStringLiteral("--seed")});
        QVERIFY2(!published.isEmpty(), publisher.allOutput().constData());

        // Find the seed's port through the PAMS, then throw junk at it: random bytes, and a
        // BitTorrent handshake for an overlay it does not have.
        TestHttp http;
        QString listen;
        QTRY_VERIFY_WITH_TIMEOUT(!(listen = http.get(server.baseUrl() + QStringLiteral("/pams/v1/peers/") + publisherId, testServiceToken()).json()
                                                .value(QStringLiteral("static")).toObject().value(QStringLiteral("listenAddress")).toString()).isEmpty(), 15000);
        const quint16 port = quint16(listen.section(QLatin1Char(':'), -1).toUInt());
        QVERIFY(port != 0);
        const QList<QByteArray> junk = {QByteArray(65536, '\xff'), QByteArray("\x13" "BitTorrent protocol") + QByteArray(8, '\0') + QByteArray(40, 'x'),
                                        QByteArray("GET / HTTP/1.1\r\n\r\n")};
        for (const QByteArray &bytes : junk) {
            QTcpSocket socket;
            socket.connectToHost(QStringLiteral("127.1.0.50"), port);
            QVERIFY(socket.waitForConnected(5000));
            socket.write(bytes);
            socket.waitForBytesWritten(2000);
            socket.waitForReadyRead(500);
            socket.abort();
        }
        PeerProcess get;
        get.start(QStringList{QStringLiteral("get"), published.value(QStringLiteral("infoHash")).toString(), QStringLiteral("--to"),
                              m_bed.path(QStringLiteral("g-dl"))} + m_bed.peerArgs(server, QStringLiteral("gg"), 51));
        QVERIFY2(!get.waitForEvent(QStringLiteral("completed"), 60000).isEmpty(), get.allOutput().constData());
        QCOMPARE(sha256OfFiles(m_bed.path(QStringLiteral("g-dl"))), sha256OfFiles(m_bed.path(QStringLiteral("g"))));
        QCOMPARE(publisher.terminate(), 0);
    }

    void fullDiskIsReportedAndNothingCompletes()
    {
        const QString small = m_bed.path(QStringLiteral("small-disk"));
        QDir().mkpath(small);
        MP2P_REQUIRE(QProcess::execute(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                                               QStringLiteral("size=6m"), QStringLiteral("tmpfs"), small}) == 0,
                     "cannot mount a small tmpfs here (needs root, e.g. sudo or unshare -rm); the disk-full path is not exercised");
        const auto unmount = qScopeGuard([small] { QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), small}); });

        Mp2pdProcess server(m_bed.path(QStringLiteral("p2psp-f")));
        QVERIFY(m_bed.startServer(&server));
        QVERIFY(writeSampleContent(m_bed.path(QStringLiteral("f/big")), {20 << 20}, 14));
        PeerProcess publisher;
        const QJsonObject published = publish(server, m_bed.path(QStringLiteral("f/big")), QStringLiteral("fp"), 60, &publisher,
                                              {QStringLiteral("--seed")});
        QVERIFY2(!published.isEmpty(), publisher.allOutput().constData());
        PeerProcess get;
        get.start(QStringList{QStringLiteral("get"), published.value(QStringLiteral("infoHash")).toString(), QStringLiteral("--to"), small}
                  + m_bed.peerArgs(server, QStringLiteral("fg"), 61));
        QVERIFY(get.waitForExit(60000));
        QCOMPARE(get.exitCode(), 1);
        QVERIFY2(get.allOutput().contains("disk is full") && !get.allOutput().contains("\"completed\""), get.allOutput().constData());
        QCOMPARE(publisher.terminate(), 0);
    }
};

MP2P_TEST_GUILESS_MAIN(TestPeerBadInput)
#include "tst_peer_badinput.moc"
