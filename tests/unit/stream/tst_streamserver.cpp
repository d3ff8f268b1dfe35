// StreamServer on a leecher whose download is rate-limited: a range at the END of the file is
// asked for before any piece has arrived, waits, and gets exactly the right bytes first
// (piece deadlines); a full GET returns the whole file; 416 and 404 for bad requests.

#include "../engine/enginefixture.h"

#include <user/stream/streamserver.h>

#include <testrequire.h>

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QStandardPaths>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace mp2p;
using namespace mp2p::test;

namespace {
constexpr qint64 kFileSize = (3 << 20) + 4321;  // not a multiple of the piece size
constexpr int kPieceSize = 64 << 10;

// Sends a request and spins the event loop until the reply finished.
QNetworkReply *fetch(QNetworkAccessManager &nam, const QUrl &url, const QByteArray &range = {},
                     bool head = false, int timeoutMs = 60000)
{
    QNetworkRequest req(url);
    if (!range.isEmpty())
        req.setRawHeader("Range", range);
    QNetworkReply *reply = head ? nam.head(req) : nam.get(req);
    (void)QTest::qWaitFor([reply]() { return reply->isFinished(); }, timeoutMs);  // callers check isFinished
    return reply;
}

int statusOf(QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}
} // namespace

class TstStreamServer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void rangeFromTheEndWaitsForItsPieces();
    void fullGetReturnsTheWholeFile();
    void headAndMiddleRange();
    void refusesBadRequests();
    void servesWhileTheEngineThreadIsBlocked();
    void staysUsableUnderIdleFloodAndHugeHeads();
    void cleanupTestCase();

private:
    QTemporaryDir m_tmp;
    QString m_source;
    QByteArray m_content;
    QString m_hash;
    std::unique_ptr<PeerEngine> m_seed;
    std::unique_ptr<PeerEngine> m_leech;
    std::unique_ptr<StreamServer> m_server;
    QNetworkAccessManager m_nam;
};

void TstStreamServer::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_nam.setProxy(QNetworkProxy::NoProxy);
    QVERIFY(QDir().mkpath(m_tmp.filePath("content")));
    m_source = m_tmp.filePath("content/movie.mp4");
    QVERIFY(writeData(m_source, kFileSize, 7));
    QFile f(m_source);
    QVERIFY(f.open(QIODevice::ReadOnly));
    m_content = f.readAll();
    const QByteArray torrent = makeTorrent(m_source, kPieceSize);

    m_seed = std::make_unique<PeerEngine>(loopbackSettings(m_tmp.filePath("seed"), "127.1.0.61"));
    EngineSettings leech = loopbackSettings(m_tmp.filePath("leech"), "127.1.0.62");
    leech.downloadRateLimit = 600 << 10;  // about 5 s for the file
    leech.rateLimitLocalPeers = true;
    m_leech = std::make_unique<PeerEngine>(leech);
    QString error;
    QVERIFY2(m_seed->start(&error), qPrintable(error));
    QVERIFY2(m_leech->start(&error), qPrintable(error));

    AddTransferOptions seedOptions;
    seedOptions.savePath = m_tmp.filePath("content");
    seedOptions.seedMode = true;
    m_hash = m_seed->addTransfer(torrent, seedOptions, &error);
    QVERIFY2(!m_hash.isEmpty(), qPrintable(error));
    AddTransferOptions leechOptions;
    leechOptions.savePath = m_tmp.filePath("download");
    QCOMPARE(m_leech->addTransfer(torrent, leechOptions, &error), m_hash);
    QTRY_VERIFY_WITH_TIMEOUT(m_seed->transfer(m_hash).has_value() && m_leech->transfer(m_hash).has_value()
                                 && m_seed->listenPort() != 0 && m_leech->files(m_hash).size() == 1, 5000);

    m_server = std::make_unique<StreamServer>(m_leech.get());
    QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0, &error) != 0, qPrintable(error));
    const QList<TransferFile> files = m_leech->files(m_hash);
    QCOMPARE(files.size(), 1);
    QCOMPARE(files[0].size, kFileSize);
    QCOMPARE(m_leech->pieceSize(m_hash), kPieceSize);
}

