// Managed peers (`mp2p` processes) through real NATs (see netnslab.h): seeder A behind NAT A,
// downloader B behind NAT B, mp2pd, coturn and our RS on the public segment. Without a relay B
// gets nothing; with `mp2p seed --relay turn://…` on coturn, and then on our RS, B's download
// completes byte-identical. The OMS lists A's relayed address (trustIpParameter here; the ORCP
// rule is covered by tst_relayedannounce). Skips when not root / no ip netns / no nft.
#include "netnslab.h"

#include <mp2pdprocess.h>

#include <testrequire.h>

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using mp2p::test::Mp2pdProcess;

class TestRelayNatPeers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void seederBehindNatIsReachedOnlyThroughARelay();

private:
    QProcess *peer(NetnsLab &lab, const QString &ns, const QString &listen, const QString &dataDir,
                   const QStringList &command);
    static QJsonObject waitForEvent(QProcess *p, const QString &name, int ms, QByteArray *log,
                                    const std::function<bool(const QJsonObject &)> &match = {});
    bool runRelayedLeg(NetnsLab &lab, const QString &leg, quint16 rsPort, const QString &aData, const QString &aListen,
                       QProcess **a, QProcess **b, const QString &bDir, const QByteArray &content, QProcess *mp2pd,
                       const QString &contentId, const QString &infoHash);
    QTemporaryDir m_dir;
};

namespace {
// On failure the peers' JSON lines and mp2pd's output are kept for a person to read.
void keepLogs(const QString &leg, const QByteArray &a, const QByteArray &b, QProcess *mp2pd)
{
    const QString base = QStringLiteral("/tmp/mp2p-relay-nat-peers-") + leg + u'-';
    for (const auto &[name, data] : {std::pair{QStringLiteral("a.log"), a}, std::pair{QStringLiteral("b.log"), b},
                                     std::pair{QStringLiteral("mp2pd.log"), mp2pd->readAll()}}) {
        QFile f(base + name);
        if (f.open(QIODevice::WriteOnly))
            f.write(data);
    }
}

const QString kServer = QStringLiteral("http://198.18.0.1:7800");
constexpr qint64 kSize = 12 << 20;
}

void TestRelayNatPeers::initTestCase()
{
    const QString why = NetnsLab::unavailableReason();
    MP2P_REQUIRE(why.isEmpty(), QStringLiteral("the NAT test ") + why);
    MP2P_REQUIRE(QFile::exists(QStringLiteral("/usr/bin/turnserver")), "/usr/bin/turnserver is missing (install Debian's coturn package)");
}

QProcess *TestRelayNatPeers::peer(NetnsLab &lab, const QString &ns, const QString &listen, const QString &dataDir,
                                  const QStringList &command)
{
    return lab.start(ns, Mp2pdProcess::binary(QStringLiteral("mp2p")),
                     command + QStringList{QStringLiteral("--server"), kServer, QStringLiteral("--data-dir"), dataDir,
                                           QStringLiteral("--listen"), listen, QStringLiteral("--no-utp"),
                                           QStringLiteral("--json")});
}

QJsonObject TestRelayNatPeers::waitForEvent(QProcess *p, const QString &name, int ms, QByteArray *log,
                                            const std::function<bool(const QJsonObject &)> &match)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < ms) {
        while (p->canReadLine()) {
            const QByteArray line = p->readLine();
            *log += line;
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(QStringLiteral("event")).toString() == name && (!match || match(o)))
                return o;
        }
        if (p->state() == QProcess::NotRunning)
            break;
        p->waitForReadyRead(100);
    }
    *log += p->readAllStandardError();
    return {};
}

