#include "unisfixture.h"

#include <isp/unis/altoclient.h>
#include <isp/unis/unisserver.h>

#include <testrequire.h>

#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QSignalSpy>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace mp2p;
using namespace mp2p::test;

// AltoClient against a real UnisServer on 127.0.0.1 (port 0), in-process.
class TstAltoClient : public QObject {
    Q_OBJECT

    QByteArray m_hash;
    QTemporaryDir m_dir;
    QString m_configPath;
    std::unique_ptr<UnisServer> m_server;
    QNetworkAccessManager m_network;

    bool writeConfig(const QByteArray &from = {}, const QByteArray &to = {})
    {
        QByteArray text = QJsonDocument(baseConfigJson(m_hash, {})).toJson();
        if (!from.isEmpty())
            text.replace(from, to);
        QFile f(m_configPath);
        return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
    }
    QUrl directoryUrl() const { return QUrl(m_server->baseUrl() + QStringLiteral("/alto")); }

private Q_SLOTS:
    void initTestCase()
    {
        m_hash = hashPassword("client pass");
        m_configPath = m_dir.filePath(QStringLiteral("unis.json"));
    }

    void init()
    {
        QVERIFY(writeConfig());
        m_server = std::make_unique<UnisServer>(m_configPath, [] { return Now; });
        QString error;
        QVERIFY2(m_server->start(QHostAddress(QHostAddress::LocalHost), quint16(0), &error), qPrintable(error));
        QVERIFY(m_server->port() != 0);
    }

    void cleanup() { m_server.reset(); }

    void fetchesMapsWithBasicAuth()
    {
        AltoClient client(&m_network);
        QVERIFY(!client.hasMap());
        QVERIFY(!client.pidOf(QHostAddress(QStringLiteral("127.1.0.1"))));
        client.setDirectoryUrl(directoryUrl());
        client.setBasicAuth(QStringLiteral("oms"), QStringLiteral("client pass"));
        client.setRefreshInterval(0);
        QSignalSpy changed(&client, &AltoClient::mapChanged);
        client.start();
        QVERIFY(changed.wait(5000));
        QCOMPARE(changed.first().first().toString(), m_server->service()->snapshot()->maps->tag());
        QVERIFY(client.isReachable());
        QCOMPARE(client.vtag(), m_server->service()->snapshot()->maps->tag());
        QCOMPARE(client.pidOf(QHostAddress(QStringLiteral("127.2.0.9"))).value(), QStringLiteral("isp-b"));
        QCOMPARE(client.pidOf(QHostAddress(QStringLiteral("fd00:b:1::9"))).value(), QStringLiteral("isp-c"));
        QCOMPARE(client.pidOf(QHostAddress(QStringLiteral("192.0.2.1"))).value(), QStringLiteral("default"));
        QCOMPARE(client.cost(QStringLiteral("isp-a"), QStringLiteral("isp-b")).value(), 10.0);
        QCOMPARE(client.cost(QStringLiteral("isp-b"), QStringLiteral("isp-b")).value(), 1.0);
        QVERIFY(!client.cost(QStringLiteral("isp-b"), QStringLiteral("nope")));

        // Same maps again: refreshed, but no mapChanged.
        QSignalSpy refreshed(&client, &AltoClient::refreshed);
        client.refresh();
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(changed.size(), 1);
    }

    void refreshesOnVtagChange()
    {
        AltoClient client(&m_network);
        client.setDirectoryUrl(directoryUrl());
        client.setBearerToken(QLatin1String(StaticToken));
        client.setRefreshInterval(100);
        QSignalSpy changed(&client, &AltoClient::mapChanged);
        client.start();
        QVERIFY(changed.wait(5000));
        const QString first = client.vtag();

        QVERIFY(writeConfig("127.2.0.0/16", "127.2.0.0/24"));
        QVERIFY(m_server->reload());
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 2, 5000);  // picked up by the timer
        QVERIFY(client.vtag() != first);
        QCOMPARE(client.vtag(), m_server->service()->snapshot()->maps->tag());
        QCOMPARE(client.pidOf(QHostAddress(QStringLiteral("127.2.9.9"))).value(), QStringLiteral("default"));

