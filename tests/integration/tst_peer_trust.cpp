// Integration: where a real `mp2p` peer sends its tracker credential. A record that names a
// host the provider's directory does not list (planted in the IXS database, past the IXS's own
// check) is refused before anything is sent there; the user's passkey rotation (`mp2p passkey
// rotate`) kills the old passkey at the OMS and a running seeder moves to the new one by itself.
#include <user/samplecontent.h>
#include "flowhelpers.h"
#include "peertestbed.h"

#include <peerprocess.h>

#include <testrequire.h>

#include <QDir>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace mp2p;
using namespace mp2p::test;

namespace {
// The host a forged record names: counts every connection made to it (any request at all,
// announce, scrape or JSON, would need one).
class CountingHost : public QTcpServer {
public:
    int connections = 0;
    CountingHost()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                ++connections;
                s->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                s->disconnectFromHost();
            }
        });
    }
};
} // namespace

class TestPeerTrust : public QObject {
    Q_OBJECT
private:
    PeerTestBed m_bed;

    QJsonObject publish(const Mp2pdProcess &server, const QString &folder, const QString &peer, int address, PeerProcess *process,
                        bool seed)
    {
        process->start(QStringList{QStringLiteral("publish"), folder} + (seed ? QStringList{QStringLiteral("--seed")} : QStringList{})
                       + m_bed.peerArgs(server, peer, address));
        return process->waitForEvent(QStringLiteral("published"), 60000);
    }

private Q_SLOTS:
    void recordNamingAForeignOmsIsRefused()
    {
        CountingHost evil;
        MP2P_REQUIRE(evil.listen(QHostAddress(QStringLiteral("127.66.0.2")), 0),
                     "cannot listen on 127.66.0.2 (run inside a network namespace with lo up)");
        const QString dataDir = m_bed.path(QStringLiteral("p2psp-f"));
        Mp2pdProcess server(dataDir);
        QVERIFY(m_bed.startServer(&server));
        QVERIFY(writeSampleContent(m_bed.path(QStringLiteral("f1/honest")), {4 << 20}, 21));
        QVERIFY(writeSampleContent(m_bed.path(QStringLiteral("f2/bait")), {2 << 20}, 22));
        PeerProcess honestSeed, baitPublisher;
        const QJsonObject honest = publish(server, m_bed.path(QStringLiteral("f1/honest")), QStringLiteral("fs"), 60, &honestSeed, true);
        QVERIFY2(!honest.isEmpty(), honestSeed.allOutput().constData());
        const QJsonObject bait = publish(server, m_bed.path(QStringLiteral("f2/bait")), QStringLiteral("fb"), 61, &baitPublisher, false);
        QVERIFY2(!bait.isEmpty(), baitPublisher.allOutput().constData());
        QVERIFY(baitPublisher.waitForExit(30000));

        // Someone with write access to the index (or an IXS bug) points the record at a host
        // of theirs: downloaders would announce there with their passkey.
        const QString evilOms = QStringLiteral("http://127.66.0.2:%1").arg(evil.serverPort());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("plant"));
            db.setDatabaseName(dataDir + QStringLiteral("/ixs.db"));
            QVERIFY(db.open());
            QSqlQuery q(db);
            q.prepare(QStringLiteral("UPDATE content SET oms_url = ? WHERE id = ?"));
            q.addBindValue(evilOms);
            q.addBindValue(bait.value(QStringLiteral("contentId")).toString());
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            QCOMPARE(q.numRowsAffected(), 1);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("plant"));
        TestHttp http;
        QCOMPARE(http.get(server.baseUrl() + QStringLiteral("/ixs/v1/content/") + bait.value(QStringLiteral("contentId")).toString())
                     .json().value(QStringLiteral("omsUrl")).toString(),
                 evilOms);

        // By content id and by info-hash: refused with the reason, nothing downloaded.
        for (const QString &reference : {bait.value(QStringLiteral("contentId")).toString(), bait.value(QStringLiteral("infoHash")).toString()}) {
            PeerProcess get;
            get.start(QStringList{QStringLiteral("get"), reference, QStringLiteral("--to"), m_bed.path(QStringLiteral("f-dl-bait"))}
                      + m_bed.peerArgs(server, QStringLiteral("fg"), 62));
            QVERIFY(get.waitForExit(30000));
            QCOMPARE(get.exitCode(), 1);
            QVERIFY2(get.allOutput().contains("is not this provider's OMS") && get.allOutput().contains(evilOms.toLatin1())
                         && get.allOutput().contains("nothing was downloaded"),
                     get.allOutput().constData());
        }
        QVERIFY(!QDir(m_bed.path(QStringLiteral("f-dl-bait"))).exists() || QDir(m_bed.path(QStringLiteral("f-dl-bait"))).isEmpty());

        // The honest record of the same provider still downloads, by the same peer.
        PeerProcess get;
        get.start(QStringList{QStringLiteral("get"), honest.value(QStringLiteral("contentId")).toString(), QStringLiteral("--to"),
                              m_bed.path(QStringLiteral("f-dl"))}
                  + m_bed.peerArgs(server, QStringLiteral("fg"), 62));
        QVERIFY2(!get.waitForEvent(QStringLiteral("completed"), 120000).isEmpty(), get.allOutput().constData());
        QCOMPARE(sha256OfFiles(m_bed.path(QStringLiteral("f-dl"))), sha256OfFiles(m_bed.path(QStringLiteral("f1"))));

        // Not one connection reached the planted host, not even a TCP handshake.
        QCoreApplication::processEvents();
        QCOMPARE(evil.connections, 0);
    }

    void rotatedPasskeyIsRefusedAndTheSeederFollows()
    {
        const QString dataDir = m_bed.path(QStringLiteral("p2psp-r"));
        Mp2pdProcess server(dataDir);
        QVERIFY(m_bed.startServer(&server));
        QVERIFY(writeSampleContent(m_bed.path(QStringLiteral("r1/music")), {3 << 20}, 31));
        PeerProcess seeder;
        const QJsonObject published = publish(server, m_bed.path(QStringLiteral("r1/music")), QStringLiteral("rs"), 70, &seeder, true);
        QVERIFY2(!published.isEmpty(), seeder.allOutput().constData());
        const QString infoHash = published.value(QStringLiteral("infoHash")).toString();
        TestHttp http;
        const QString peersUrl = server.baseUrl() + QStringLiteral("/oms/v1/overlays/%1/peers").arg(infoHash);
        QTRY_COMPARE_WITH_TIMEOUT(http.get(peersUrl, testServiceToken()).json().value(QStringLiteral("peers")).toArray().size(), 1, 30000);

        // The same user's data folder, while the seeder holds it: passkey takes no lock.
        const QStringList user = m_bed.peerArgs(server, QStringLiteral("rs"), 71);  // the URL outlives a restart
        PeerProcess show;
        show.start(QStringList{QStringLiteral("passkey"), QStringLiteral("show")} + user);
        const QString oldPasskey = show.waitForEvent(QStringLiteral("passkey"), 30000).value(QStringLiteral("passkey")).toString();
        QVERIFY(show.waitForExit(15000));
        QCOMPARE(show.exitCode(), 0);
        QCOMPARE(oldPasskey.size(), 64);

        PeerProcess rotate;
        rotate.start(QStringList{QStringLiteral("passkey"), QStringLiteral("rotate")} + user);
        const QString newPasskey = rotate.waitForEvent(QStringLiteral("passkeyRotated"), 30000).value(QStringLiteral("passkey")).toString();
        QVERIFY(rotate.waitForExit(15000));
        QCOMPARE(rotate.exitCode(), 0);
        QCOMPARE(newPasskey.size(), 64);
        QVERIFY(newPasskey != oldPasskey);

        // At the OMS: the old passkey is refused, the new one works.
        const QByteArray peerId("-MP0100-rotate000001");
        const HttpResult old = http.get(announceUrl(server.baseUrl(), oldPasskey, infoHash, peerId, 6881, 100, {}, true,
                                                    QStringLiteral("127.0.0.9")));
        QVERIFY2(old.body.contains("failure reason") && old.body.contains("unknown passkey"), old.body.constData());
        const HttpResult fresh = http.get(announceUrl(server.baseUrl(), newPasskey, infoHash, peerId, 6881, 100, {}, true,
                                                      QStringLiteral("127.0.0.9")));
        QVERIFY2(fresh.body.contains("interval") && !fresh.body.contains("failure reason"), fresh.body.constData());

        // The running seeder's next announce is refused, it asks the UMS, and announces again.
        // It announces every 300 s (libtorrent's min_announce_interval); a provider that comes
        // back after an outage makes it re-announce at once, which brings the refusal now. While
        // the provider is down, a stand-in on its port drops what the peer sends, so the peer
        // has surely noticed the outage before the provider returns.
        const quint16 port = server.port();
        QCOMPARE(server.terminate(), 0);
        {
            QTcpServer standIn;
            QVERIFY(standIn.listen(QHostAddress::LocalHost, port));
            int dropped = 0;
            connect(&standIn, &QTcpServer::newConnection, &standIn, [&] {
                while (QTcpSocket *s = standIn.nextPendingConnection()) {
                    ++dropped;
                    s->abort();
                    s->deleteLater();
                }
            });
            QTRY_VERIFY_WITH_TIMEOUT(dropped > 0, 30000);
        }
        Mp2pdProcess restarted(dataDir);
        QVERIFY(m_bed.startServer(&restarted, {QStringLiteral("--port"), QString::number(port)}));
        const QJsonObject refused = seeder.waitForEvent(QStringLiteral("trackerError"), 60000);
        QVERIFY2(refused.value(QStringLiteral("message")).toString().contains(QStringLiteral("unknown passkey")),
                 seeder.allOutput().constData());
        QVERIFY2(!seeder.waitForEvent(QStringLiteral("announced"), 60000).isEmpty(), seeder.allOutput().constData());
        QTRY_COMPARE_WITH_TIMEOUT(http.get(peersUrl, testServiceToken()).json().value(QStringLiteral("peers")).toArray().size(), 1, 30000);

        // Bad uses: a clear message and the usual exit codes.
        PeerProcess noAction;
        noAction.start(QStringList{QStringLiteral("passkey")} + user);
        QVERIFY(noAction.waitForExit(15000));
        QCOMPARE(noAction.exitCode(), 2);
        QVERIFY2(noAction.allOutput().contains("show or rotate"), noAction.allOutput().constData());
        PeerProcess nobody;
        nobody.start(QStringList{QStringLiteral("passkey"), QStringLiteral("show")} + m_bed.peerArgs(server, QStringLiteral("nobody"), 72));
        QVERIFY(nobody.waitForExit(15000));
        QCOMPARE(nobody.exitCode(), 1);
        QVERIFY2(nobody.allOutput().contains("mp2p login"), nobody.allOutput().constData());
        QCOMPARE(restarted.terminate(), 0);
        PeerProcess away;
        away.start(QStringList{QStringLiteral("passkey"), QStringLiteral("show")} + user);
        QVERIFY(away.waitForExit(30000));
        QCOMPARE(away.exitCode(), 3);
    }
};

MP2P_TEST_GUILESS_MAIN(TestPeerTrust)
#include "tst_peer_trust.moc"
