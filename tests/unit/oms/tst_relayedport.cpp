// The OMS and "relayed=" on a registered relay's IP: only a port the RS reported (ORCP
// PUT .../relayports) as a live allocation of the announcing user is listed. A peer naming the
// relay's TURN port, a privileged port such as 22, any other high port, another user's allocation
// or an expired one is not treated as relayed: the OMS would otherwise point the swarm at the
// relay host's own services or at someone else's relay. It stays listed at its source address
// with a warning. The RS can vouch only for ports on its own address, only as its owner.
#include "omsfixture.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <tuple>

using namespace mp2p;
using namespace mp2p::test;

namespace {
const QString kRelayIp = QStringLiteral("198.18.0.1");   // never contacted: the OMS only lists it
constexpr int kTurnPort = 3478;
}

class TestRelayedPort : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void wrongPortOnARegisteredRelayIsNotRelayed_data();
    void wrongPortOnARegisteredRelayIsNotRelayed();
    void relayedPortIsListed();
    void unreportedHighPortIsRefused();
    void anotherUsersAllocationIsRefused();
    void expiredAllocationIsRefused();
    void reportKeepsOnlyTheRelaysOwnAddress();
    void onlyTheOwnerReportsAndWithinItsQuota();
    void reportsSurviveAnOmsRestart();

private:
    // An announce from a peer at |from| (not loopback, so the address is not trusted as "ip=").
    static QVariantMap announceFrom(OmsFixture &f, const TestUser &user, const QString &from, const QByteArray &hash, char id,
                                    const QString &extra)
    {
        const QString query = QStringLiteral("info_hash=")
                              + QString::fromLatin1(hash.toPercentEncoding()) + QStringLiteral("&peer_id=")
                              + QString::fromLatin1(OmsFixture::peerId(id).toPercentEncoding())
                              + QStringLiteral("&port=6881&uploaded=0&downloaded=0&left=100&compact=1") + extra;
        const QUrl url(QStringLiteral("http://test/announce/") + f.passkeyOf(user) + QLatin1Char('?') + query);
        HttpRequest request;
        request.method = HttpMethod::Get;
        request.path = url.path();
        request.rawQuery = url.query(QUrl::FullyEncoded).toLatin1();
        request.query = QUrlQuery(url);
        request.remoteAddress = QHostAddress(from);
        return OmsFixture::decode(f.router->dispatch(request));
    }
    static QString registerRelay(OmsFixture &f, int maxAllocations = 0)
    {
        QJsonObject body{{QStringLiteral("type"), QStringLiteral("rs")}, {QStringLiteral("mode"), QStringLiteral("dedicated")},
                         {QStringLiteral("address"), kRelayIp}, {QStringLiteral("port"), kTurnPort}};
        if (maxAllocations > 0)
            body.insert(QStringLiteral("maxAllocations"), maxAllocations);
        const HttpResponse reg = f.as(f.provider).post(QStringLiteral("/oms/v1/resources"), body);
        if (reg.status != 200 && reg.status != 201)
            qWarning("registration: %s", reg.body.constData());
        return QJsonDocument::fromJson(reg.body).object().value(QStringLiteral("resourceId")).toString();
    }
    // The RS (its owner, the provider) reports its allocations: {port, user, seconds left}.
    static HttpResponse report(OmsFixture &f, const QString &rid, const QList<std::tuple<QString, QString, int>> &entries,
                               const TestUser *as = nullptr)
    {
        QJsonArray list;
        for (const auto &[relayed, user, secs] : entries)
            list.append(QJsonObject{{QStringLiteral("relayedAddress"), relayed}, {QStringLiteral("userId"), user},
                                    {QStringLiteral("expiresInSecs"), secs}});
        return f.as(as ? *as : f.provider).put(QStringLiteral("/oms/v1/resources/%1/relayports").arg(rid),
                                               {{QStringLiteral("allocations"), list}});
    }
    QStringList listedBob(OmsFixture &f, const QString &relayed)
    {
        const QVariantMap reply = announceFrom(f, f.bob, QStringLiteral("198.19.1.2"), m_hash, 'b',
                                               QStringLiteral("&relayed=") + relayed);
        m_warning = reply.value("warning message").toString();
        return compactPeers(announceFrom(f, f.alice, QStringLiteral("198.19.2.2"), m_hash, 'a', {}).value("peers").toByteArray());
    }
    QString m_warning;

    QByteArray m_hash = OmsFixture::hashOf("relayed port");
};

void TestRelayedPort::wrongPortOnARegisteredRelayIsNotRelayed_data()
{
    QTest::addColumn<int>("port");
    QTest::newRow("the relay's TURN port") << kTurnPort;
    QTest::newRow("ssh") << 22;
    QTest::newRow("http") << 80;
}

