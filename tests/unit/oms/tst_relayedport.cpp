// The OMS and "relayed=" on a registered relay's IP: only a port the RS can relay on is listed.
// A peer naming the relay's TURN port (or a privileged port such as 22) of a registered RS is
// not treated as relayed: the OMS would otherwise point the swarm at the relay host's own
// services. It stays listed at its source address with a warning; a relayed port is listed.
#include "omsfixture.h"

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
    static void registerRelay(OmsFixture &f)
    {
        const HttpResponse reg = f.as(f.provider).post(QStringLiteral("/oms/v1/resources"),
                                                    {{QStringLiteral("type"), QStringLiteral("rs")},
                                                     {QStringLiteral("mode"), QStringLiteral("dedicated")},
                                                     {QStringLiteral("address"), kRelayIp},
                                                     {QStringLiteral("port"), kTurnPort}});
        QVERIFY2(reg.status == 200 || reg.status == 201, reg.body.constData());
    }

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
    registerRelay(f);
    QVariantMap reply = announceFrom(f, f.bob, QStringLiteral("198.19.1.2"), m_hash, 'b',
                                     QStringLiteral("&relayed=%1:49200").arg(kRelayIp));
    QVERIFY2(!reply.contains("warning message"), reply.value("warning message").toByteArray());
    reply = announceFrom(f, f.alice, QStringLiteral("198.19.2.2"), m_hash, 'a', {});
    QCOMPARE(compactPeers(reply.value("peers").toByteArray()), QStringList{kRelayIp + QStringLiteral(":49200")});
}

QTEST_GUILESS_MAIN(TestRelayedPort)
#include "tst_relayedport.moc"
