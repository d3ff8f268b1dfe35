// Integration: nobody can lock a publisher out of their own content. An attacker account,
// over real HTTP to a real mp2pd, registers the victim's info-hash first at the OMS and the
// IXS: a record that lies about the files is refused, a truthful one is accepted as the
// attacker's own record; the victim's real `mp2p publish` still joins the overlay and gets its
// own record, and a downloader still finds and downloads the content.
#include "flowhelpers.h"
#include "peertestbed.h"

#include <mp2pdprocess.h>
#include <peerprocess.h>
#include <protocol/keys.h>
#include <user/samplecontent.h>
#include <user/torrentmaker.h>

#include <QJsonArray>
#include <QTest>

using namespace mp2p;
using namespace mp2p::test;

class TestPublishLockout : public QObject {
    Q_OBJECT
private:
    PeerTestBed m_bed;

private Q_SLOTS:
    void attackerRegisteringFirstLocksNobodyOut()
    {
        Mp2pdProcess server(m_bed.path(QStringLiteral("p2psp")));
        QVERIFY(m_bed.startServer(&server));
        const QString base = server.baseUrl();
        const QString content = m_bed.path(QStringLiteral("victim/holiday"));
        QVERIFY(writeSampleContent(content, {3 << 20, 1 << 20, 4321}, 7));

        // The attacker has a copy of the victim's content (or its .torrent): the same bytes make
        // the same hybrid torrent the victim's client will make.
        QString error;
        const auto made = makeTorrent(content, &error);
        QVERIFY2(made, qPrintable(error));
        TestHttp http;
        const LoggedInUser attacker = registerAndLogin(http, base, QStringLiteral("Mallory"));
        QVERIFY(!attacker.token.isEmpty());

        // 1. The attacker creates the overlay first: it is created (it belongs to the provider).
        const QJsonObject overlay{{QStringLiteral("overlayId"), made->infoHashV1},
                                  {QStringLiteral("infoHashV2"), made->infoHashV2},
                                  {QStringLiteral("name"), QStringLiteral("mine")}};
        QCOMPARE(http.post(base + QStringLiteral("/oms/v1/overlays"), overlay, attacker.token).status, 201);
        // ... and can no longer take it away from the others.
        QCOMPARE(http.request("DELETE", base + QStringLiteral("/oms/v1/overlays/") + made->infoHashV1, {}, attacker.token).status, 403);

        // 2. A record that lies about the files (a bigger, renamed file) is refused, naming the field.
        QJsonArray truthful;
        qint64 total = 0;  // of the files (MadeTorrent::totalSize also counts pad bytes)
        for (const TorrentFileEntry &f : made->files)
            total += f.size;
        for (const TorrentFileEntry &f : made->files)
            truthful.append(QJsonObject{{QStringLiteral("path"), f.path}, {QStringLiteral("size"), double(f.size)}});
        QJsonObject record{{QStringLiteral("title"), QStringLiteral("Blockbuster 2026 full HD")},
                           {QStringLiteral("infoHashV1"), made->infoHashV1},
                           {QStringLiteral("infoHashV2"), made->infoHashV2},
                           {QStringLiteral("overlayId"), made->infoHashV1},
                           {QStringLiteral("omsUrl"), base},
                           {QStringLiteral("torrent"), QString::fromLatin1(toBase64Url(made->torrentFile))}};
        QJsonArray lying = truthful;
        lying.replace(0, QJsonObject{{QStringLiteral("path"), QStringLiteral("Blockbuster.2026.mkv")}, {QStringLiteral("size"), 4e9}});
        record.insert(QStringLiteral("files"), lying);
        HttpResult r = http.post(base + QStringLiteral("/ixs/v1/content"), record, attacker.token);
        QVERIFY2(r.status == 400, r.body.constData());
        QCOMPARE(r.json().value(QStringLiteral("field")).toString(), QStringLiteral("files[0].path"));
        record.insert(QStringLiteral("files"), truthful);
        record.insert(QStringLiteral("totalSize"), 1e12);
        r = http.post(base + QStringLiteral("/ixs/v1/content"), record, attacker.token);
        QVERIFY2(r.status == 400, r.body.constData());
        QCOMPARE(r.json().value(QStringLiteral("field")).toString(), QStringLiteral("totalSize"));
        QVERIFY2(r.json().value(QStringLiteral("message")).toString().contains(QString::number(total)), r.body.constData());

        // 3. With a truthful description the attacker's record exists (it describes the content truly).
        record.remove(QStringLiteral("totalSize"));
        r = http.post(base + QStringLiteral("/ixs/v1/content"), record, attacker.token);
        QVERIFY2(r.status == 201, r.body.constData());
        const QString attackersRecord = r.json().value(QStringLiteral("id")).toString();

        // 4. The victim publishes with the real client: joins the overlay, gets its own record.
        PeerProcess victim;
        victim.start(QStringList{QStringLiteral("publish"), content, QStringLiteral("--title"), QStringLiteral("Holiday films"),
                                 QStringLiteral("--seed")}
                     + m_bed.peerArgs(server, QStringLiteral("victim"), 2));
        const QJsonObject published = victim.waitForEvent(QStringLiteral("published"), 90000);
        QVERIFY2(!published.isEmpty(), victim.allOutput().constData());
        QCOMPARE(published.value(QStringLiteral("infoHash")).toString(), made->infoHashV1);
        const QString victimsRecord = published.value(QStringLiteral("contentId")).toString();
        QVERIFY(!victimsRecord.isEmpty() && victimsRecord != attackersRecord);
        const QJsonObject own = http.get(base + QStringLiteral("/ixs/v1/content/") + victimsRecord).json();
        QCOMPARE(own.value(QStringLiteral("title")).toString(), QStringLiteral("Holiday films"));
        QVERIFY(own.value(QStringLiteral("owner")).toString() != attacker.userId);
        const QJsonArray records = http.get(base + QStringLiteral("/ixs/v1/content/by-infohash/") + made->infoHashV1)
                                       .json().value(QStringLiteral("records")).toArray();
        QCOMPARE(records.size(), 2);
        QCOMPARE(http.get(base + QStringLiteral("/ixs/v1/content?q=holiday")).json().value(QStringLiteral("total")).toInt(), 1);

        // 5. A downloader finds the victim's record and downloads the content from the victim.
        PeerProcess downloader;
        downloader.start(QStringList{QStringLiteral("get"), victimsRecord, QStringLiteral("--to"), m_bed.path(QStringLiteral("dl"))}
                         + m_bed.peerArgs(server, QStringLiteral("downloader"), 3));
        QVERIFY2(!downloader.waitForEvent(QStringLiteral("completed"), 120000).isEmpty(), downloader.allOutput().constData());
        QCOMPARE(sha256OfFiles(m_bed.path(QStringLiteral("dl"))), sha256OfFiles(m_bed.path(QStringLiteral("victim"))));
        // ... and by info-hash (the oldest record answers: the attacker's truthful one), too.
        PeerProcess second;
        second.start(QStringList{QStringLiteral("get"), made->infoHashV1, QStringLiteral("--to"), m_bed.path(QStringLiteral("dl2"))}
                     + m_bed.peerArgs(server, QStringLiteral("second"), 4));
        QVERIFY2(!second.waitForEvent(QStringLiteral("completed"), 120000).isEmpty(), second.allOutput().constData());
        QCOMPARE(sha256OfFiles(m_bed.path(QStringLiteral("dl2"))), sha256OfFiles(m_bed.path(QStringLiteral("victim"))));
        downloader.terminate();
        second.terminate();
        QCOMPARE(victim.terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPublishLockout)
#include "tst_publish_lockout.moc"
