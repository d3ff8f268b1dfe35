#include <user/bencode.h>

#include <QCryptographicHash>
#include <QTest>

using namespace mp2p;

class TestBencode : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void encodesTrackerAnswer()
    {
        const QVariantMap answer{{QStringLiteral("interval"), 120}, {QStringLiteral("peers"), QByteArray("\x7f\x00\x00\x01\x1a\xe1", 6)}};
        QCOMPARE(bencode(answer), QByteArray("d8:intervali120e5:peers6:\x7f\x00\x00\x01\x1a\xe1" "e", 32));
    }

    void roundTrip()
    {
        const QVariantMap value{{QStringLiteral("list"), QVariantList{1, QByteArray("two"), QVariantMap{{QStringLiteral("k"), -3}}}},
                                {QStringLiteral("bin"), QByteArray("\x00\xff", 2)}};
        QString error;
        const auto decoded = bdecode(bencode(value), &error);
        QVERIFY2(decoded, qPrintable(error));
        const QVariantMap m = decoded->toMap();
        QCOMPARE(m.value(QStringLiteral("bin")).toByteArray(), QByteArray("\x00\xff", 2));
        const QVariantList list = m.value(QStringLiteral("list")).toList();
        QCOMPARE(list.size(), 3);
        QCOMPARE(list.at(0).toLongLong(), 1);
        QCOMPARE(list.at(1).toByteArray(), QByteArray("two"));
        QCOMPARE(list.at(2).toMap().value(QStringLiteral("k")).toLongLong(), -3);
    }

    void malformedInputIsAnErrorNotACrash_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("truncated dict") << QByteArray("d3:abc");
        QTest::newRow("bad int") << QByteArray("i12x3e");
        QTest::newRow("huge length") << QByteArray("99999999999:a");
        QTest::newRow("garbage") << QByteArray("\xff\xfe\x00garbage", 10);
    }
    void malformedInputIsAnErrorNotACrash()
    {
        QFETCH(QByteArray, data);
        QString error;
        QVERIFY(!bdecode(data, &error));
        QVERIFY(error.contains(QStringLiteral("malformed")));
    }

    void infoSectionIsTheExactBytes()
    {
        const QByteArray info = "d6:lengthi5e4:name1:a12:piece lengthi16384e6:pieces20:aaaaaaaaaaaaaaaaaaaae";
        const QByteArray torrent = "d8:announce3:url4:info" + info + "e";
        QString error;
        const auto section = torrentInfoSection(torrent, &error);
        QVERIFY2(section, qPrintable(error));
        QCOMPARE(*section, info);
        QCOMPARE(QCryptographicHash::hash(*section, QCryptographicHash::Sha1).size(), 20);
        QVERIFY(!torrentInfoSection("d8:announce3:urle", &error));
        QVERIFY(error.contains(QStringLiteral("info")));
        QVERIFY(!torrentInfoSection("not bencode", &error));
    }
};

QTEST_GUILESS_MAIN(TestBencode)
#include "tst_bencode.moc"
