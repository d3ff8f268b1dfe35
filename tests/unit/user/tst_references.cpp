#include <user/managedpeer.h>

#include <QTest>

using namespace mp2p;

class TestReferences : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void recognisesEachForm_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("contentId");
        const QString hash = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
        QTest::newRow("info-hash") << hash << hash << false;
        QTest::newRow("info-hash upper") << hash.toUpper() << hash << false;
        QTest::newRow("content id") << QStringLiteral("0123456789abcdef0123456789abcdef") << QStringLiteral("0123456789abcdef0123456789abcdef") << true;
        QTest::newRow("magnet hex") << (QStringLiteral("magnet:?xt=urn:btih:") + hash + QStringLiteral("&dn=x")) << hash << false;
        // The same hash in base32, as some clients write magnets.
        QTest::newRow("magnet base32") << QStringLiteral("magnet:?xt=urn:btih:AERUKZ4JVPG66AJDIVTYTK6N54ASGRLH") << hash << false;
    }
    void recognisesEachForm()
    {
        QFETCH(QString, reference);
        QFETCH(QString, key);
        QFETCH(bool, contentId);
        bool isContentId = !contentId;
        QString error;
        QCOMPARE(ManagedPeer::infoHashFromReference(reference, &isContentId, &error), key);
        QCOMPARE(isContentId, contentId);
    }

    void refusesMalformedReferences_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty") << QString() << QStringLiteral("neither");
        QTest::newRow("short hex") << QStringLiteral("abc") << QStringLiteral("neither");
        QTest::newRow("not hex") << QStringLiteral("zz23456789abcdef0123456789abcdef01234567") << QStringLiteral("neither");
        QTest::newRow("magnet without hash") << QStringLiteral("magnet:?dn=x") << QStringLiteral("magnet");
        QTest::newRow("magnet bad hash") << QStringLiteral("magnet:?xt=urn:btih:zzzz") << QStringLiteral("magnet");
    }
    void refusesMalformedReferences()
    {
        QFETCH(QString, reference);
        QFETCH(QString, says);
        bool isContentId = false;
        QString error;
        QVERIFY(ManagedPeer::infoHashFromReference(reference, &isContentId, &error).isEmpty());
        QVERIFY2(error.contains(says), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestReferences)
#include "tst_references.moc"
