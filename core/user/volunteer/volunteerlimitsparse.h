#pragma once

#include <QString>

#include <optional>

namespace mp2p {

// Human units for the volunteer limits (CLI and config): sizes "512", "750KiB", "10GiB",
// "1.5GB" (B, KB/MB/GB/TB = powers of 1000, KiB/MiB/GiB/TiB = powers of 1024); rates are sizes
// with an optional "/s"; hours "22-7" (22:00 to 07:00, wrapping midnight) or "0-24".
std::optional<qint64> parseByteSize(const QString &text, QString *error);
std::optional<qint64> parseByteRate(const QString &text, QString *error);
std::optional<std::pair<int, int>> parseHourRange(const QString &text, QString *error);
QString formatBytes(qint64 bytes);  // "2.0 MiB"

} // namespace mp2p
