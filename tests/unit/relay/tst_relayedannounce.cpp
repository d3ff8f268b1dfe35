// The OMS tracker and relayed addresses: a peer behind a NAT announces "relayed=ip:port" (its
// TURN allocation); the OMS lists that address only when its IP is a relay server registered
// over ORCP and that RS reported the port as the announcing user's allocation, so nobody can
// point a swarm at a third party.
#include "omsfixture.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace mp2p;
using namespace mp2p::test;

class TestRelayedAnnounce : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void registeredRelayIsListed();
    void unregisteredRelayIsRefusedWithAWarning();
    void malformedRelayedIsAWarning();

private:
    // An announce as it arrives from a peer at |from| (not loopback, so no "ip=" trust).
    static HttpResponse announceFrom(OmsFixture &f, const TestUser &user, const QString &from, const QByteArray &hash,
                                     char id, int port, const QString &extra)
    {
        const QString query = QStringLiteral("info_hash=")
                              + QString::fromLatin1(hash.toPercentEncoding()) + QStringLiteral("&peer_id=")
                              + QString::fromLatin1(OmsFixture::peerId(id).toPercentEncoding())
                              + QStringLiteral("&port=%1&uploaded=0&downloaded=0&left=100&compact=1").arg(port) + extra;
        const QUrl url(QStringLiteral("http://test/announce/") + f.passkeyOf(user) + QLatin1Char('?') + query);
        HttpRequest request;
        request.method = HttpMethod::Get;
        request.path = url.path();
        request.rawQuery = url.query(QUrl::FullyEncoded).toLatin1();
        request.query = QUrlQuery(url);
        request.remoteAddress = QHostAddress(from);
        return f.router->dispatch(request);
    }

    QByteArray m_hash = OmsFixture::hashOf("relayed");
};

void TestRelayedAnnounce::registeredRelayIsListed()
{
    OmsFixture f;
    QCOMPARE(f.createOverlay(f.alice, m_hash), 201);
    const HttpResponse reg = f.as(f.provider).post(QStringLiteral("/oms/v1/resources"),
                                                {{QStringLiteral("type"), QStringLiteral("rs")},
                                                 {QStringLiteral("mode"), QStringLiteral("dedicated")},
                                                 {QStringLiteral("address"), QStringLiteral("198.18.0.1")},
                                                 {QStringLiteral("port"), 3478},
                                                 {QStringLiteral("region"), QStringLiteral("pid1")}});
    QVERIFY2(reg.status == 200 || reg.status == 201, reg.body.constData());
    const QString rid = QJsonDocument::fromJson(reg.body).object().value(QStringLiteral("resourceId")).toString();
    // The RS reports bob's allocation (ORCP relay ports).
    const QJsonArray ports{QJsonObject{{QStringLiteral("relayedAddress"), QStringLiteral("198.18.0.1:49200")},
                                       {QStringLiteral("userId"), f.bob.userId}, {QStringLiteral("expiresInSecs"), 600}}};
    QCOMPARE(f.as(f.provider).put(QStringLiteral("/oms/v1/resources/%1/relayports").arg(rid),
                                  {{QStringLiteral("allocations"), ports}}).status, 200);
    // bob is behind a NAT (198.19.1.2) and announces his relayed address on the RS.
    QVariantMap reply = OmsFixture::decode(announceFrom(f, f.bob, QStringLiteral("198.19.1.2"), m_hash, 'b', 6881,
                                                        QStringLiteral("&relayed=198.18.0.1:49200")));
    QVERIFY2(!reply.contains("failure reason"), reply.value("failure reason").toByteArray());
    QVERIFY(!reply.contains("warning message"));
    reply = OmsFixture::decode(announceFrom(f, f.alice, QStringLiteral("198.19.2.2"), m_hash, 'a', 6881, {}));
    QCOMPARE(compactPeers(reply.value("peers").toByteArray()), QStringList{QStringLiteral("198.18.0.1:49200")});
}

void TestRelayedAnnounce::unregisteredRelayIsRefusedWithAWarning()
{
    OmsFixture f;
    QCOMPARE(f.createOverlay(f.alice, m_hash), 201);
    QVariantMap reply = OmsFixture::decode(announceFrom(f, f.bob, QStringLiteral("198.19.1.2"), m_hash, 'b', 6881,
                                                        QStringLiteral("&relayed=203.0.113.9:80")));
    QVERIFY(reply.value("warning message").toString().contains(QStringLiteral("not on a relay server")));
    reply = OmsFixture::decode(announceFrom(f, f.alice, QStringLiteral("198.19.2.2"), m_hash, 'a', 6881, {}));
    QCOMPARE(compactPeers(reply.value("peers").toByteArray()), QStringList{QStringLiteral("198.19.1.2:6881")});
}

void TestRelayedAnnounce::malformedRelayedIsAWarning()
{
    OmsFixture f;
    QCOMPARE(f.createOverlay(f.alice, m_hash), 201);
    for (const QString &bad : {QStringLiteral("198.18.0.1"), QStringLiteral("x:1"), QStringLiteral("198.18.0.1:0"),
                               QStringLiteral("198.18.0.1:70000")}) {
        const QVariantMap reply = OmsFixture::decode(announceFrom(f, f.bob, QStringLiteral("198.19.1.2"), m_hash, 'b',
                                                                  6881, QStringLiteral("&relayed=") + bad));
        QVERIFY2(!reply.contains("failure reason"), qPrintable(bad));
        QVERIFY2(reply.value("warning message").toString().contains(QStringLiteral("ip:port")), qPrintable(bad));
    }
}

QTEST_GUILESS_MAIN(TestRelayedAnnounce)
#include "tst_relayedannounce.moc"
