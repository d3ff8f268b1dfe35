// Consent first: no role runs without a signed consent; it runs only in the consented hours;
// limits reach it at once; revocation stops it at once (also when another process revokes);
// consent survives a restart, reaches the PAMS, and the PAMS refuses bad or stale records.
#include "providertesthost.h"

#include <user/provider/providerclient.h>
#include <user/volunteer/volunteercontroller.h>
#include <user/volunteer/volunteerlimitsparse.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mp2p;
using namespace mp2p::test;

namespace {

class TestRole : public VolunteerRole {
public:
    explicit TestRole(VolunteerRoleKind kind) : m_kind(kind) {}
    VolunteerRoleKind kind() const override { return m_kind; }
    bool start(const VolunteerLimits &limits, QString *) override
    {
        running = true;
        ++starts;
        applied = limits;
        return true;
    }
    void applyLimits(const VolunteerLimits &limits) override { applied = limits; ++limitChanges; }
    void stop() override
    {
        running = false;
        ++stops;
    }
    bool isRunning() const override { return running; }

    VolunteerRoleKind m_kind;
    bool running = false;
    int starts = 0, stops = 0, limitChanges = 0;
    VolunteerLimits applied;
};

VolunteerLimits limits(qint64 upload, int from = 0, int to = 24)
{
    VolunteerLimits l;
    l.uploadBytesPerSec = upload;
    l.diskQuotaBytes = qint64(10) << 30;
    l.maxRelayedConnections = 20;
    l.startHour = from;
    l.endHour = to;
    return l;
}

} // namespace

class TstVolunteer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesHumanUnits();
    void nothingRunsBeforeConsent();
    void limitsApplyAtOnceAndRevokeStops();
    void runsOnlyInConsentedHours();
    void revocationFromAnotherProcess();
    void consentSurvivesRestartAndTampering();
    void pamsStoresAndChecksConsent();

private:
    QTemporaryDir m_tmp;
    KeyPair m_key = KeyPair::generate();
};

void TstVolunteer::parsesHumanUnits()
{
    QString e;
    QCOMPARE(parseByteRate("2MiB/s", &e).value_or(-1), qint64(2) << 20);
    QCOMPARE(parseByteSize("10GiB", &e).value_or(-1), qint64(10) << 30);
    QCOMPARE(parseByteSize("1.5GB", &e).value_or(-1), qint64(1500000000));
    QCOMPARE(parseByteSize("512", &e).value_or(-1), 512);
    QVERIFY(!parseByteSize("lots", &e));
    QVERIFY(e.contains("10GiB"));
    QVERIFY(!parseByteRate("-1MiB/s", &e));
    QCOMPARE(parseHourRange("22-7", &e).value_or(std::make_pair(-1, -1)), std::make_pair(22, 7));
    QVERIFY(!parseHourRange("25-3", &e));
    QVERIFY(!parseHourRange("5-5", &e));
    const VolunteerLimits night = limits(0, 22, 7);
    QVERIFY(night.allowsHour(23) && night.allowsHour(0) && night.allowsHour(6));
    QVERIFY(!night.allowsHour(7) && !night.allowsHour(12) && !night.allowsHour(21));
    QVERIFY(limits(0).allowsHour(13));
}

void TstVolunteer::nothingRunsBeforeConsent()
{
    ConsentStore store(m_tmp.filePath("none.db"));
    QString e;
    QVERIFY2(store.open(&e), qPrintable(e));
    TestRole relay(VolunteerRoleKind::Relay), cache(VolunteerRoleKind::Cache);
    VolunteerController c(&store, m_key);
    c.addRole(&relay);
    c.addRole(&cache);
    c.start();
    QTest::qWait(600);  // a negative check: without consent nothing starts (not even on a store change notice)
    QCOMPARE(relay.starts + cache.starts, 0);
    QVERIFY(!c.isRunning(VolunteerRoleKind::Relay) && !c.isRunning(VolunteerRoleKind::Cache));
    // Consent for the relay starts the relay only.
    QVERIFY2(c.consent(VolunteerRoleKind::Relay, limits(1 << 20), &e), qPrintable(e));
    QVERIFY(relay.running);
    QCOMPARE(cache.starts, 0);
}

