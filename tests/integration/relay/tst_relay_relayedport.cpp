// "relayed=" against a real relay's real allocations: a provider's mp2pd and a dedicated RS
// (`mp2pd --services rs --provider URL`) on loopback. The RS reports its live TURN allocations to
// the OMS over ORCP (PUT .../relayports), and the tracker lists a relayed address only for the
// user whose credentials made that allocation. A peer stand-in (mp2p_relay_nattool receive) holds
// A's allocation with credentials from the OMS's broker. Loopback announces are trusted like
// "ip=", but not for a registered RS's IP: there the port must be the announcing user's allocation.
#include <mp2pdprocess.h>

#include <relay/turnclient.h>
#include <user/bencode.h>
#include <user/provider/identity.h>
#include <user/provider/providerclient.h>
#include <user/relayed/relayedpeer.h>

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace mp2p;
using namespace mp2p::test;

namespace {
const QByteArray kHash = QByteArray::fromHex("5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed");

struct User {
    std::unique_ptr<ProviderClient> client;
    QString userId, token, passkey;
};
} // namespace

class TestRelayRelayedPort : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void onlyTheHoldersLiveAllocationIsListed();

private:
    bool login(User *user, const QString &dir);
    // Announces `user` as peer `id` at ip:6881 with "relayed=" (left out when empty); returns the
    // tracker's warning (empty: none).
    QString announce(const User &user, char id, const QString &ip, const QString &relayed);
    // What a third peer is told: "ip:port" of every other peer in the swarm.
    QStringList swarmSeenBy(const User &watcher);
    // The relay's reported ports at the OMS (operator view).
    QJsonArray reportedPorts();

    TestHttp m_http;
    QNetworkAccessManager m_network;
    QString m_providerUrl, m_rid;
};

bool TestRelayRelayedPort::login(User *user, const QString &dir)
{
    QString error;
    const auto identity = Identity::loadOrCreate(dir, &error);
    if (!identity)
        return false;
    user->client = std::make_unique<ProviderClient>(QUrl(m_providerUrl), *identity, &m_network);
    QSignalSpy ready(user->client.get(), &ProviderClient::ready);
    user->client->connectToProvider();
    if (!ready.wait(20000))
        return false;
    user->userId = identity->userId;
    user->token = user->client->token();
    user->passkey = m_http.get(m_providerUrl + QStringLiteral("/ums/v1/passkey"), user->token)
                        .json().value(QStringLiteral("passkey")).toString();
    return !user->passkey.isEmpty();
}

QString TestRelayRelayedPort::announce(const User &user, char id, const QString &ip, const QString &relayed)
{
    QByteArray q = "info_hash=" + kHash.toPercentEncoding() + "&peer_id=" + QByteArray(20, id).toPercentEncoding()
                   + "&port=6881&uploaded=0&downloaded=0&left=100&compact=0&numwant=50&ip=" + ip.toLatin1();
    if (!relayed.isEmpty())
        q += "&relayed=" + relayed.toLatin1();
    const HttpResult r = m_http.get(m_providerUrl + QStringLiteral("/announce/") + user.passkey + QLatin1Char('?')
                                    + QString::fromLatin1(q));
    QString error;
    const QVariantMap reply = bdecode(r.body, &error).value_or(QVariant()).toMap();
    if (reply.contains(QStringLiteral("failure reason")))
        return QStringLiteral("FAILURE ") + reply.value(QStringLiteral("failure reason")).toString();
    return reply.value(QStringLiteral("warning message")).toString();
}

