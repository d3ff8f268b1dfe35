#include "torrentcontents.h"

#include <user/bencode.h>

#include <QMap>
#include <QVariantMap>

namespace mp2p {

namespace {

ApiError mismatch(const QString &field, const QString &message)
{
    ApiError e = ApiError::badRequest(QStringLiteral("invalid_value"), message, field);
    e.hint = QStringLiteral("describe the content exactly as the .torrent file does (files, sizes, info-hashes)");
    return e;
}

QString text(const QVariant &v)
{
    return QString::fromUtf8(v.toByteArray());
}

// One file entry of a v1 "files" list: {length, path: [parts...], attr?}.
bool readV1Entry(const QVariant &entry, const QString &root, QList<ContentFile> *out, QString *error)
{
    const QVariantMap file = entry.toMap();
    const QVariantList parts = file.value(QStringLiteral("path")).toList();
    if (parts.isEmpty() || !file.contains(QStringLiteral("length"))) {
        *error = QStringLiteral("a file entry has no path or no length");
        return false;
    }
    if (text(file.value(QStringLiteral("attr"))).contains(QLatin1Char('p')))
        return true;  // pad file: alignment only, never on disk
    QStringList path{root};
    for (const QVariant &part : parts)
        path.append(text(part));
    out->append({path.join(QLatin1Char('/')), file.value(QStringLiteral("length")).toLongLong()});
    return true;
}

// A v2 "file tree": nested directories; a file is a dictionary whose "" key holds {length, ...}.
bool readTree(const QVariantMap &tree, const QStringList &prefix, int depth, QList<ContentFile> *out, QString *error)
{
    if (depth > 64) {
        *error = QStringLiteral("the file tree is nested too deeply");
        return false;
    }
    for (auto it = tree.begin(); it != tree.end(); ++it) {
        const QVariantMap node = it.value().toMap();
        const QStringList path = prefix + QStringList{QString::fromUtf8(it.key().toLatin1())};
        if (node.contains(QString())) {
            const QVariantMap leaf = node.value(QString()).toMap();
            if (!text(leaf.value(QStringLiteral("attr"))).contains(QLatin1Char('p')))
                out->append({path.join(QLatin1Char('/')), leaf.value(QStringLiteral("length")).toLongLong()});
        } else if (!readTree(node, path, depth + 1, out, error)) {
            return false;
        }
    }
    return true;
}

} // namespace

std::optional<QList<ContentFile>> torrentFiles(const QByteArray &infoSection, QString *error)
{
    const auto decoded = bdecode(infoSection, error);
    if (!decoded)
        return std::nullopt;
    const QVariantMap info = decoded->toMap();
    const QString name = text(info.value(QStringLiteral("name")));
    QList<ContentFile> files;
    if (info.contains(QStringLiteral("length"))) {  // v1 single file
        files.append({name, info.value(QStringLiteral("length")).toLongLong()});
    } else if (info.contains(QStringLiteral("files"))) {  // v1 (or hybrid) multi-file
        for (const QVariant &entry : info.value(QStringLiteral("files")).toList()) {
            if (!readV1Entry(entry, name, &files, error))
                return std::nullopt;
        }
    } else if (info.contains(QStringLiteral("file tree"))) {  // v2 only
        const QVariantMap tree = info.value(QStringLiteral("file tree")).toMap();
        const bool single = tree.size() == 1 && tree.first().toMap().contains(QString());
        if (!readTree(tree, single ? QStringList() : QStringList{name}, 0, &files, error))
            return std::nullopt;
    } else {
        *error = QStringLiteral("the info dictionary lists no files");
        return std::nullopt;
    }
    return files;
}

bool matchesTorrent(const ContentRecord &record, std::optional<qint64> claimedTotal, ApiError *error)
{
    if (record.overlayId != record.infoHashV1) {
        *error = mismatch(QStringLiteral("overlayId"),
                          QStringLiteral("overlayId is %1, but the overlay of this torrent is its v1 info-hash %2")
                              .arg(record.overlayId, record.infoHashV1));
        return false;
    }
    QString why;
    const auto info = torrentInfoSection(record.torrent, &why);
    const auto files = info ? torrentFiles(*info, &why) : std::nullopt;
    if (!files) {
        *error = mismatch(QStringLiteral("torrent"), QStringLiteral("the torrent's files cannot be read: %1").arg(why));
        return false;
    }
    QMap<QString, qint64> sizes;
    qint64 total = 0;
    for (const ContentFile &f : *files) {
        sizes.insert(f.path, f.size);
        total += f.size;
    }
    QMap<QString, qint64> unmatched = sizes;
    for (qsizetype i = 0; i < record.files.size(); ++i) {
        const ContentFile &f = record.files.at(i);
        const auto it = sizes.constFind(f.path);
        if (it == sizes.cend()) {
            *error = mismatch(QStringLiteral("files[%1].path").arg(i),
                              QStringLiteral("the torrent has no file '%1'; it holds: %2")
                                  .arg(f.path.left(200), QStringList(sizes.keys().mid(0, 10)).join(QStringLiteral(", "))));
            return false;
        }
        if (!unmatched.contains(f.path)) {
            *error = mismatch(QStringLiteral("files[%1].path").arg(i),
                              QStringLiteral("'%1' is listed twice; the torrent holds it once").arg(f.path.left(200)));
            return false;
        }
        if (it.value() != f.size) {
            *error = mismatch(QStringLiteral("files[%1].size").arg(i),
                              QStringLiteral("the size of '%1' is %2 bytes, but the torrent says %3")
                                  .arg(f.path.left(200))
                                  .arg(f.size)
                                  .arg(it.value()));
            return false;
        }
        unmatched.remove(f.path);
    }
    if (!unmatched.isEmpty()) {
        *error = mismatch(QStringLiteral("files"),
                          QStringLiteral("the torrent also holds '%1' (%2 bytes), which 'files' leaves out (%3 of %4 files listed)")
                              .arg(unmatched.firstKey().left(200))
                              .arg(unmatched.first())
                              .arg(record.files.size())
                              .arg(files->size()));
        return false;
    }
    if (claimedTotal && *claimedTotal != total) {
        *error = mismatch(QStringLiteral("totalSize"),
                          QStringLiteral("totalSize is %1, but the torrent holds %2 bytes").arg(*claimedTotal).arg(total));
        return false;
    }
    return true;
}

} // namespace mp2p
