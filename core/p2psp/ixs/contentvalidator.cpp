#include "contentvalidator.h"

#include "torrentcheck.h"
#include "torrentcontents.h"

#include <protocol/jsonfields.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

namespace mp2p {

namespace {

// A relative path inside the content: no "..", not absolute (Unix, Windows drive or UNC).
bool isSafeRelativePath(const QString &path)
{
    if (path.startsWith(QLatin1Char('/')) || path.startsWith(QLatin1Char('\\')) || path.contains(QChar(0)))
        return false;
    if (path.size() >= 2 && path.at(1) == QLatin1Char(':'))
        return false;
    static const QRegularExpression separators(QStringLiteral("[/\\\\]"));
    const QStringList segments = path.split(separators);
    return !segments.contains(QStringLiteral(".."));
}

QList<ContentFile> readFiles(JsonFields &in, qint64 *total)
{
    const QJsonArray array = in.array(QStringLiteral("files"), JsonFields::Required, ixslimits::Files);
    if (!in.ok())
        return {};
    if (array.isEmpty()) {
        in.fail(QStringLiteral("files"), QStringLiteral("invalid_value"),
                QStringLiteral("the field 'files' must list at least one file"));
        return {};
    }
    QList<ContentFile> files;
    files.reserve(array.size());
    *total = 0;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString key = QStringLiteral("files[%1]").arg(i);
        if (!array.at(i).isObject()) {
            in.fail(key, QStringLiteral("invalid_type"), QStringLiteral("each entry of 'files' must be an object {path, size}"));
            return {};
        }
        JsonFields file(array.at(i).toObject(), key);
        ContentFile f{file.string(QStringLiteral("path"), JsonFields::Required, 1, ixslimits::PathChars),
                      file.integer(QStringLiteral("size"), JsonFields::Required, 0, ixslimits::FileBytes)};
        if (file.ok() && !isSafeRelativePath(f.path))
            file.fail(QStringLiteral("path"), QStringLiteral("invalid_value"),
                      QStringLiteral("the path '%1' must be relative and must not contain '..'").arg(f.path));
        if (!file.ok()) {
            const ApiError e = file.error();
            in.fail(e.field, e.code, e.message);  // keeps "files[i].path" as the field name
            return {};
        }
        *total += f.size;
        if (*total > ixslimits::TotalBytes) {
            in.fail(QStringLiteral("files"), QStringLiteral("invalid_value"),
                    QStringLiteral("the files add up to more than %1 bytes").arg(ixslimits::TotalBytes));
            return {};
        }
        files.append(f);
    }
    return files;
}

QString readHex(JsonFields &in, const QString &key, JsonFields::Presence presence, int length)
{
    const QString hex = in.string(key, presence, 0, length);
    if (in.ok() && in.has(key) && !isHex(hex, length))
        in.fail(key, QStringLiteral("invalid_value"),
                QStringLiteral("the field '%1' must be %2 lower-case hex characters").arg(key).arg(length));
    return in.ok() ? hex : QString();
}

QString readUrl(JsonFields &in, const QString &key)
{
    const QString text = in.string(key, JsonFields::Required, 1, ixslimits::UrlChars);
    if (!in.ok())
        return {};
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        in.fail(key, QStringLiteral("invalid_value"),
                QStringLiteral("the field '%1' must be an http:// or https:// URL with a host").arg(key));
    return text;
}

QJsonObject readMedia(JsonFields &in)
{
    const QJsonObject media = in.object(QStringLiteral("media"), JsonFields::Optional);
    if (in.ok() && QJsonDocument(media).toJson(QJsonDocument::Compact).size() > ixslimits::MediaBytes)
        in.fail(QStringLiteral("media"), QStringLiteral("invalid_value"),
                QStringLiteral("the field 'media' must be at most %1 bytes as compact JSON").arg(ixslimits::MediaBytes));
    return media;
}

QString readTitle(JsonFields &in, JsonFields::Presence presence)
{
    const QString title = in.string(QStringLiteral("title"), presence, 1, ixslimits::TitleChars).trimmed();
    if (in.ok() && in.has(QStringLiteral("title")) && title.isEmpty())
        in.fail(QStringLiteral("title"), QStringLiteral("invalid_value"), QStringLiteral("the title must not be blank"));
    return title;
}

QStringList readTags(JsonFields &in)
{
    const QStringList raw = in.stringList(QStringLiteral("tags"), JsonFields::Optional, ixslimits::Tags, ixslimits::TagChars);
    const QStringList tags = normalisedTags(raw);
    if (in.ok() && tags.contains(QString()))
        in.fail(QStringLiteral("tags"), QStringLiteral("invalid_value"), QStringLiteral("tags must not be blank"));
    return tags;
}

} // namespace

