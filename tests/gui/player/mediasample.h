#pragma once

#include <QString>

namespace mp2p::test {

// A generated video every Qt Multimedia FFmpeg backend decodes with no extra package:
// YUV4MPEG2 (raw 4:2:0 frames behind a text header; ffmpeg's yuv4mpegpipe demuxer, rawvideo
// decoder, seekable by byte offset). Each frame shows a gradient and a bar that moves, so
// frames differ and screenshots are not one colour. 160x120 at 10 fps is 288 000 bytes per
// second of video: 12 s is about 3.5 MB.
struct MediaSample {
    int width = 160;
    int height = 120;
    int fps = 10;
    int frames = 120;
    qint64 frameBytes() const { return qint64(width) * height * 3 / 2 + 6; }  // + "FRAME\n"
    qint64 durationMs() const { return qint64(frames) * 1000 / fps; }
};

// Writes the sample; returns its size in bytes, or -1 with *error set.
qint64 writeY4m(const QString &path, const MediaSample &sample, QString *error);

} // namespace mp2p::test
