#include <user/cli/cliconfig.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mp2p;

class TestCliConfig : public QObject {
    Q_OBJECT
private:
    static bool read(const QStringList &args, CliConfig *config, QString *error)
    {
        QCommandLineParser parser;
        addCliOptions(parser);
        if (!parser.parse(QStringList{QStringLiteral("mp2p")} + args)) {
            *error = parser.errorText();
            return false;
        }
        return readCliConfig(parser, config, error);
    }

private Q_SLOTS:
    void defaultsAreEmbeddedAndQuiet()
    {
        CliConfig c;
        QString error;
        QVERIFY(read({}, &c, &error));
        QVERIFY(c.embedded);
        QCOMPARE(c.peer.dataDir, defaultDataDir());
        QCOMPARE(c.peer.engine.stateDir, c.peer.dataDir);
        QVERIFY(!c.peer.engine.enableDht && !c.peer.engine.enableLsd && !c.peer.engine.enableUpnp && !c.peer.engine.enableNatPmp);
        QVERIFY(!c.peer.engine.rateLimitLocalPeers);
    }

    void flagsFillThePeerConfig()
    {
        CliConfig c;
        QString error;
        QVERIFY2(read({QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:7800"), QStringLiteral("--listen"), QStringLiteral("127.1.0.2:6881"),
                       QStringLiteral("--upload-limit"), QStringLiteral("100"), QStringLiteral("--no-utp"), QStringLiteral("--json")}, &c, &error),
                 qPrintable(error));
        QVERIFY(!c.embedded);
        QCOMPARE(c.peer.providerUrl, QUrl(QStringLiteral("http://127.0.0.1:7800")));
        QCOMPARE(c.peer.engine.listenInterfaces, QStringLiteral("127.1.0.2:6881"));
        QCOMPARE(c.peer.engine.outgoingInterfaces, QStringLiteral("127.1.0.2"));
        QCOMPARE(c.peer.engine.uploadRateLimit, 100 * 1024);
        QVERIFY(c.peer.engine.rateLimitLocalPeers);  // a limit the user sets holds on the LAN too
        QVERIFY(!c.peer.engine.enableUtp);
        QVERIFY(c.json);
    }

