// The OMS config: every value out of its range, or of the wrong type, is refused at start with a
// message naming the key and the allowed range; nothing is clamped behind the operator's back.
#include <p2psp/oms/omsconfig.h>
#include <p2psp/oms/omsservice.h>
#include <protocol/keys.h>
#include <protocol/token.h>

#include <QTemporaryDir>
#include <QTest>

using namespace mp2p;

class TestOmsConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaultsAndValidValues()
    {
        QString error;
        const auto defaults = OmsConfig::fromJson({}, &error);
        QVERIFY2(defaults, qPrintable(error));
        QCOMPARE(defaults->announceIntervalSecs, 120);
        QCOMPARE(defaults->peerTtlSecs, 270);
        QCOMPARE(defaults->relayCredentialTtlSecs, 3600);

        const auto c = OmsConfig::fromJson({{QStringLiteral("announceIntervalSecs"), 5}, {QStringLiteral("minAnnounceIntervalSecs"), 2},
                                            {QStringLiteral("resourceTtlSecs"), 3}, {QStringLiteral("cacheHoldSecs"), 0},
                                            {QStringLiteral("trustIpParameter"), true}, {QStringLiteral("maxPeersPerReply"), 200}},
                                           &error);
        QVERIFY2(c, qPrintable(error));
        QCOMPARE(c->announceIntervalSecs, 5);
        QCOMPARE(c->minAnnounceIntervalSecs, 2);
        QCOMPARE(c->peerTtlSecs, 2 * 5 + 30);  // the TTL default follows the interval given
        QCOMPARE(c->resourceTtlSecs, 3);
        QCOMPARE(c->cacheHoldSecs, 0);
        QVERIFY(c->trustIpParameter);
        QCOMPARE(c->maxPeersPerReply, 200);
        // A small interval alone brings the default "min interval" down with it.
        QCOMPARE(OmsConfig::fromJson({{QStringLiteral("announceIntervalSecs"), 10}}, &error)->minAnnounceIntervalSecs, 10);
    }

    void refused_data()
    {
        QTest::addColumn<QJsonObject>("config");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("range");
        auto row = [](const char *name, const QJsonObject &config, const char *key, const char *range) {
            QTest::newRow(name) << config << QString::fromLatin1(key) << QString::fromLatin1(range);
        };
        row("interval too small", {{QStringLiteral("announceIntervalSecs"), 4}}, "announceIntervalSecs", "from 5 to 86400");
        row("interval too big", {{QStringLiteral("announceIntervalSecs"), 86401}}, "announceIntervalSecs", "from 5 to 86400");
        row("interval negative", {{QStringLiteral("announceIntervalSecs"), -1}}, "announceIntervalSecs", "from 5 to 86400");
        row("interval fraction", {{QStringLiteral("announceIntervalSecs"), 30.5}}, "announceIntervalSecs", "from 5 to 86400");
        row("interval text", {{QStringLiteral("announceIntervalSecs"), QStringLiteral("60")}}, "announceIntervalSecs", "from 5 to 86400");
        row("min interval zero", {{QStringLiteral("minAnnounceIntervalSecs"), 0}}, "minAnnounceIntervalSecs", "from 1 to 120");
        row("min interval above interval", {{QStringLiteral("announceIntervalSecs"), 60}, {QStringLiteral("minAnnounceIntervalSecs"), 61}},
            "minAnnounceIntervalSecs", "from 1 to 60");
        row("ttl not above interval", {{QStringLiteral("peerTtlSecs"), 120}}, "peerTtlSecs", "from 121 to 604800");
        row("ttl too big", {{QStringLiteral("peerTtlSecs"), 604801}}, "peerTtlSecs", "from 121 to 604800");
        row("numwant zero", {{QStringLiteral("maxPeersPerReply"), 0}}, "maxPeersPerReply", "from 1 to 200");
        row("numwant huge", {{QStringLiteral("maxPeersPerReply"), 1e12}}, "maxPeersPerReply", "from 1 to 200");
        row("resource ttl", {{QStringLiteral("resourceTtlSecs"), 2}}, "resourceTtlSecs", "from 3 to 3600");
        row("cache interval", {{QStringLiteral("cacheIntervalSecs"), 0}}, "cacheIntervalSecs", "from 1 to 3600");
        row("cache leechers", {{QStringLiteral("cacheMinLeechers"), 100001}}, "cacheMinLeechers", "from 1 to 100000");
        row("cache hold", {{QStringLiteral("cacheHoldSecs"), -5}}, "cacheHoldSecs", "from 0 to 86400");
        row("relay ttl short", {{QStringLiteral("relayCredentialTtlSecs"), 59}}, "relayCredentialTtlSecs", "from 60 to 86400");
        row("relay ttl long", {{QStringLiteral("relayCredentialTtlSecs"), 86401}}, "relayCredentialTtlSecs", "from 60 to 86400");
        QTest::newRow("trust ip text") << QJsonObject{{QStringLiteral("trustIpParameter"), QStringLiteral("yes")}}
                                       << QStringLiteral("trustIpParameter") << QStringLiteral("true or false");
    }

    void refused()
    {
        QFETCH(QJsonObject, config);
        QFETCH(QString, key);
        QFETCH(QString, range);
        QString error;
        QVERIFY(!OmsConfig::fromJson(config, &error));
        QVERIFY2(error.contains(QLatin1Char('\'') + key + QLatin1Char('\'')) && error.contains(range), qPrintable(error));

        // The service refuses to start with it, with the same message (mp2pd prints it and exits).
        QTemporaryDir dir;
        const KeyPair ums = KeyPair::generate();
        const TokenVerifier verifier(ums.publicKey());
        ServiceContext ctx{dir.path(), config, QStringLiteral("http://test"), &verifier, [] { return qint64(1'700'000'000); }};
        OmsService service(ctx, nullptr);
        QString startError;
        QVERIFY(!service.start(&startError));
        QCOMPARE(startError, error);
    }

    void aValidConfigStarts()
    {
        QTemporaryDir dir;
        const KeyPair ums = KeyPair::generate();
        const TokenVerifier verifier(ums.publicKey());
        ServiceContext ctx{dir.path(), {{QStringLiteral("announceIntervalSecs"), 5}, {QStringLiteral("minAnnounceIntervalSecs"), 2}},
                           QStringLiteral("http://test"), &verifier, [] { return qint64(1'700'000'000); }};
        OmsService service(ctx, nullptr);
        QString error;
        QVERIFY2(service.start(&error), qPrintable(error));
        service.stop();
    }
};

QTEST_GUILESS_MAIN(TestOmsConfig)
#include "tst_omsconfig.moc"
