#include "format.h"

#include <QCoreApplication>
#include <QLocale>

namespace mp2p {

QString formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString formatRate(qint64 bytesPerSecond)
{
    if (bytesPerSecond <= 0)
        return QStringLiteral("–");
    return QCoreApplication::translate("mp2p::Format", "%1/s").arg(formatBytes(bytesPerSecond));
}

QString formatDuration(qint64 seconds)
{
    if (seconds < 0)
        return QStringLiteral("∞");
    if (seconds < 60)
        return QCoreApplication::translate("mp2p::Format", "%1 s").arg(seconds);
    if (seconds < 3600)
        return QCoreApplication::translate("mp2p::Format", "%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    if (seconds < 86400)
        return QCoreApplication::translate("mp2p::Format", "%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
    return QCoreApplication::translate("mp2p::Format", "%1 d %2 h").arg(seconds / 86400).arg((seconds % 86400) / 3600);
}

} // namespace mp2p
