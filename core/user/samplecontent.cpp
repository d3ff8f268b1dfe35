#include "samplecontent.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

namespace mp2p {

bool writeSampleContent(const QString &folder, const QList<qint64> &sizes, quint32 seed, QString *error)
{
    QRandomGenerator random(seed);
    QByteArray block(1 << 20, '\0');
    for (int i = 0; i < sizes.size(); ++i) {
        const QString path = folder + (i % 2 ? QStringLiteral("/sub/file-%1.bin") : QStringLiteral("/file-%1.bin")).arg(i);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly)) {
            if (error)
                *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
            return false;
        }
        for (qint64 left = sizes[i]; left > 0; left -= block.size()) {
            random.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
            if (f.write(block.constData(), qMin<qint64>(left, block.size())) < 0) {
                if (error)
                    *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
                return false;
            }
        }
    }
    return true;
}

QMap<QString, QByteArray> sha256OfFiles(const QString &folder)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (f.open(QIODevice::ReadOnly))
            hash.addData(&f);
        out.insert(QDir(folder).relativeFilePath(path), hash.result());
    }
    return out;
}

} // namespace mp2p
