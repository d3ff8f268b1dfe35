#include "contentrecord.h"

#include <protocol/keys.h>

#include <QJsonArray>
#include <QJsonDocument>

namespace mp2p {

QJsonObject ContentRecord::toJson(bool withTorrent) const
{
    QJsonArray fileArray;
    for (const ContentFile &f : files)
        fileArray.append(QJsonObject{{QStringLiteral("path"), f.path}, {QStringLiteral("size"), double(f.size)}});
    QJsonObject o{
        {QStringLiteral("id"), id},
        {QStringLiteral("title"), title},
        {QStringLiteral("description"), description},
        {QStringLiteral("tags"), QJsonArray::fromStringList(tags)},
        {QStringLiteral("files"), fileArray},
        {QStringLiteral("totalSize"), double(totalSize)},
        {QStringLiteral("infoHashV1"), infoHashV1},
        {QStringLiteral("overlayId"), overlayId},
        {QStringLiteral("omsUrl"), omsUrl},
        {QStringLiteral("owner"), owner},
        {QStringLiteral("createdAt"), double(createdAt)},
        {QStringLiteral("updatedAt"), double(updatedAt)},
    };
    if (!infoHashV2.isEmpty())
        o.insert(QStringLiteral("infoHashV2"), infoHashV2);
    if (!media.isEmpty())
        o.insert(QStringLiteral("media"), media);
    if (withTorrent)
        o.insert(QStringLiteral("torrent"), QString::fromLatin1(toBase64Url(torrent)));
    return o;
}

QByteArray filesToJson(const QList<ContentFile> &files)
{
    QJsonArray a;
    for (const ContentFile &f : files)
        a.append(QJsonArray{f.path, double(f.size)});  // [path, size]: compact for 10,000-file records
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

QList<ContentFile> filesFromJson(const QByteArray &json)
{
    QList<ContentFile> out;
    const QJsonArray a = QJsonDocument::fromJson(json).array();
    out.reserve(a.size());
    for (const QJsonValue &v : a) {
        const QJsonArray pair = v.toArray();
        out.append({pair.at(0).toString(), qint64(pair.at(1).toDouble())});
    }
    return out;
}

QByteArray tagsToJson(const QStringList &tags)
{
    return QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact);
}

QStringList tagsFromJson(const QByteArray &json)
{
    QStringList out;
    const QJsonArray a = QJsonDocument::fromJson(json).array();
    for (const QJsonValue &v : a)
        out.append(v.toString());
    return out;
}

} // namespace mp2p