void TestRelayedPort::wrongPortOnARegisteredRelayIsNotRelayed()
{
    QFETCH(int, port);
    OmsFixture f;
    QCOMPARE(f.createOverlay(f.alice, m_hash), 201);
    registerRelay(f);
    QVariantMap reply = announceFrom(f, f.bob, QStringLiteral("198.19.1.2"), m_hash, 'b',
                                     QStringLiteral("&relayed=%1:%2").arg(kRelayIp).arg(port));
    QVERIFY2(!reply.contains("failure reason"), reply.value("failure reason").toByteArray());
    QVERIFY2(reply.value("warning message").toString().contains(QStringLiteral("not a relayed port")),
             reply.value("warning message").toByteArray());
    // alice sees bob at his source address, never at the relay host's port.
    reply = announceFrom(f, f.alice, QStringLiteral("198.19.2.2"), m_hash, 'a', {});
    QCOMPARE(compactPeers(reply.value("peers").toByteArray()), QStringList{QStringLiteral("198.19.1.2:6881")});
}

void TestRelayedPort::relayedPortIsListed()
{
    OmsFixture f;
    QCOMPARE(f.createOverlay(f.alice, m_hash), 201);
    const QString rid = registerRelay(f);
    QVERIFY(!rid.isEmpty());
    const HttpResponse r = report(f, rid, {{kRelayIp + QStringLiteral(":49200"), f.bob.userId, 600}});
    QCOMPARE(r.status, 200);
    QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("accepted")).toInt(), 1);
    QCOMPARE(listedBob(f, kRelayIp + QStringLiteral(":49200")), QStringList{kRelayIp + QStringLiteral(":49200")});
    QVERIFY2(m_warning.isEmpty(), qPrintable(m_warning));
}

void TestRelayedPort::unreportedHighPortIsRefused()
{
    OmsFixture f;
    QCOMPARE(f.createOverlay(f.alice, m_hash), 201);
    const QString rid = registerRelay(f);
    QCOMPARE(report(f, rid, {{kRelayIp + QStringLiteral(":49200"), f.bob.userId, 600}}).status, 200);
    // Any other high port on the relay host (its web admin, another service): not bob's allocation.
    QCOMPARE(listedBob(f, kRelayIp + QStringLiteral(":8080")), QStringList{QStringLiteral("198.19.1.2:6881")});
    QVERIFY2(m_warning.contains(QStringLiteral("not a relayed port")), qPrintable(m_warning));
}

void TestRelayedPort::anotherUsersAllocationIsRefused()
{
    OmsFixture f;
    QCOMPARE(f.createOverlay(f.alice, m_hash), 201);
    const QString rid = registerRelay(f);
    QCOMPARE(report(f, rid, {{kRelayIp + QStringLiteral(":49300"), f.alice.userId, 600}}).status, 200);
    QCOMPARE(listedBob(f, kRelayIp + QStringLiteral(":49300")), QStringList{QStringLiteral("198.19.1.2:6881")});
    QVERIFY2(m_warning.contains(QStringLiteral("another user's allocation")), qPrintable(m_warning));
}

void TestRelayedPort::expiredAllocationIsRefused()
{
    OmsFixture f;
    QCOMPARE(f.createOverlay(f.alice, m_hash), 201);
    const QString rid = registerRelay(f);
    QCOMPARE(report(f, rid, {{kRelayIp + QStringLiteral(":49200"), f.bob.userId, 10}}).status, 200);
    QCOMPARE(listedBob(f, kRelayIp + QStringLiteral(":49200")), QStringList{kRelayIp + QStringLiteral(":49200")});
    // The RS's report stopped (lost, or the RS is cut off): the allocation expires by itself
    // although the resource stays alive.
    f.now += 11;
    QCOMPARE(f.as(f.provider).post(QStringLiteral("/oms/v1/resources/%1/keepalive").arg(rid), {}).status, 200);
    QCOMPARE(listedBob(f, kRelayIp + QStringLiteral(":49200")), QStringList{QStringLiteral("198.19.1.2:6881")});
    QVERIFY2(m_warning.contains(QStringLiteral("not a relayed port")), qPrintable(m_warning));
    // A report without the allocation (it ended) takes it back at once.
    QCOMPARE(report(f, rid, {{kRelayIp + QStringLiteral(":49201"), f.bob.userId, 600}}).status, 200);
    QCOMPARE(listedBob(f, kRelayIp + QStringLiteral(":49201")), QStringList{kRelayIp + QStringLiteral(":49201")});
    QCOMPARE(report(f, rid, {}).status, 200);
    QCOMPARE(listedBob(f, kRelayIp + QStringLiteral(":49201")), QStringList{QStringLiteral("198.19.1.2:6881")});
}

