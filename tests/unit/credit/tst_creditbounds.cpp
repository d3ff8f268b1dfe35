// Credit bounded by real transfers: a receipt counts only when the OMS saw both users in the
// overlay's swarm when it was signed, and only for content whose size the index knows. The
// swarm registry here is the OMS's own, wired the way the host wires it.
#include "creditfixture.h"

#include <p2psp/oms/presencestore.h>
#include <p2psp/oms/swarmregistry.h>

#include <QTemporaryDir>

using namespace mp2p;
using namespace mp2p::test;

namespace {

constexpr qint64 Ttl = 270;

SwarmPeer peerOf(const TestUser &u, qint64 now, char id)
{
    SwarmPeer p;
    p.peerId = QByteArray(20, id);
    p.userId = u.userId;
    p.address = QHostAddress(QStringLiteral("127.0.0.5"));
    p.port = 6881;
    p.lastSeen = now;
    return p;
}

// The OMS's registry with one overlay, wired into the PAMS as the host does.
struct BoundedCredit : CreditFixture {
    SwarmRegistry swarms{Ttl};
    QByteArray key = QByteArray::fromHex(overlay.toLatin1());
    std::optional<qint64> size = 1'000'000;

    BoundedCredit()
    {
        swarms.addOverlay(key);
        wire();
    }
    void wire()
    {
        OverlayFacts facts;
        facts.overlayKnown = [this](const QString &id) { return swarms.hasOverlay(QByteArray::fromHex(id.toLatin1())); };
        facts.contentSize = [this](const QString &id) { return id == overlay ? size : std::nullopt; };
        facts.requireContentSize = true;
        facts.coPresent = [this](const QString &id, const QString &d, const QString &u, qint64 time) {
            return swarms.wereTogether(QByteArray::fromHex(id.toLatin1()), d, u, time);
        };
        service->setOverlayFacts(std::move(facts));
    }
    void announce(const TestUser &u, char id, PeerEvent event = PeerEvent::Started)
    {
        QCOMPARE(swarms.announce(key, peerOf(u, now, id), event, 0).status, SwarmStatus::Ok);
    }
};

} // namespace

