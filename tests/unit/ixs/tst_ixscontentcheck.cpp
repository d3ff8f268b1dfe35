// OCMP register: what a publisher says about the content (files, sizes, totalSize, overlayId)
// must be what its .torrent says, for single-file and multi-file, v1, hybrid and v2-only
// metadata; a record that lies is refused with a 400 naming the field and the torrent's value.
#include "ixsfixture.h"

#include <p2psp/ixs/torrentcontents.h>
#include <user/bencode.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTest>

#include <libtorrent/bencode.hpp>
#include <libtorrent/create_torrent.hpp>

#include <functional>
#include <iterator>

using namespace mp2p;
using namespace mp2p::test;

namespace {
const QString Content = QStringLiteral("/ixs/v1/content");
using Mutation = std::function<void(QJsonObject &)>;

// A torrent of exactly one file (no root folder), made by libtorrent with the given flags.
TestTorrent singleFileTorrent(const QString &workDir, lt::create_flags_t flags)
{
    static int counter = 0;
    QDir().mkpath(workDir);
    const QString name = QStringLiteral("single-%1.bin").arg(++counter);
    QFile f(workDir + QLatin1Char('/') + name);
    f.open(QIODevice::WriteOnly);
    const QByteArray data = randomBytes(40000 + counter);
    f.write(data);
    f.close();
    lt::file_storage fs;
    lt::add_files(fs, (workDir + QLatin1Char('/') + name).toStdString());
    lt::create_torrent ct(fs, 16 * 1024, flags);
    lt::set_piece_hashes(ct, workDir.toStdString());
    std::vector<char> buffer;
    lt::bencode(std::back_inserter(buffer), ct.generate());
    TestTorrent t;
    t.bytes = QByteArray(buffer.data(), qsizetype(buffer.size()));
    QString error;
    // The hashes of the info dictionary, as a client computes them (an oracle apart from the IXS).
    const QByteArray info = *torrentInfoSection(t.bytes, &error);
    t.infoHashV1 = QString::fromLatin1(QCryptographicHash::hash(info, QCryptographicHash::Sha1).toHex());
    if (!(flags & lt::create_torrent::v1_only))
        t.infoHashV2 = QString::fromLatin1(QCryptographicHash::hash(info, QCryptographicHash::Sha256).toHex());
    t.files.append({name, data.size()});
    return t;
}

Mutation setFile(int index, const QString &key, const QJsonValue &value)
{
    return [=](QJsonObject &o) {
        QJsonArray files = o.value(QStringLiteral("files")).toArray();
        QJsonObject file = files.at(index).toObject();
        file.insert(key, value);
        files.replace(index, file);
        o.insert(QStringLiteral("files"), files);
    };
}
} // namespace

Q_DECLARE_METATYPE(Mutation)

class TestIxsContentCheck : public QObject {
    Q_OBJECT
private:
    IxsFixture fx;
    TestUser alice;
    QMap<QString, TestTorrent> torrents;

    QJsonObject post(const QJsonObject &body, int *status) const
    {
        const HttpResponse r = fx.client(alice.token).post(Content, body);
        *status = r.status;
        return jsonOf(r);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(fx.open(&error), qPrintable(error));
        alice = fx.newUser();
        torrents.insert(QStringLiteral("multi v1"), makeTorrent(fx.torrentDir(), false));
        torrents.insert(QStringLiteral("multi hybrid"), makeTorrent(fx.torrentDir(), true));
        torrents.insert(QStringLiteral("single v1"), singleFileTorrent(fx.torrentDir(), lt::create_torrent::v1_only));
        torrents.insert(QStringLiteral("single hybrid"), singleFileTorrent(fx.torrentDir(), {}));
        torrents.insert(QStringLiteral("single v2"), singleFileTorrent(fx.torrentDir(), lt::create_torrent::v2_only));
    }

    // The IXS reads the same file list out of the info dictionary as libtorrent does.
    void torrentFilesAgreeWithLibtorrent()
    {
        for (auto it = torrents.cbegin(); it != torrents.cend(); ++it) {
            QString error;
            const auto files = torrentFiles(*torrentInfoSection(it->bytes, &error), &error);
            QVERIFY2(files, qPrintable(it.key() + QStringLiteral(": ") + error));
            QCOMPARE(files->size(), it->files.size());
            for (const auto &expected : it->files) {
                bool found = false;
                for (const ContentFile &f : *files)
                    found = found || (f.path == expected.first && f.size == expected.second);
                QVERIFY2(found, qPrintable(it.key() + QStringLiteral(": ") + expected.first));
            }
        }
    }

