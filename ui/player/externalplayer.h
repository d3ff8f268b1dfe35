#pragma once

#include <QString>
#include <QUrl>

namespace mp2p {

// "Open in external player". The QSettings key player/externalCommand holds a command such as
// `mpv` or `vlc --play-and-exit %u` (%u = the stream URL, appended when absent); empty means
// the desktop's handler for http:// URLs (QDesktopServices). Returns false + *error when it
// could not start.
inline constexpr char kExternalPlayerKey[] = "player/externalCommand";

QString externalPlayerCommand();  // from QSettings, trimmed
bool openInExternalPlayer(const QUrl &streamUrl, const QString &command, QString *error);

} // namespace mp2p
