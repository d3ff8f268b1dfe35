#include "contentfiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

namespace mp2p::test {

bool writeContent(const QString &folder, const QList<qint64> &sizes, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray block(1 << 20, '\0');
    for (int i = 0; i < sizes.size(); ++i) {
        const QString path = folder + (i % 2 ? QStringLiteral("/sub/file-%1.bin") : QStringLiteral("/file-%1.bin")).arg(i);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return false;
        for (qint64 left = sizes[i]; left > 0; left -= block.size()) {
            random.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
            if (f.write(block.constData(), qMin<qint64>(left, block.size())) < 0)
                return false;
        }
    }
    return true;
}

QMap<QString, QByteArray> digests(const QString &folder)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        QCryptographicHash h(QCryptographicHash::Sha256);
        if (f.open(QIODevice::ReadOnly))
            h.addData(&f);
        out.insert(QDir(folder).relativeFilePath(path), h.result());
    }
    return out;
}

} // namespace mp2p::test
