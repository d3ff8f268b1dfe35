// The UMS's revocation feed (GET /ums/v1/revocations): what logout and "end all my sessions"
// put in it, who may read it, its pages and cursor, and that it survives a restart and drops
// entries whose tokens have all expired.
#include "umsfixture.h"

#include <QJsonDocument>

using namespace mp2p;
using namespace mp2p::test;

namespace {
const QByteArray ServiceKey = QByteArrayLiteral("unit-test-service-key-0123456789abcdef");

QString feedUrl(const QString &since = {})
{
    return since.isNull() ? QStringLiteral("/ums/v1/revocations") : QStringLiteral("/ums/v1/revocations?since=") + since;
}

QString sessionOf(const QString &token)
{
    const QStringList parts = token.split(QLatin1Char('.'));
    if (parts.size() == 3) {
        const auto json = fromBase64Url(parts.at(1).toLatin1());
        if (json)
            return QJsonDocument::fromJson(*json).object().value(QStringLiteral("sid")).toString();
    }
    return {};
}
} // namespace

class TestUmsRevocations : public QObject {
    Q_OBJECT

    std::unique_ptr<UmsFixture> f;

    RouterClient service() const { return f->client(QStringLiteral("svc.") + QString::fromLatin1(ServiceKey)); }
    QJsonObject feed(const QString &since = {}) const
    {
        const HttpResponse r = service().get(feedUrl(since));
        if (r.status != 200)
            qWarning().noquote() << "feed answered" << r.status << QString::fromUtf8(r.body);
        return r.status == 200 ? jsonOf(r) : QJsonObject();
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<UmsFixture>();
        QVERIFY(f->dir.isValid());
        f->serviceKey = ServiceKey;
        QVERIFY(f->open());
    }

    void logoutAndEndAllAppearInTheFeed()
    {
        const KeyPair alice = KeyPair::generate();
        const KeyPair bob = KeyPair::generate();
        const QString aliceId = userIdForPublicKey(alice.publicKey());
        const QString bobId = userIdForPublicKey(bob.publicKey());
        const QString alice1 = f->login(alice);
        const QString alice2 = f->login(alice);
        const QString bob1 = f->login(bob);
        QVERIFY(!alice1.isEmpty() && !alice2.isEmpty() && !bob1.isEmpty());

        QJsonObject page = feed(QStringLiteral("0"));
        QCOMPARE(page.value("revocations").toArray().size(), 0);
        QCOMPARE(page.value("more").toBool(), false);
        const QString start = page.value("next").toString();

        QCOMPARE(f->client(alice1).del(QStringLiteral("/ums/v1/sessions/current")).status, 200);
        // A second logout of the same session adds nothing.
        QCOMPARE(f->client(alice1).del(QStringLiteral("/ums/v1/sessions/current")).status, 401);
        page = feed(start);
        QJsonArray entries = page.value("revocations").toArray();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.at(0)["sessionId"].toString(), sessionOf(alice1));
        QCOMPARE(entries.at(0)["userId"].toString(), aliceId);
        QCOMPARE(entries.at(0)["revokedAt"].toInteger(), f->now);
        QCOMPARE(entries.at(0)["until"].toInteger(), f->now + f->service->revocationRetainSecs());
        QCOMPARE(f->service->revocationRetainSecs(), UmsService::DefaultTokenTtlSecs + TokenClockSkewSecs);
        const QString afterLogout = page.value("next").toString();
        QVERIFY(afterLogout.toLongLong() > start.toLongLong());

