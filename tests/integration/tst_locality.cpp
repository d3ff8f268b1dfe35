// Integration (R3): mp2p-unis serves ALTO maps of three "ISPs" (127.1/127.2/127.3), and the OMS
// of a real mp2pd ranks peer lists by them — and keeps serving when the UNIS goes away.
#include "flowhelpers.h"

#include <mp2pdprocess.h>
#include <peerprocess.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace mp2p;
using namespace mp2p::test;

namespace {

const char *UnisToken = "oms-integration-token-0123456789";

QByteArray unisConfig(bool mergeBIntoA, const QByteArray &umsPublicKey = {})
{
    QJsonObject pids{{QStringLiteral("isp-a"), QJsonObject{{QStringLiteral("ipv4"), mergeBIntoA ? QJsonArray{QStringLiteral("127.1.0.0/16"), QStringLiteral("127.2.0.0/16")}
                                                                                                  : QJsonArray{QStringLiteral("127.1.0.0/16")}}}},
                     {QStringLiteral("isp-c"), QJsonObject{{QStringLiteral("ipv4"), QJsonArray{QStringLiteral("127.3.0.0/16")}}}}};
    if (!mergeBIntoA)
        pids.insert(QStringLiteral("isp-b"), QJsonObject{{QStringLiteral("ipv4"), QJsonArray{QStringLiteral("127.2.0.0/16")}}});
    const QJsonObject config{
        {QStringLiteral("networkMap"), QJsonObject{{QStringLiteral("pids"), pids}}},
        {QStringLiteral("costMap"), QJsonObject{{QStringLiteral("samePidCost"), 1}, {QStringLiteral("defaultCost"), 30},
                                                  {QStringLiteral("costs"), mergeBIntoA ? QJsonArray{}
                                                                                        : QJsonArray{QJsonObject{{QStringLiteral("src"), QStringLiteral("isp-a")},
                                                                                                                 {QStringLiteral("dst"), QStringLiteral("isp-b")},
                                                                                                                 {QStringLiteral("cost"), 10}}}}}},
        {QStringLiteral("auth"), QJsonObject{{QStringLiteral("tokens"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("oms")},
                                                                                              {QStringLiteral("token"), QLatin1String(UnisToken)}}}}}}};
    if (!umsPublicKey.isEmpty()) {  // also let logged-in peers in, with their UMS token (R4)
        QJsonObject auth = config.value(QStringLiteral("auth")).toObject();
        auth.insert(QStringLiteral("umsPublicKey"), QString::fromLatin1(toBase64Url(umsPublicKey)));
        QJsonObject withPeers = config;
        withPeers.insert(QStringLiteral("auth"), auth);
        return QJsonDocument(withPeers).toJson();
    }
    return QJsonDocument(config).toJson();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QByteArray peerId(int isp, int host)
{
    return QByteArrayLiteral("-MP0100-") + QByteArray::number(isp * 100 + host).rightJustified(12, '0');
}

} // namespace

class TestLocality : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    TestHttp m_http;

    // Joins (OMP join over JSON) as the peer at 127.<isp>.0.<host>; returns the listed addresses.
    QStringList join(const QString &base, const QString &overlay, const QString &token, int isp, int host, bool seed)
    {
        const QJsonObject body{{QStringLiteral("peerId"), QString::fromLatin1(peerId(isp, host).toHex())},
                               {QStringLiteral("port"), 6881},
                               {QStringLiteral("ip"), QStringLiteral("127.%1.0.%2").arg(isp).arg(host)},
                               {QStringLiteral("uploaded"), 0}, {QStringLiteral("downloaded"), 0},
                               {QStringLiteral("left"), seed ? 0 : 1000}};
        const HttpResult r = m_http.post(base + QStringLiteral("/oms/v1/overlays/%1/join").arg(overlay), body, token);
        QStringList out;
        for (const QJsonValue &v : r.json().value(QStringLiteral("peers")).toArray())
            out.append(v.toObject().value(QStringLiteral("ip")).toString());
        return r.status == 200 ? out : QStringList{QStringLiteral("HTTP %1").arg(r.status)};
    }

    static QSet<QString> isps(const QStringList &addresses)
    {
        QSet<QString> out;
        for (const QString &a : addresses)
            out.insert(a.section(QLatin1Char('.'), 1, 1));
        return out;
    }

    // One seed in ISP A, three leechers in each ISP, all joined.
    void populate(const QString &base, const QString &overlay, const QString &token)
    {
        join(base, overlay, token, 1, 1, true);
        for (int isp = 1; isp <= 3; ++isp)
            for (int host = 2; host <= 4; ++host)
                join(base, overlay, token, isp, host, false);
    }

    bool startOms(Mp2pdProcess *server, quint16 unisPort)
    {
        const QString config = m_dir.filePath(QStringLiteral("mp2pd-%1.json").arg(unisPort));
        const QJsonObject oms{{QStringLiteral("unis"), QJsonArray{QJsonObject{{QStringLiteral("url"), QStringLiteral("http://127.0.0.1:%1/alto").arg(unisPort)},
                                                                             {QStringLiteral("token"), QLatin1String(UnisToken)},
                                                                             {QStringLiteral("refreshSecs"), 1}}}}};
        QString error;
        const bool ok = writeFile(config, QJsonDocument(QJsonObject{{QStringLiteral("oms"), oms}}).toJson())
                        && server->start({QStringLiteral("--config"), config}, &error);
        if (!ok)
            qWarning("%s", qPrintable(error));
        return ok;
    }

