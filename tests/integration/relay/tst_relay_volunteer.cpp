// A volunteer's relay that others use, brokered by the OMS (issue 7), on loopback:
//   V — an in-process peer that consents to relay (VolunteerController API): its RS registers at
//       the OMS over ORCP (type "rs", mode "volunteer") and takes the TURN secret the OMS issues;
//   N — `mp2p publish --seed --relay oms`: it cannot be reached directly (an nftables rule in this
//       test's own network namespace drops every connection to N's and D's BitTorrent ports except
//       N's own relay glue from 127.0.0.1), so it asks the OMS for a relay and gets V's;
//   D — `mp2p get`: completes the file byte-identical through V's relay (V's RS counts more bytes
//       than the file), and the OMS peer list names V's RS as the one N is relayed through;
//   D signs relay receipts naming V's owner for the bytes that came through V's relay (the RS
//   owner from the real OMS peer list, nothing injected) and deposits them: V's PAMS balance shows
//   "relayed" equal to what D signed (`mp2p credit --json`: relaySignedForOthers), all of the file;
//   the peers' credit timers are shortened through the peer config's "credit" keys;
//   N renews its credentials at the OMS before they expire (60 s here) and allocates again.
// Then V revokes: within one second the OMS no longer lists V's RS, and the broker answers 503.
// Needs root inside a separate network namespace (run it under `unshare -n`) and nft; skips otherwise.
#include <mp2pdprocess.h>

#include <relay/relayserver.h>
#include <user/managedpeer.h>
#include <user/volunteer/roles/relayrole.h>
#include <user/volunteer/roles/volunteerhost.h>
#include <user/volunteer/volunteercontroller.h>

#include <testrequire.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace mp2p;
using namespace mp2p::test;

namespace {
const QString V = QStringLiteral("127.1.77.5");
const QString N = QStringLiteral("127.1.77.3");
const QString D = QStringLiteral("127.1.77.4");
constexpr int BtPort = 6881;
constexpr qint64 Size = 6 << 20;
const QString Table = QStringLiteral("mp2p_relay_volunteer");

bool runNft(const QStringList &args, const QByteArray &input, QString *error)
{
    QProcess nft;
    nft.start(QStringLiteral("nft"), args);
    if (!input.isEmpty()) {
        nft.write(input);
        nft.closeWriteChannel();
    }
    if (!nft.waitForFinished(10000) || nft.exitCode() != 0) {
        *error = QString::fromLocal8Bit(nft.readAllStandardError());
        return false;
    }
    return true;
}

// Only in a network namespace of its own may the test change the firewall.
QString unavailableReason()
{
    if (::geteuid() != 0)
        return QStringLiteral("needs root (it adds an nftables rule)");
    if (QStandardPaths::findExecutable(QStringLiteral("nft")).isEmpty())
        return QStringLiteral("needs nft (Debian package nftables)");
    if (QFileInfo(QStringLiteral("/proc/self/ns/net")).symLinkTarget() == QFileInfo(QStringLiteral("/proc/1/ns/net")).symLinkTarget())
        return QStringLiteral("runs only in a network namespace of its own: unshare -n bash -c 'ip link set lo up && exec ctest ...'");
    return {};
}

// An `mp2p` process whose JSON lines are read while this thread's event loop keeps running
// (V's relay server lives on it).
class CliPeer {
public:
    ~CliPeer() { stop(); }
    void start(const QStringList &args)
    {
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(Mp2pdProcess::binary(QStringLiteral("mp2p")), args + QStringList{QStringLiteral("--json")});
    }
    QJsonObject waitFor(const QString &event, int ms, const std::function<bool(const QJsonObject &)> &match = {})
    {
        // Events may come in any order (the relay can be ready before or after "published"):
        // every event seen so far counts.
        for (const QJsonObject &o : std::as_const(m_events))
            if (o.value(QStringLiteral("event")).toString() == event && (!match || match(o)))
                return o;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < ms) {
            m_buffer += m_process.readAllStandardOutput();
            for (qsizetype end = m_buffer.indexOf('\n'); end >= 0; end = m_buffer.indexOf('\n')) {
                const QByteArray line = m_buffer.left(end + 1);
                m_buffer.remove(0, end + 1);
                m_log += line;
                const QJsonObject o = QJsonDocument::fromJson(line).object();
                m_events.append(o);
                if (o.value(QStringLiteral("event")).toString() == event && (!match || match(o)))
                    return o;
            }
            if (m_process.state() == QProcess::NotRunning)
                break;
            // Polls the pipe too (short, so V's relay on this thread keeps going), then runs the loop.
            m_process.waitForReadyRead(10);
            QTest::qWait(40);
        }
        m_log += m_process.readAllStandardError();
        return {};
    }
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();  // SIGTERM to its PID
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    QByteArray log() { return m_log + m_buffer + m_process.readAllStandardOutput() + m_process.readAllStandardError(); }

private:
    QProcess m_process;
    QByteArray m_buffer;
    QByteArray m_log;
    QList<QJsonObject> m_events;
};

