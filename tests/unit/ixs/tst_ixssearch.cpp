// OCMP query: full-text search, filters, sort orders, paging, and hostile search text.
#include "ixsfixture.h"

#include <p2psp/ixs/searchwords.h>

#include <QTest>
#include <QUrl>

using namespace mp2p;
using namespace mp2p::test;

namespace {
QString enc(const QString &text) { return QString::fromLatin1(QUrl::toPercentEncoding(text)); }
}

class TestIxsSearch : public QObject {
    Q_OBJECT
private:
    IxsFixture fx;
    TestUser alice;
    TestUser bob;

    // The record with exactly this title, as a search returns it.
    QJsonObject rec(const QString &title) const
    {
        const QJsonArray items = fx.search(QStringLiteral("q=") + enc(title) + QStringLiteral("&perPage=100"))
                                     .value(QStringLiteral("items")).toArray();
        for (const QJsonValue &v : items)
            if (v.toObject().value(QStringLiteral("title")).toString() == title)
                return v.toObject();
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(fx.open(&error), qPrintable(error));
        alice = fx.newUser();
        bob = fx.newUser();
        // Five records published one minute apart, so newest/oldest are well defined.
        const struct { const char *title, *description, *owner; QStringList tags; } seed[] = {
            {"Big Buck Bunny", "a giant rabbit meets three bullies", "a", {QStringLiteral("animation"), QStringLiteral("comedy")}},
            {"Sintel", "a girl searches for her baby dragon", "a", {QStringLiteral("animation"), QStringLiteral("fantasy")}},
            {"Tears of Steel", "science fiction with robots, featuring a rabbit poster", "b", {QStringLiteral("scifi")}},
            {"Cosmos Laundromat", "a sheep on an island", "b", {QStringLiteral("animation")}},
            {"Árvíztűrő tükörfúrógép", "diacritics test", "a", {QStringLiteral("test")}},
        };
        for (const auto &s : seed) {
            fx.now += 60;
            const QJsonObject r = fx.publish(*s.owner == 'a' ? alice : bob, QString::fromUtf8(s.title),
                                             QString::fromUtf8(s.description), s.tags);
            QVERIFY2(!r.isEmpty(), s.title);
        }
    }

