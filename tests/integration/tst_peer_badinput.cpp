// Integration: what a peer does with bad input from outside — a tampered IXS record, a peer
// that sends garbage, a disk that fills up — with a real mp2pd and real `mp2p` processes.
#include <user/samplecontent.h>
#include "peertestbed.h"

#include <mp2pdprocess.h>
#include <peerprocess.h>

#include <QDir>
#include <QJsonArray>
#include <QProcess>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>

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

private Q_SLOTS:
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
        QTRY_VERIFY_WITH_TIMEOUT(!(listen = http.get(server.baseUrl() + QStringLiteral("/pams/v1/peers/") + publisherId).json()
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
        if (QProcess::execute(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"), QStringLiteral("size=6m"),
                                                      QStringLiteral("tmpfs"), small}) != 0)
            QSKIP("cannot mount a small tmpfs here (needs root); the disk-full path is not exercised");
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

QTEST_GUILESS_MAIN(TestPeerBadInput)
#include "tst_peer_badinput.moc"
