// ByteRange: the Range header forms players send, and what is ignored or refused.

#include <user/stream/byterange.h>

#include <QTest>

using namespace mp2p;

class TstByteRange : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parses_data();
    void parses();
};

Q_DECLARE_METATYPE(ByteRange::Kind)

void TstByteRange::parses_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<ByteRange::Kind>("kind");
    QTest::addColumn<qint64>("first");
    QTest::addColumn<qint64>("last");
    using K = ByteRange::Kind;
    QTest::newRow("none") << QByteArray() << K::Whole << qint64(0) << qint64(999);
    QTest::newRow("closed") << QByteArray("bytes=10-19") << K::Partial << qint64(10) << qint64(19);
    QTest::newRow("open") << QByteArray("bytes=990-") << K::Partial << qint64(990) << qint64(999);
    QTest::newRow("past end clipped") << QByteArray("bytes=500-5000") << K::Partial << qint64(500) << qint64(999);
    QTest::newRow("suffix") << QByteArray("bytes=-100") << K::Partial << qint64(900) << qint64(999);
    QTest::newRow("suffix larger") << QByteArray("bytes=-5000") << K::Partial << qint64(0) << qint64(999);
    QTest::newRow("start at end") << QByteArray("bytes=1000-") << K::Unsatisfiable << qint64(0) << qint64(-1);
    QTest::newRow("far past") << QByteArray("bytes=5000-6000") << K::Unsatisfiable << qint64(0) << qint64(-1);
    QTest::newRow("empty suffix") << QByteArray("bytes=-0") << K::Unsatisfiable << qint64(0) << qint64(-1);
    QTest::newRow("multi ignored") << QByteArray("bytes=0-1,5-6") << K::Whole << qint64(0) << qint64(999);
    QTest::newRow("units ignored") << QByteArray("items=0-1") << K::Whole << qint64(0) << qint64(999);
    QTest::newRow("reversed") << QByteArray("bytes=9-2") << K::Invalid << qint64(0) << qint64(-1);
    QTest::newRow("junk") << QByteArray("bytes=a-b") << K::Invalid << qint64(0) << qint64(-1);
    QTest::newRow("signed") << QByteArray("bytes=+1-2") << K::Invalid << qint64(0) << qint64(-1);
    QTest::newRow("no dash") << QByteArray("bytes=12") << K::Invalid << qint64(0) << qint64(-1);
    QTest::newRow("nothing") << QByteArray("bytes=") << K::Invalid << qint64(0) << qint64(-1);
    QTest::newRow("overlong") << QByteArray("bytes=0-99999999999999999999") << K::Invalid << qint64(0) << qint64(-1);
    QTest::newRow("bare dash") << QByteArray("bytes=-") << K::Invalid << qint64(0) << qint64(-1);
}

void TstByteRange::parses()
{
    QFETCH(QByteArray, header);
    QFETCH(ByteRange::Kind, kind);
    QFETCH(qint64, first);
    QFETCH(qint64, last);
    const ByteRange r = ByteRange::parse(header, 1000);
    QCOMPARE(r.kind, kind);
    if (kind != ByteRange::Kind::Unsatisfiable && kind != ByteRange::Kind::Invalid) {
        QCOMPARE(r.first, first);
        QCOMPARE(r.last, last);
    }
}

QTEST_GUILESS_MAIN(TstByteRange)
#include "tst_byterange.moc"
