// TURN over TCP through real NATs (ip netns + veth + nftables masquerade, 198.18.0.0/15):
// host A (198.19.1.2) and host B (198.19.2.2) sit behind NAT routers that drop inbound new
// connections. Without a relay B cannot reach A at all; with a TCP allocation on coturn, and
// then on our RS, both in the public namespace (198.18.0.1), B's bytes reach A's local
// listener (the stand-in for libtorrent's) and come back byte-identical.
// Needs root, `ip netns`, nft (Debian: nftables) and coturn: MP2P_REQUIRE skips without them
// (and fails under CI).
#include "netnslab.h"

#include <testrequire.h>

#include <QFile>
#include <QTest>

class TestRelayNat : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void throughNatsOnlyWithARelay();

private:
    QProcess *startReceiver(NetnsLab &lab, quint16 rsPort, QString *relayed, QString *echoPort, QString *log);
    bool send(NetnsLab &lab, const QString &ip, const QString &port, qint64 bytes, int timeoutS, QString *log);
};

namespace {
const QString kTool = QStringLiteral(MP2P_NATTOOL);
constexpr qint64 kBytes = 8 << 20;
}

void TestRelayNat::initTestCase()
{
    const QString why = NetnsLab::unavailableReason();
    MP2P_REQUIRE(why.isEmpty(), QStringLiteral("the NAT test ") + why);
    MP2P_REQUIRE(QFile::exists(QStringLiteral("/usr/bin/turnserver")), "/usr/bin/turnserver is missing (install Debian's coturn package)");
}

QProcess *TestRelayNat::startReceiver(NetnsLab &lab, quint16 rsPort, QString *relayed, QString *echoPort, QString *log)
{
    // The RS may still be starting: a few bounded tries.
    for (int attempt = 0; attempt < 10; ++attempt) {
        QProcess *p = lab.start(lab.hostA(), kTool, {QStringLiteral("receive"), QStringLiteral("198.18.0.1"),
                                                     QString::number(rsPort), QStringLiteral("test"), QStringLiteral("secret"),
                                                     QStringLiteral("198.18.0.3")});
        *echoPort = NetnsLab::waitForLine(p, QStringLiteral("echo "), 5000, log);
        *relayed = NetnsLab::waitForLine(p, QStringLiteral("relayed "), 10000, log);
        if (!relayed->isEmpty())
            return p;
        NetnsLab::stop(p);
        QTest::qWait(300);
    }
    return nullptr;
}

bool TestRelayNat::send(NetnsLab &lab, const QString &ip, const QString &port, qint64 bytes, int timeoutS, QString *log)
{
    QProcess *p = lab.start(lab.hostB(), kTool, {QStringLiteral("send"), ip, port, QString::number(bytes), QString::number(timeoutS)});
    const QString ok = NetnsLab::waitForLine(p, QStringLiteral("ok "), (timeoutS + 5) * 1000, log);
    NetnsLab::stop(p);
    return ok == QString::number(bytes);
}

void TestRelayNat::throughNatsOnlyWithARelay()
{
    NetnsLab lab;
    QString error;
    QVERIFY2(lab.build(&error), qPrintable(error));

    QProcess *coturn = lab.start(lab.pub(), QStringLiteral("/usr/bin/turnserver"),
                                 {QStringLiteral("-n"), QStringLiteral("--listening-ip=198.18.0.1"), QStringLiteral("--listening-port=3478"),
                                  QStringLiteral("--relay-ip=198.18.0.1"), QStringLiteral("--lt-cred-mech"), QStringLiteral("--user=test:secret"),
                                  QStringLiteral("--realm=mp2p"), QStringLiteral("--no-tls"), QStringLiteral("--no-dtls"), QStringLiteral("--no-cli"),
                                  QStringLiteral("--no-udp-relay"), QStringLiteral("--no-stun"),
                                  QStringLiteral("--allowed-peer-ip=198.18.0.0-198.19.255.255"),
                                  QStringLiteral("--min-port=49160"), QStringLiteral("--max-port=49200"),
                                  QStringLiteral("--log-file=stdout"), QStringLiteral("--simple-log")});
    QProcess *ours = lab.start(lab.pub(), kTool, {QStringLiteral("serve"), QStringLiteral("3479"), QStringLiteral("test"), QStringLiteral("secret")});
    QVERIFY2(!NetnsLab::waitForLine(ours, QStringLiteral("listening "), 10000).isEmpty(), "our RS did not start");

    // 1. Through coturn.
    QString relayed, echoPort, log;
    QProcess *receiver = startReceiver(lab, 3478, &relayed, &echoPort, &log);
    QVERIFY2(receiver, qPrintable(log + QString::fromUtf8(coturn->readAll()).right(2000)));
    QVERIFY2(relayed.startsWith(QStringLiteral("198.18.0.1:")), qPrintable(relayed));

    // Without a relay: A's private address is unreachable and its NAT drops B's new connection.
    QString direct;
    QVERIFY(!send(lab, QStringLiteral("198.19.1.2"), echoPort, kBytes, 5, &direct));
    QVERIFY(!send(lab, QStringLiteral("198.18.0.2"), echoPort, kBytes, 5, &direct));
    qInfo("direct attempts: %s", qPrintable(direct.simplified()));

    const int colon = int(relayed.lastIndexOf(u':'));
    QString sent;
    // The sender greets first and streams after the echo: coturn 4.6.1 drops what a peer sends
    // before the bind beyond 64 KiB. Under load it also drops data mid-stream when its small
    // per-connection write buffer overflows (coturn issues #51/#58/#1289, "TURN was optimized
    // for media"): seen in about 1 run of 4 on this 2-core box. So coturn gets three tries;
    // our RS, which never drops (TCP flow control instead), gets one.
    bool viaCoturn = false;
    for (int attempt = 1; attempt <= 3 && !viaCoturn; ++attempt) {
        viaCoturn = send(lab, relayed.left(colon), relayed.mid(colon + 1), kBytes, 30, &sent);
        if (!viaCoturn)
            qInfo("coturn attempt %d lost bytes: %s", attempt, qPrintable(sent.simplified()));
        sent.clear();
    }
    NetnsLab::stop(receiver);
    QVERIFY2(viaCoturn, qPrintable(sent + QString::fromUtf8(receiver->readAllStandardError())));

    // 2. Through our RS: the same transfer.
    log.clear();
    receiver = startReceiver(lab, 3479, &relayed, &echoPort, &log);
    QVERIFY2(receiver, qPrintable(log));
    QVERIFY2(relayed.startsWith(QStringLiteral("198.18.0.1:")), qPrintable(relayed));
    const int colon2 = int(relayed.lastIndexOf(u':'));
    sent.clear();
    const bool viaOurs = send(lab, relayed.left(colon2), relayed.mid(colon2 + 1), kBytes, 60, &sent);
    NetnsLab::stop(receiver);
    QVERIFY2(viaOurs, qPrintable(sent + QString::fromUtf8(receiver->readAllStandardError())));
    // The lab's destructor stops every process by PID and deletes the namespaces.
}

MP2P_TEST_GUILESS_MAIN(TestRelayNat)
#include "tst_relay_nat.moc"