// A seeds behind the relay on |rsPort|; B (already in the swarm, data in |bDir|) is restarted
// once A let it in, and must complete with the exact bytes.
bool TestRelayNatPeers::runRelayedLeg(NetnsLab &lab, const QString &leg, quint16 rsPort, const QString &aData,
                                      const QString &aListen, QProcess **a, QProcess **b, const QString &bDir,
                                      const QByteArray &content, QProcess *mp2pd, const QString &contentId,
                                      const QString &infoHash)
{
    const QString dir = m_dir.path();
    QByteArray logA, logB;
    *a = peer(lab, lab.hostA(), aListen, aData,
              {QStringLiteral("seed"), QStringLiteral("--relay"), QStringLiteral("turn://test:secret@198.18.0.1:%1").arg(rsPort)});
    const auto letIn = [](const QJsonObject &o) {
        return o.value(QStringLiteral("text")).toString().contains(QStringLiteral("198.18.0.3"));
    };
    bool ok = !waitForEvent(*a, QStringLiteral("message"), 30000, &logA, letIn).isEmpty();
    if (ok) {
        NetnsLab::stop(*b);
        *b = peer(lab, lab.hostB(), QStringLiteral("198.19.2.2:6881"), dir + bDir,
                  {QStringLiteral("get"), contentId, QStringLiteral("--to"), dir + bDir + QStringLiteral("-files")});
        ok = !waitForEvent(*b, QStringLiteral("completed"), 90000, &logB).isEmpty();
    }
    if (!ok) {
        QProcess *peers = lab.start(lab.pub(), QStringLiteral("/usr/bin/curl"),
                                    {QStringLiteral("-s"), kServer + QStringLiteral("/oms/v1/overlays/%1/peers").arg(infoHash)});
        peers->waitForFinished(5000);
        logB += "\nOMS peers: " + peers->readAll();
        keepLogs(leg, logA, logB, mp2pd);
        qWarning("%s leg failed; logs in /tmp/mp2p-relay-nat-peers-%s-*", qPrintable(leg), qPrintable(leg));
        return false;
    }
    QFile got(dir + bDir + QStringLiteral("-files/movie.bin"));
    const bool identical = got.open(QIODevice::ReadOnly) && got.readAll() == content;
    if (!identical)
        qWarning("%s leg: B's copy differs from A's file", qPrintable(leg));
    return identical;
}