void TstVolunteer::limitsApplyAtOnceAndRevokeStops()
{
    ConsentStore store(m_tmp.filePath("limits.db"));
    QString e;
    QVERIFY(store.open(&e));
    TestRole cache(VolunteerRoleKind::Cache);
    VolunteerController c(&store, m_key);
    c.addRole(&cache);
    c.start();
    QVERIFY(c.consent(VolunteerRoleKind::Cache, limits(2 << 20), &e));
    QVERIFY(cache.running);
    QCOMPARE(cache.applied.uploadBytesPerSec, qint64(2) << 20);
    QVERIFY(c.consent(VolunteerRoleKind::Cache, limits(512 << 10), &e));  // returns with the new limit applied
    QCOMPARE(cache.limitChanges, 1);
    QCOMPARE(cache.applied.uploadBytesPerSec, qint64(512) << 10);
    QCOMPARE(cache.starts, 1);  // not restarted

    QElapsedTimer t;
    t.start();
    QVERIFY(c.revoke(VolunteerRoleKind::Cache, &e));
    QVERIFY(!cache.running);  // stopped before revoke() returned
    qInfo("revoke() stopped the role in %lld ms", t.elapsed());
    QTest::qWait(600);  // a negative check: the store change notice of the revocation restarts nothing
    QCOMPARE(cache.starts, 1);  // and it stays stopped
    QVERIFY(store.latest(VolunteerRoleKind::Cache, &e)->fields.revoked);
}

void TstVolunteer::runsOnlyInConsentedHours()
{
    ConsentStore store(m_tmp.filePath("hours.db"));
    QString e;
    QVERIFY(store.open(&e));
    TestRole relay(VolunteerRoleKind::Relay);
    int hour = 12;
    VolunteerController c(&store, m_key);
    c.setHourSource([&hour] { return hour; });
    c.addRole(&relay);
    c.start();
    QVERIFY(c.consent(VolunteerRoleKind::Relay, limits(0, 22, 7), &e));
    QVERIFY(!relay.running);  // noon is outside 22–7
    hour = 23;
    c.evaluate();
    QVERIFY(relay.running);
    hour = 3;
    c.evaluate();
    QVERIFY(relay.running);
    hour = 7;
    c.evaluate();
    QVERIFY(!relay.running);
    QCOMPARE(relay.starts, 1);
    QCOMPARE(relay.stops, 1);
}

void TstVolunteer::revocationFromAnotherProcess()
{
    const QString path = m_tmp.filePath("shared.db");
    ConsentStore peerSide(path);
    QString e;
    QVERIFY(peerSide.open(&e));
    TestRole relay(VolunteerRoleKind::Relay);
    VolunteerController c(&peerSide, m_key);
    c.addRole(&relay);
    // The fallback timer is out of reach of these waits: only the watch on the files can see it.
    c.setEvaluateInterval(60000);
    c.start();
    // `mp2p volunteer --relay` and later `--revoke` write through their own connection.
    ConsentStore cliSide(path);
    QVERIFY(cliSide.open(&e));
    QVERIFY(cliSide.record(m_key, VolunteerRoleKind::Relay, limits(1 << 20), false, 1000, &e));
    QTRY_VERIFY_WITH_TIMEOUT(relay.running, 5000);
    QElapsedTimer t;
    t.start();
    QVERIFY(cliSide.record(m_key, VolunteerRoleKind::Relay, limits(1 << 20), true, 1001, &e));
    QTRY_VERIFY_WITH_TIMEOUT(!relay.running, 5000);
    qInfo("a revocation written by another process stopped the role after %lld ms (file watch)", t.elapsed());
}

