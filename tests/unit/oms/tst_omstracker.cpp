#include "omsfixture.h"

#include <algorithm>

using namespace mp2p;
using namespace mp2p::test;

// The BitTorrent tracker form of OMP (/announce, /scrape), decoded the way a client would.
class TstOmsTracker : public QObject {
    Q_OBJECT

private:
    QByteArray m_hash = OmsFixture::hashOf("movie");

    // alice seeds from 127.1.0.1; bob leeches from 127.1.0.2 and 127.1.0.3.
    void populate(OmsFixture &f)
    {
        QCOMPARE(f.createOverlay(f.alice, m_hash), 201);
        QCOMPARE(f.announce(f.alice, OmsFixture::announceQuery(m_hash, OmsFixture::peerId('s'), "127.1.0.1", 6881, 0,
                                                                "&event=started")).status, 200);
        f.announce(f.bob, OmsFixture::announceQuery(m_hash, OmsFixture::peerId('a'), "127.1.0.2", 6882, 100));
        f.announce(f.bob, OmsFixture::announceQuery(m_hash, OmsFixture::peerId('b'), "127.1.0.3", 6883, 100));
    }

private Q_SLOTS:
    void compactAnnounceListsSeedsFirstAndNeverTheRequester()
    {
        OmsFixture f;
        populate(f);
        const HttpResponse r = f.announce(
            f.bob, OmsFixture::announceQuery(m_hash, OmsFixture::peerId('c'), "127.1.0.4", 6884, 100, "&compact=1"));
        QCOMPARE(r.status, 200);
        const QVariantMap reply = OmsFixture::decode(r);
        QVERIFY2(!reply.contains("failure reason"), reply.value("failure reason").toByteArray());
        QCOMPARE(reply.value("interval").toLongLong(), 120);
        QCOMPARE(reply.value("min interval").toLongLong(), 30);
        QCOMPARE(reply.value("complete").toLongLong(), 1);
        QCOMPARE(reply.value("incomplete").toLongLong(), 3);
        const QStringList peers = compactPeers(reply.value("peers").toByteArray());
        QCOMPARE(peers.size(), 3);
        QCOMPARE(peers.first(), QStringLiteral("127.1.0.1:6881"));  // the seed comes first
        QVERIFY(peers.contains("127.1.0.2:6882"));
        QVERIFY(peers.contains("127.1.0.3:6883"));
        QVERIFY(!peers.contains("127.1.0.4:6884"));
    }

    void nonCompactListWithAndWithoutPeerId()
    {
        OmsFixture f;
        populate(f);
        const QVariantMap reply = OmsFixture::decode(f.announce(
            f.bob, OmsFixture::announceQuery(m_hash, OmsFixture::peerId('a'), "127.1.0.2", 6882, 100, "&compact=0")));
        const QVariantList list = reply.value("peers").toList();
        QCOMPARE(list.size(), 2);  // the seed and the other leecher, not peer 'a' itself
        const QVariantMap first = list.first().toMap();
        QCOMPARE(first.value("ip").toByteArray(), QByteArray("127.1.0.1"));
        QCOMPARE(first.value("port").toLongLong(), 6881);
        QCOMPARE(first.value("peer id").toByteArray(), OmsFixture::peerId('s'));
        for (const QVariant &p : list)
            QVERIFY(p.toMap().value("peer id").toByteArray() != OmsFixture::peerId('a'));

        const QVariantMap bare = OmsFixture::decode(f.announce(
            f.bob, OmsFixture::announceQuery(m_hash, OmsFixture::peerId('a'), "127.1.0.2", 6882, 100,
                                             "&compact=0&no_peer_id=1")));
        QCOMPARE(bare.value("peers").toList().size(), 2);
        QVERIFY(!bare.value("peers").toList().first().toMap().contains("peer id"));
    }

    void seedGetsOnlyLeechersAndNumwantLimits()
    {
        OmsFixture f;
        populate(f);
        f.announce(f.alice, OmsFixture::announceQuery(m_hash, OmsFixture::peerId('t'), "127.1.0.9", 6889, 0));
        const QVariantMap reply = OmsFixture::decode(
            f.announce(f.alice, OmsFixture::announceQuery(m_hash, OmsFixture::peerId('s'), "127.1.0.1", 6881, 0)));
        const QStringList peers = compactPeers(reply.value("peers").toByteArray());
        QCOMPARE(peers.size(), 2);
        QVERIFY(!peers.contains("127.1.0.9:6889"));
        const QVariantMap one = OmsFixture::decode(f.announce(
            f.bob, OmsFixture::announceQuery(m_hash, OmsFixture::peerId('c'), "127.1.0.4", 6884, 5, "&numwant=1")));
        QCOMPARE(compactPeers(one.value("peers").toByteArray()).size(), 1);
    }

