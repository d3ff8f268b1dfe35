#include <user/credit/receiptbook.h>
#include <user/credit/receiptexchange.h>
#include <user/credit/relaydirectory.h>

#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace mp2p;

// The downloader's side of relay credit (issue 7): which endpoints are relayed addresses of
// which RS owner (from the OMS peer list), the separate relay counters and receipts in the
// exchange, and their persistence in receipts.db.
class TestRelayDirectory : public QObject {
    Q_OBJECT

private:
    const QString overlay = QString(40, QLatin1Char('a'));
    const QString owner = QString(40, QLatin1Char('b'));
    const QString owner2 = QString(40, QLatin1Char('c'));

    static QJsonObject peer(const QJsonValue &ip, const QJsonValue &port, const QJsonValue &relay = QJsonValue::Undefined)
    {
        QJsonObject p{{"userId", QString(40, QLatin1Char('d'))}, {"ip", ip}, {"port", port}, {"seed", true}};
        if (!relay.isUndefined())
            p.insert("relay", relay);
        return p;
    }
    static QJsonObject relay(const QJsonValue &owner) { return {{"resourceId", "rs-1"}, {"owner", owner}}; }

private Q_SLOTS:
    void initTestCase() { QVERIFY(initCrypto()); }

    void mapsRelayedEndpointsFromThePeerList()
    {
        RelayDirectory d;
        const quint64 before = d.generation();
        const QJsonObject list{{"peers", QJsonArray{peer("127.1.0.9", 49160, relay(owner)),
                                                    peer("127.1.0.2", 26881),  // an ordinary peer
                                                    peer("127.2.0.9", 49161, relay(owner2))}}};
        const RelayDirectory::Update u = d.updateFromPeerList(overlay, list);
        QCOMPARE(u.relays, 2);
        QCOMPARE(u.ignored, 0);
        QVERIFY(d.generation() > before);
        QCOMPARE(d.ownerOf(QHostAddress("127.1.0.9"), 49160).value_or(QString()), owner);
        QCOMPARE(d.ownerOf(QHostAddress("127.2.0.9"), 49161).value_or(QString()), owner2);
        // libtorrent may report IPv4 peers as IPv4-mapped IPv6.
        QCOMPARE(d.ownerOf(QHostAddress("::ffff:127.1.0.9"), 49160).value_or(QString()), owner);
        QVERIFY(!d.ownerOf(QHostAddress("127.1.0.9"), 49161));  // same ip, other port
        QVERIFY(!d.ownerOf(QHostAddress("127.1.0.2"), 26881));

        // A newer list replaces the overlay's entries; an unchanged one changes nothing.
        const quint64 g = d.generation();
        d.updateFromPeerList(overlay, list);
        QCOMPARE(d.generation(), g);
        d.updateFromPeerList(overlay, QJsonObject{{"peers", QJsonArray{peer("127.1.0.9", 49160, relay(owner))}}});
        QVERIFY(!d.ownerOf(QHostAddress("127.2.0.9"), 49161));
        QCOMPARE(d.size(), 1);
        d.forgetOverlay(overlay);
        QCOMPARE(d.size(), 0);
    }

