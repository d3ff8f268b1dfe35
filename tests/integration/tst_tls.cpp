// TLS on the provider's servers and the UNIS, verified by the peer. A CA made in the test (with
// openssl) signs certificates for 127.0.0.1; mp2pd and mp2p-unis serve HTTPS with them; `mp2p
// login` trusts the provider only with --provider-ca, and plain HTTP to a TLS port gets nothing.
#include <mp2pdprocess.h>

#include <base/tlstrust.h>

#include <testrequire.h>

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace mp2p;
using namespace mp2p::test;

namespace {

bool run(const QString &program, const QStringList &args, QString *output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    const bool done = p.waitForFinished(30000);
    *output = QString::fromLocal8Bit(p.readAll());
    return done && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

struct Reply {
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorText;
};

Reply get(const QUrl &url)
{
    QNetworkAccessManager network;
    QNetworkReply *reply = network.get(QNetworkRequest(url));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply r{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->error(), reply->errorString()};
    reply->deleteLater();
    return r;
}

} // namespace

class TestTls : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        const QString openssl = QStringLiteral("/usr/bin/openssl");
        MP2P_REQUIRE(QFile::exists(openssl), "/usr/bin/openssl is missing (apt-get install openssl; installer/quickstart.sh installs it)");
        QString out;
        // A CA, and a server certificate it signs for 127.0.0.1 (subjectAltName: what clients check).
        QVERIFY2(run(openssl, {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=mp2p test CA",
                               "-keyout", path("ca.key"), "-out", path("ca.pem")}, &out), qPrintable(out));
        QVERIFY2(run(openssl, {"req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", path("server.key"),
                               "-out", path("server.csr")}, &out), qPrintable(out));
        QFile ext(path("san.ext"));
        QVERIFY(ext.open(QIODevice::WriteOnly));
        ext.write("subjectAltName=IP:127.0.0.1\n");
        ext.close();
        QVERIFY2(run(openssl, {"x509", "-req", "-in", path("server.csr"), "-CA", path("ca.pem"), "-CAkey", path("ca.key"),
                               "-CAcreateserial", "-days", "2", "-extfile", path("san.ext"), "-out", path("server.pem")}, &out),
                 qPrintable(out));
    }

    void providerServesHttpsAndPeersVerifyIt()
    {
        QFile config(path("mp2pd.json"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(QJsonDocument(QJsonObject{{"tls", QJsonObject{{"certificate", path("server.pem")}, {"key", path("server.key")}}}})
                         .toJson());
        config.close();
        Mp2pdProcess provider(path("provider"));
        QString error;
        QVERIFY2(provider.start({QStringLiteral("--config"), config.fileName()}, &error), qPrintable(error));
        const QString https = QStringLiteral("https://127.0.0.1:%1").arg(provider.port());

        // Plain HTTP to the TLS port is not served.
        QVERIFY(get(QUrl(QStringLiteral("http://127.0.0.1:%1/healthz").arg(provider.port()))).status == 0);

        // A peer that does not trust the provider's CA refuses to talk to it (exit 3: no provider answered).
        QProcess peer;
        peer.setProcessChannelMode(QProcess::MergedChannels);
        const QStringList login{QStringLiteral("login"), QStringLiteral("--server"), https, QStringLiteral("--data-dir"), path("peer")};
        peer.start(Mp2pdProcess::binary(QStringLiteral("mp2p")), login);
        QVERIFY(peer.waitForFinished(60000));
        const QByteArray refused = peer.readAll();
        QVERIFY2(peer.exitCode() != 0, refused.constData());
        QVERIFY2(refused.contains("certificate") || refused.contains("SSL") || refused.contains("TLS"), refused.constData());

        // With the provider's CA it logs in over HTTPS.
        peer.start(Mp2pdProcess::binary(QStringLiteral("mp2p")), login + QStringList{QStringLiteral("--provider-ca"), path("ca.pem")});
        QVERIFY(peer.waitForFinished(60000));
        const QByteArray accepted = peer.readAll();
        QVERIFY2(peer.exitCode() == 0, accepted.constData());

        // A file that is not a certificate is refused at start with its name.
        peer.start(Mp2pdProcess::binary(QStringLiteral("mp2p")), login + QStringList{QStringLiteral("--provider-ca"), path("san.ext")});
        QVERIFY(peer.waitForFinished(30000));
        QCOMPARE(peer.exitCode(), 2);
        QVERIFY(peer.readAll().contains("san.ext"));
    }

    void unisServesHttps()
    {
        const QJsonObject pids{{"isp-a", QJsonObject{{"ipv4", QJsonArray{"127.1.0.0/16"}}}}};
        const QJsonObject unisConfig{
            {"networkMap", QJsonObject{{"pids", pids}}},
            {"costMap", QJsonObject{{"samePidCost", 1}, {"defaultCost", 10}, {"costs", QJsonArray{}}}},
            {"auth", QJsonObject{{"tokens", QJsonArray{QJsonObject{{"name", "oms"}, {"token", "tls-test-token-0123456789"}}}}}},
            {"tls", QJsonObject{{"certificate", path("server.pem")}, {"key", path("server.key")}}}};
        QFile config(path("unis.json"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(QJsonDocument(unisConfig).toJson());
        config.close();
        Mp2pdProcess unis(QStringLiteral("mp2p-unis"), QString());
        QString error;
        QVERIFY2(unis.start({QStringLiteral("--config"), config.fileName()}, &error), qPrintable(error));
        const QUrl directory(QStringLiteral("https://127.0.0.1:%1/alto").arg(unis.port()));
        // Not trusted yet: the handshake fails, nothing is answered.
        const Reply untrusted = get(directory);
        QCOMPARE(untrusted.status, 0);
        QCOMPARE(untrusted.error, QNetworkReply::SslHandshakeFailedError);
        QVERIFY2(trustCaCertificates(path("ca.pem"), &error), qPrintable(error));
        // Trusted: an HTTPS answer (401: the UNIS wants credentials, as it should).
        QCOMPARE(get(directory).status, 401);
    }
};

MP2P_TEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