void TestRelayNatPeers::seederBehindNatIsReachedOnlyThroughARelay()
{
    NetnsLab lab;
    QString error;
    QVERIFY2(lab.build(&error), qPrintable(error));
    const QString dir = m_dir.path();

    // The provider, coturn and our RS on the public segment.
    QFile config(dir + QStringLiteral("/mp2pd.json"));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(R"({"oms": {"announceIntervalSecs": 5, "minAnnounceIntervalSecs": 2, "trustIpParameter": true},
                     "pams": {"reportIntervalSecs": 5}})");
    config.close();
    QProcess *mp2pd = lab.start(lab.pub(), Mp2pdProcess::binary(QStringLiteral("mp2pd")),
                                {QStringLiteral("--listen"), QStringLiteral("198.18.0.1"), QStringLiteral("--port"), QStringLiteral("7800"),
                                 QStringLiteral("--data-dir"), dir + QStringLiteral("/p2psp"), QStringLiteral("--config"), config.fileName(),
                                 QStringLiteral("--log-level"), QStringLiteral("info")});
    lab.start(lab.pub(), QStringLiteral("/usr/bin/turnserver"),
              {QStringLiteral("-n"), QStringLiteral("--listening-ip=198.18.0.1"), QStringLiteral("--listening-port=3478"),
               QStringLiteral("--relay-ip=198.18.0.1"), QStringLiteral("--lt-cred-mech"), QStringLiteral("--user=test:secret"),
               QStringLiteral("--realm=mp2p"), QStringLiteral("--no-tls"), QStringLiteral("--no-dtls"), QStringLiteral("--no-cli"),
               QStringLiteral("--no-udp-relay"), QStringLiteral("--no-stun"), QStringLiteral("--allowed-peer-ip=198.18.0.0-198.19.255.255"),
               QStringLiteral("--min-port=49160"), QStringLiteral("--max-port=49200"), QStringLiteral("--log-file=stdout"),
               QStringLiteral("--simple-log")});
    QProcess *ours = lab.start(lab.pub(), QStringLiteral(MP2P_NATTOOL),
                               {QStringLiteral("serve"), QStringLiteral("3479"), QStringLiteral("test"), QStringLiteral("secret")});
    QVERIFY2(!NetnsLab::waitForLine(ours, QStringLiteral("listening "), 10000).isEmpty(), "our RS did not start");

    // A publishes a file from behind NAT A (no relay yet).
    QByteArray content(kSize, Qt::Uninitialized);
    QRandomGenerator(42).generate(reinterpret_cast<quint32 *>(content.data()),
                                  reinterpret_cast<quint32 *>(content.data() + content.size()));
    QDir().mkpath(dir + QStringLiteral("/a-files"));
    QFile file(dir + QStringLiteral("/a-files/movie.bin"));
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(content) == kSize);
    file.close();
    const QString aData = dir + QStringLiteral("/a"), aListen = QStringLiteral("198.19.1.2:6881");
    const QString bListen = QStringLiteral("198.19.2.2:6881");
    QByteArray logA, logB;
    QProcess *a = peer(lab, lab.hostA(), aListen, aData,
                       {QStringLiteral("publish"), file.fileName(), QStringLiteral("--seed")});
    const QJsonObject published = waitForEvent(a, QStringLiteral("published"), 60000, &logA);
    QVERIFY2(!published.isEmpty(), logA.right(3000).constData() + mp2pd->readAll().right(2000));
    const QString contentId = published.value(QStringLiteral("contentId")).toString();

    // 1. No relay: B joins, is told A's NAT address, and gets nothing.
    QProcess *b = peer(lab, lab.hostB(), bListen, dir + QStringLiteral("/b1"),
                       {QStringLiteral("get"), contentId, QStringLiteral("--to"), dir + QStringLiteral("/b1-files")});
    QVERIFY2(!waitForEvent(b, QStringLiteral("started"), 30000, &logB).isEmpty(), logB.right(3000).constData());
    const QJsonObject early = waitForEvent(b, QStringLiteral("completed"), 15000, &logB);
    QVERIFY2(early.isEmpty(), "B completed without a relay: the NATs let a connection through");
    int progressEvents = 0;
    for (const QByteArray &line : logB.split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.value(QStringLiteral("event")).toString() != QLatin1String("progress"))
            continue;
        ++progressEvents;
        QCOMPARE(o.value(QStringLiteral("downloaded")).toDouble(), 0.0);
        QCOMPARE(o.value(QStringLiteral("peers")).toInt(), 0);
    }
    QVERIFY2(progressEvents >= 10, "B reported no progress lines while it waited");

    // 2. A comes back behind coturn. It lets in the overlay's peers (B is in the OMS peer list:
    // its NAT address), then announces the relayed address. libtorrent re-announces at most
    // every 300 s, so B is restarted to ask the OMS again at once (as any new peer would).
    NetnsLab::stop(a);
    QVERIFY(runRelayedLeg(lab, QStringLiteral("coturn"), 3478, aData, aListen, &a, &b, QStringLiteral("/b1"), content, mp2pd,
                          contentId, published.value(QStringLiteral("infoHash")).toString()));
    NetnsLab::stop(b);
    NetnsLab::stop(a);

    // 3. The same through our RS, with a new downloader that joins first.
    b = peer(lab, lab.hostB(), bListen, dir + QStringLiteral("/b2"),
             {QStringLiteral("get"), contentId, QStringLiteral("--to"), dir + QStringLiteral("/b2-files")});
    logB.clear();
    QVERIFY2(!waitForEvent(b, QStringLiteral("started"), 30000, &logB).isEmpty(), logB.right(3000).constData());
    QVERIFY(runRelayedLeg(lab, QStringLiteral("ours"), 3479, aData, aListen, &a, &b, QStringLiteral("/b2"), content, mp2pd,
                          contentId, published.value(QStringLiteral("infoHash")).toString()));
    // The lab's destructor stops every process by PID and deletes the namespaces.
}

MP2P_TEST_GUILESS_MAIN(TestRelayNatPeers)
#include "tst_relay_nat_peers.moc"