class TestCreditBounds : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The attack: two accounts that never announced in the overlay sign for each other. However
    // plausible the report, nothing is credited, and the attempt is logged.
    void strangersToTheSwarmEarnNothing()
    {
        BoundedCredit f;
        const TestUser a = f.user(), b = f.user();
        f.reportDownloaded(b, 1'000'000);
        expectRejected(f.redeem(a, {f.receipt(b, a, 1, 1'000'000)}), 0, QStringLiteral("not_in_swarm"));
        // Only one of them joined: still nothing.
        f.announce(a, 'a');
        expectRejected(f.redeem(a, {f.receipt(b, a, 2, 1'000'000)}), 0, QStringLiteral("not_in_swarm"));
        QCOMPARE(f.balance(a), 0);
        QCOMPARE(f.rejections(a), QStringList(2, QStringLiteral("not_in_swarm")));
        // Both joined: the same claim counts, exactly.
        f.announce(b, 'b');
        QCOMPARE(result(f.redeem(a, {f.receipt(b, a, 3, 1'000'000)}), 0).value("credited").toInteger(), 1'000'000);
        QCOMPARE(f.balance(a), 1'000'000);
    }

    // A receipt signed outside the time both were present does not count; inside (within one
    // peer TTL of an announce, for announces between intervals and clock skew) it does.
    void receiptMustFallInTheSharedWindow()
    {
        BoundedCredit f;
        const TestUser a = f.user(), b = f.user();
        f.reportDownloaded(b, 900'000);
        f.announce(a, 'a');
        f.announce(b, 'b');
        Receipt before = f.receipt(b, a, 1, 100);
        before.fields.time = f.now - Ttl - 1;
        before = signReceipt(b.key, before.fields);
        expectRejected(f.redeem(a, {before}), 0, QStringLiteral("not_in_swarm"));
        Receipt after = f.receipt(b, a, 2, 100);
        after.fields.time = f.now + Ttl + 1;
        after = signReceipt(b.key, after.fields);
        expectRejected(f.redeem(a, {after}), 0, QStringLiteral("not_in_swarm"));
        Receipt justAfter = f.receipt(b, a, 3, 200);
        justAfter.fields.time = f.now + Ttl;
        justAfter = signReceipt(b.key, justAfter.fields);
        QCOMPARE(result(f.redeem(a, {justAfter}), 0).value("credited").toInteger(), 200);
        // A later refresh extends the window; a stop still counts as a sighting.
        f.now += 1000;
        f.announce(a, 'a', PeerEvent::None);
        f.announce(b, 'b', PeerEvent::Stopped);
        QCOMPARE(result(f.redeem(a, {f.receipt(b, a, 4, 900'000)}), 0).value("credited").toInteger(), 899'800);
    }

    // Without a content record the size is unknown and nothing bounds the claim: refused.
    void unknownContentEarnsNothing()
    {
        BoundedCredit f;
        f.size.reset();
        const TestUser a = f.user(), b = f.user();
        f.announce(a, 'a');
        f.announce(b, 'b');
        f.reportDownloaded(b, 5'000);
        expectRejected(f.redeem(a, {f.receipt(b, a, 1, 5'000)}), 0, QStringLiteral("unknown_content"));
        QCOMPARE(f.balance(a), 0);
        // Once the index knows the size, the same receipt counts.
        f.size = 10'000;
        QCOMPARE(result(f.redeem(a, {f.receipt(b, a, 1, 5'000)}), 0).value("credited").toInteger(), 5'000);
    }

    // A relay (RS) never joins swarms: only its downloader must have been there.
    void relayReceiptsNeedTheDownloaderInTheSwarm()
    {
        BoundedCredit f;
        const TestUser down = f.user(), rs = f.user();
        f.reportDownloaded(down, 4'000);
        expectRejected(f.deposit(down, {f.relayReceipt(down, rs, 1, 4'000)}), 0, QStringLiteral("not_in_swarm"));
        f.announce(down, 'd');
        QCOMPARE(result(f.deposit(down, {f.relayReceipt(down, rs, 2, 4'000)}), 0).value("credited").toInteger(), 4'000);
        QCOMPARE(f.balance(rs), 4'000);
    }

    // Presence is memory only: after an OMS restart (a new registry) receipts are refused until
    // both users announce again, then counted in full (receipts are cumulative).
    // Without the OMS's store (a registry alone), a restart loses the record.
    void presenceIsLostOnRestartUntilBothReannounce()
    {
        BoundedCredit f;
        const TestUser a = f.user(), b = f.user();
        f.reportDownloaded(b, 3'000);
        f.announce(a, 'a');
        f.announce(b, 'b');
        const Receipt signedBefore = f.receipt(b, a, 1, 3'000);
        f.swarms.removeOverlay(f.key);  // what a restart loses
        f.swarms.addOverlay(f.key);
        expectRejected(f.redeem(a, {signedBefore}), 0, QStringLiteral("not_in_swarm"));
        f.now += 10 * Ttl;
        f.announce(a, 'a');
        f.announce(b, 'b');
        expectRejected(f.redeem(a, {signedBefore}), 0, QStringLiteral("not_in_swarm"));  // signed before they were back
        QCOMPARE(result(f.redeem(a, {f.receipt(b, a, 2, 3'000)}), 0).value("credited").toInteger(), 3'000);
    }

    // With it (what OmsService does: save the changed sightings on its sweep and at stop, load
    // them at start), a receipt signed before the restart still counts after it, and the
    // stored rows are purged after the window.
    void presenceSurvivesRestartThroughTheStore()
    {
        BoundedCredit f;
        const TestUser a = f.user(), b = f.user();
        f.reportDownloaded(b, 3'000);
        f.announce(a, 'a');
        f.announce(b, 'b');
        const Receipt signedBefore = f.receipt(b, a, 1, 3'000);
        QTemporaryDir dir;
        QString error;
        {
            PresenceStore store;
            QVERIFY2(store.open(dir.path(), &error), qPrintable(error));
            const QList<PresenceSighting> changed = f.swarms.takeChangedPresence();
            QCOMPARE(changed.size(), 2);
            QVERIFY(f.swarms.takeChangedPresence().isEmpty());  // each change once
            QVERIFY2(store.save(changed, f.now - f.swarms.presenceWindow(), &error), qPrintable(error));
        }
        f.swarms.removeOverlay(f.key);  // the restart
        f.swarms.addOverlay(f.key);
        PresenceStore store;
        QVERIFY2(store.open(dir.path(), &error), qPrintable(error));
        const auto loaded = store.load(f.now - f.swarms.presenceWindow(), &error);
        QVERIFY2(loaded, qPrintable(error));
        f.swarms.restorePresence(*loaded, f.now);
        QCOMPARE(result(f.redeem(a, {signedBefore}), 0).value("credited").toInteger(), 3'000);
        // Bounded: past the window the rows are purged.
        QVERIFY(store.save({}, f.now + 1, &error));
        QCOMPARE(store.load(0, &error)->size(), 0);
    }

    // The record is bounded: sightings older than the window are dropped by the sweep, and a
    // full swarm drops the longest-gone user first.
    void presenceRecordIsBounded()
    {
        SwarmRegistry r(Ttl);
        const QByteArray key(20, 'k');
        r.addOverlay(key);
        r.setPresenceWindow(1000);
        SwarmPeer p;
        p.peerId = QByteArray(20, 'p');
        p.userId = QStringLiteral("u1");
        p.lastSeen = 100;
        QCOMPARE(r.announce(key, p, PeerEvent::Started, 0).status, SwarmStatus::Ok);
        QVERIFY(r.presence(key, QStringLiteral("u1")));
        QCOMPARE(r.presence(key, QStringLiteral("u1"))->firstSeen, 100);
        r.sweep(1100);
        QVERIFY(r.presence(key, QStringLiteral("u1")));  // last seen exactly at the window's edge
        r.sweep(1101);
        QVERIFY(!r.presence(key, QStringLiteral("u1")));
        QVERIFY(!r.wereTogether(key, QStringLiteral("u1"), {}, 100));

        // Fill one swarm to the cap within the window; the next user evicts the oldest sighting.
        r.setPresenceWindow(1'000'000);
        for (int i = 0; i < SwarmRegistry::MaxPresencePerSwarm; ++i) {
            SwarmPeer q;
            q.peerId = QByteArray::number(i).rightJustified(20, '0');
            q.userId = QStringLiteral("user%1").arg(i);
            q.lastSeen = 2000 + i;
            QCOMPARE(r.announce(key, q, i % 2 ? PeerEvent::Stopped : PeerEvent::Started, 0).status, SwarmStatus::Ok);
        }
        SwarmPeer last;
        last.peerId = QByteArray(20, 'z');
        last.userId = QStringLiteral("newcomer");
        last.lastSeen = 2000 + SwarmRegistry::MaxPresencePerSwarm;
        QCOMPARE(r.announce(key, last, PeerEvent::Started, 0).status, SwarmStatus::Ok);
        QVERIFY(r.presence(key, QStringLiteral("newcomer")));
        QVERIFY(!r.presence(key, QStringLiteral("user0")));
        QVERIFY(r.presence(key, QStringLiteral("user1")));
    }
};

QTEST_GUILESS_MAIN(TestCreditBounds)
#include "tst_creditbounds.moc"