    void emptyQueryListsEverythingNewestFirst()
    {
        const QJsonObject page = fx.search({});
        QCOMPARE(page.value(QStringLiteral("total")).toInt(), 5);
        QCOMPARE(page.value(QStringLiteral("page")).toInt(), 1);
        QCOMPARE(page.value(QStringLiteral("perPage")).toInt(), 20);
        const QJsonArray items = page.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 5);
        QCOMPARE(items.first().toObject().value(QStringLiteral("title")).toString(), QStringLiteral("Árvíztűrő tükörfúrógép"));
        QVERIFY(!items.first().toObject().contains(QStringLiteral("torrent")));
    }

    void findsByTitleDescriptionTagAndPrefix()
    {
        QCOMPARE(fx.searchTitles(QStringLiteral("q=sintel")), QStringList{QStringLiteral("Sintel")});
        QCOMPARE(fx.searchTitles(QStringLiteral("q=DRAGON")), QStringList{QStringLiteral("Sintel")});
        QCOMPARE(fx.searchTitles(QStringLiteral("q=scifi")), QStringList{QStringLiteral("Tears of Steel")});
        QCOMPARE(fx.searchTitles(QStringLiteral("q=laund")), QStringList{QStringLiteral("Cosmos Laundromat")});
        QCOMPARE(fx.searchTitles(QStringLiteral("q=") + enc(QStringLiteral("giant rab"))), QStringList{QStringLiteral("Big Buck Bunny")});
        QCOMPARE(fx.searchTitles(QStringLiteral("q=") + enc(QStringLiteral("arvizturo"))),
                 QStringList{QStringLiteral("Árvíztűrő tükörfúrógép")});
        QCOMPARE(fx.searchTitles(QStringLiteral("q=") + enc(QStringLiteral("sheep dragon"))), QStringList());
        QCOMPARE(fx.search(QStringLiteral("q=animation")).value(QStringLiteral("total")).toInt(), 3);
    }

    void relevancePutsTitleHitsFirst()
    {
        // "rabbit" is in Big Buck Bunny's description; "Tears of Steel" mentions it too but
        // less prominently; a title hit must beat both.
        fx.now += 60;
        QVERIFY(!fx.publish(alice, QStringLiteral("Rabbit Hole"), QStringLiteral("nothing else")).isEmpty());
        const QStringList titles = fx.searchTitles(QStringLiteral("q=rabbit"));
        QCOMPARE(titles.size(), 3);
        QCOMPARE(titles.first(), QStringLiteral("Rabbit Hole"));
        QCOMPARE(fx.searchTitles(QStringLiteral("q=rabbit&sort=oldest")),
                 (QStringList{QStringLiteral("Big Buck Bunny"), QStringLiteral("Tears of Steel"), QStringLiteral("Rabbit Hole")}));
        const QString id = rec(QStringLiteral("Rabbit Hole")).value(QStringLiteral("id")).toString();
        QCOMPARE(fx.client(alice.token).del(QStringLiteral("/ixs/v1/content/") + id).status, 204);
    }

    void filtersByTagAndOwner()
    {
        QCOMPARE(fx.searchTitles(QStringLiteral("tag=fantasy")), QStringList{QStringLiteral("Sintel")});
        QCOMPARE(fx.searchTitles(QStringLiteral("tag=ANIMATION&sort=oldest")),
                 (QStringList{QStringLiteral("Big Buck Bunny"), QStringLiteral("Sintel"), QStringLiteral("Cosmos Laundromat")}));
        QCOMPARE(fx.searchTitles(QStringLiteral("owner=") + bob.userId + QStringLiteral("&sort=title")),
                 (QStringList{QStringLiteral("Cosmos Laundromat"), QStringLiteral("Tears of Steel")}));
        QCOMPARE(fx.searchTitles(QStringLiteral("q=sheep&tag=animation&owner=") + bob.userId),
                 QStringList{QStringLiteral("Cosmos Laundromat")});
        QCOMPARE(fx.searchTitles(QStringLiteral("q=sheep&owner=") + alice.userId), QStringList());
        QCOMPARE(fx.search(QStringLiteral("tag=nosuchtag")).value(QStringLiteral("total")).toInt(), 0);
    }

    void sortOrders()
    {
        const QStringList oldest = fx.searchTitles(QStringLiteral("sort=oldest"));
        QCOMPARE(oldest.first(), QStringLiteral("Big Buck Bunny"));
        QStringList reversed(oldest.crbegin(), oldest.crend());
        QCOMPARE(fx.searchTitles(QStringLiteral("sort=newest")), reversed);
        QCOMPARE(fx.searchTitles({}), reversed);  // newest is the default without q
        QCOMPARE(fx.searchTitles(QStringLiteral("sort=title")),
                 (QStringList{QStringLiteral("Big Buck Bunny"), QStringLiteral("Cosmos Laundromat"), QStringLiteral("Sintel"),
                              QStringLiteral("Tears of Steel"), QStringLiteral("Árvíztűrő tükörfúrógép")}));
        const QJsonArray bySize = fx.search(QStringLiteral("sort=size")).value(QStringLiteral("items")).toArray();
        QCOMPARE(bySize.size(), 5);
        for (qsizetype i = 1; i < bySize.size(); ++i)
            QVERIFY(bySize.at(i - 1).toObject().value(QStringLiteral("totalSize")).toInteger()
                    >= bySize.at(i).toObject().value(QStringLiteral("totalSize")).toInteger());
        QCOMPARE(fx.search(QStringLiteral("sort=relevance")).value(QStringLiteral("total")).toInt(), 5);
    }

    void paging()
    {
        QStringList seen;
        for (int page = 1; page <= 3; ++page) {
            const QJsonObject p = fx.search(QStringLiteral("sort=title&perPage=2&page=%1").arg(page));
            QCOMPARE(p.value(QStringLiteral("total")).toInt(), 5);
            QCOMPARE(p.value(QStringLiteral("page")).toInt(), page);
            QCOMPARE(p.value(QStringLiteral("perPage")).toInt(), 2);
            for (const QJsonValue &v : p.value(QStringLiteral("items")).toArray())
                seen.append(v.toObject().value(QStringLiteral("title")).toString());
        }
        QCOMPARE(seen, fx.searchTitles(QStringLiteral("sort=title")));
        const QJsonObject beyond = fx.search(QStringLiteral("page=99&perPage=100"));
        QCOMPARE(beyond.value(QStringLiteral("total")).toInt(), 5);
        QVERIFY(beyond.value(QStringLiteral("items")).toArray().isEmpty());
    }

    void badParametersAre400()
    {
        const QStringList bad = {QStringLiteral("page=0"),         QStringLiteral("page=abc"),
                                 QStringLiteral("perPage=101"),    QStringLiteral("perPage=0"),
                                 QStringLiteral("sort=random"),    QStringLiteral("owner=") + enc(QStringLiteral("' OR 1=1")),
                                 QStringLiteral("q=") + QString(501, QLatin1Char('a'))};
        for (const QString &query : bad) {
            const HttpResponse r = fx.client().get(QStringLiteral("/ixs/v1/content?") + query);
            QVERIFY2(r.status == 400, qPrintable(query));
            QCOMPARE(jsonOf(r).value(QStringLiteral("error")).toString(), QStringLiteral("invalid_value"));
            QVERIFY(query.startsWith(jsonOf(r).value(QStringLiteral("field")).toString() + QLatin1Char('=')));
        }
    }

    void hostileSearchTextIsJustText()
    {
        const QStringList hostile = {
            QStringLiteral("'; DROP TABLE content; --"), QStringLiteral("\"unbalanced"), QStringLiteral("NEAR("),
            QStringLiteral("title:sintel"), QStringLiteral("*"), QStringLiteral("a OR b"), QStringLiteral(")("),
            QStringLiteral("%"), QStringLiteral("_"), QStringLiteral("\\"), QStringLiteral("AND"), QStringLiteral("NOT"),
            QStringLiteral("\""), QStringLiteral("''"), QStringLiteral("^sintel"), QStringLiteral("sintel\" OR \"steel"),
            QStringLiteral("{title description}: x"), QStringLiteral("bunny -rabbit"), QStringLiteral("AND sintel"),
            QStringLiteral("sintel AND"), QStringLiteral("NEAR(sintel"), QStringLiteral("NEAR(a b, 2)"), QStringLiteral("\"\"\""),
            QStringLiteral("sintel*"), QStringLiteral("+sintel"), QStringLiteral("sintel \"") , QStringLiteral("OR"),
            QStringLiteral("title : *"), QStringLiteral("\u00ad\u200b"), QStringLiteral("\U0001F600 sintel"),
        };
        for (const QString &q : hostile) {
            for (const QString &sort : {QStringLiteral("relevance"), QStringLiteral("newest")}) {
                const HttpResponse r = fx.client().get(QStringLiteral("/ixs/v1/content?sort=") + sort + QStringLiteral("&q=") + enc(q));
                QVERIFY2(r.status == 200, qPrintable(q + QStringLiteral(" -> ") + QString::fromUtf8(r.body)));
            }
        }
        // Syntax characters are not operators: the quote is dropped by the tokenizer and the
        // word still matches; "title:sintel" is one phrase, not a column filter.
        QCOMPARE(fx.searchTitles(QStringLiteral("q=") + enc(QStringLiteral("\"sintel"))), QStringList{QStringLiteral("Sintel")});
        QCOMPARE(fx.searchTitles(QStringLiteral("q=") + enc(QStringLiteral("sintel\" OR \"steel"))), QStringList());
        QCOMPARE(fx.search({}).value(QStringLiteral("total")).toInt(), 5);  // nothing was dropped
    }

    // A NUL in the text used to reach FTS5's parser, which stops at it: 500. Any control
    // character in q or tag is now refused with a 400 naming the parameter.
    void controlCharactersAre400()
    {
        const QStringList texts = {QStringLiteral("sintel") + QChar(0) + QStringLiteral("x"), QString(QChar(0)),
                                   QStringLiteral("\x01\x02"), QStringLiteral("sin\x1btel"), QStringLiteral("a\x7f"),
                                   QStringLiteral("big\nbuck"), QStringLiteral("a") + QChar(0x85) + QStringLiteral("b")};
        for (const QString &text : texts) {
            for (const QString &sort : {QStringLiteral("relevance"), QStringLiteral("newest")}) {
                for (const QString &name : {QStringLiteral("q"), QStringLiteral("tag")}) {
                    const HttpResponse r = fx.client().get(QStringLiteral("/ixs/v1/content?sort=%1&%2=%3").arg(sort, name, enc(text)));
                    QVERIFY2(r.status == 400, qPrintable(name + QStringLiteral(" -> ") + QString::fromUtf8(r.body)));
                    QCOMPARE(jsonOf(r).value(QStringLiteral("error")).toString(), QStringLiteral("invalid_value"));
                    QCOMPARE(jsonOf(r).value(QStringLiteral("field")).toString(), name);
                    QVERIFY(jsonOf(r).value(QStringLiteral("message")).toString().contains(QStringLiteral("control characters")));
                }
            }
        }
        // The raw %00 as an attacker types it, not through our own encoder.
        const HttpResponse raw = fx.client().get(QStringLiteral("/ixs/v1/content?q=sintel%00"));
        QCOMPARE(raw.status, 400);
        QCOMPARE(fx.search({}).value(QStringLiteral("total")).toInt(), 5);
    }

    void searchWordsAndMatchExpression()
    {
        QCOMPARE(searchWords(QStringLiteral("  Big  -- BUCK\t; ")), (QStringList{QStringLiteral("big"), QStringLiteral("buck")}));
        QCOMPARE(ftsMatchExpression({QStringLiteral("a\"b"), QStringLiteral("near(")}),
                 QStringLiteral("\"a\"\"b\" AND \"near(\"*"));
        QCOMPARE(ftsMatchExpression({}), QString());
        QCOMPARE(searchWords(QString(40, QLatin1Char('x')).split(QString()).join(QLatin1Char(' '))).size(), MaxSearchWords);
        QCOMPARE(likePattern(QStringLiteral("50%_!")), QStringLiteral("%50!%!_!!%"));
    }
};

QTEST_GUILESS_MAIN(TestIxsSearch)
#include "tst_ixssearch.moc"