        // "End all my sessions": Bob's live session, then the user-wide cut.
        QCOMPARE(f->client(bob1).del(QStringLiteral("/ums/v1/users/%1/sessions").arg(bobId)).status, 200);
        entries = feed(afterLogout).value("revocations").toArray();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0)["sessionId"].toString(), sessionOf(bob1));
        QVERIFY(!entries.at(1).toObject().contains("sessionId"));
        QCOMPARE(entries.at(1)["userId"].toString(), bobId);
        QVERIFY(entries.at(0)["seq"].toInteger() < entries.at(1)["seq"].toInteger());
        // Alice's other session is untouched, and nothing is listed twice.
        QCOMPARE(feed(QStringLiteral("0")).value("revocations").toArray().size(), 3);
        QCOMPARE(f->client(alice2).get(QStringLiteral("/ums/v1/passkey")).status, 200);
    }

    // Only the provider's servers read it: no token, a user's token and a wrong key are refused
    // (an operator's token too: tst_routepolicy walks that).
    void onlyTheServiceKeyReadsTheFeed()
    {
        const QString token = f->login(KeyPair::generate());
        QCOMPARE(f->client().get(feedUrl()).status, 401);
        QCOMPARE(f->client(token).get(feedUrl()).status, 403);
        QCOMPARE(f->client(QStringLiteral("svc.wrong-key-0123456789abcdef0123456789")).get(feedUrl()).status, 401);
        QCOMPARE(service().get(feedUrl()).status, 200);
    }

    void badCursorsAreRefusedWithAHint()
    {
        for (const QString &bad : {QStringLiteral("-1"), QStringLiteral("abc"), QStringLiteral("1e5"),
                                   QStringLiteral("99999999999999999999999")}) {
            const HttpResponse r = service().get(feedUrl(bad));
            QCOMPARE(r.status, 400);
            QCOMPARE(jsonOf(r).value("field").toString(), QStringLiteral("since"));
        }
        // A body is refused before the handler (the route takes none).
        QCOMPARE(service().call(HttpMethod::Get, feedUrl(QStringLiteral("0")), "{}").status, 413);
    }

    // Many logouts: pages of at most RevocationPageSize, in order, each cursor going on where the
    // last stopped; the feed and its numbering survive a restart of the UMS.
    void pagesFollowTheCursorAndSurviveARestart()
    {
        UmsStore store(f->dir.filePath(QStringLiteral("ums.db")));
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        const KeyPair key = KeyPair::generate();
        bool created = false;
        const auto user = store.registerUser(key.publicKey(), {}, f->now, &created, &error);
        QVERIFY2(user, qPrintable(error));
        const int total = UmsService::RevocationPageSize * 2 + 345;
        for (int i = 0; i < total; ++i) {
            const QString sid = QStringLiteral("%1").arg(i, 32, 16, QLatin1Char('0'));
            QVERIFY(store.addSession({sid, user->userId, f->now, f->now + 86400, 0}, &error));
            QCOMPARE(store.revokeSessions(user->userId, sid, f->now, 3660, &error), 1);
        }
        QSet<QString> seen;
        QString cursor = QStringLiteral("0");
        int pages = 0;
        qint64 lastSeq = 0;
        for (;;) {
            const QJsonObject page = feed(cursor);
            const QJsonArray entries = page.value("revocations").toArray();
            QVERIFY(entries.size() <= UmsService::RevocationPageSize);
            for (const QJsonValue &e : entries) {
                QVERIFY(e["seq"].toInteger() > lastSeq);
                lastSeq = e["seq"].toInteger();
                seen.insert(e["sessionId"].toString());
            }
            cursor = page.value("next").toString();
            ++pages;
            if (!page.value("more").toBool())
                break;
            QCOMPARE(entries.size(), UmsService::RevocationPageSize);
        }
        QCOMPARE(pages, 3);
        QCOMPARE(seen.size(), total);
        QCOMPARE(feed(cursor).value("revocations").toArray().size(), 0);

        // A restart keeps the entries and the cursor: the next logout comes after it.
        QVERIFY(f->open());
        const QString token = f->login(key);
        QCOMPARE(f->client(token).del(QStringLiteral("/ums/v1/sessions/current")).status, 200);
        const QJsonArray after = feed(cursor).value("revocations").toArray();
        QCOMPARE(after.size(), 1);
        QCOMPARE(after.at(0)["sessionId"].toString(), sessionOf(token));
        QCOMPARE(feed(QStringLiteral("0")).value("revocations").toArray().size(), UmsService::RevocationPageSize);
    }

    // Past its "until" no token an entry covers can be valid: the answer leaves it out, the store
    // drops it, and the numbering still goes forward. A cursor from another database starts over.
    void expiredEntriesAreDroppedAndForeignCursorsStartOver()
    {
        const KeyPair key = KeyPair::generate();
        const QString first = f->login(key);
        QCOMPARE(f->client(first).del(QStringLiteral("/ums/v1/sessions/current")).status, 200);
        const QJsonObject page = feed(QStringLiteral("0"));
        QCOMPARE(page.value("revocations").toArray().size(), 1);
        const QString cursor = page.value("next").toString();

        f->now += f->service->revocationRetainSecs() + 1;
        QCOMPARE(feed(QStringLiteral("0")).value("revocations").toArray().size(), 0);
        const QString second = f->login(key);
        QCOMPARE(f->client(second).del(QStringLiteral("/ums/v1/sessions/current")).status, 200);
        const QJsonArray fresh = feed(cursor).value("revocations").toArray();
        QCOMPARE(fresh.size(), 1);
        QCOMPARE(fresh.at(0)["sessionId"].toString(), sessionOf(second));
        QVERIFY(fresh.at(0)["seq"].toInteger() > cursor.toLongLong());

        const QJsonObject foreign = feed(QStringLiteral("999999"));
        QCOMPARE(foreign.value("reset").toBool(), true);
        QCOMPARE(foreign.value("revocations").toArray().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestUmsRevocations)
#include "tst_umsrevocations.moc"