    void ignoresBadEntries()
    {
        RelayDirectory d;
        const QJsonArray peers{
            peer("127.1.0.9", 49160, relay(owner)),             // the one good entry
            peer("not an ip", 49160, relay(owner)),
            peer(QJsonValue(), 49160, relay(owner)),
            peer("127.1.0.9", 0, relay(owner)),
            peer("127.1.0.9", 70000, relay(owner)),
            peer("127.1.0.9", "49160", relay(owner)),
            peer("127.1.0.9", 49.5, relay(owner)),
            peer("127.1.0.9", -1, relay(owner)),
            peer("127.1.0.8", 1, relay(owner.toUpper())),
            peer("127.1.0.8", 2, relay(owner.left(39))),
            peer("127.1.0.8", 3, relay(QString(40, QLatin1Char('z')))),
            peer("127.1.0.8", 4, relay(12345)),
            peer("127.1.0.8", 5, relay(QJsonValue())),
            peer("127.1.0.8", 6, "relay as a string"),
            peer("127.1.0.8", 7, QJsonArray{owner}),
            peer("127.1.0.8", 8, QJsonObject{}),
        };
        QJsonArray withJunk = peers;
        withJunk.append(42);
        withJunk.append("peer");
        withJunk.append(QJsonValue::Null);
        const RelayDirectory::Update u = d.updateFromPeerList(overlay, QJsonObject{{"peers", withJunk}});
        QCOMPARE(u.relays, 1);
        QCOMPARE(u.ignored, int(peers.size()) - 1);
        QCOMPARE(d.size(), 1);
        QCOMPARE(d.ownerOf(QHostAddress("127.1.0.9"), 49160).value_or(QString()), owner);

        // Bodies that are not peer lists at all.
        for (const QJsonObject &body : {QJsonObject{}, QJsonObject{{"peers", "x"}}, QJsonObject{{"peers", 3}},
                                        QJsonObject{{"error", "unknown_overlay"}}}) {
            const RelayDirectory::Update none = d.updateFromPeerList(QString(40, QLatin1Char('e')), body);
            QCOMPARE(none.relays, 0);
        }
        QCOMPARE(d.size(), 1);

        // Junk through the relayed side's API is refused too.
        d.setConnectionRelay(QHostAddress(), 1, owner);
        d.setConnectionRelay(QHostAddress("127.0.0.1"), 1, QStringLiteral("nothex"));
        QCOMPARE(d.size(), 1);
    }

    void connectionsOfTheRelayedSide()
    {
        RelayDirectory d;
        d.setConnectionRelay(QHostAddress("127.0.0.1"), 40001, owner);
        QCOMPARE(d.ownerOf(QHostAddress("127.0.0.1"), 40001).value_or(QString()), owner);
        d.forgetConnection(QHostAddress("127.0.0.1"), 40001);
        QVERIFY(!d.ownerOf(QHostAddress("127.0.0.1"), 40001));
    }