private Q_SLOTS:
    void omsKeepsTrafficInsideIspsAndFollowsTheUnis()
    {
        const QString unisConfigPath = m_dir.filePath(QStringLiteral("unis.json"));
        QVERIFY(writeFile(unisConfigPath, unisConfig(false)));
        Mp2pdProcess unis(QStringLiteral("mp2p-unis"), QString());
        QString error;
        QVERIFY2(unis.start({QStringLiteral("--config"), unisConfigPath}, &error), qPrintable(error));

        // The UNIS exposes network details: nothing without credentials.
        const HttpResult anonymous = m_http.get(unis.baseUrl() + QStringLiteral("/alto/networkmap"));
        QCOMPARE(anonymous.status, 401);
        QCOMPARE(m_http.get(unis.baseUrl() + QStringLiteral("/alto/networkmap"), QStringLiteral("wrong-token-0123456789")).status, 401);
        QCOMPARE(m_http.get(unis.baseUrl() + QStringLiteral("/alto/networkmap"), QLatin1String(UnisToken)).status, 200);

        Mp2pdProcess server(m_dir.filePath(QStringLiteral("p2psp")));
        QVERIFY(startOms(&server, unis.port()));
        const QString base = server.baseUrl();
        const LoggedInUser user = registerAndLogin(m_http, base, QStringLiteral("Locality"));
        const FakeTorrent torrent = fakeTorrent(77);
        QCOMPARE(m_http.post(base + QStringLiteral("/oms/v1/overlays"), {{QStringLiteral("overlayId"), torrent.infoHashV1}, {QStringLiteral("name"), QStringLiteral("l")}},
                             user.token).status, 201);
        populate(base, torrent.infoHashV1, user.token);

        // An ordinary ISP-B leecher gets ISP-B peers only; B's gateway (lowest peer id) gets
        // ISP-B peers first, then the cheapest way out: A's seed.
        QTRY_COMPARE_WITH_TIMEOUT(isps(join(base, torrent.infoHashV1, user.token, 2, 3, false)), QSet<QString>{QStringLiteral("2")}, 15000);
        const QStringList gateway = join(base, torrent.infoHashV1, user.token, 2, 2, false);
        QCOMPARE(isps(gateway.mid(0, 2)), QSet<QString>{QStringLiteral("2")});
        QVERIFY2(gateway.mid(2).contains(QStringLiteral("127.1.0.1")), qPrintable(gateway.join(QLatin1Char(' '))));
        QCOMPARE(isps(join(base, torrent.infoHashV1, user.token, 1, 3, false)), QSet<QString>{QStringLiteral("1")});

        // The operator merges ISP B into ISP A and reloads: B's leechers now see A's seed as local.
        QVERIFY(writeFile(unisConfigPath, unisConfig(true)));
        QCOMPARE(::kill(pid_t(unis.pid()), SIGHUP), 0);
        QTRY_VERIFY_WITH_TIMEOUT(join(base, torrent.infoHashV1, user.token, 2, 3, false).contains(QStringLiteral("127.1.0.1")), 15000);

        // The UNIS dies: once the OMS's next refresh has failed, it keeps ranking by the last map
        // it had (AltoClient keeps it; the merged one), not by the map-less fallback, which would
        // mix ISPs: B's leechers still see A as local, and C's leechers still get C's peers only.
        unis.kill9();
        QTRY_VERIFY_WITH_TIMEOUT(server.output().contains("keeping the last map"), 15000);
        const QStringList fromB = join(base, torrent.infoHashV1, user.token, 2, 3, false);
        QVERIFY2(fromB.contains(QStringLiteral("127.1.0.1")), qPrintable(fromB.join(QLatin1Char(' '))));
        QVERIFY2(isps(fromB).subtract({QStringLiteral("1"), QStringLiteral("2")}).isEmpty(), qPrintable(fromB.join(QLatin1Char(' '))));
        const QStringList fromC = join(base, torrent.infoHashV1, user.token, 3, 3, false);
        QCOMPARE(isps(fromC), QSet<QString>{QStringLiteral("3")});
    }

    void peerLearnsItsRegionFromTheUnis()
    {
        // The provider's UMS key is made first, so the UNIS can accept the peers' UMS tokens.
        const QString dataDir = m_dir.filePath(QStringLiteral("p2psp-r4"));
        QString error;
        const auto umsKey = KeyPair::loadOrCreate(dataDir + QStringLiteral("/ums-signing.key"), &error);
        QVERIFY2(umsKey, qPrintable(error));
        const QString unisConfigPath = m_dir.filePath(QStringLiteral("unis-r4.json"));
        QVERIFY(writeFile(unisConfigPath, unisConfig(false, umsKey->publicKey())));
        Mp2pdProcess unis(QStringLiteral("mp2p-unis"), QString());
        QVERIFY2(unis.start({QStringLiteral("--config"), unisConfigPath}, &error), qPrintable(error));
        const QString providerConfig = m_dir.filePath(QStringLiteral("mp2pd-r4.json"));
        QVERIFY(writeFile(providerConfig, QJsonDocument(QJsonObject{{QStringLiteral("unis"), QJsonArray{unis.baseUrl() + QStringLiteral("/alto")}}}).toJson()));
        Mp2pdProcess server(dataDir);
        QVERIFY2(server.start({QStringLiteral("--config"), providerConfig}, &error), qPrintable(error));

        const QStringList peerArgs{QStringLiteral("--server"), server.baseUrl(), QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("peer-r4")),
                                   QStringLiteral("--listen"), QStringLiteral("127.2.0.9:0"), QStringLiteral("--no-utp")};
        PeerProcess peer;
        peer.start(QStringList{QStringLiteral("daemon")} + peerArgs);
        const QJsonObject region = peer.waitForEvent(QStringLiteral("region"), 20000);
        QVERIFY2(!region.isEmpty(), peer.allOutput().constData());
        QCOMPARE(region.value(QStringLiteral("region")).toString(), QStringLiteral("isp-b"));
        // `mp2p status` shows it while the peer runs.
        PeerProcess status;
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            status.start(QStringList{QStringLiteral("status"), QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("peer-r4"))});
            const QJsonObject s = status.waitForEvent(QStringLiteral("status"), 10000);
            status.waitForExit(5000);
            return s.value(QStringLiteral("region")).toString() == QLatin1String("isp-b");
        }(), 10000);
        QCOMPARE(peer.terminate(), 0);
    }

    void withoutAReachableUnisTheSimpleRuleServes()
    {
        Mp2pdProcess server(m_dir.filePath(QStringLiteral("p2psp-nounis")));
        QVERIFY(startOms(&server, 9));  // nothing listens on port 9
        const QString base = server.baseUrl();
        const LoggedInUser user = registerAndLogin(m_http, base, QStringLiteral("Fallback"));
        const FakeTorrent torrent = fakeTorrent(78);
        QCOMPARE(m_http.post(base + QStringLiteral("/oms/v1/overlays"), {{QStringLiteral("overlayId"), torrent.infoHashV1}, {QStringLiteral("name"), QStringLiteral("f")}},
                             user.token).status, 201);
        populate(base, torrent.infoHashV1, user.token);
        const QStringList list = join(base, torrent.infoHashV1, user.token, 2, 3, false);
        QCOMPARE(list.size(), 9);  // everyone else, from every ISP: seeds first
        QCOMPARE(list.first(), QStringLiteral("127.1.0.1"));
        QCOMPARE(isps(list).size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestLocality)
#include "tst_locality.moc"