    void stoppedRemovesAndCompletedCounts()
    {
        OmsFixture f;
        populate(f);
        QVariantMap reply = OmsFixture::decode(f.announce(
            f.bob, OmsFixture::announceQuery(m_hash, OmsFixture::peerId('a'), "127.1.0.2", 6882, 0, "&event=completed")));
        QCOMPARE(reply.value("complete").toLongLong(), 2);
        QCOMPARE(reply.value("incomplete").toLongLong(), 1);
        reply = OmsFixture::decode(f.announce(
            f.bob, OmsFixture::announceQuery(m_hash, OmsFixture::peerId('b'), "127.1.0.3", 6883, 100, "&event=stopped")));
        QCOMPARE(reply.value("incomplete").toLongLong(), 0);
        QCOMPARE(reply.value("peers").toByteArray().size(), 0);
        reply = OmsFixture::decode(
            f.announce(f.bob, OmsFixture::announceQuery(m_hash, OmsFixture::peerId('c'), "127.1.0.4", 6884, 100)));
        const QStringList peers = compactPeers(reply.value("peers").toByteArray());
        QCOMPARE(peers.size(), 2);
        QVERIFY(!peers.contains("127.1.0.3:6883"));

        const QByteArray scrape = f.anonymous().get("/scrape/" + f.passkeyOf(f.alice).toLatin1() + "?info_hash=" + m_hash.toPercentEncoding()).body;
        const QVariantMap files = OmsFixture::decode(HttpResponse::raw("", scrape)).value("files").toMap();
        const QVariantMap counts = files.value(QString::fromLatin1(m_hash)).toMap();
        QCOMPARE(counts.value("complete").toLongLong(), 2);
        QCOMPARE(counts.value("incomplete").toLongLong(), 1);
        QCOMPARE(counts.value("downloaded").toLongLong(), 1);
    }

    void peersExpireAfterTheTtl()
    {
        OmsFixture f(QJsonObject{{"announceIntervalSecs", 60}});  // TTL = 2 * 60 + 30
        populate(f);
        QCOMPARE(f.service->health().value("peers").toInt(), 3);
        f.now += 100;
        f.announce(f.alice, OmsFixture::announceQuery(m_hash, OmsFixture::peerId('s'), "127.1.0.1", 6881, 0));
        f.now += 60;  // 160 s after bob's peers last announced, 60 s after alice's
        QVariantMap reply = OmsFixture::decode(
            f.announce(f.bob, OmsFixture::announceQuery(m_hash, OmsFixture::peerId('c'), "127.1.0.4", 6884, 100)));
        QCOMPARE(reply.value("complete").toLongLong(), 1);
        QCOMPARE(reply.value("incomplete").toLongLong(), 1);
        QCOMPARE(compactPeers(reply.value("peers").toByteArray()), QStringList{"127.1.0.1:6881"});
        f.now += 151;
        QCOMPARE(f.service->sweepExpiredPeers(), 2);
        QCOMPARE(f.service->health().value("peers").toInt(), 0);
    }