void TstStreamServer::rangeFromTheEndWaitsForItsPieces()
{
    const qint64 first = kFileSize - 200000;
    QNetworkRequest req(m_server->urlFor(m_hash, 0));
    req.setRawHeader("Range", "bytes=" + QByteArray::number(first) + '-');
    QSignalSpy done(m_server.get(), &StreamServer::requestFinished);
    QNetworkReply *reply = m_nam.get(req);
    // Nothing can arrive yet (no peer): the request must be waiting for its pieces.
    QTRY_COMPARE_WITH_TIMEOUT(m_server->stats().waitingRequests, 1, 5000);
    QVERIFY(!reply->isFinished());
    QVERIFY(!m_leech->havePiece(m_hash, int((kFileSize - 1) / kPieceSize)));

    m_leech->connectPeer(m_hash, QHostAddress("127.1.0.61"),
                         m_seed->listenPort());
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 30000);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(statusOf(reply), 206);
    QCOMPARE(reply->rawHeader("Content-Range"),
             "bytes " + QByteArray::number(first) + '-' + QByteArray::number(kFileSize - 1) + '/'
                 + QByteArray::number(kFileSize));
    QCOMPARE(reply->rawHeader("Accept-Ranges"), QByteArray("bytes"));
    QCOMPARE(reply->rawHeader("Content-Type"), QByteArray("video/mp4"));
    const QByteArray body = reply->readAll();
    QCOMPARE(body.size(), kFileSize - first);
    QVERIFY(body == m_content.mid(first));
    // The deadlines brought the end first: most of the file is still to come.
    const auto status = m_leech->transfer(m_hash);
    QVERIFY(status.has_value());
    QVERIFY2(status->progress < 0.8, qPrintable(QString::number(status->progress)));

    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 5000);
    const qint64 waited = done.at(0).at(2).toLongLong();
    QVERIFY2(waited > 0, qPrintable(QString::number(waited)));
    QVERIFY(m_server->stats().totalWaitedMs >= waited);
    QCOMPARE(m_server->stats().lastWaitedMs, waited);
    reply->deleteLater();
}

void TstStreamServer::fullGetReturnsTheWholeFile()
{
    QNetworkReply *reply = fetch(m_nam, m_server->urlFor(m_hash, 0));
    QVERIFY(reply->isFinished());
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(statusOf(reply), 200);
    QCOMPARE(reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(), kFileSize);
    QVERIFY(reply->rawHeader("Content-Range").isEmpty());
    const QByteArray body = reply->readAll();
    QCOMPARE(body.size(), kFileSize);
    QVERIFY(body == m_content);
    reply->deleteLater();
    QTRY_COMPARE_WITH_TIMEOUT(m_server->stats().activeRequests, 0, 5000);  // the worker thread lets go of it
}

void TstStreamServer::headAndMiddleRange()
{
    QNetworkReply *head = fetch(m_nam, m_server->urlFor(m_hash, 0), {}, true);
    QCOMPARE(statusOf(head), 200);
    QCOMPARE(head->header(QNetworkRequest::ContentLengthHeader).toLongLong(), kFileSize);
    QCOMPARE(head->rawHeader("Accept-Ranges"), QByteArray("bytes"));
    QVERIFY(head->readAll().isEmpty());
    head->deleteLater();

    // Across a piece boundary, closed at both ends.
    const qint64 a = kPieceSize - 10;
    const qint64 b = 2 * kPieceSize + 5;
    QNetworkReply *mid = fetch(m_nam, m_server->urlFor(m_hash, 0),
                               "bytes=" + QByteArray::number(a) + '-' + QByteArray::number(b));
    QCOMPARE(statusOf(mid), 206);
    QVERIFY(mid->readAll() == m_content.mid(a, b - a + 1));
    mid->deleteLater();
}

void TstStreamServer::refusesBadRequests()
{
    QNetworkReply *past = fetch(m_nam, m_server->urlFor(m_hash, 0), "bytes=" + QByteArray::number(kFileSize) + '-');
    QCOMPARE(statusOf(past), 416);
    QCOMPARE(past->rawHeader("Content-Range"), "bytes */" + QByteArray::number(kFileSize));
    past->deleteLater();

    // A bytes range that does not parse is refused too, saying what a valid one looks like.
    for (const QByteArray &malformed : {QByteArray("bytes=9-2"), QByteArray("bytes=abc"), QByteArray("bytes=-"),
                                        QByteArray("bytes=0-99999999999999999999")}) {
        QNetworkReply *r = fetch(m_nam, m_server->urlFor(m_hash, 0), malformed);
        QCOMPARE(statusOf(r), 416);
        QVERIFY(r->readAll().contains("range_malformed"));
        r->deleteLater();
    }

    // Never beyond this machine: anyone reaching the port could read the transfer's files.
    StreamServer open(m_leech.get());
    QString why;
    QCOMPARE(open.listen(QHostAddress::AnyIPv4, 0, &why), quint16(0));
    QVERIFY2(why.contains(QStringLiteral("loopback")), qPrintable(why));

    QNetworkReply *hash = fetch(m_nam, m_server->urlFor(QString(40, QLatin1Char('a')), 0));
    QCOMPARE(statusOf(hash), 404);
    QVERIFY(hash->readAll().contains("not_found"));
    hash->deleteLater();
    QNetworkReply *index = fetch(m_nam, m_server->urlFor(m_hash, 1));
    QCOMPARE(statusOf(index), 404);
    index->deleteLater();
    QUrl bad = m_server->urlFor(m_hash, 0);
    bad.setPath(QStringLiteral("/stream/%1/x").arg(m_hash));
    QNetworkReply *word = fetch(m_nam, bad);
    QCOMPARE(statusOf(word), 404);
    word->deleteLater();
}

