#include <protocol/jsonfields.h>

#include <QJsonDocument>
#include <QTest>

using namespace mp2p;

class TestJsonFields : public QObject {
    Q_OBJECT
private:
    static QJsonObject obj(const char *json) { return QJsonDocument::fromJson(json).object(); }

private Q_SLOTS:
    void readsValidFields()
    {
        JsonFields in(obj(R"({"title":"Hi","size":42,"ok":true,"tags":["a","b"],"kind":"x"})"));
        QCOMPARE(in.string(QStringLiteral("title"), JsonFields::Required, 1, 10), QStringLiteral("Hi"));
        QCOMPARE(in.integer(QStringLiteral("size"), JsonFields::Required, 0, 100), 42);
        QCOMPARE(in.boolean(QStringLiteral("ok"), JsonFields::Required), true);
        QCOMPARE(in.stringList(QStringLiteral("tags"), JsonFields::Required, 5, 5), QStringList({QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(in.choice(QStringLiteral("kind"), JsonFields::Required, {QStringLiteral("x"), QStringLiteral("y")}), QStringLiteral("x"));
        QCOMPARE(in.string(QStringLiteral("absent"), JsonFields::Optional, 0, 5, QStringLiteral("d")), QStringLiteral("d"));
        QVERIFY(in.ok());
    }

    void reportsTheFirstProblem_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("code");
        QTest::newRow("missing") << QByteArray("{}") << QStringLiteral("missing_field");
        QTest::newRow("null") << QByteArray(R"({"title":null})") << QStringLiteral("missing_field");
        QTest::newRow("number for string") << QByteArray(R"({"title":5})") << QStringLiteral("invalid_type");
        QTest::newRow("too long") << QByteArray(R"({"title":"abcdefghijk"})") << QStringLiteral("invalid_value");
        QTest::newRow("empty") << QByteArray(R"({"title":""})") << QStringLiteral("invalid_value");
    }
    void reportsTheFirstProblem()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, code);
        JsonFields in(QJsonDocument::fromJson(json).object());
        in.string(QStringLiteral("title"), JsonFields::Required, 1, 10);
        in.integer(QStringLiteral("other"), JsonFields::Required, 0, 1);
        QVERIFY(!in.ok());
        QCOMPARE(in.error().code, code);
        QCOMPARE(in.error().field, QStringLiteral("title"));
        QCOMPARE(in.error().status, 400);
    }

    void integersAreChecked()
    {
        JsonFields in(obj(R"({"a":1.5,"b":"7","c":-1,"d":9007199254740991})"));
        in.integer(QStringLiteral("a"), JsonFields::Required, 0, 10);
        QCOMPARE(in.error().code, QStringLiteral("invalid_type"));
        JsonFields b(obj(R"({"b":"7"})"));
        b.integer(QStringLiteral("b"), JsonFields::Required, 0, 10);
        QCOMPARE(b.error().code, QStringLiteral("invalid_type"));
        JsonFields c(obj(R"({"c":-1})"));
        c.integer(QStringLiteral("c"), JsonFields::Required, 0, 10);
        QCOMPARE(c.error().code, QStringLiteral("invalid_value"));
        JsonFields d(obj(R"({"d":9007199254740991})"));
        QCOMPARE(d.integer(QStringLiteral("d"), JsonFields::Required, 0, qint64(1) << 60), qint64(9007199254740991));
    }

    void nestedFieldsAreNamedWithTheirPath()
    {
        JsonFields in(obj(R"({"x":1})"), QStringLiteral("static"));
        in.string(QStringLiteral("listenAddress"), JsonFields::Required, 1, 10);
        QCOMPARE(in.error().field, QStringLiteral("static.listenAddress"));
        QVERIFY(in.error().message.contains(QStringLiteral("static.listenAddress")));
    }

    void choiceRefusesUnknownValues()
    {
        JsonFields in(obj(R"({"event":"paused"})"));
        in.choice(QStringLiteral("event"), JsonFields::Optional, {QStringLiteral("started"), QStringLiteral("stopped")});
        QVERIFY(!in.ok());
        QVERIFY(in.error().message.contains(QStringLiteral("started")));
    }

    void hexCheck()
    {
        QVERIFY(isHex(QStringLiteral("0a"), 2));
        QVERIFY(!isHex(QStringLiteral("0A"), 2));
        QVERIFY(!isHex(QStringLiteral("0g"), 2));
        QVERIFY(!isHex(QStringLiteral("0a0"), 2));
    }
};

QTEST_GUILESS_MAIN(TestJsonFields)
#include "tst_jsonfields.moc"
