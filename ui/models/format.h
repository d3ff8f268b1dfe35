#pragma once

#include <QString>

namespace mp2p {

// Human-readable sizes, rates and durations for the views (translatable, locale-aware).
QString formatBytes(qint64 bytes);
QString formatRate(qint64 bytesPerSecond);
QString formatDuration(qint64 seconds);  // negative = unknown ("∞")

} // namespace mp2p