    void failuresAreBencodedReasons_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("expected");
        const QByteArray id = OmsFixture::peerId('z');
        const QString good = OmsFixture::announceQuery(m_hash, id, "127.0.0.5", 7000, 1);
        QTest::newRow("19-byte info_hash")
            << OmsFixture::announceQuery(m_hash.left(19), id, "127.0.0.5", 7000, 1) << "info_hash";
        QTest::newRow("unknown overlay")
            << OmsFixture::announceQuery(OmsFixture::hashOf("nope"), id, "127.0.0.5", 7000, 1) << "unknown overlay";
        QTest::newRow("short peer_id") << OmsFixture::announceQuery(m_hash, id.left(19), "127.0.0.5", 7000, 1)
                                       << "peer_id";
        QTest::newRow("port 0") << OmsFixture::announceQuery(m_hash, id, "127.0.0.5", 0, 1) << "port";
        QTest::newRow("port too big") << OmsFixture::announceQuery(m_hash, id, "127.0.0.5", 70000, 1) << "port";
        QTest::newRow("port text") << QString(good).replace("port=7000", "port=abc") << "port";
        QTest::newRow("negative left") << QString(good).replace("left=1", "left=-1") << "left";
        QTest::newRow("bad event") << good + "&event=bogus" << "event";
        QTest::newRow("bad ip") << QString(good).replace("ip=127.0.0.5", "ip=example.org") << "ip";
    }

    void failuresAreBencodedReasons()
    {
        QFETCH(QString, query);
        QFETCH(QString, expected);
        OmsFixture f;
        QCOMPARE(f.createOverlay(f.alice, m_hash), 201);
        const HttpResponse r = f.announce(f.bob, query);
        QCOMPARE(r.status, 200);
        const QString reason = QString::fromUtf8(OmsFixture::decode(r).value("failure reason").toByteArray());
        QVERIFY2(reason.contains(expected), qPrintable(reason));
        QCOMPARE(f.service->health().value("peers").toInt(), 0);
    }

    void passkeyIsRequiredAndChecked()
    {
        OmsFixture f;
        QCOMPARE(f.createOverlay(f.alice, m_hash), 201);
        const QString q = OmsFixture::announceQuery(m_hash, OmsFixture::peerId('z'), "127.0.0.5", 7000, 1);
        QString reason = OmsFixture::decode(f.anonymous().get("/announce?" + q)).value("failure reason").toString();
        QVERIFY2(reason.contains("missing passkey"), qPrintable(reason));
        reason = OmsFixture::decode(f.anonymous().get("/announce/" + QString(64, u'a') + "?" + q)).value("failure reason").toString();
        QVERIFY2(reason.contains("unknown passkey"), qPrintable(reason));
        // A valid bearer token is not a tracker credential: neither in the path nor as ?token=.
        reason = OmsFixture::decode(f.anonymous().get("/announce/" + f.bob.token + "?" + q)).value("failure reason").toString();
        QVERIFY2(reason.contains("unknown passkey"), qPrintable(reason));
        reason = OmsFixture::decode(f.anonymous().get("/announce?token=" + f.bob.token + "&" + q)).value("failure reason").toString();
        QVERIFY2(reason.contains("missing passkey"), qPrintable(reason));
        QCOMPARE(f.service->health().value("peers").toInt(), 0);
        // Scrapes need the passkey too.
        reason = OmsFixture::decode(f.anonymous().get("/scrape?info_hash=" + QString::fromLatin1(m_hash.toPercentEncoding())))
                     .value("failure reason").toString();
        QVERIFY2(reason.contains("missing passkey"), qPrintable(reason));
        const QVariantMap ok = OmsFixture::decode(f.anonymous().get("/announce/" + f.passkeyOf(f.bob) + "?" + q));
        QVERIFY(!ok.contains("failure reason"));
        QCOMPARE(ok.value("incomplete").toLongLong(), 1);
    }

    void peerIdOfAnotherUserIsRefused()
    {
        OmsFixture f;
        populate(f);
        const QVariantMap reply = OmsFixture::decode(f.announce(
            f.alice, OmsFixture::announceQuery(m_hash, OmsFixture::peerId('a'), "127.0.0.9", 1, 0, "&event=stopped")));
        QVERIFY(reply.value("failure reason").toString().contains("another user"));
        QCOMPARE(f.service->health().value("peers").toInt(), 3);
    }

    void ipParameterOnlyFromLoopbackOrWhenTrusted()
    {
        for (const bool trusted : {false, true}) {
            OmsFixture f(QJsonObject{{"trustIpParameter", trusted}});
            QCOMPARE(f.createOverlay(f.alice, m_hash), 201);
            const QUrl url("http://x/announce/" + f.passkeyOf(f.alice) + "?"
                           + OmsFixture::announceQuery(m_hash, OmsFixture::peerId('r'), "10.9.9.9", 7000, 1));
            HttpRequest request;
            request.path = url.path();
            request.rawQuery = url.query(QUrl::FullyEncoded).toLatin1();
            request.query = QUrlQuery(url);
            request.remoteAddress = QHostAddress(QStringLiteral("::ffff:203.0.113.7"));
            QCOMPARE(f.router->dispatch(request).status, 200);
            const QVariantMap reply = OmsFixture::decode(f.announce(
                f.bob, OmsFixture::announceQuery(m_hash, OmsFixture::peerId('q'), "127.0.0.2", 7001, 1)));
            const QStringList peers = compactPeers(reply.value("peers").toByteArray());
            QCOMPARE(peers, QStringList{trusted ? QStringLiteral("10.9.9.9:7000") : QStringLiteral("203.0.113.7:7000")});
        }
    }

    void ipv6PeersGoToPeers6()
    {
        OmsFixture f;
        QCOMPARE(f.createOverlay(f.alice, m_hash), 201);
        f.announce(f.alice, OmsFixture::announceQuery(m_hash, OmsFixture::peerId('6'), "2001:db8::1", 6881, 0));
        const QVariantMap reply = OmsFixture::decode(
            f.announce(f.bob, OmsFixture::announceQuery(m_hash, OmsFixture::peerId('4'), "127.0.0.2", 6882, 1)));
        QCOMPARE(reply.value("peers").toByteArray().size(), 0);
        const QByteArray v6 = reply.value("peers6").toByteArray();
        QCOMPARE(v6.size(), 18);
        QCOMPARE(QHostAddress(reinterpret_cast<const quint8 *>(v6.constData())), QHostAddress("2001:db8::1"));
        QCOMPARE((uchar(v6.at(16)) << 8) | uchar(v6.at(17)), 6881);
    }

    void hybridTorrentsV2HashJoinsTheSameSwarm()
    {
        OmsFixture f;
        const QByteArray v2 = QCryptographicHash::hash("movie", QCryptographicHash::Sha256);
        QCOMPARE(f.as(f.alice).post("/oms/v1/overlays", {{"overlayId", OmsFixture::hexOf(m_hash)},
                                                         {"infoHashV2", OmsFixture::hexOf(v2)},
                                                         {"name", "hybrid"}}).status, 201);
        f.announce(f.alice, OmsFixture::announceQuery(m_hash, OmsFixture::peerId('s'), "127.1.0.1", 6881, 0));
        const QVariantMap reply = OmsFixture::decode(
            f.announce(f.bob, OmsFixture::announceQuery(v2.left(20), OmsFixture::peerId('l'), "127.1.0.2", 6882, 9)));
        QCOMPARE(compactPeers(reply.value("peers").toByteArray()), QStringList{"127.1.0.1:6881"});
    }

    void scrapeCountsSeveralHashes()
    {
        OmsFixture f;
        populate(f);
        // A hash of 7-bit bytes: see binaryScrapeKeys for hashes with bytes >= 0x80.
        const QByteArray other("0123456789abcdefghij");
        QCOMPARE(f.createOverlay(f.bob, other), 201);
        const HttpResponse r = f.anonymous().get("/scrape/" + f.passkeyOf(f.alice).toLatin1() + "?info_hash=" + m_hash.toPercentEncoding() + "&info_hash="
                                                 + other.toPercentEncoding() + "&info_hash="
                                                 + OmsFixture::hashOf("unknown").toPercentEncoding());
        const QVariantMap files = OmsFixture::decode(r).value("files").toMap();
        QCOMPARE(files.size(), 2);
        QCOMPARE(files.value(QString::fromLatin1(m_hash)).toMap().value("incomplete").toLongLong(), 2);
        QCOMPARE(files.value(QString::fromLatin1(other)).toMap().value("complete").toLongLong(), 0);
        QVERIFY(r.body.contains("20:" + other));
        const QString reason = OmsFixture::decode(f.anonymous().get("/scrape/" + f.passkeyOf(f.alice) + "?info_hash=abc")).value("failure reason").toString();
        QVERIFY(reason.contains("info_hash"));
        QVERIFY(OmsFixture::decode(f.anonymous().get("/scrape/" + f.passkeyOf(f.alice))).contains("failure reason"));
    }

    void binaryScrapeKeys()
    {
        OmsFixture f;
        populate(f);
        QVERIFY(std::any_of(m_hash.begin(), m_hash.end(), [](char c) { return uchar(c) >= 0x80; }));
        const HttpResponse r = f.anonymous().get("/scrape/" + f.passkeyOf(f.alice).toLatin1() + "?info_hash=" + m_hash.toPercentEncoding());
        QVERIFY(r.body.contains("20:" + m_hash));
    }
};

QTEST_GUILESS_MAIN(TstOmsTracker)
#include "tst_omstracker.moc"
