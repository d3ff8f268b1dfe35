#include "enginefixture.h"

#include <libtorrent/bencode.hpp>
#include <libtorrent/create_torrent.hpp>

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTest>

namespace mp2p::test {

bool writeData(const QString &path, qint64 size, quint32 seed)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    QRandomGenerator rng(seed);
    QByteArray chunk(1 << 20, Qt::Uninitialized);
    for (qint64 left = size; left > 0;) {
        rng.fillRange(reinterpret_cast<quint32 *>(chunk.data()), chunk.size() / 4);
        const qint64 n = std::min<qint64>(left, chunk.size());
        if (f.write(chunk.constData(), n) != n)
            return false;
        left -= n;
    }
    return true;
}

QByteArray makeTorrent(const QString &filePath, int pieceSize)
{
    const QFileInfo info(filePath);
    lt::file_storage fs;
    lt::add_files(fs, info.absoluteFilePath().toStdString());
    lt::create_torrent ct(fs, pieceSize, lt::create_torrent::v1_only);
    lt::set_piece_hashes(ct, info.absolutePath().toStdString());
    std::vector<char> buf;
    lt::bencode(std::back_inserter(buf), ct.generate());
    return QByteArray(buf.data(), qsizetype(buf.size()));
}

QByteArray sha256OfFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

EngineSettings loopbackSettings(const QString &stateDir, const QString &ip)
{
    EngineSettings s;
    s.stateDir = stateDir;
    s.listenInterfaces = ip + QStringLiteral(":0");
    s.outgoingInterfaces = ip;
    s.enableUtp = false;
    s.allowMultipleConnectionsPerIp = true;
    s.statsIntervalMs = 200;
    return s;
}

bool shutdownAndWait(PeerEngine &engine, int timeoutMs)
{
    bool done = false;
    engine.shutdown([&done]() { done = true; });
    return QTest::qWaitFor([&done]() { return done; }, timeoutMs);
}

} // namespace mp2p::test