// Qt 6.4's FFmpeg backend opens a URL synchronously on the GUI thread, which is the engine's:
// the server must answer from its own thread while this one is blocked (here in curl).
void TstStreamServer::servesWhileTheEngineThreadIsBlocked()
{
    MP2P_REQUIRE(!QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty(), "curl is not installed (apt-get install curl)");
    const QString out = m_tmp.filePath(QStringLiteral("curl-range.bin"));
    QProcess curl;
    curl.start(QStringLiteral("curl"), {QStringLiteral("-sf"), QStringLiteral("--max-time"), QStringLiteral("20"),
                                        QStringLiteral("-r"), QStringLiteral("100000-299999"), QStringLiteral("-o"), out,
                                        m_server->urlFor(m_hash, 0).toString()});
    QVERIFY(curl.waitForFinished(30000));  // blocks this thread: no event loop runs here meanwhile
    QCOMPARE(curl.exitCode(), 0);
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll() == m_content.mid(100000, 200000));
}

// QtHttpServer alone buffers any head and keeps any idle connection for ever; a local program
// holding sockets open must not lock the player out for longer than the header timeout.
void TstStreamServer::staysUsableUnderIdleFloodAndHugeHeads()
{
    ServerLimits limits = streamLimits();
    limits.headerTimeoutMs = 1000;
    limits.maxConnections = limits.maxConnectionsPerAddress = 8;
    StreamServer server(m_leech.get());
    server.setLimits(limits);
    QString error;
    QVERIFY2(server.listen(QHostAddress::LocalHost, 0, &error) != 0, qPrintable(error));
    const QUrl url = server.urlFor(m_hash, 0);

    // A 64 KiB header: refused with 431 while it arrives, then closed.
    QTcpSocket huge;
    huge.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(huge.waitForConnected(5000));
    huge.write("GET " + url.path().toLatin1() + " HTTP/1.1\r\nHost: x\r\nX-Filler: " + QByteArray(64 << 10, 'a') + "\r\n\r\n");
    QByteArray answer;
    QVERIFY(QTest::qWaitFor([&] { answer += huge.readAll(); return answer.contains("\r\n\r\n"); }, 10000));
    QVERIFY2(answer.startsWith("HTTP/1.1 431"), answer.constData());
    QTRY_COMPARE_WITH_TIMEOUT(huge.state(), QAbstractSocket::UnconnectedState, 5000);

    // Eight silent connections fill the server; the ninth is told so at once (503), not left hanging.
    std::vector<std::unique_ptr<QTcpSocket>> idle;
    for (int i = 0; i < 8; ++i) {
        idle.push_back(std::make_unique<QTcpSocket>());
        idle.back()->connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(idle.back()->waitForConnected(5000));
    }
    QTest::qWait(0);
    QTcpSocket extra;
    extra.connectToHost(QHostAddress::LocalHost, server.port());
    QByteArray refused;
    QVERIFY(QTest::qWaitFor([&] { refused += extra.readAll(); return refused.contains("\r\n\r\n"); }, 5000));
    QVERIFY2(refused.startsWith("HTTP/1.1 503"), refused.constData());

    // The silent ones are closed after the header timeout, and the player streams again.
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(idle.begin(), idle.end(),
                                         [](const auto &s) { return s->state() == QAbstractSocket::UnconnectedState; }),
                             10000);
    QNetworkReply *player = fetch(m_nam, url, "bytes=1000-200999");
    QCOMPARE(statusOf(player), 206);
    QVERIFY(player->readAll() == m_content.mid(1000, 200000));
    player->deleteLater();
}

void TstStreamServer::cleanupTestCase()
{
    m_server.reset();
    if (m_leech)
        QVERIFY(shutdownAndWait(*m_leech));
    if (m_seed)
        QVERIFY(shutdownAndWait(*m_seed));
}

MP2P_TEST_GUILESS_MAIN(TstStreamServer)
#include "tst_streamserver.moc"
