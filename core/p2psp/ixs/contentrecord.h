#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace mp2p {

// One file of a content item, as the torrent lists it (path relative to the content root).
struct ContentFile {
    QString path;
    qint64 size = 0;
};

// An IXS content record (X.609.9 OCMP "overlay content"): what a publisher registers and a
// downloader finds. `torrent` is the raw .torrent file; it is only loaded when a caller asks
// for the full record, so listings stay light.
struct ContentRecord {
    QString id;                // 32 lower-case hex characters
    QString title;
    QString description;
    QStringList tags;          // lower-case, deduplicated
    QList<ContentFile> files;
    qint64 totalSize = 0;
    QString infoHashV1;        // 40 lower-case hex
    QString infoHashV2;        // 64 lower-case hex, or empty
    QString overlayId;         // 40 lower-case hex
    QString omsUrl;
    QJsonObject media;         // empty = none
    QString owner;             // user id
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    QByteArray torrent;

    // The wire form of PROTOCOL.md; `withTorrent` adds the base64url .torrent file.
    QJsonObject toJson(bool withTorrent) const;
};

// Helpers shared by the store and the validator, so both agree on the stored JSON text.
QByteArray filesToJson(const QList<ContentFile> &files);
QList<ContentFile> filesFromJson(const QByteArray &json);
QByteArray tagsToJson(const QStringList &tags);
QStringList tagsFromJson(const QByteArray &json);

} // namespace mp2p