QStringList TestRelayRelayedPort::swarmSeenBy(const User &watcher)
{
    const QByteArray q = "info_hash=" + kHash.toPercentEncoding() + "&peer_id=" + QByteArray(20, 'w').toPercentEncoding()
                         + "&port=6881&uploaded=0&downloaded=0&left=100&compact=0&numwant=50&ip=127.9.0.99";
    const HttpResult r = m_http.get(m_providerUrl + QStringLiteral("/announce/") + watcher.passkey + QLatin1Char('?')
                                    + QString::fromLatin1(q));
    QString error;
    QStringList out;
    const QVariantMap reply = bdecode(r.body, &error).value_or(QVariant()).toMap();
    for (const QVariant &p : reply.value(QStringLiteral("peers")).toList()) {
        const QVariantMap peer = p.toMap();
        out.append(QStringLiteral("%1:%2").arg(peer.value(QStringLiteral("ip")).toString()).arg(peer.value(QStringLiteral("port")).toInt()));
    }
    out.sort();
    return out;
}

QJsonArray TestRelayRelayedPort::reportedPorts()
{
    return m_http.get(m_providerUrl + QStringLiteral("/oms/v1/resources/") + m_rid, testServiceToken())
        .json().value(QStringLiteral("relayPorts")).toArray();
}

