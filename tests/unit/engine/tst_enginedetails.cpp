// The engine's details API between two real engines on loopback: per-file progress and
// priorities (a skipped file is not downloaded, and the choice survives a restart), the peer
// list with direction and relay marking, the pieces bar states, runtime rate limits and listen
// interfaces, and reading a .torrent without adding it.

#include "enginefixture.h"

#include <libtorrent/bencode.hpp>
#include <libtorrent/create_torrent.hpp>

#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace mp2p;
using namespace mp2p::test;

namespace {
// A v1 torrent of a folder with two files of `fileSize` each; `pieceSize` divides fileSize,
// so no piece spans both files.
QByteArray makeFolderTorrent(const QString &folder, int pieceSize)
{
    lt::file_storage fs;
    lt::add_files(fs, QDir(folder).absolutePath().toStdString());
    lt::create_torrent ct(fs, pieceSize, lt::create_torrent::v1_only);
    lt::set_piece_hashes(ct, QFileInfo(folder).absolutePath().toStdString());
    std::vector<char> buf;
    lt::bencode(std::back_inserter(buf), ct.generate());
    return QByteArray(buf.data(), qsizetype(buf.size()));
}

int indexOfFile(const QList<TransferFile> &files, const QString &suffix)
{
    for (const TransferFile &f : files)
        if (f.path.endsWith(suffix))
            return f.index;
    return -1;
}

const TransferFile *fileAt(const QList<TransferFile> &files, int index)
{
    for (const TransferFile &f : files)
        if (f.index == index)
            return &f;
    return nullptr;
}
} // namespace

class TstEngineDetails : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void skippedFileIsNotDownloadedAndPeersArePresented();
    void runtimeRateLimitSlowsTheTransfer();
    void runtimeListenInterfaceChange();
    void inspectsTorrents();
};

void TstEngineDetails::skippedFileIsNotDownloadedAndPeersArePresented()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const qint64 fileSize = 4 << 20;
    const int pieceSize = 256 << 10;
    const QString content = tmp.filePath("seed/album");
    QVERIFY(QDir().mkpath(content));
    QVERIFY(writeData(content + "/a.bin", fileSize, 1));
    QVERIFY(writeData(content + "/b.bin", fileSize, 2));
    const QByteArray torrent = makeFolderTorrent(content, pieceSize);

    PeerEngine seed(loopbackSettings(tmp.filePath("state-seed"), "127.1.0.2"));
    auto leech = std::make_unique<PeerEngine>(loopbackSettings(tmp.filePath("state-leech"), "127.1.0.3"));
    QString error;
    QVERIFY2(seed.start(&error), qPrintable(error));
    QVERIFY2(leech->start(&error), qPrintable(error));
    AddTransferOptions so;
    so.savePath = tmp.filePath("seed");
    so.seedMode = true;
    const QString hash = seed.addTransfer(torrent, so, &error);
    QVERIFY2(!hash.isEmpty(), qPrintable(error));
    AddTransferOptions lo;
    lo.savePath = tmp.filePath("leech");
    lo.paused = true;  // set the priorities before any byte moves
    QSignalSpy added(leech.get(), &PeerEngine::transferAdded);
    QCOMPARE(leech->addTransfer(torrent, lo, &error), hash);
    QVERIFY(added.wait(5000));

    QList<TransferFile> files = leech->fileStatus(hash);
    QCOMPARE(files.size(), 2);
    const int a = indexOfFile(files, "a.bin");
    const int b = indexOfFile(files, "b.bin");
    QVERIFY(a >= 0 && b >= 0);
    QCOMPARE(fileAt(files, b)->priority, FilePriority::Normal);
    QCOMPARE(fileAt(files, b)->downloaded, 0);
    // Bad requests are refused with a reason, not ignored.
    QVERIFY(!leech->setFilePriority(hash, 7, FilePriority::Skip, &error));
    QVERIFY2(error.contains("no file number 7"), qPrintable(error));
    QVERIFY(!leech->setFilePriority(QString(40, QLatin1Char('0')), 0, FilePriority::Skip, &error));
    QVERIFY(leech->setFilePriority(hash, b, FilePriority::Skip, &error));
    QVERIFY(leech->setFilePriority(hash, a, FilePriority::High, &error));
    QTRY_COMPARE_WITH_TIMEOUT(fileAt(leech->fileStatus(hash), b)->priority, FilePriority::Skip, 3000);
    QCOMPARE(fileAt(leech->fileStatus(hash), a)->priority, FilePriority::High);

    QSignalSpy finished(leech.get(), &PeerEngine::transferFinished);
    leech->resume(hash);
    QTRY_VERIFY_WITH_TIMEOUT(seed.listenPort() != 0, 5000);
    leech->connectPeer(hash, QHostAddress("127.1.0.2"), seed.listenPort());
    QVERIFY(finished.wait(30000));

    files = leech->fileStatus(hash);
    QCOMPARE(fileAt(files, a)->downloaded, fileSize);
    QCOMPARE(fileAt(files, b)->downloaded, 0);
    QVERIFY(!QFile::exists(tmp.filePath("leech/album/b.bin")) || QFileInfo(tmp.filePath("leech/album/b.bin")).size() == 0
            || sha256OfFile(tmp.filePath("leech/album/b.bin")) != sha256OfFile(content + "/b.bin"));
    QCOMPARE(sha256OfFile(tmp.filePath("leech/album/a.bin")), sha256OfFile(content + "/a.bin"));
    QCOMPARE(leech->transfer(hash)->totalWanted, fileSize);

    // Pieces: the first file's pieces are had, the skipped file's are missing.
    const QByteArray pieces = leech->pieceStates(hash);
    const int perFile = int(fileSize / pieceSize);
    QCOMPARE(pieces.size(), 2 * perFile);
    const int firstOfA = a == 0 ? 0 : perFile;
    const int firstOfB = b == 0 ? 0 : perFile;
    QCOMPARE(pieces.mid(firstOfA, perFile), QByteArray(perFile, char(PieceState::Have)));
    QCOMPARE(pieces.mid(firstOfB, perFile), QByteArray(perFile, char(PieceState::Missing)));
    QCOMPARE(seed.pieceStates(hash), QByteArray(2 * perFile, char(PieceState::Have)));

    // The priorities are in the resume data: a restarted engine still skips b.bin.
    QVERIFY(shutdownAndWait(*leech));
    leech = std::make_unique<PeerEngine>(loopbackSettings(tmp.filePath("state-leech"), "127.1.0.3"));
    QSignalSpy readded(leech.get(), &PeerEngine::transferAdded);
    QVERIFY2(leech->start(&error), qPrintable(error));
    QVERIFY(readded.wait(5000));
    QTRY_VERIFY_WITH_TIMEOUT(leech->fileStatus(hash).size() == 2, 5000);
    QCOMPARE(fileAt(leech->fileStatus(hash), b)->priority, FilePriority::Skip);
    QCOMPARE(fileAt(leech->fileStatus(hash), a)->priority, FilePriority::High);
    QVERIFY(shutdownAndWait(*leech));
    QVERIFY(shutdownAndWait(seed));
}

