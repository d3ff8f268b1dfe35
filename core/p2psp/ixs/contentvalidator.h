#pragma once

#include "contentrecord.h"

#include <base/apierror.h>

#include <QJsonObject>

#include <optional>

namespace mp2p {

// Limits of PROTOCOL.md "IXS".
namespace ixslimits {
inline constexpr int TitleChars = 200;
inline constexpr int DescriptionChars = 5000;
inline constexpr int Tags = 32;
inline constexpr int TagChars = 64;
inline constexpr int Files = 10000;
inline constexpr int PathChars = 4096;
inline constexpr qint64 FileBytes = qint64(1) << 50;
inline constexpr qint64 TotalBytes = qint64(1) << 53;  // still exact as a JSON number
inline constexpr int MediaBytes = 4096;
inline constexpr int UrlChars = 2048;
} // namespace ixslimits

// Reads a register body (OCMP "register") into a record without id, owner and dates; the
// torrent is decoded and checked against the info-hashes. Returns nullopt and a 400 that
// names the first bad field.
std::optional<ContentRecord> parseRegistration(const QJsonObject &body, ApiError *error);

// The fields an owner may change with OCMP "update"; absent ones stay as they are.
struct ContentPatch {
    std::optional<QString> title;
    std::optional<QString> description;
    std::optional<QStringList> tags;
    std::optional<QJsonObject> media;  // an empty object removes the media description

    void applyTo(ContentRecord *record) const;
};
std::optional<ContentPatch> parsePatch(const QJsonObject &body, ApiError *error);

// Lower-cases, trims and deduplicates tags (keeping their first order).
QStringList normalisedTags(const QStringList &tags);

} // namespace mp2p