void TestRelayRelayedPort::onlyTheHoldersLiveAllocationIsListed()
{
    const QString nattool = QStringLiteral(MP2P_NATTOOL);
    QTemporaryDir dir;
    QString error;
    const auto rsIdentity = Identity::loadOrCreate(dir.filePath(QStringLiteral("rs/rs")), &error);
    QVERIFY2(rsIdentity, qPrintable(error));
    Mp2pdProcess provider(dir.filePath(QStringLiteral("provider")));
    QVERIFY2(provider.start({QStringLiteral("--config"),
                             writeOperatorsConfig(dir.filePath(QStringLiteral("provider.json")), {rsIdentity->userId})},
                            &error),
             qPrintable(error));
    m_providerUrl = provider.baseUrl();

    QTcpServer probe;   // a free TURN port for the RS
    QVERIFY(probe.listen(QHostAddress(QStringLiteral("127.0.0.1")), 0));
    const quint16 turnPort = probe.serverPort();
    probe.close();
    // Allocations last 4 s unless refreshed (the client refreshes at 80 %), so expiry is quick.
    QFile config(dir.filePath(QStringLiteral("rs.json")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(QStringLiteral(R"({"rs": {"listen": "127.0.0.1:%1", "allowLoopbackPeers": true, "maxLifetime": 4}})")
                     .arg(turnPort).toUtf8());
    config.close();
    Mp2pdProcess rs(dir.filePath(QStringLiteral("rs")));
    QVERIFY2(rs.start({QStringLiteral("--services"), QStringLiteral("rs"), QStringLiteral("--provider"), m_providerUrl,
                       QStringLiteral("--config"), config.fileName(), QStringLiteral("--log-level"), QStringLiteral("info")},
                      &error),
             qPrintable(error));
    QJsonObject orcp;
    QVERIFY(QTest::qWaitFor([&] {
        orcp = m_http.get(rs.baseUrl() + QStringLiteral("/rs/healthz")).json().value(QStringLiteral("orcp")).toObject();
        return orcp.value(QStringLiteral("omsSecret")).toBool();
    }, 20000));
    m_rid = orcp.value(QStringLiteral("resourceId")).toString();

    User a, b, watcher;
    QVERIFY(login(&a, dir.filePath(QStringLiteral("a"))));
    QVERIFY(login(&b, dir.filePath(QStringLiteral("b"))));
    QVERIFY(login(&watcher, dir.filePath(QStringLiteral("w"))));
    QCOMPARE(m_http.post(m_providerUrl + QStringLiteral("/oms/v1/overlays"),
                         {{QStringLiteral("overlayId"), QString::fromLatin1(kHash.toHex())}, {QStringLiteral("name"), QStringLiteral("x")}},
                         a.token).status, 201);

    // A, nobody can reach, gets credentials from the broker and holds a real allocation.
    const HttpResult offer = m_http.post(m_providerUrl + QStringLiteral("/oms/v1/relays/credentials"), {}, a.token);
    QCOMPARE(offer.status, 200);
    TurnClientConfig turn;
    QVERIFY2(parseRelaySpec(offer.json().value(QStringLiteral("uri")).toString(), &turn, &error), qPrintable(error));
    QProcess holder;
    holder.setProcessChannelMode(QProcess::MergedChannels);
    holder.start(nattool, {QStringLiteral("receive"), QStringLiteral("127.0.0.1"), QString::number(turnPort), turn.username,
                           turn.password, QStringLiteral("127.0.0.1")});
    QByteArray log;
    QString relayed;
    QElapsedTimer clock;
    clock.start();
    QVERIFY2(QTest::qWaitFor([&] {
        log += holder.readAll();
        const int at = int(log.indexOf("relayed "));
        if (at >= 0 && log.indexOf('\n', at) > at)
            relayed = QString::fromLatin1(log.mid(at + 8, log.indexOf('\n', at) - at - 8)).trimmed();
        return !relayed.isEmpty();
    }, 15000), log.constData());
    const quint16 port = quint16(relayed.mid(relayed.lastIndexOf(u':') + 1).toUInt());
    QVERIFY(relayed.startsWith(QStringLiteral("127.0.0.1:")) && port >= 1024);
    // The RS told the OMS: A holds that port.
    QVERIFY2(QTest::qWaitFor([&] {
        const QJsonArray ports = reportedPorts();
        return ports.size() == 1 && ports.first().toObject().value(QStringLiteral("port")).toInt() == port
               && ports.first().toObject().value(QStringLiteral("userId")).toString() == a.userId;
    }, 10000), QJsonDocument(reportedPorts()).toJson().constData());
    qInfo("allocation reported to the OMS %lld ms after the holder started", qlonglong(clock.elapsed()));

    // A announces its own allocation: listed there.
    QCOMPARE(announce(a, 'a', QStringLiteral("127.9.0.1"), relayed), QString());
    QCOMPARE(swarmSeenBy(watcher), QStringList{relayed});

    // A names another high port of the relay host (the RS's own HTTP service): refused.
    const QString service = QStringLiteral("127.0.0.1:%1").arg(rs.port());
    QVERIFY(announce(a, 'a', QStringLiteral("127.9.0.1"), service).contains(QStringLiteral("not a relayed port")));
    QCOMPARE(swarmSeenBy(watcher), QStringList{QStringLiteral("127.9.0.1:6881")});
    QVERIFY(announce(a, 'a', QStringLiteral("127.9.0.1"), QStringLiteral("127.0.0.1:%1").arg(port == 65535 ? 65534 : port + 1))
                .contains(QStringLiteral("not a relayed port")));

    // B names A's allocation: refused, B stays at its own address; A (back at its port) is unaffected.
    QCOMPARE(announce(a, 'a', QStringLiteral("127.9.0.1"), relayed), QString());
    QVERIFY(announce(b, 'b', QStringLiteral("127.9.0.2"), relayed).contains(QStringLiteral("another user's allocation")));
    QCOMPARE(swarmSeenBy(watcher), (QStringList{relayed, QStringLiteral("127.9.0.2:6881")}));

    // A's client stops refreshing (frozen): the RS ends the allocation after its 4 s and reports it gone.
    ::kill(pid_t(holder.processId()), SIGSTOP);
    clock.restart();
    QVERIFY2(QTest::qWaitFor([&] { return reportedPorts().isEmpty(); }, 15000),
             QJsonDocument(reportedPorts()).toJson().constData());
    qInfo("expired allocation gone from the OMS %lld ms after its holder froze", qlonglong(clock.elapsed()));
    QVERIFY(announce(a, 'a', QStringLiteral("127.9.0.1"), relayed).contains(QStringLiteral("not a relayed port")));
    QCOMPARE(swarmSeenBy(watcher), (QStringList{QStringLiteral("127.9.0.1:6881"), QStringLiteral("127.9.0.2:6881")}));
    ::kill(pid_t(holder.processId()), SIGKILL);
    holder.waitForFinished(5000);
    QCOMPARE(rs.terminate(), 0);
}

QTEST_GUILESS_MAIN(TestRelayRelayedPort)
#include "tst_relay_relayedport.moc"
