#include "creditfixture.h"

#include <base/database.h>

#include <QTemporaryDir>

using namespace mp2p;
using namespace mp2p::test;

// Relay credit (issue 7): a downloader deposits the receipts it signed for the bytes that came
// through a relay (RS) at POST /pams/v1/credit/relay-receipts; the RS owner is credited. Honest
// receipts earn exactly the bytes, every kind of cheating earns 0 and is logged against the
// downloader that sent it, and the relay ledger never touches the uploader's.
class TestCreditRelay : public QObject {
    Q_OBJECT

private:
    static qint64 credited(const HttpResponse &r, int index = 0)
    {
        if (r.status != 200)
            return -r.status;
        return result(r, index).value("status").toString() == QLatin1String("accepted")
                   ? result(r, index).value("credited").toInteger(-1)
                   : -1;
    }

private Q_SLOTS:
    void honestRelayReceiptsCreditTheOwnerExactly()
    {
        CreditFixture f;
        const TestUser down = f.user(), up = f.user(), rs = f.user();
        f.reportDownloaded(down, 1000);
        QCOMPARE(credited(f.deposit(down, {f.relayReceipt(down, rs, 1, 400)})), 400);
        const HttpResponse second = f.deposit(down, {f.relayReceipt(down, rs, 2, 1000)});
        QCOMPARE(credited(second), 600);
        QCOMPARE(jsonOf(second).value("credited").toInteger(), 600);
        QCOMPARE(result(second, 0).value("uploaderId").toString(), rs.userId);
        QCOMPARE(f.balance(rs), 1000);
        QCOMPARE(f.balance(rs, QStringLiteral("relayed")), 1000);
        QCOMPARE(f.balance(down), 0);  // depositing earns the downloader nothing

        // The uploader still earns its upload of the same bytes: the ledgers are separate.
        QCOMPARE(credited(f.redeem(up, {f.receipt(down, up, 1, 1000)})), 1000);
        QCOMPARE(f.balance(up), 1000);
        QCOMPARE(f.balance(up, QStringLiteral("relayed")), 0);
        QCOMPARE(f.balance(rs), 1000);

        // The credit reaches everything that reads the total (UMS reputation, OMS ranking).
        QString error;
        QCOMPARE(f.service->credit()->store()->creditedTotal(rs.userId, &error).value_or(-1), 1000);
        QCOMPARE(f.rejections(down), QStringList());
    }

    // A user who both uploads directly and runs the relay another uploader's bytes came through
    // is credited in both ledgers, each with its own sequence.
    void ownerWhoAlsoUploadsKeepsBothLedgers()
    {
        CreditFixture f;
        const TestUser down = f.user(), both = f.user();
        f.reportDownloaded(down, 1000);
        QCOMPARE(credited(f.redeem(both, {f.receipt(down, both, 5, 300)})), 300);
        QCOMPARE(credited(f.deposit(down, {f.relayReceipt(down, both, 1, 700)})), 700);
        QCOMPARE(f.balance(both), 1000);
        QCOMPARE(f.balance(both, QStringLiteral("relayed")), 700);
    }

    void forgedRelayReceiptsEarnNothing()
    {
        CreditFixture f;
        const TestUser down = f.user(), rs = f.user(), other = f.user();
        f.reportDownloaded(down, 1000);
        Receipt otherKey = f.relayReceipt(other, rs, 1, 500);
        otherKey.fields.downloaderId = down.userId;  // signed by someone else, claimed as `down`
        Receipt tampered = f.relayReceipt(down, rs, 1, 100);
        tampered.fields.bytes = 900;
        Receipt renamed = f.relayReceipt(down, rs, 1, 100);
        renamed.fields.uploaderId = other.userId;     // credit moved to another relay after signing
        const HttpResponse r = f.deposit(down, {otherKey, tampered, renamed});
        for (int i = 0; i < 3; ++i)
            expectRejected(r, i, QStringLiteral("forged"));
        QCOMPARE(f.balance(rs), 0);
        QCOMPARE(f.balance(other), 0);
        QCOMPARE(f.rejections(down), QStringList(3, QStringLiteral("forged")));
    }

