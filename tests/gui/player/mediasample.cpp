#include "mediasample.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace mp2p::test {

qint64 writeY4m(const QString &path, const MediaSample &s, QString *error)
{
    if (s.width <= 0 || s.height <= 0 || s.width % 2 || s.height % 2 || s.fps <= 0 || s.frames <= 0) {
        *error = QStringLiteral("a Y4M sample needs an even, positive size, a positive rate and frames");
        return -1;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return -1;
    }
    // C420jpeg: full-range 4:2:0, the layout of ffmpeg's yuv420p; A1:1 = square pixels.
    f.write(QStringLiteral("YUV4MPEG2 W%1 H%2 F%3:1 Ip A1:1 C420jpeg\n").arg(s.width).arg(s.height).arg(s.fps).toLatin1());
    const int cw = s.width / 2;
    const int ch = s.height / 2;
    QByteArray frame(qsizetype(s.width) * s.height + 2 * cw * ch, Qt::Uninitialized);
    for (int n = 0; n < s.frames; ++n) {
        char *y = frame.data();
        char *u = y + s.width * s.height;
        char *v = u + cw * ch;
        const int bar = (n * 4) % s.width;  // a bright bar sweeping right, 4 px per frame
        for (int r = 0; r < s.height; ++r)
            for (int c = 0; c < s.width; ++c)
                y[r * s.width + c] = char(qAbs(c - bar) < 6 ? 235 : 32 + (c + r + n) % 160);
        for (int r = 0; r < ch; ++r)
            for (int c = 0; c < cw; ++c) {
                u[r * cw + c] = char(64 + (r * 2 + n) % 128);
                v[r * cw + c] = char(64 + (c * 2) % 128);
            }
        f.write("FRAME\n");
        f.write(frame);
    }
    if (!f.flush() || f.error() != QFileDevice::NoError) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return -1;
    }
    return f.size();
}

} // namespace mp2p::test
