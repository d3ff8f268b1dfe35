#pragma once

namespace mp2p {

// Picks Qt Multimedia's FFmpeg backend unless the user chose one with QT_MEDIA_BACKEND.
// Why: Qt 6.4 on Debian defaults to GStreamer, which plays http:// only with souphttpsrc
// (gstreamer1.0-plugins-good, not installed by default) and segfaults without
// gstreamer1.0-plugins-base; the FFmpeg backend ships inside libqt6multimedia6 and reads the
// stream server's URL, Range seeks included. Qt reads the variable once, when the first
// multimedia object is made, so call this early (main()); PlayerWindow calls it too.
void preferSelfContainedMediaBackend();

} // namespace mp2p
