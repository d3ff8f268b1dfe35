// RemoteRevocations, the revocation check of an mp2pd whose UMS runs elsewhere, against a real
// UMS (an in-process host on loopback) with a fake clock on the verifier's side: what it learns,
// that it reads every page in one round, forgets entries at their "until", keeps its set while the
// UMS is away and fails closed past the bound, and never trusts a feed it cannot read.
#include <p2psp/host/p2psphost.h>
#include <p2psp/host/remoterevocations.h>
#include <p2psp/ums/umsservice.h>
#include <p2psp/ums/umsstore.h>
#include <protocol/keys.h>

#include <testrequire.h>

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QtTest>

using namespace mp2p;

namespace {
const QString ServiceKey = QStringLiteral("remote-revocations-test-key-0123456789");

QString sessionText(int i)
{
    return QStringLiteral("%1").arg(i, 32, 16, QLatin1Char('0'));
}
} // namespace

class TestRemoteRevocations : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<P2pspHost> m_host;
    std::unique_ptr<UmsStore> m_store;  // a second connection to the UMS's database, to write revocations
    QNetworkAccessManager m_network;
    qint64 m_now = 0;                   // the verifier's clock
    QString m_user;                     // a registered user

    qint64 realNow() const { return QDateTime::currentSecsSinceEpoch(); }
    QUrl umsUrl() const { return QUrl(m_host->baseUrl()); }

    std::unique_ptr<RemoteRevocations> verifier(const QString &key = ServiceKey)
    {
        return std::make_unique<RemoteRevocations>(umsUrl(), &m_network, key.toLatin1(), [this] { return m_now; }, 1);
    }

    void endSession(const QString &sessionId)
    {
        QString error;
        QVERIFY2(m_store->addSession({sessionId, m_user, realNow(), realNow() + 86400, 0}, &error), qPrintable(error));
        QCOMPARE(m_store->revokeSessions(m_user, sessionId, realNow(), 3660, &error), 1);
    }

    static TokenClaims claims(const QString &userId, const QString &sessionId, qint64 issuedAt = 0)
    {
        TokenClaims c;
        c.userId = userId;
        c.audience = audience::P2psp;
        c.sessionId = sessionId;
        c.issuedAt = issuedAt;
        return c;
    }

private Q_SLOTS:
    void init()
    {
        m_now = realNow();
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        HostConfig config;
        config.services = {QStringLiteral("ums")};
        config.listenAddress = QHostAddress(QHostAddress::LocalHost);
        config.port = 0;
        config.dataDir = m_dir->path();
        config.serviceKey = ServiceKey;
        m_host = std::make_unique<P2pspHost>(config);
        QString error;
        MP2P_REQUIRE(m_host->start(&error), QStringLiteral("cannot serve on 127.0.0.1: ") + error);
        m_store = std::make_unique<UmsStore>(m_dir->filePath(QStringLiteral("ums.db")));
        QVERIFY2(m_store->open(&error), qPrintable(error));
        bool created = false;
        const auto user = m_store->registerUser(KeyPair::generate().publicKey(), {}, realNow(), &created, &error);
        QVERIFY2(user, qPrintable(error));
        m_user = user->userId;
    }

    void cleanup()
    {
        m_store.reset();
        m_host.reset();
        m_dir.reset();
    }

    void learnsEndedSessionsAndEndAllCuts()
    {
        endSession(sessionText(1));
        QString error;
        const qint64 cutAt = realNow();
        QVERIFY(m_store->revokeSessions(m_user, {}, cutAt, 3660, &error) >= 0);
        auto check = verifier();
        QVERIFY(!check->isCurrent());
        QVERIFY(check->isRevoked(claims(m_user, sessionText(2), cutAt)));  // never read: fail closed
        check->start();
        QVERIFY(check->waitUntilCurrent(5000));
        QVERIFY(check->isRevoked(claims(m_user, sessionText(1), cutAt + 10)));  // its own entry
        QVERIFY(check->isRevoked(claims(m_user, sessionText(3), cutAt - 1)));   // issued before "end all"
        QVERIFY(!check->isRevoked(claims(m_user, sessionText(3), cutAt)));      // a login after it
        const QString other = QString(40, QLatin1Char('b'));
        QVERIFY(!check->isRevoked(claims(other, sessionText(4), cutAt - 100)));

        // A logout after the first read arrives with the next poll.
        endSession(sessionText(5));
        QTRY_VERIFY_WITH_TIMEOUT(check->isRevoked(claims(m_user, sessionText(5), cutAt + 10)), 5000);
    }

    // More than one page waits: one round reads them all before it calls itself current.
    void readsEveryPageInOneRound()
    {
        const int total = UmsService::RevocationPageSize * 2 + 7;
        for (int i = 0; i < total; ++i)
            endSession(sessionText(100 + i));
        auto check = verifier();
        check->start();
        QVERIFY(check->waitUntilCurrent(10000));
        QCOMPARE(check->size(), total);
        QVERIFY(check->isRevoked(claims(m_user, sessionText(100))));
        QVERIFY(check->isRevoked(claims(m_user, sessionText(100 + total - 1))));
    }

    // An entry's "until" is when every token it covers has expired: then it is forgotten.
    void forgetsEntriesAtTheirUntil()
    {
        endSession(sessionText(1));
        auto check = verifier();
        check->start();
        QVERIFY(check->waitUntilCurrent(5000));
        QCOMPARE(check->size(), 1);
        m_now += 3660 + 1;
        QTRY_VERIFY_WITH_TIMEOUT(check->isCurrent() && check->size() == 0, 5000);
        QVERIFY(!check->isRevoked(claims(m_user, sessionText(1))));
    }

    // The UMS goes away: the last set is kept (a restart of the UMS is no outage), and past the
    // bound every token is refused, because a logout could have happened unseen.
    void keepsTheSetThenFailsClosedWhenTheUmsIsAway()
    {
        endSession(sessionText(1));
        auto check = verifier();
        check->start();
        QVERIFY(check->waitUntilCurrent(5000));
        QCOMPARE(check->failClosedAfterSecs(), 60);
        m_host->stop();
        m_now += 30;
        QVERIFY(check->isRevoked(claims(m_user, sessionText(1))));
        QVERIFY(!check->isRevoked(claims(m_user, sessionText(2))));
        m_now += 31;
        QVERIFY(check->isRevoked(claims(m_user, sessionText(2))));
        QVERIFY(!check->isCurrent());
    }

    // A verifier with the wrong service key never reads the feed, so it accepts no token.
    void wrongServiceKeyAcceptsNothing()
    {
        auto check = verifier(QStringLiteral("not-the-provider-key-0123456789abcdef"));
        check->start();
        QVERIFY(!check->waitUntilCurrent(1500));
        QVERIFY(check->isRevoked(claims(m_user, sessionText(9))));
    }

    void pollIntervalIsClampedAndBoundsTheStaleness()
    {
        RemoteRevocations low(QUrl(QStringLiteral("http://127.0.0.1:1")), &m_network, {}, [] { return 0; }, 0);
        QCOMPARE(low.pollSecs(), 1);
        QCOMPARE(low.failClosedAfterSecs(), 60);
        RemoteRevocations high(QUrl(QStringLiteral("http://127.0.0.1:1")), &m_network, {}, [] { return 0; }, 600);
        QCOMPARE(high.pollSecs(), 60);
        QCOMPARE(high.failClosedAfterSecs(), 180);
    }
};

MP2P_TEST_GUILESS_MAIN(TestRemoteRevocations)
#include "tst_remoterevocations.moc"