void TstVolunteer::consentSurvivesRestartAndTampering()
{
    const QString path = m_tmp.filePath("restart.db");
    QString e;
    {
        ConsentStore store(path);
        QVERIFY(store.open(&e));
        QVERIFY(store.record(m_key, VolunteerRoleKind::Cache, limits(3 << 20), false, 2000, &e));
    }
    {
        ConsentStore store(path);
        QVERIFY(store.open(&e));
        TestRole cache(VolunteerRoleKind::Cache);
        VolunteerController c(&store, m_key);
        c.addRole(&cache);
        c.start();
        QVERIFY(cache.running);
        QCOMPARE(cache.applied.uploadBytesPerSec, qint64(3) << 20);
    }
    {
        // Raise the limit in the file by hand: the signature no longer matches, so no consent.
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "tamper");
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec("UPDATE consent SET record = replace(record, '\"uploadBytesPerSec\":3145728', "
                       "'\"uploadBytesPerSec\":99999999')"));
        QCOMPARE(q.numRowsAffected(), 1);
    }
    QSqlDatabase::removeDatabase("tamper");
    ConsentStore store(path);
    QVERIFY(store.open(&e));
    QVERIFY(!store.latest(VolunteerRoleKind::Cache, &e));
    QVERIFY(e.contains("damaged"));
    TestRole cache(VolunteerRoleKind::Cache);
    VolunteerController c(&store, m_key);
    c.addRole(&cache);
    c.start();
    QVERIFY(!cache.running);
}

void TstVolunteer::pamsStoresAndChecksConsent()
{
    TestHost host;
    QVERIFY(host.start());
    QNetworkAccessManager network;
    const Identity me = freshIdentity();
    ProviderClient client(QUrl(host.baseUrl()), me, &network);
    QSignalSpy ready(&client, &ProviderClient::ready);
    client.connectToProvider();
    QVERIFY(ready.wait(20000) || client.isReady());

    ConsentStore store(m_tmp.filePath("pams.db"));
    QString e;
    QVERIFY(store.open(&e));
    TestRole relay(VolunteerRoleKind::Relay);
    VolunteerController c(&store, me.key);
    c.addRole(&relay);
    c.start();
    QSignalSpy synced(&c, &VolunteerController::consentSynced);
    c.syncWith(&client);
    QVERIFY(c.consent(VolunteerRoleKind::Relay, limits(1 << 20), &e));
    QTRY_COMPARE_WITH_TIMEOUT(synced.count(), 1, 20000);
    const QUrl url(host.baseUrl() + "/pams/v1/consent/" + me.userId);
    QCOMPARE(getJson(&network, url).status, 401);  // a user's consent is theirs and the provider's to read
    JsonReply r = waitReply([&](auto done) {
        client.call("GET", QStringLiteral("pams"), "/pams/v1/consent/" + me.userId, QJsonObject(), std::move(done));
    });
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body.value("active").toObject().value("relay").toBool(), true);
    QCOMPARE(r.body.value("consents").toArray().first().toObject().value("limits").toObject().value("uploadBytesPerSec").toInteger(),
             1 << 20);
    const auto granted = store.latest(VolunteerRoleKind::Relay, &e);

    QVERIFY(c.revoke(VolunteerRoleKind::Relay, &e));
    QTRY_COMPARE_WITH_TIMEOUT(synced.count(), 2, 20000);
    r = getJson(&network, url);
    QCOMPARE(r.body.value("active").toObject().value("relay").toBool(), false);

    auto post = [&](const QJsonObject &body) {
        return waitReply([&](JsonHttpClient::Callback done) {
            client.call("POST", "pams", "/pams/v1/consent", body, std::move(done));
        });
    };
    // Replaying the old grant after the revocation: the PAMS keeps the newer record.
    QCOMPARE(post(consentToJson(*granted)).status, 409);
    // A record whose limits were changed after signing.
    ConsentRecord forged = signConsent(me.key, granted->fields);
    forged.fields.time += 100;  // newer, but the signature covers the old time
    const JsonReply bad = post(consentToJson(forged));
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.body.value("field").toString(), QStringLiteral("signature"));
    // Someone else's consent cannot be sent by me.
    ConsentFields other = granted->fields;
    other.time += 200;
    QCOMPARE(post(consentToJson(signConsent(KeyPair::generate(), other))).status, 403);
    r = getJson(&network, url);
    QCOMPARE(r.body.value("active").toObject().value("relay").toBool(), false);
}

QTEST_GUILESS_MAIN(TstVolunteer)
#include "tst_volunteer.moc"