    void replayedAndReorderedRelayReceiptsEarnNothing()
    {
        CreditFixture f;
        const TestUser down = f.user(), rs = f.user();
        f.reportDownloaded(down, 1000);
        const Receipt one = f.relayReceipt(down, rs, 1, 300), two = f.relayReceipt(down, rs, 2, 600);
        QCOMPARE(credited(f.deposit(down, {one})), 300);
        expectRejected(f.deposit(down, {one}), 0, QStringLiteral("replay"));
        QCOMPARE(credited(f.deposit(down, {two})), 300);
        expectRejected(f.deposit(down, {one}), 0, QStringLiteral("replay"));
        expectRejected(f.deposit(down, {f.relayReceipt(down, rs, 3, 500)}), 0, QStringLiteral("non_monotonic"));
        QCOMPARE(f.balance(rs), 600);
        QCOMPARE(f.rejections(down), (QStringList{QStringLiteral("non_monotonic"), QStringLiteral("replay"),
                                                  QStringLiteral("replay")}));
        QCOMPARE(f.balance(down, QStringLiteral("rejectedAttempts")), 3);
    }

    void inflatedRelayReceiptsEarnNothing()
    {
        CreditFixture f;
        const TestUser down = f.user(), rs = f.user();
        f.reportDownloaded(down, 1000);
        expectRejected(f.deposit(down, {f.relayReceipt(down, rs, 1, 1001)}), 0, QStringLiteral("inflated"));
        QCOMPARE(f.balance(rs), 0);
        // Rejected whole, state unchanged: the honest part still counts later.
        QCOMPARE(credited(f.deposit(down, {f.relayReceipt(down, rs, 2, 1000)})), 1000);

        // Above the content size per RS, however much the downloader reported.
        f.service->credit()->setContentSizeLookup([&f](const QString &id) -> std::optional<qint64> {
            return id == f.overlay ? std::optional<qint64>(1500) : std::nullopt;
        });
        f.reportDownloaded(down, 100'000);
        expectRejected(f.deposit(down, {f.relayReceipt(down, rs, 3, 1501)}), 0, QStringLiteral("inflated"));
        QCOMPARE(credited(f.deposit(down, {f.relayReceipt(down, rs, 4, 1500)})), 500);
        QCOMPARE(f.balance(rs), 1500);
        QCOMPARE(f.rejections(down), QStringList(2, QStringLiteral("inflated")));
    }

    void selfDealtRelayReceiptsEarnNothing()
    {
        CreditFixture f;
        const TestUser me = f.user();
        f.reportDownloaded(me, 1'000'000);
        expectRejected(f.deposit(me, {f.relayReceipt(me, me, 1, 1000)}), 0, QStringLiteral("self_dealing"));
        QCOMPARE(f.balance(me), 0);
        QCOMPARE(f.rejections(me), QStringList{QStringLiteral("self_dealing")});
    }

    // An RS owner and a downloader (one person, two accounts) sign relay receipts beyond what
    // the downloader reported: the relay ledger's cap (a) sums over every RS of the downloader.
    void sybilPairEarnsNothingBeyondReport()
    {
        CreditFixture f;
        const TestUser down = f.user(), rs = f.user(), rs2 = f.user();
        expectRejected(f.deposit(down, {f.relayReceipt(down, rs, 1, 1'000'000)}), 0, QStringLiteral("inflated"));
        f.reportDownloaded(down, 1000);
        QCOMPARE(credited(f.deposit(down, {f.relayReceipt(down, rs, 2, 800)})), 800);
        // A second relay account for the same downloaded bytes.
        expectRejected(f.deposit(down, {f.relayReceipt(down, rs2, 1, 800)}), 0, QStringLiteral("inflated"));
        QCOMPARE(credited(f.deposit(down, {f.relayReceipt(down, rs2, 2, 200)})), 200);
        QCOMPARE(f.balance(rs) + f.balance(rs2), 1000);
        QCOMPARE(f.rejections(down), QStringList(2, QStringLiteral("inflated")));
    }

    // Who may send what: only the signing downloader deposits, only RS receipts go there, and
    // RS receipts cannot be redeemed as direct ones. Refused requests write nothing.
    void wrongSenderOrRouteIsRefused()
    {
        CreditFixture f;
        const TestUser down = f.user(), rs = f.user(), up = f.user();
        f.reportDownloaded(down, 1000);
        const Receipt relay = f.relayReceipt(down, rs, 1, 500);
        QCOMPARE(f.deposit(rs, {relay}).status, 403);                 // the owner cannot deposit it
        QCOMPARE(f.redeem(rs, {relay}).status, 400);                  // nor redeem it as a direct receipt
        QCOMPARE(f.deposit(down, {f.receipt(down, up, 1, 500)}).status, 400);  // a direct receipt
        QCOMPARE(f.anonymous().post(QStringLiteral("/pams/v1/credit/relay-receipts"),
                                    QJsonObject{{"receipts", QJsonArray{receiptToJson(relay)}}}).status, 401);
        QCOMPARE(f.as(down).post(QStringLiteral("/pams/v1/credit/relay-receipts"), QJsonObject{{"receipts", 5}}).status, 400);
        QCOMPARE(f.as(down).post(QStringLiteral("/pams/v1/credit/relay-receipts"), QJsonObject{{"receipts", QJsonArray{}}}).status, 400);
        QCOMPARE(f.balance(rs), 0);
        QCOMPARE(f.rejections(down), QStringList());
        QCOMPARE(f.rejections(rs), QStringList());
        QCOMPARE(credited(f.deposit(down, {relay})), 500);
    }

    // The ledger is in credit.db: a restarted PAMS keeps relay credit and sequences.
    void relayLedgerSurvivesRestart()
    {
        CreditFixture f;
        const TestUser down = f.user(), rs = f.user();
        f.reportDownloaded(down, 1000);
        QCOMPARE(credited(f.deposit(down, {f.relayReceipt(down, rs, 1, 700)})), 700);
        f.restart();
        QVERIFY2(f.startError.isEmpty(), qPrintable(f.startError));
        QCOMPARE(f.balance(rs), 700);
        expectRejected(f.deposit(down, {f.relayReceipt(down, rs, 1, 700)}), 0, QStringLiteral("replay"));
        QCOMPARE(f.service->credit()->store()->schemaVersion(), 2);
    }

    // A credit.db written by the build before relay credit (schema 1) migrates in place: its
    // balances, sequences and rejection log stay, and relay credit adds to them.
    void schemaOneFileMigrates()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("credit.db"));
        const QString down(40, QLatin1Char('d')), up(40, QLatin1Char('e')), overlay(40, QLatin1Char('a'));
        {
            Database old(QStringLiteral("credit-v1"), DatabaseOptions{QStringLiteral("QSQLITE"), path});
            QString error;
            // Schema 1 exactly as the previous build created it.
            const QList<Migration> v1{
                {1,
                 {QStringLiteral("CREATE TABLE credit_receipt_state (downloader_id TEXT NOT NULL, uploader_id TEXT NOT NULL, "
                                 "overlay_id TEXT NOT NULL, uploader_role TEXT NOT NULL, last_sequence BIGINT NOT NULL, "
                                 "last_bytes BIGINT NOT NULL, receipt_time BIGINT NOT NULL, accepted_at BIGINT NOT NULL, "
                                 "PRIMARY KEY (downloader_id, uploader_id, overlay_id))"),
                  QStringLiteral("CREATE INDEX credit_state_uploader ON credit_receipt_state (uploader_id, overlay_id)"),
                  QStringLiteral("CREATE TABLE credit_rejections (sender_id TEXT NOT NULL, downloader_id TEXT NOT NULL, "
                                 "uploader_id TEXT NOT NULL, overlay_id TEXT NOT NULL, sequence BIGINT NOT NULL, "
                                 "bytes BIGINT NOT NULL, reason TEXT NOT NULL, detail TEXT NOT NULL, rejected_at BIGINT NOT NULL)"),
                  QStringLiteral("CREATE INDEX credit_rejections_sender ON credit_rejections (sender_id, rejected_at)")}}};
            QVERIFY2(old.open(&error) && old.migrate(v1, &error), qPrintable(error));
            QVERIFY(execStatement(old.connection(),
                                  QStringLiteral("INSERT INTO credit_receipt_state VALUES ('%1', '%2', '%3', 'PEER', 7, 500, 1, 1)")
                                      .arg(down, up, overlay), &error));
            QVERIFY(execStatement(old.connection(),
                                  QStringLiteral("INSERT INTO credit_rejections VALUES ('%1', '%2', '%1', '%3', 1, 9, 'replay', 'x', 1)")
                                      .arg(up, down, overlay), &error));
        }
        CreditStore store(path);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QCOMPARE(store.schemaVersion(), 2);
        const auto b = store.balance(up, &error);
        QVERIFY2(b, qPrintable(error));
        QCOMPARE(b->total, 500);
        QCOMPARE(b->relayed, 0);
        QCOMPARE(b->rejectedAttempts, 1);
        QCOMPARE(store.rejectionReasons(up, &error), QStringList{QStringLiteral("replay")});
        QCOMPARE(store.creditedTotal(up, &error).value_or(-1), 500);
    }
};

QTEST_GUILESS_MAIN(TestCreditRelay)
#include "tst_creditrelay.moc"