    void badValuesNameTheFlag_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("says");
        QTest::newRow("server not a url") << QStringList{QStringLiteral("--server"), QStringLiteral("nowhere")} << QStringLiteral("--server");
        QTest::newRow("server ftp") << QStringList{QStringLiteral("--server"), QStringLiteral("ftp://x")} << QStringLiteral("--server");
        QTest::newRow("listen no port") << QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1")} << QStringLiteral("--listen");
        QTest::newRow("listen bad ip") << QStringList{QStringLiteral("--listen"), QStringLiteral("999.1.1.1:5")} << QStringLiteral("--listen");
        QTest::newRow("listen big port") << QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:70000")} << QStringLiteral("--listen");
        QTest::newRow("limit text") << QStringList{QStringLiteral("--upload-limit"), QStringLiteral("fast")} << QStringLiteral("--upload-limit");
        QTest::newRow("limit negative") << QStringList{QStringLiteral("--download-limit"), QStringLiteral("-1")} << QStringLiteral("--download-limit");
        QTest::newRow("embedded port") << QStringList{QStringLiteral("--embedded-port"), QStringLiteral("x")} << QStringLiteral("--embedded-port");
        QTest::newRow("missing config") << QStringList{QStringLiteral("--config"), QStringLiteral("/nonexistent/mp2p.json")} << QStringLiteral("cannot read");
    }
    void badValuesNameTheFlag()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, says);
        CliConfig c;
        QString error;
        QVERIFY(!read(args, &c, &error));
        QVERIFY2(error.contains(says), qPrintable(error));
    }

    void configFileIsReadAndFlagsWin()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mp2p.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"server\": \"http://provider.example:7800\", \"downloadLimit\": 50, \"utp\": false, \"dataDir\": \"/tmp/x\"}");
        f.close();
        CliConfig c;
        QString error;
        QVERIFY2(read({QStringLiteral("--config"), path, QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("d"))}, &c, &error), qPrintable(error));
        QCOMPARE(c.peer.providerUrl.host(), QStringLiteral("provider.example"));
        QCOMPARE(c.peer.engine.downloadRateLimit, 50 * 1024);
        QVERIFY(!c.peer.engine.enableUtp);
        QCOMPARE(c.peer.dataDir, dir.filePath(QStringLiteral("d")));
    }

    // The credit timers (a lab or a test shortens them) and their bad values, field named.
    void creditTimersFromTheConfigFile_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("problem");  // empty: accepted
        QTest::newRow("all four") << QByteArray("{\"credit\": {\"redeemIntervalSecs\": 1, \"settleSecs\": 3, \"inflatedRetrySecs\": 2, \"relayRefreshSecs\": 0}}") << QString();
        QTest::newRow("not an object") << QByteArray("{\"credit\": 5}") << QStringLiteral("\"credit\" must be an object");
        QTest::newRow("unknown key") << QByteArray("{\"credit\": {\"settle\": 1}}") << QStringLiteral("credit.settle");
        QTest::newRow("negative") << QByteArray("{\"credit\": {\"settleSecs\": -1}}") << QStringLiteral("credit.settleSecs");
        QTest::newRow("zero redeem interval") << QByteArray("{\"credit\": {\"redeemIntervalSecs\": 0}}") << QStringLiteral("credit.redeemIntervalSecs");
        QTest::newRow("a string") << QByteArray("{\"credit\": {\"relayRefreshSecs\": \"15\"}}") << QStringLiteral("credit.relayRefreshSecs");
    }

    void creditTimersFromTheConfigFile()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, problem);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mp2p.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(json);
        f.close();
        CliConfig c;
        QString error;
        const bool ok = read({QStringLiteral("--config"), path}, &c, &error);
        if (!problem.isEmpty()) {
            QVERIFY(!ok);
            QVERIFY2(error.contains(problem), qPrintable(error));
            return;
        }
        QVERIFY2(ok, qPrintable(error));
        QCOMPARE(c.peer.credit.redeemIntervalSecs, 1);
        QCOMPARE(c.peer.credit.settleSecs, 3);
        QCOMPARE(c.peer.credit.inflatedRetrySecs, 2);
        QCOMPARE(c.peer.credit.relayRefreshSecs, 0);
    }

    // The volunteer relay refuses loopback and private peers unless the config file allows them.
    void volunteerRelayPeersFromTheConfigFile_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("problem");
        QTest::newRow("absent: deny") << QByteArray("{}") << QString();
        QTest::newRow("allowed") << QByteArray("{\"volunteerRelay\": {\"allowLoopbackPeers\": true, \"allowedPeerRanges\": [\"10.9.0.0/16\"]}}")
                                 << QString();
        QTest::newRow("not an object") << QByteArray("{\"volunteerRelay\": true}") << QStringLiteral("\"volunteerRelay\" must be an object");
        QTest::newRow("unknown key") << QByteArray("{\"volunteerRelay\": {\"allowLan\": true}}") << QStringLiteral("\"volunteerRelay\" must be");
        QTest::newRow("bad range") << QByteArray("{\"volunteerRelay\": {\"allowedPeerRanges\": [\"10.0.0.0/99\"]}}")
                                   << QStringLiteral("volunteerRelay.allowedPeerRanges");
    }

    void volunteerRelayPeersFromTheConfigFile()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, problem);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mp2p.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(json);
        f.close();
        CliConfig c;
        QString error;
        const bool ok = read({QStringLiteral("--config"), path}, &c, &error);
        if (!problem.isEmpty()) {
            QVERIFY(!ok);
            QVERIFY2(error.contains(problem), qPrintable(error));
            return;
        }
        QVERIFY2(ok, qPrintable(error));
        const bool allowed = json.contains("allowLoopbackPeers");
        QCOMPARE(c.peer.relayAllowLoopbackPeers, allowed);
        QCOMPARE(c.peer.relayAllowedPeerRanges, allowed ? QStringList{QStringLiteral("10.9.0.0/16")} : QStringList());
    }

    void brokenConfigFileSaysWhere()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mp2p.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"server\": ");
        f.close();
        CliConfig c;
        QString error;
        QVERIFY(!read({QStringLiteral("--config"), path}, &c, &error));
        QVERIFY2(error.contains(QStringLiteral("not valid JSON")) && error.contains(QStringLiteral("byte")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestCliConfig)
#include "tst_cliconfig.moc"