    void truthfulRecordsAreAccepted_data()
    {
        QTest::addColumn<QString>("kind");
        for (const QString &kind : torrents.keys())
            QTest::newRow(qPrintable(kind)) << kind;
    }
    void truthfulRecordsAreAccepted()
    {
        QFETCH(QString, kind);
        const TestTorrent &t = torrents.value(kind);
        QJsonObject body = IxsFixture::registration(t, QStringLiteral("Truthful ") + kind);
        // Any order of the files, with the right total.
        const QJsonArray given = body.value(QStringLiteral("files")).toArray();
        QJsonArray files;
        for (qsizetype i = given.size() - 1; i >= 0; --i)
            files.append(given.at(i));
        body.insert(QStringLiteral("files"), files);
        qint64 total = 0;
        for (const auto &f : t.files)
            total += f.second;
        body.insert(QStringLiteral("totalSize"), double(total));
        int status = 0;
        const QJsonObject rec = post(body, &status);
        QVERIFY2(status == 201, QJsonDocument(rec).toJson().constData());
        QCOMPARE(rec.value(QStringLiteral("totalSize")).toInteger(), total);
    }

    void lyingRecordsAreRefused_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<Mutation>("mutation");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("saysTheTorrent");  // what the message must quote from the torrent
        for (const QString &kind : torrents.keys()) {
            const TestTorrent &t = torrents.value(kind);
            const QString first = t.files.first().first;
            const QString size = QString::number(t.files.first().second);
            qint64 total = 0;
            for (const auto &f : t.files)
                total += f.second;
            const auto row = [&](const char *what, Mutation m, const QString &field, const QString &says) {
                QTest::newRow(qPrintable(kind + QStringLiteral(": ") + QLatin1String(what))) << kind << m << field << says;
            };
            row("renamed file", setFile(0, QStringLiteral("path"), QStringLiteral("Blockbuster.2026.mkv")),
                QStringLiteral("files[0].path"), first);
            row("inflated size", setFile(0, QStringLiteral("size"), double(t.files.first().second + 1)),
                QStringLiteral("files[0].size"), size);
            row("zero size", setFile(0, QStringLiteral("size"), 0), QStringLiteral("files[0].size"), size);
            row("extra file",
                [](QJsonObject &o) {
                    QJsonArray files = o.value(QStringLiteral("files")).toArray();
                    files.append(QJsonObject{{QStringLiteral("path"), QStringLiteral("bonus/extra.exe")}, {QStringLiteral("size"), 10}});
                    o.insert(QStringLiteral("files"), files);
                },
                QStringLiteral("files[%1].path").arg(t.files.size()), first);
            row("same file twice",
                [](QJsonObject &o) {
                    QJsonArray files = o.value(QStringLiteral("files")).toArray();
                    files.append(files.first());
                    o.insert(QStringLiteral("files"), files);
                },
                QStringLiteral("files[%1].path").arg(t.files.size()), QStringLiteral("once"));
            if (t.files.size() > 1) {
                row("file left out",
                    [](QJsonObject &o) {
                        QJsonArray files = o.value(QStringLiteral("files")).toArray();
                        files.removeFirst();
                        o.insert(QStringLiteral("files"), files);
                    },
                    QStringLiteral("files"), first);
            }
            row("totalSize", [](QJsonObject &o) { o.insert(QStringLiteral("totalSize"), 1); }, QStringLiteral("totalSize"),
                QString::number(total));
            row("overlayId of other content",
                [](QJsonObject &o) { o.insert(QStringLiteral("overlayId"), QString(40, QLatin1Char('a'))); },
                QStringLiteral("overlayId"), t.infoHashV1);
        }
    }
    void lyingRecordsAreRefused()
    {
        QFETCH(QString, kind);
        QFETCH(Mutation, mutation);
        QFETCH(QString, field);
        QFETCH(QString, saysTheTorrent);
        const TestTorrent &t = torrents.value(kind);
        const TestUser mallory = fx.newUser();  // a fresh owner: only the lie can be refused
        QJsonObject body = IxsFixture::registration(t, QStringLiteral("Lying"));
        mutation(body);
        const HttpResponse r = fx.client(mallory.token).post(Content, body);
        const QJsonObject e = jsonOf(r);
        QVERIFY2(r.status == 400, r.body.constData());
        QCOMPARE(e.value(QStringLiteral("error")).toString(), QStringLiteral("invalid_value"));
        QCOMPARE(e.value(QStringLiteral("field")).toString(), field);
        QVERIFY2(e.value(QStringLiteral("message")).toString().contains(saysTheTorrent), r.body.constData());
        QVERIFY(!e.value(QStringLiteral("hint")).toString().isEmpty());
        QCOMPARE(fx.search(QStringLiteral("owner=") + mallory.userId).value(QStringLiteral("total")).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestIxsContentCheck)
#include "tst_ixscontentcheck.moc"
