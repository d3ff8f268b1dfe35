#include "ixsfixture.h"

#include <QDir>
#include <QFile>

#include <libtorrent/bencode.hpp>
#include <libtorrent/create_torrent.hpp>
#include <libtorrent/torrent_info.hpp>

#include <atomic>
#include <iterator>

namespace mp2p::test {

TestTorrent makeTorrent(const QString &workDir, bool hybrid)
{
    static std::atomic<int> counter{0};
    const QString name = QStringLiteral("content-%1").arg(++counter);
    const QString root = workDir + QLatin1Char('/') + name;
    QDir().mkpath(root + QStringLiteral("/sub"));
    TestTorrent t;
    const QStringList files = {QStringLiteral("sub/a.bin"), QStringLiteral("b.txt")};
    for (int i = 0; i < files.size(); ++i) {
        QFile f(root + QLatin1Char('/') + files.at(i));
        f.open(QIODevice::WriteOnly);
        const QByteArray data = randomBytes(1000 + 37 * i) + name.toUtf8();
        f.write(data);
        t.files.append({name + QLatin1Char('/') + files.at(i), data.size()});
    }
    lt::file_storage fs;
    lt::add_files(fs, root.toStdString());
    lt::create_torrent ct(fs, 16 * 1024, hybrid ? lt::create_flags_t{} : lt::create_torrent::v1_only);
    lt::set_piece_hashes(ct, workDir.toStdString());
    std::vector<char> buffer;
    lt::bencode(std::back_inserter(buffer), ct.generate());
    t.bytes = QByteArray(buffer.data(), qsizetype(buffer.size()));

    const lt::torrent_info info(buffer, lt::from_span);
    const lt::sha1_hash v1 = info.info_hashes().v1;
    t.infoHashV1 = QString::fromLatin1(QByteArray(v1.data(), int(v1.size())).toHex());
    if (hybrid) {
        const lt::sha256_hash v2 = info.info_hashes().v2;
        t.infoHashV2 = QString::fromLatin1(QByteArray(v2.data(), int(v2.size())).toHex());
    }
    // libtorrent lists files in its own order; the record's list is whatever the publisher sends.
    t.files.clear();
    for (const lt::file_index_t i : fs.file_range()) {
        if (!fs.pad_file_at(i))
            t.files.append({QString::fromStdString(fs.file_path(i)), fs.file_size(i)});
    }
    return t;
}

bool IxsFixture::open(QString *error)
{
    router.reset();
    service.reset();
    ServiceContext context{dir.path(), {}, QStringLiteral("http://127.0.0.1:7800"), &verifier, [this] { return now; }};
    service = std::make_unique<IxsService>(context);
    QString e;
    if (!service->start(&e)) {
        if (error)
            *error = e;
        return false;
    }
    router = std::make_unique<HttpRouter>();
    // A register body carries the .torrent (up to 4 MiB, base64url); the host must allow that too.
    router->setMaxBodyBytes(8 * 1024 * 1024);
    service->registerRoutes(*router);
    return true;
}

QJsonObject IxsFixture::registration(const TestTorrent &torrent, const QString &title, const QString &description,
                                     const QStringList &tags)
{
    QJsonArray files;
    for (const auto &f : torrent.files)
        files.append(QJsonObject{{QStringLiteral("path"), f.first}, {QStringLiteral("size"), double(f.second)}});
    QJsonObject body{
        {QStringLiteral("title"), title},
        {QStringLiteral("description"), description},
        {QStringLiteral("tags"), QJsonArray::fromStringList(tags)},
        {QStringLiteral("files"), files},
        {QStringLiteral("infoHashV1"), torrent.infoHashV1},
        {QStringLiteral("overlayId"), torrent.infoHashV1},
        {QStringLiteral("omsUrl"), QStringLiteral("http://127.0.0.1:7800")},
        {QStringLiteral("torrent"), QString::fromLatin1(toBase64Url(torrent.bytes))},
    };
    if (!torrent.infoHashV2.isEmpty())
        body.insert(QStringLiteral("infoHashV2"), torrent.infoHashV2);
    return body;
}

QJsonObject IxsFixture::publish(const TestUser &user, const QString &title, const QString &description,
                                const QStringList &tags)
{
    const TestTorrent torrent = makeTorrent(torrentDir(), false);
    const HttpResponse r = client(user.token).post(QStringLiteral("/ixs/v1/content"),
                                                   registration(torrent, title, description, tags));
    return r.status == 201 ? jsonOf(r) : QJsonObject();
}

QJsonObject IxsFixture::search(const QString &query) const
{
    return jsonOf(client().get(QStringLiteral("/ixs/v1/content?") + query));
}

QStringList IxsFixture::searchTitles(const QString &query) const
{
    QStringList titles;
    const QJsonArray items = search(query).value(QStringLiteral("items")).toArray();
    for (const QJsonValue &item : items)
        titles.append(item.toObject().value(QStringLiteral("title")).toString());
    return titles;
}

} // namespace mp2p::test