void TstEngineDetails::runtimeRateLimitSlowsTheTransfer()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const qint64 size = 16 << 20;
    QVERIFY(QDir().mkpath(tmp.filePath("seed")));
    QVERIFY(writeData(tmp.filePath("seed/big.bin"), size, 9));
    const QByteArray torrent = makeTorrent(tmp.filePath("seed/big.bin"));
    EngineSettings ss = loopbackSettings(tmp.filePath("state-seed"), "127.1.0.4");
    ss.rateLimitLocalPeers = true;  // loopback peers are exempt from limits otherwise
    PeerEngine seed(ss);
    PeerEngine leech(loopbackSettings(tmp.filePath("state-leech"), "127.1.0.5"));
    QString error;
    QVERIFY2(seed.start(&error), qPrintable(error));
    QVERIFY2(leech.start(&error), qPrintable(error));
    QCOMPARE(seed.uploadRateLimit(), 0);

    // Applied to the running session, no restart.
    const int limit = 256 << 10;
    seed.setRateLimits(limit, 123456);
    QCOMPARE(seed.uploadRateLimit(), limit);
    QCOMPARE(seed.downloadRateLimit(), 123456);
    seed.setRateLimits(-5, 0);
    QCOMPARE(seed.uploadRateLimit(), 0);
    seed.setRateLimits(limit, 0);

    AddTransferOptions so;
    so.savePath = tmp.filePath("seed");
    so.seedMode = true;
    const QString hash = seed.addTransfer(torrent, so, &error);
    QVERIFY2(!hash.isEmpty(), qPrintable(error));
    AddTransferOptions lo;
    lo.savePath = tmp.filePath("leech");
    QCOMPARE(leech.addTransfer(torrent, lo, &error), hash);
    QTRY_VERIFY_WITH_TIMEOUT(leech.hasTransfer(hash) && seed.listenPort() != 0 && leech.transfer(hash), 5000);
    leech.connectPeer(hash, QHostAddress("127.1.0.4"), seed.listenPort());
    QTRY_VERIFY_WITH_TIMEOUT(leech.transfer(hash)->totalDone > 0, 15000);

    // Over a 3 s window the limited seed sends at most about the limit (an upper bound, so a
    // slow machine cannot make it fail), and it does send.
    const qint64 before = leech.transfer(hash)->totalDone;
    QElapsedTimer clock;
    clock.start();
    QTest::qWait(3000);
    const qint64 got = leech.transfer(hash)->totalDone - before;
    const double seconds = clock.elapsed() / 1000.0;
    qInfo("limited to %d B/s: %.0f B/s measured", limit, got / seconds);
    QVERIFY(got > 0);
    QVERIFY2(got / seconds < 2.0 * limit, qPrintable(QString::number(got / seconds)));
    QVERIFY(leech.transfer(hash)->totalDone < size);

    // Peers while the limited transfer runs (libtorrent drops the connection once nothing is
    // left to exchange): the leecher dialled the seed (outgoing), the seed sees it as incoming.
    QList<PeerDetails> peers = leech.peers(hash);
    QCOMPARE(peers.size(), 1);
    QCOMPARE(peers.first().ip, QStringLiteral("127.1.0.4"));
    QCOMPARE(peers.first().port, seed.listenPort());
    QCOMPARE(peers.first().address, QStringLiteral("127.1.0.4:%1").arg(seed.listenPort()));
    QVERIFY(!peers.first().incoming);
    QVERIFY(peers.first().seed);
    QVERIFY(!peers.first().relayed);
    QVERIFY(!peers.first().client.isEmpty());
    QCOMPARE(peers.first().progress, 1.0);
    QVERIFY(peers.first().downloaded > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!seed.peers(hash).isEmpty(), 5000);
    QVERIFY(seed.peers(hash).first().incoming);
    QCOMPARE(seed.peers(hash).first().ip, QStringLiteral("127.1.0.5"));
    QVERIFY(!seed.peers(hash).first().seed);
    // A peer at a relay endpoint is reported as relayed; by IP or by IP:port.
    leech.setRelayEndpoints({QStringLiteral("127.1.0.4")});
    QVERIFY(leech.peers(hash).first().relayed);
    leech.setRelayEndpoints({QStringLiteral("127.1.0.4:%1").arg(seed.listenPort() == 1 ? 2 : 1)});
    QVERIFY(!leech.peers(hash).first().relayed);
    leech.setRelayEndpoints({QStringLiteral("127.1.0.4:%1").arg(seed.listenPort())});
    QVERIFY(leech.peers(hash).first().relayed);
    QCOMPARE(leech.relayEndpoints(), QStringList{QStringLiteral("127.1.0.4:%1").arg(seed.listenPort())});
    // The pieces bar while downloading: some had, not all.
    const QByteArray pieces = leech.pieceStates(hash);
    QVERIFY(pieces.count(char(PieceState::Have)) > 0);
    QVERIFY(pieces.count(char(PieceState::Have)) < pieces.size());

    // Lifting the limit at runtime lets the rest through quickly.
    QSignalSpy finished(&leech, &PeerEngine::transferFinished);
    seed.setRateLimits(0, 0);
    QVERIFY(finished.wait(30000));
    QVERIFY(shutdownAndWait(leech));
    QVERIFY(shutdownAndWait(seed));
}