QStringList normalisedTags(const QStringList &tags)
{
    QStringList out;
    for (const QString &tag : tags) {
        const QString t = tag.trimmed().toLower();
        if (!out.contains(t))
            out.append(t);
    }
    return out;
}

std::optional<ContentRecord> parseRegistration(const QJsonObject &body, ApiError *error)
{
    JsonFields in(body);
    ContentRecord r;
    r.title = readTitle(in, JsonFields::Required);
    r.description = in.string(QStringLiteral("description"), JsonFields::Optional, 0, ixslimits::DescriptionChars);
    r.tags = readTags(in);
    r.files = readFiles(in, &r.totalSize);
    r.infoHashV1 = readHex(in, QStringLiteral("infoHashV1"), JsonFields::Required, 40);
    r.infoHashV2 = readHex(in, QStringLiteral("infoHashV2"), JsonFields::Optional, 64);
    r.overlayId = readHex(in, QStringLiteral("overlayId"), JsonFields::Required, 40);
    r.omsUrl = readUrl(in, QStringLiteral("omsUrl"));
    r.media = readMedia(in);
    const QString torrent = in.string(QStringLiteral("torrent"), JsonFields::Required, 1, (MaxTorrentBytes / 3 + 1) * 4);
    std::optional<qint64> claimedTotal;
    if (in.ok() && in.has(QStringLiteral("totalSize")))
        claimedTotal = in.integer(QStringLiteral("totalSize"), JsonFields::Optional, 0, ixslimits::TotalBytes);
    if (!in.ok()) {
        *error = in.error();
        return std::nullopt;
    }
    const auto bytes = decodeAndCheckTorrent(torrent, r.infoHashV1, r.infoHashV2, error);
    if (!bytes)
        return std::nullopt;
    r.torrent = *bytes;
    if (!matchesTorrent(r, claimedTotal, error))
        return std::nullopt;
    return r;
}

std::optional<ContentPatch> parsePatch(const QJsonObject &body, ApiError *error)
{
    // Fields that identify the content cannot change: a different torrent is different content.
    static const QStringList immutable = {QStringLiteral("files"),      QStringLiteral("infoHashV1"),
                                          QStringLiteral("infoHashV2"), QStringLiteral("overlayId"),
                                          QStringLiteral("omsUrl"),     QStringLiteral("torrent"),
                                          QStringLiteral("totalSize")};
    for (const QString &key : immutable) {
        if (body.contains(key)) {
            *error = ApiError::badRequest(QStringLiteral("invalid_value"),
                                          QStringLiteral("the field '%1' cannot be updated").arg(key), key);
            error->hint = QStringLiteral("remove the record and register the new torrent instead");
            return std::nullopt;
        }
    }
    JsonFields in(body);
    ContentPatch patch;
    if (in.has(QStringLiteral("title")))
        patch.title = readTitle(in, JsonFields::Required);
    if (in.has(QStringLiteral("description")))
        patch.description = in.string(QStringLiteral("description"), JsonFields::Required, 0, ixslimits::DescriptionChars);
    if (in.has(QStringLiteral("tags")))
        patch.tags = readTags(in);
    if (in.has(QStringLiteral("media")))
        patch.media = readMedia(in);
    if (in.ok() && !patch.title && !patch.description && !patch.tags && !patch.media)
        in.fail(QString(), QStringLiteral("missing_field"),
                QStringLiteral("an update needs at least one of: title, description, tags, media"));
    if (!in.ok()) {
        *error = in.error();
        return std::nullopt;
    }
    return patch;
}

void ContentPatch::applyTo(ContentRecord *record) const
{
    if (title)
        record->title = *title;
    if (description)
        record->description = *description;
    if (tags)
        record->tags = *tags;
    if (media)
        record->media = *media;
}

} // namespace mp2p
