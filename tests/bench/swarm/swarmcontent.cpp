#include "swarmcontent.h"

#include <user/torrentmaker.h>

#include <QDir>
#include <QFile>
#include <QRandomGenerator>

namespace mp2p::bench {

namespace {
bool writeRandomFile(const QString &path, qint64 bytes, QRandomGenerator *random, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    QByteArray block(1 << 20, '\0');
    for (qint64 left = bytes; left > 0; left -= block.size()) {
        random->fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
        if (f.write(block.constData(), qMin<qint64>(left, block.size())) < 0) {
            *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
            return false;
        }
    }
    return true;
}
} // namespace

bool makeSwarmContent(const QString &workDir, int totalMiB, quint32 seed, SwarmContent *out, QString *error)
{
    out->folder = QDir(workDir).filePath(QStringLiteral("content/swarm"));
    QDir().mkpath(out->folder);
    // Four files of unequal size (like an album), so pieces span file boundaries.
    const qint64 total = qint64(totalMiB) << 20;
    const QList<qint64> sizes = {total / 2, total / 4, total / 8, total - total / 2 - total / 4 - total / 8};
    QRandomGenerator random(seed);
    for (int i = 0; i < sizes.size(); ++i) {
        if (!writeRandomFile(QDir(out->folder).filePath(QStringLiteral("part-%1.bin").arg(i)), sizes[i], &random, error))
            return false;
    }
    const auto made = makeTorrent(out->folder, error);
    if (!made)
        return false;
    out->torrentPath = QDir(workDir).filePath(QStringLiteral("swarm.torrent"));
    QFile f(out->torrentPath);
    if (!f.open(QIODevice::WriteOnly) || f.write(made->torrentFile) != made->torrentFile.size()) {
        *error = QStringLiteral("cannot write %1").arg(out->torrentPath);
        return false;
    }
    out->infoHash = made->infoHashV1;
    out->totalBytes = made->totalSize;
    out->pieceSize = made->pieceSize;
    return true;
}

} // namespace mp2p::bench
