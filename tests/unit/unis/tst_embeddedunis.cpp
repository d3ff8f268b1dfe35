// EmbeddedUnis: the one-region UNIS of an embedded provider (first run of the desktop / mp2p).
#include <isp/unis/altoclient.h>
#include <isp/unis/embeddedunis.h>
#include <protocol/keys.h>
#include <protocol/token.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace mp2p;

class TstEmbeddedUnis : public QObject {
    Q_OBJECT

    // The map a client with `token` reads from `unis`, or a failure.
    static std::optional<QString> pidSeenBy(const EmbeddedUnis &unis, const QString &token, const QHostAddress &address)
    {
        QNetworkAccessManager network;
        AltoClient client(&network);
        client.setDirectoryUrl(QUrl(unis.directoryUrl()));
        client.setBearerToken(token);
        client.setRefreshInterval(0);
        QSignalSpy done(&client, &AltoClient::refreshed);
        QSignalSpy failed(&client, &AltoClient::refreshFailed);
        client.start();
        if (!QTest::qWaitFor([&] { return done.count() + failed.count() > 0; }, 10000) || done.isEmpty())
            return std::nullopt;
        return client.pidOf(address);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(initCrypto()); }

    void oneRegionForEveryAddressAndTheOmsToken()
    {
        QTemporaryDir dir;
        EmbeddedUnis unis(dir.path());
        QString error;
        QVERIFY2(unis.start(&error), qPrintable(error));
        QVERIFY(unis.directoryUrl().startsWith(QLatin1String("http://127.0.0.1:")));
        // The config is the user's to edit, and holds a secret: owner-only.
        const QFile::Permissions perms = QFile::permissions(dir.filePath(QStringLiteral("unis.json")));
        QVERIFY(perms & QFile::ReadOwner);
        QVERIFY(!(perms & (QFile::ReadGroup | QFile::ReadOther)));
        const QString token = unis.omsEntry().value(QStringLiteral("token")).toString();
        QCOMPARE(token.size(), 64);
        QCOMPARE(pidSeenBy(unis, token, QHostAddress(QStringLiteral("127.1.0.5"))), std::optional<QString>(QStringLiteral("local")));
        QCOMPARE(pidSeenBy(unis, token, QHostAddress(QStringLiteral("2001:db8::1"))), std::optional<QString>(QStringLiteral("local")));
        // Anyone else gets nothing.
        QCOMPARE(pidSeenBy(unis, QStringLiteral("not-the-token"), QHostAddress(QStringLiteral("127.1.0.5"))), std::nullopt);
    }

    void peersGetInWithTheirUmsToken()
    {
        QTemporaryDir dir;
        EmbeddedUnis unis(dir.path());
        QString error;
        QVERIFY2(unis.start(&error), qPrintable(error));
        const KeyPair ums = KeyPair::generate();
        const TokenIssuer issuer(ums);
        const QString peerToken = issuer.issue(QString(40, QLatin1Char('a')), QDateTime::currentSecsSinceEpoch(), 3600,
                                               audience::Unis);
        QCOMPARE(pidSeenBy(unis, peerToken, QHostAddress(QStringLiteral("127.2.0.9"))), std::nullopt);
        unis.acceptUmsKey(ums.publicKey());
        // The provider's own token (audience p2psp) must never be what a UNIS accepts.
        const QString providerToken = issuer.issue(QString(40, QLatin1Char('a')), QDateTime::currentSecsSinceEpoch(), 3600);
        QCOMPARE(pidSeenBy(unis, providerToken, QHostAddress(QStringLiteral("127.2.0.9"))), std::nullopt);
        QCOMPARE(pidSeenBy(unis, peerToken, QHostAddress(QStringLiteral("127.2.0.9"))), std::optional<QString>(QStringLiteral("local")));
    }

    void theUsersEditsAreKeptAndBadEditsExplained()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("unis.json"));
        QString token;
        {
            EmbeddedUnis first(dir.path());
            QString error;
            QVERIFY2(first.start(&error), qPrintable(error));
            token = first.omsEntry().value(QStringLiteral("token")).toString();
        }
        // The user splits the LAN: a second region for 127.2.0.0/16. The token stays.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject config = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        QJsonObject map = config.value(QStringLiteral("networkMap")).toObject();
        QJsonObject pids = map.value(QStringLiteral("pids")).toObject();
        pids.insert(QStringLiteral("upstairs"), QJsonObject{{QStringLiteral("ipv4"), QJsonArray{QStringLiteral("127.2.0.0/16")}}});
        map.insert(QStringLiteral("pids"), pids);
        config.insert(QStringLiteral("networkMap"), map);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(config).toJson());
        file.close();
        EmbeddedUnis second(dir.path());
        QString error;
        QVERIFY2(second.start(&error), qPrintable(error));
        QCOMPARE(second.omsEntry().value(QStringLiteral("token")).toString(), token);
        QCOMPARE(pidSeenBy(second, token, QHostAddress(QStringLiteral("127.2.3.4"))), std::optional<QString>(QStringLiteral("upstairs")));
        QCOMPARE(pidSeenBy(second, token, QHostAddress(QStringLiteral("127.1.3.4"))), std::optional<QString>(QStringLiteral("local")));

        // A broken file: a message naming the file, nothing served, the file left as it is.
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("{\"networkMap\": {\"defaultPid\": \"local\"},\n \"auth\": ");
        file.close();
        EmbeddedUnis broken(dir.path());
        QVERIFY(!broken.start(&error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY(broken.directoryUrl().isEmpty());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().endsWith("\"auth\": "));
    }
};

QTEST_MAIN(TstEmbeddedUnis)
#include "tst_embeddedunis.moc"