    // The exchange counts relay bytes apart from the same user's direct uploads and signs
    // relay receipts (role RS) into the outbox.
    void exchangeSignsRelayReceiptsApart()
    {
        ReceiptExchange x;
        const KeyPair me = KeyPair::generate();
        x.setIdentity(me, PeerType::Peer);
        auto directory = std::make_shared<RelayDirectory>();
        directory->setConnectionRelay(QHostAddress("127.1.0.9"), 49160, owner);
        x.setAttribution([directory](const QHostAddress &a, quint16 p, const ReceiptHello &) -> std::optional<UploaderAttribution> {
            const auto o = directory->ownerOf(a, p);
            return o ? std::optional<UploaderAttribution>(UploaderAttribution{*o, PeerType::Peer}) : std::nullopt;
        });
        const ReceiptHello hello{owner, {}, PeerType::Peer, 17};
        QVERIFY(!x.relayAttribution(QHostAddress("127.1.0.2"), 1, hello));
        const auto rs = x.relayAttribution(QHostAddress("127.1.0.9"), 49160, hello);
        QVERIFY(rs);
        QCOMPARE(rs->userId, owner);
        QCOMPARE(rs->role, PeerType::RelayServer);  // forced, whatever the hook says

        const UploaderAttribution direct = ReceiptExchange::attribute(hello);
        x.addReceived(direct, overlay, 3000);
        x.addReceived(*rs, overlay, 1000);
        const auto d = x.signIfDue(direct, overlay, 10'000, true);
        const auto r = x.signIfDue(*rs, overlay, 10'000, true);
        QVERIFY(d && r);
        QCOMPARE(d->fields.bytes, 3000);
        QCOMPARE(d->fields.uploaderRole, PeerType::Peer);
        QCOMPARE(r->fields.bytes, 1000);
        QCOMPARE(r->fields.uploaderRole, PeerType::RelayServer);
        QCOMPARE(r->fields.uploaderId, owner);
        QVERIFY(isValidReceipt(*r));
        x.deliverToRelay(*r);
        QCOMPARE(x.takeRelayOutbox().size(), 1);
        QCOMPARE(x.takeRelayOutbox().size(), 0);
        const QList<IssuedState> changes = x.takeIssuedChanges();
        QCOMPARE(changes.size(), 2);

        // A restart continues both counters from what was saved.
        ReceiptExchange y;
        y.setIdentity(me, PeerType::Peer);
        y.restoreIssued(changes);
        y.addReceived(*rs, overlay, 500);
        const auto r2 = y.signIfDue(*rs, overlay, 20'000, true);
        QVERIFY(r2);
        QCOMPARE(r2->fields.bytes, 1500);
        QVERIFY(r2->fields.sequence > r->fields.sequence);
    }

    // A fast transfer can be over before the OMS list naming its relay arrives: the closed
    // connection's bytes wait, and the relay is credited once the directory knows it.
    void connectionsClosedBeforeTheListAreCreditedLate()
    {
        ReceiptExchange x;
        x.setIdentity(KeyPair::generate(), PeerType::Peer);
        auto directory = std::make_shared<RelayDirectory>();
        x.setAttribution([directory](const QHostAddress &a, quint16 p, const ReceiptHello &) -> std::optional<UploaderAttribution> {
            const auto o = directory->ownerOf(a, p);
            return o ? std::optional<UploaderAttribution>(UploaderAttribution{*o, PeerType::RelayServer}) : std::nullopt;
        });
        const QString uploader = QString(40, QLatin1Char('d'));
        const ReceiptHello hello{uploader, {}, PeerType::Peer, 17};
        const QString other = QString(40, QLatin1Char('e'));
        const qint64 t0 = 1'000'000;
        x.rememberUnattributed(QHostAddress("127.2.0.7"), 40001, overlay, hello, 6'291'456, t0);  // through the relay
        x.rememberUnattributed(QHostAddress("127.1.0.3"), 6881, overlay, hello, 1'000, t0);       // a direct one
        x.rememberUnattributed(QHostAddress("127.2.0.7"), 40002, other, hello, 5'000, t0);        // another overlay
        QCOMPARE(x.overlaysAwaitingAttribution(t0 + 1000), (QStringList{overlay, other}));
        QCOMPARE(x.attributeLate(t0 + 1000), 0);  // the list has not come yet: nothing is lost
        QVERIFY(x.takeRelayOutbox().isEmpty());

        // The OMS list arrives: N is at the RS's relayed address 127.2.0.7:40001.
        directory->updateFromPeerList(overlay, QJsonObject{{"peers", QJsonArray{peer("127.2.0.7", 40001, relay(owner))}}});
        QCOMPARE(x.attributeLate(t0 + 2000), 1);
        const QList<Receipt> out = x.takeRelayOutbox();
        QCOMPARE(out.size(), 1);
        QCOMPARE(out.first().fields.uploaderId, owner);
        QCOMPARE(out.first().fields.uploaderRole, PeerType::RelayServer);
        QCOMPARE(out.first().fields.bytes, 6'291'456);
        QCOMPARE(out.first().fields.overlayId, overlay);
        QVERIFY(isValidReceipt(out.first()));
        QCOMPARE(x.attributeLate(t0 + 3000), 0);  // credited once
        QVERIFY(x.takeRelayOutbox().isEmpty());

        // A relay owned by the uploader itself earns nothing extra; what never matches expires.
        directory->updateFromPeerList(other, QJsonObject{{"peers", QJsonArray{peer("127.2.0.7", 40002, relay(uploader))}}});
        QCOMPARE(x.attributeLate(t0 + 4000), 0);
        QCOMPARE(x.overlaysAwaitingAttribution(t0 + 4000), (QStringList{overlay, other}));
        QVERIFY(x.overlaysAwaitingAttribution(t0 + ReceiptExchange::LateAttributionMs + 1).isEmpty());
        QCOMPARE(x.attributeLate(t0 + ReceiptExchange::LateAttributionMs + 1), 0);
    }

    // Only overlays still downloading have their peer lists followed.
    void activeOverlaysAreTheDownloadingOnes()
    {
        ReceiptExchange x;
        const QString other = QString(40, QLatin1Char('f'));
        x.overlayOpened(overlay);
        x.overlayOpened(other);
        const QStringList both = x.activeOverlays();
        QCOMPARE(QSet<QString>(both.cbegin(), both.cend()), (QSet<QString>{overlay, other}));
        x.setOverlayComplete(other, true);
        QCOMPARE(x.activeOverlays(), QStringList{overlay});
        x.setOverlayComplete(other, false);  // e.g. a file was re-selected
        QCOMPARE(x.activeOverlays().size(), 2);
        x.overlayClosed(overlay);
        x.overlayClosed(other);
        x.overlayClosed(other);  // unbalanced close: harmless
        x.setOverlayComplete(overlay, true);
        QVERIFY(x.activeOverlays().isEmpty());
    }

    void receiptBookKeepsRelayReceiptsApart()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("receipts.db");
        const KeyPair me = KeyPair::generate();
        ReceiptFields f;
        f.overlayId = overlay;
        f.uploaderId = owner;
        f.uploaderRole = PeerType::RelayServer;
        f.sequence = 5;
        f.bytes = 4096;
        f.time = 1'700'000'000;
        const Receipt relayReceipt = signReceipt(me, f);
        {
            ReceiptBook book(path);
            QString error;
            QVERIFY2(book.open(&error), qPrintable(error));
            QVERIFY(book.storeReceived({relayReceipt}, 100, &error, ReceiptTable::Relay));
            IssuedState direct{owner, overlay, false, 7, 9000, 9000, 0};
            IssuedState relay{owner, overlay, true, 5, 4096, 4096, 0};
            QVERIFY2(book.storeIssued({direct, relay}, &error), qPrintable(error));
        }
        ReceiptBook book(path);
        QString error;
        QVERIFY(book.open(&error));
        const auto issued = book.issued(&error);
        QVERIFY(issued);
        QCOMPARE(issued->size(), 2);
        for (const IssuedState &s : *issued)
            QCOMPARE(s.bytesSigned, s.relay ? 4096 : 9000);
        QCOMPARE(book.held(&error)->size(), 0);  // not a receipt we hold as uploader
        QCOMPARE(book.pending(200, 150, 10, &error)->size(), 0);
        const auto pending = book.pending(200, 150, 10, &error, ReceiptTable::Relay);
        QVERIFY(pending);
        QCOMPARE(pending->size(), 1);
        QVERIFY(isValidReceipt(pending->first()));
        QVERIFY(book.recordOutcomes({{relayReceipt.fields.downloaderId, owner,
                                      overlay, 5, true, 4096, {}, 0}},
                                    &error, ReceiptTable::Relay));
        QCOMPARE(book.pending(200, 150, 10, &error, ReceiptTable::Relay)->size(), 0);
        const auto s = book.summary(&error);
        QVERIFY(s);
        QCOMPARE(s->relayBytesSigned, 4096);
        QCOMPARE(s->relayCredited, 4096);
        QCOMPARE(s->relayPending, 0);
        QCOMPARE(s->receiptsHeld, 0);
        QCOMPARE(s->bytesSigned, 9000);
    }
};

QTEST_GUILESS_MAIN(TestRelayDirectory)
#include "tst_relaydirectory.moc"