void TestRelayedPort::reportKeepsOnlyTheRelaysOwnAddress()
{
    OmsFixture f;
    QCOMPARE(f.createOverlay(f.alice, m_hash), 201);
    const QString rid = registerRelay(f);
    // Another host, the TURN port, a privileged port: ignored, never stored.
    const HttpResponse r = report(f, rid, {{QStringLiteral("203.0.113.9:49200"), f.bob.userId, 600},
                                           {kRelayIp + QStringLiteral(":%1").arg(kTurnPort), f.bob.userId, 600},
                                           {kRelayIp + QStringLiteral(":22"), f.bob.userId, 600},
                                           {kRelayIp + QStringLiteral(":49200"), f.bob.userId, 600}});
    QCOMPARE(r.status, 200);
    const QJsonObject o = QJsonDocument::fromJson(r.body).object();
    QCOMPARE(o.value(QStringLiteral("accepted")).toInt(), 1);
    QCOMPARE(o.value(QStringLiteral("ignored")).toInt(), 3);
    QCOMPARE(listedBob(f, QStringLiteral("203.0.113.9:49200")), QStringList{QStringLiteral("198.19.1.2:6881")});
    QCOMPARE(listedBob(f, kRelayIp + QStringLiteral(":%1").arg(kTurnPort)), QStringList{QStringLiteral("198.19.1.2:6881")});
    // Bad entries are refused whole, naming the entry.
    for (const auto &bad : QList<std::tuple<QString, QString, int>>{{QStringLiteral("nonsense"), f.bob.userId, 600},
                                                                    {kRelayIp + QStringLiteral(":49200"), QStringLiteral("bob"), 600},
                                                                    {kRelayIp + QStringLiteral(":49200"), f.bob.userId, 0},
                                                                    {kRelayIp + QStringLiteral(":49200"), f.bob.userId, 86400}}) {
        const HttpResponse refused = report(f, rid, {bad});
        QCOMPARE(refused.status, 400);
        QVERIFY2(QJsonDocument::fromJson(refused.body).object().value(QStringLiteral("field")).toString().startsWith(
                     QStringLiteral("allocations[0]")), refused.body.constData());
    }
}

void TestRelayedPort::onlyTheOwnerReportsAndWithinItsQuota()
{
    OmsFixture f;
    QCOMPARE(f.createOverlay(f.alice, m_hash), 201);
    const QString rid = registerRelay(f, 2);
    // bob is no owner of the RS: he cannot vouch for his own lie.
    QCOMPARE(report(f, rid, {{kRelayIp + QStringLiteral(":8080"), f.bob.userId, 600}}, &f.bob).status, 403);
    QCOMPARE(f.anonymous().put(QStringLiteral("/oms/v1/resources/%1/relayports").arg(rid), {}).status, 401);
    QCOMPARE(listedBob(f, kRelayIp + QStringLiteral(":8080")), QStringList{QStringLiteral("198.19.1.2:6881")});
    // No more entries than the quota it registered.
    const HttpResponse over = report(f, rid, {{kRelayIp + QStringLiteral(":49200"), f.bob.userId, 600},
                                              {kRelayIp + QStringLiteral(":49201"), f.bob.userId, 600},
                                              {kRelayIp + QStringLiteral(":49202"), f.bob.userId, 600}});
    QCOMPARE(over.status, 400);
    QCOMPARE(report(f, rid, {{kRelayIp + QStringLiteral(":49200"), f.bob.userId, 600},
                             {kRelayIp + QStringLiteral(":49201"), f.bob.userId, 600}}).status, 200);
}

void TestRelayedPort::reportsSurviveAnOmsRestart()
{
    OmsFixture f;
    QCOMPARE(f.createOverlay(f.alice, m_hash), 201);
    const QString rid = registerRelay(f);
    QCOMPARE(report(f, rid, {{kRelayIp + QStringLiteral(":49200"), f.bob.userId, 600}}).status, 200);
    f.reopen();   // a restart: the reported allocation is in oms.db, not in memory
    QCOMPARE(listedBob(f, kRelayIp + QStringLiteral(":49200")), QStringList{kRelayIp + QStringLiteral(":49200")});
    const QJsonObject status = QJsonDocument::fromJson(
        f.as(f.provider).get(QStringLiteral("/oms/v1/resources/%1").arg(rid)).body).object();
    const QJsonArray ports = status.value(QStringLiteral("relayPorts")).toArray();
    QCOMPARE(ports.size(), 1);
    QCOMPARE(ports.first().toObject().value(QStringLiteral("userId")).toString(), f.bob.userId);
    QCOMPARE(ports.first().toObject().value(QStringLiteral("expiresAt")).toInteger(), f.now + 600);
}

QTEST_GUILESS_MAIN(TestRelayedPort)
#include "tst_relayedport.moc"