        QVERIFY(writeConfig("\"cost\": 10", "\"cost\": 15"));  // (and the prefix back)
        QVERIFY(m_server->reload());
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 3, 5000);
        QCOMPARE(client.cost(QStringLiteral("isp-b"), QStringLiteral("isp-a")).value(), 15.0);

        // A bad file: the server keeps its map, so the client sees no change.
        QFile f(m_configPath);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{ broken");
        f.close();
        QVERIFY(!m_server->reload());
        // Two whole rounds after the failed reload (the first may have started before it).
        QSignalSpy rounds(&client, &AltoClient::refreshed);
        QTRY_VERIFY_WITH_TIMEOUT(rounds.size() >= 2, 5000);
        QCOMPARE(changed.size(), 3);
        QVERIFY(client.isReachable());
    }

    void wrongCredentialsFailWithoutAMap()
    {
        AltoClient client(&m_network);
        client.setDirectoryUrl(directoryUrl());
        client.setBasicAuth(QStringLiteral("oms"), QStringLiteral("wrong"));
        QSignalSpy failed(&client, &AltoClient::refreshFailed);
        client.refresh();
        QVERIFY(failed.wait(5000));
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("401")), qPrintable(failed.first().first().toString()));
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("E_UNAUTHORIZED")));
        QVERIFY(!client.hasMap());
        QVERIFY(!client.isReachable());
    }

    void unreachableServerKeepsTheLastMap()
    {
        AltoClient client(&m_network);
        client.setDirectoryUrl(directoryUrl());
        client.setBearerToken(QLatin1String(StaticToken));
        QSignalSpy changed(&client, &AltoClient::mapChanged);
        client.refresh();
        QVERIFY(changed.wait(5000));
        m_server.reset();  // the UNIS goes away

        QSignalSpy failed(&client, &AltoClient::refreshFailed);
        QElapsedTimer timer;
        timer.start();
        client.refresh();
        QVERIFY(timer.elapsed() < 100);  // refresh() never waits for the network
        QVERIFY(failed.wait(5000));
        QVERIFY(!client.isReachable());
        QVERIFY(client.hasMap());
        QCOMPARE(client.pidOf(QHostAddress(QStringLiteral("127.3.0.1"))).value(), QStringLiteral("isp-c"));
    }

    void httpsWithTheOperatorsCertificate()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        MP2P_REQUIRE(!openssl.isEmpty(), "no openssl binary on PATH to make a test certificate (apt-get install openssl)");
        const QString crt = m_dir.filePath(QStringLiteral("unis.crt"));
        const QString key = m_dir.filePath(QStringLiteral("unis.key"));
        QCOMPARE(QProcess::execute(openssl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                             QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), crt,
                                             QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                                             QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")}), 0);
        // Relative paths in the config are resolved against the config's folder.
        QVERIFY(writeConfig("\"auth\": {", "\"tls\": {\"certificate\": \"unis.crt\", \"key\": \"unis.key\"}, \"auth\": {"));
        m_server = std::make_unique<UnisServer>(m_configPath, [] { return Now; });
        QString error;
        QVERIFY2(m_server->start(QHostAddress(QHostAddress::LocalHost), quint16(0), &error), qPrintable(error));
        QVERIFY(m_server->baseUrl().startsWith(QStringLiteral("https://")));

        AltoClient client(&m_network);
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(QSslCertificate::fromPath(crt));
        client.setSslConfiguration(ssl);
        client.setDirectoryUrl(directoryUrl());
        client.setBearerToken(QLatin1String(StaticToken));
        QSignalSpy changed(&client, &AltoClient::mapChanged);
        client.refresh();
        QVERIFY(changed.wait(10000));
        QCOMPARE(client.pidOf(QHostAddress(QStringLiteral("127.1.0.1"))).value(), QStringLiteral("isp-a"));

        // Without trusting the operator's certificate the client refuses to talk.
        QNetworkAccessManager fresh;  // not the connection the trusting client left open
        AltoClient untrusting(&fresh);
        untrusting.setDirectoryUrl(directoryUrl());
        untrusting.setBearerToken(QLatin1String(StaticToken));
        QSignalSpy failed(&untrusting, &AltoClient::refreshFailed);
        untrusting.refresh();
        QVERIFY(failed.wait(10000));
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("unreachable")), qPrintable(failed.first().first().toString()));
        QVERIFY(!untrusting.hasMap());
    }

    void noDirectoryIsAnError()
    {
        AltoClient client(&m_network);
        QSignalSpy failed(&client, &AltoClient::refreshFailed);
        client.refresh();
        QCOMPARE(failed.size(), 1);
        // Something that is not an ALTO server: a 404 from our own server's other paths.
        client.setDirectoryUrl(QUrl(m_server->baseUrl() + QStringLiteral("/nothing")));
        client.setBearerToken(QLatin1String(StaticToken));
        client.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 5000);
        QVERIFY(failed.last().first().toString().contains(QStringLiteral("404")));
    }
};

MP2P_TEST_GUILESS_MAIN(TstAltoClient)
#include "tst_altoclient.moc"