void TstEngineDetails::runtimeListenInterfaceChange()
{
    QTemporaryDir tmp;
    PeerEngine engine(loopbackSettings(tmp.filePath("state"), "127.1.0.6"));
    QString error;
    QVERIFY2(engine.start(&error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(engine.listenPort() != 0, 5000);
    QVERIFY(!engine.setListenInterfaces(QStringLiteral("not-an-address"), {}, &error));
    QVERIFY2(error.contains("not a listen address"), qPrintable(error));
    QVERIFY(!engine.setListenInterfaces(QStringLiteral("127.1.0.6:70000"), {}, &error));
    QVERIFY(!engine.setListenInterfaces(QString(), {}, &error));

    QTcpServer probe;  // a port free on 127.1.0.7 right now
    QVERIFY(probe.listen(QHostAddress("127.1.0.7"), 0));
    const quint16 port = probe.serverPort();
    probe.close();
    QVERIFY2(engine.setListenInterfaces(QStringLiteral("127.1.0.7:%1").arg(port), QStringLiteral("127.1.0.7"), &error),
             qPrintable(error));
    QCOMPARE(engine.listenInterfaces(), QStringLiteral("127.1.0.7:%1").arg(port));
    QTRY_COMPARE_WITH_TIMEOUT(engine.listenPort(), port, 5000);
    // Something now really listens there.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress("127.1.0.7"), port);
    QVERIFY(socket.waitForConnected(3000));
    QVERIFY(shutdownAndWait(engine));
}

void TstEngineDetails::inspectsTorrents()
{
    QTemporaryDir tmp;
    QVERIFY(writeData(tmp.filePath("x.bin"), 1 << 20, 4));
    const QByteArray torrent = makeTorrent(tmp.filePath("x.bin"));
    PeerEngine::TorrentSummary summary;
    QString error;
    QVERIFY2(PeerEngine::inspectTorrent(torrent, &summary, &error), qPrintable(error));
    QCOMPARE(summary.name, QStringLiteral("x.bin"));
    QCOMPARE(summary.totalSize, 1 << 20);
    QCOMPARE(summary.fileCount, 1);
    QCOMPARE(summary.infoHash.size(), 40);
    QVERIFY(!PeerEngine::inspectTorrent(QByteArray("this is not a torrent"), &summary, &error));
    QVERIFY2(error.contains("damaged"), qPrintable(error));
    QVERIFY(!PeerEngine::inspectTorrent(torrent.left(torrent.size() / 2), &summary, &error));
    QVERIFY(!PeerEngine::inspectTorrent({}, &summary, &error));
    QVERIFY2(error.contains("empty"), qPrintable(error));
}

QTEST_GUILESS_MAIN(TstEngineDetails)
#include "tst_enginedetails.moc"