// `mp2p credit --json` for a data folder: the local receipt figures and the PAMS balance.
QJsonObject creditOf(const QString &server, const QString &dataDir)
{
    QProcess p;
    p.start(Mp2pdProcess::binary(QStringLiteral("mp2p")),
            {QStringLiteral("credit"), QStringLiteral("--json"), QStringLiteral("--server"), server, QStringLiteral("--data-dir"), dataDir});
    if (!p.waitForFinished(15000))
        p.kill();
    const QList<QByteArray> lines = p.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.value(QStringLiteral("event")).toString() == QLatin1String("credit"))
            return o;
    }
    return {};
}

bool textContains(const QJsonObject &o, const QString &what)
{
    return o.value(QStringLiteral("text")).toString().contains(what);
}
} // namespace

class TestRelayVolunteer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void natedSeedReachedThroughAVolunteersRelay();

private:
    QStringList peerArgs(const QString &name, const QString &ip) const;
    QJsonArray relaysAtOms();

    QTemporaryDir m_dir;
    QString m_server;
    TestHttp m_http;
    bool m_firewall = false;
};

void TestRelayVolunteer::initTestCase()
{
    const QString why = unavailableReason();
    MP2P_REQUIRE(why.isEmpty(), QStringLiteral("the volunteer relay test ") + why);
    // D's listener takes no connection at all; N's only its own relay glue's (from 127.0.0.1).
    const QByteArray rules = QStringLiteral(
        "table inet %1 {\n chain out {\n  type filter hook output priority 0; policy accept;\n"
        "  ip daddr %2 tcp dport %4 drop\n  ip daddr %3 tcp dport %4 ip saddr != 127.0.0.1 drop\n }\n}\n")
        .arg(Table, D, N).arg(BtPort).toUtf8();
    QString error;
    QVERIFY2(runNft({QStringLiteral("-f"), QStringLiteral("-")}, rules, &error), qPrintable(error));
    m_firewall = true;
}

void TestRelayVolunteer::cleanupTestCase()
{
    QString ignored;
    if (m_firewall)
        runNft({QStringLiteral("delete"), QStringLiteral("table"), QStringLiteral("inet"), Table}, {}, &ignored);
}

QStringList TestRelayVolunteer::peerArgs(const QString &name, const QString &ip) const
{
    return {QStringLiteral("--server"), m_server, QStringLiteral("--data-dir"), m_dir.filePath(name),
            QStringLiteral("--listen"), QStringLiteral("%1:%2").arg(ip).arg(BtPort), QStringLiteral("--no-utp")};
}

QJsonArray TestRelayVolunteer::relaysAtOms()
{
    return m_http.get(m_server + QStringLiteral("/oms/v1/resources?type=rs"), testServiceToken()).json().value(QStringLiteral("resources")).toArray();
}

void TestRelayVolunteer::natedSeedReachedThroughAVolunteersRelay()
{
    QFile config(m_dir.filePath(QStringLiteral("mp2pd.json")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    // Keep-alives every second; announces every 5 s; relay credentials for 60 s (N renews them
    // after 30 s); PAMP reports every 5 s (the PAMS caps D's relay receipts by D's report, and the
    // "completed" report may carry a counter a little behind the last blocks).
    config.write(R"({"oms": {"resourceTtlSecs": 3, "announceIntervalSecs": 5, "minAnnounceIntervalSecs": 2,
                             "relayCredentialTtlSecs": 60}, "pams": {"reportIntervalSecs": 5}})");
    config.close();
    Mp2pdProcess mp2pd(m_dir.filePath(QStringLiteral("p2psp")));
    QString error;
    QVERIFY2(mp2pd.start({QStringLiteral("--config"), config.fileName()}, &error), qPrintable(error));
    m_server = mp2pd.baseUrl();

    // V: a peer that consents to relay; its RS registers at the OMS.
    PeerConfig vConfig;
    vConfig.dataDir = m_dir.filePath(QStringLiteral("v"));
    vConfig.providerUrl = QUrl(m_server);
    vConfig.engine.stateDir = vConfig.dataDir;
    vConfig.engine.listenInterfaces = QStringLiteral("%1:%2").arg(V).arg(BtPort);
    vConfig.engine.enableUtp = false;
    vConfig.relayAllowLoopbackPeers = true;   // N and D are on 127.x; a real volunteer refuses them
    QNetworkAccessManager network;
    ManagedPeer v(vConfig, &network);
    QSignalSpy vReady(&v, &ManagedPeer::ready);
    v.start();
    QVERIFY(vReady.count() > 0 || vReady.wait(30000));
    VolunteerHost host(vConfig, &v, &network);
    QVERIFY2(host.start(&error), qPrintable(error));
    QVERIFY(relaysAtOms().isEmpty());  // nothing before consent
    VolunteerLimits limits;
    limits.maxRelayedConnections = 20;
    QVERIFY2(host.controller()->consent(VolunteerRoleKind::Relay, limits, &error), qPrintable(error));
    host.controller()->evaluate();
    QTRY_VERIFY_WITH_TIMEOUT(host.controller()->isRunning(VolunteerRoleKind::Relay), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(relaysAtOms().size(), 1, 20000);
    const QJsonObject listed = relaysAtOms().at(0).toObject();
    const QString rsId = listed.value(QStringLiteral("resourceId")).toString();
    QCOMPARE(listed.value(QStringLiteral("owner")).toString(), v.provider()->identity().userId);
    QCOMPARE(listed.value(QStringLiteral("mode")).toString(), QStringLiteral("volunteer"));
    QCOMPARE(listed.value(QStringLiteral("address")).toString(), V);
    RelayServer *rs = host.relayRole()->server();
    QVERIFY(rs);
    QCOMPARE(listed.value(QStringLiteral("port")).toInt(), int(rs->port()));
    QCOMPARE(host.relayRole()->orcp()->resourceId(), rsId);

    // N publishes and seeds behind the relay the OMS hands it.
    QByteArray content(Size, Qt::Uninitialized);
    QRandomGenerator(7).generate(reinterpret_cast<quint32 *>(content.data()), reinterpret_cast<quint32 *>(content.data() + content.size()));
    QDir().mkpath(m_dir.filePath(QStringLiteral("n-files")));
    QFile file(m_dir.filePath(QStringLiteral("n-files/movie.bin")));
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(content) == Size);
    file.close();
    CliPeer n;
    // N uploads at full loopback speed: D's download can be over before D has read the OMS list
    // that names N's relay, and the RS must still be credited every byte (the connection's bytes
    // wait in ReceiptExchange::rememberUnattributed until the list comes).
    n.start(QStringList{QStringLiteral("publish"), file.fileName(), QStringLiteral("--seed"), QStringLiteral("--relay"), QStringLiteral("oms")}
            + peerArgs(QStringLiteral("n"), N));
    const QJsonObject assigned = n.waitFor(QStringLiteral("message"), 60000, [](const QJsonObject &o) {
        return textContains(o, QStringLiteral("the OMS assigned relay"));
    });
    QVERIFY2(!assigned.isEmpty(), n.log().right(3000).constData());
    QVERIFY(textContains(assigned, rsId));
    const QJsonObject published = n.waitFor(QStringLiteral("published"), 60000);
    QVERIFY2(!published.isEmpty(), n.log().right(3000).constData());
    const QString contentId = published.value(QStringLiteral("contentId")).toString();
    const QString infoHash = published.value(QStringLiteral("infoHash")).toString();
    QVERIFY2(!n.waitFor(QStringLiteral("message"), 30000, [](const QJsonObject &o) {
                   return textContains(o, QStringLiteral("reachable through the relay at ") + V);
               }).isEmpty(), n.log().right(3000).constData());

    // N cannot be reached directly: a connection from D's address to N's listener never completes.
    QTcpSocket probe;
    QVERIFY(probe.bind(QHostAddress(D)));
    probe.connectToHost(QHostAddress(N), BtPort);
    QVERIFY2(!probe.waitForConnected(2000), "N's listener is reachable directly: the firewall rule does not hold");
    probe.abort();

    // D joins (the OMS lists N only at its relayed address on V's RS, and says so); once N let
    // D's address in, D asks again at once (a restart, as libtorrent would only re-announce later).
    // D runs with the credit timers of a lab: redeem every 1 s, relay directory every 1 s, and
    // settle 3 s: a receipt is deposited 3 s after the newest one (D signs one every MiB or 2 s
    // while it downloads), when D's "completed" PAMP report, the PAMS's cap, has long arrived;
    // one found "inflated" anyway is sent again 2 s later.
    QFile dConfig(m_dir.filePath(QStringLiteral("d.json")));
    QVERIFY(dConfig.open(QIODevice::WriteOnly));
    dConfig.write(R"({"credit": {"settleSecs": 3, "redeemIntervalSecs": 1, "inflatedRetrySecs": 2, "relayRefreshSecs": 1}})");
    dConfig.close();
    const QStringList dArgs = QStringList{QStringLiteral("--config"), dConfig.fileName()} + peerArgs(QStringLiteral("d"), D);
    CliPeer d1;
    const QString dFiles = m_dir.filePath(QStringLiteral("d-files"));
    d1.start(QStringList{QStringLiteral("get"), contentId, QStringLiteral("--to"), dFiles} + dArgs);
    QVERIFY2(!d1.waitFor(QStringLiteral("started"), 30000).isEmpty(), d1.log().right(3000).constData());
    QVERIFY2(!n.waitFor(QStringLiteral("message"), 30000, [](const QJsonObject &o) {
                   return textContains(o, QStringLiteral("peers allowed in")) && textContains(o, D);
               }).isEmpty(), n.log().right(3000).constData());
    const QJsonArray peers = m_http.get(m_server + QStringLiteral("/oms/v1/overlays/%1/peers").arg(infoHash), testServiceToken()).json()
                                 .value(QStringLiteral("peers")).toArray();
    int relayedViaV = 0;
    for (const QJsonValue &p : peers) {
        const QJsonObject o = p.toObject();
        QVERIFY(o.contains(QStringLiteral("region")));
        QVERIFY2(o.value(QStringLiteral("ip")).toString() != N, "N is listed at its own address: the relay was bypassed");
        if (o.value(QStringLiteral("relay")).toObject().value(QStringLiteral("resourceId")).toString() == rsId) {
            ++relayedViaV;
            QCOMPARE(o.value(QStringLiteral("ip")).toString(), V);
            QCOMPARE(o.value(QStringLiteral("relay")).toObject().value(QStringLiteral("owner")).toString(), v.provider()->identity().userId);
        }
    }
    QCOMPARE(relayedViaV, 1);
    d1.stop();
    // D keeps running after the download (--seed) so it deposits its relay receipts (those the
    // first run signed wait in its receipts.db).
    CliPeer d2;
    d2.start(QStringList{QStringLiteral("get"), contentId, QStringLiteral("--to"), dFiles, QStringLiteral("--seed")} + dArgs);
    QVERIFY2(!d2.waitFor(QStringLiteral("completed"), 120000).isEmpty(),
             (d2.log().right(3000) + "\n--- N ---\n" + n.log().right(3000)).constData());
    QFile got(dFiles + QStringLiteral("/movie.bin"));
    QVERIFY(got.open(QIODevice::ReadOnly));
    QVERIFY2(got.readAll() == content, "D's copy differs from N's file");
    // Every byte came through V's relay (BitTorrent framing and hashes make it a little more).
    QVERIFY2(rs->totalBytesRelayed() > Size, qPrintable(QString::number(rs->totalBytesRelayed())));
    qInfo("V's relay carried %lld bytes for a %lld-byte file (%.3f x)", rs->totalBytesRelayed(), Size,
          double(rs->totalBytesRelayed()) / double(Size));

    // Relay credit end to end: D learned from the OMS peer list that N's address is on V's RS,
    // signed relay receipts naming V's owner and deposits them; V's "relayed" is what D signed:
    // every byte of the file, and nothing else (V uploaded nothing itself).
    const QString vId = v.provider()->identity().userId;
    const QString dDir = m_dir.filePath(QStringLiteral("d"));
    QJsonObject dCredit;
    qint64 relayedAtV = -1;
    QElapsedTimer creditClock;
    creditClock.start();
    while (creditClock.elapsed() < 40000) {
        dCredit = creditOf(m_server, dDir);
        relayedAtV = m_http.get(m_server + QStringLiteral("/pams/v1/credit/") + vId).json().value(QStringLiteral("relayed")).toInteger(-1);
        const qint64 signedNow = dCredit.value(QStringLiteral("relaySignedForOthers")).toInteger();
        if (signedNow >= Size && dCredit.value(QStringLiteral("relayPending")).toInteger() == 0 && relayedAtV == signedNow)
            break;
        QTest::qWait(500);
    }
    const qint64 relaySigned = dCredit.value(QStringLiteral("relaySignedForOthers")).toInteger();
    qInfo("D signed relay receipts for %lld bytes (%lld rejected attempts on the way); V's PAMS balance shows "
          "relayed = %lld, %lld ms after D completed", relaySigned, dCredit.value(QStringLiteral("rejectedAttempts")).toInteger(),
          relayedAtV, creditClock.elapsed());
    QVERIFY2(relaySigned == Size, (QJsonDocument(dCredit).toJson() + "\n--- D ---\n" + d2.log().right(3000)).constData());
    QCOMPARE(relayedAtV, relaySigned);
    QCOMPARE(dCredit.value(QStringLiteral("relayCreditedForOthers")).toInteger(), relaySigned);
    const QJsonObject vCredit = m_http.get(m_server + QStringLiteral("/pams/v1/credit/") + vId).json();
    QCOMPARE(vCredit.value(QStringLiteral("balance")).toInteger(), relaySigned);
    QCOMPARE(vCredit.value(QStringLiteral("rejectedAttempts")).toInteger(), qint64(0));
    // (D's own rejectedAttempts is not asserted: a deposit that comes before D's next PAMP report
    // is "inflated", refused and logged, and sent again inflatedRetrySecs later.)
    d2.stop();

    // N asks the OMS again before its credentials expire (half their 60 s here) and allocates anew.
    QElapsedTimer renewal;
    renewal.start();
    const QJsonObject renewed = n.waitFor(QStringLiteral("message"), 45000, [&assigned](const QJsonObject &o) {
        return textContains(o, QStringLiteral("the OMS assigned relay")) && o != assigned;
    });
    QVERIFY2(!renewed.isEmpty(), n.log().right(3000).constData());
    QVERIFY(textContains(renewed, rsId));
    QVERIFY2(!n.waitFor(QStringLiteral("message"), 20000, [&renewed](const QJsonObject &o) {
                   return textContains(o, QStringLiteral("reachable through the relay at ")) && o.value(QStringLiteral("time")).toInteger()
                                                                                                  >= renewed.value(QStringLiteral("time")).toInteger();
               }).isEmpty(), n.log().right(3000).constData());
    qInfo("N renewed its relay credentials %lld ms after D completed", renewal.elapsed());

    // V revokes: the OMS stops listing its RS within a second, and has no relay to hand out.
    QElapsedTimer clock;
    clock.start();
    QVERIFY2(host.controller()->revoke(VolunteerRoleKind::Relay, &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(relaysAtOms().isEmpty(), 1000);
    const qint64 goneMs = clock.elapsed();
    QVERIFY2(goneMs < 1000, qPrintable(QString::number(goneMs)));
    qInfo("the OMS stopped listing V's relay %lld ms after the revocation", goneMs);
    const HttpResult none = m_http.post(m_server + QStringLiteral("/oms/v1/relays/credentials"), {}, v.provider()->token());
    QCOMPARE(none.status, 503);
    QCOMPARE(none.json().value(QStringLiteral("error")).toString(), QStringLiteral("no_relay"));

    n.stop();
    bool done = false;
    v.shutdown([&done] { done = true; });
    QTRY_VERIFY_WITH_TIMEOUT(done, 15000);
}

MP2P_TEST_MAIN(TestRelayVolunteer)
#include "tst_relay_volunteer.moc"
