// ConnectionGuard and LimitedTcpServer: real TCP on loopback against an HttpServer in this
// process, with small limits so each one is reached quickly.
#include <base/httpserver.h>
#include <rawhttp.h>

#include <testrequire.h>

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <list>

using namespace mp2p;
using namespace mp2p::test;

namespace {
QByteArray post(const QByteArray &body, const QByteArray &extra = {})
{
    return "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n" + extra + "\r\n" + body;
}
QByteArray errorCode(const RawHttp &http, int n = 1)
{
    return QJsonDocument::fromJson(http.body(n)).object().value(QStringLiteral("error")).toString().toLatin1();
}
} // namespace

class TstConnectionGuard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void servesPipelinedAndSplitRequests();
    void refusesOversizedHead_data();
    void refusesOversizedHead();
    void refusesDeclaredBodyOverLimitBeforeItArrives();
    void drainsAnOvershootingBodySoTheClientReadsThe413();
    void refusesAmbiguousLength_data();
    void refusesAmbiguousLength();
    void closesHalfSentHeadAfterHeaderTimeout();
    void closesSlowBodyAfterBodyTimeout();
    void closesIdleKeepAliveConnection();
    void capsConnectionsPerAddress();
    void holdsTlsConnectionsToTheSameLimits();

private:
    void restart(const ServerLimits &limits);

    std::unique_ptr<HttpRouter> m_router;
    std::unique_ptr<HttpServer> m_server;
    quint16 m_port = 0;
    ServerLimits m_limits;
};

void TstConnectionGuard::init()
{
    m_router = std::make_unique<HttpRouter>();
    m_router->setMaxBodyBytes(4096);
    m_router->add(HttpMethod::Get, QStringLiteral("/hello"), RoutePolicy::open(), [](const HttpRequest &) {
        return HttpResponse::json(QJsonObject{{QStringLiteral("hello"), true}});
    });
    m_router->add(HttpMethod::Post, QStringLiteral("/echo"), RoutePolicy::open(), [](const HttpRequest &r) {
        return HttpResponse::json(QJsonObject{{QStringLiteral("bytes"), r.body.size()}});
    });
    m_limits = ServerLimits();
    m_limits.maxRequestLineBytes = 512;
    m_limits.maxHeadBytes = 2048;
    m_limits.headerTimeoutMs = 400;
    m_limits.bodyTimeoutMs = 400;
    m_limits.idleTimeoutMs = 400;
    m_limits.maxConnectionsPerAddress = 3;
    restart(m_limits);
}

void TstConnectionGuard::restart(const ServerLimits &limits)
{
    m_limits = limits;
    m_server = std::make_unique<HttpServer>(m_router.get());
    m_server->setLimits(m_limits);
    QString error;
    m_port = m_server->listen(QHostAddress::LocalHost, 0, &error);
    QVERIFY2(m_port != 0, qPrintable(error));
}

void TstConnectionGuard::cleanup()
{
    m_server.reset();
}

void TstConnectionGuard::servesPipelinedAndSplitRequests()
{
    // Three requests in one write: the guard counts each body and the next head in turn while
    // QtHttpServer leaves the pipelined bytes in the buffer between its reads.
    RawHttp http;
    QVERIFY(http.connectTo(m_port));
    const QByteArray body(3000, 'b');
    http.send(post(body) + post(body) + "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(http.waitForResponse(3), 200);
    QCOMPARE(http.status(1), 200);
    QCOMPARE(http.status(2), 200);
    QCOMPARE(QJsonDocument::fromJson(http.body(2)).object().value(QStringLiteral("bytes")).toInt(), 3000);

    // The same connection, one request in pieces that cut the head and the body.
    const QByteArray whole = post(body);
    http.send(whole.left(20));
    QTRY_VERIFY(http.socket().bytesToWrite() == 0);
    http.send(whole.mid(20, 80));
    QTRY_VERIFY(http.socket().bytesToWrite() == 0);
    http.send(whole.mid(100));
    QCOMPARE(http.waitForResponse(4), 200);
    QVERIFY(http.isConnected());
}

void TstConnectionGuard::refusesOversizedHead_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("code");
    QTest::newRow("long request line") << "GET /" + QByteArray(600, 'a') + " HTTP/1.1\r\n\r\n" << 414 << QByteArray("uri_too_long");
    QTest::newRow("many headers") << "GET /hello HTTP/1.1\r\n" + QByteArray("X-Fill: 0123456789012345678901234567890123456789\r\n").repeated(60)
                                         + "\r\n"
                                  << 431 << QByteArray("headers_too_large");
    QTest::newRow("head without end") << "GET /hello HTTP/1.1\r\nX: " + QByteArray(2100, 'x') << 431 << QByteArray("headers_too_large");
}

void TstConnectionGuard::refusesOversizedHead()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QByteArray, code);
    RawHttp http;
    QVERIFY(http.connectTo(m_port));
    http.send(request);
    QCOMPARE(http.waitForResponse(), status);
    QCOMPARE(errorCode(http), code);
    QVERIFY(http.waitForClose());
    QCOMPARE(rawGet(m_port, "/hello"), 200);  // the server itself is fine
}

void TstConnectionGuard::refusesDeclaredBodyOverLimitBeforeItArrives()
{
    RawHttp http;
    QVERIFY(http.connectTo(m_port));
    http.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 314572800\r\n\r\n");  // no body sent at all
    QCOMPARE(http.waitForResponse(), 413);
    QCOMPARE(errorCode(http), QByteArray("body_too_large"));
    QVERIFY(http.waitForClose());
}

void TstConnectionGuard::drainsAnOvershootingBodySoTheClientReadsThe413()
{
    // A client that sends a body somewhat over the limit in one go (as QNetworkAccessManager
    // does) still reads the 413: the body is read and dropped, not left to reset the connection.
    RawHttp http;
    QVERIFY(http.connectTo(m_port));
    http.send(post(QByteArray(3 * 4096, 'o')) + "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(http.waitForResponse(), 413);
    QVERIFY(http.waitForClose());
    QCOMPARE(http.responseCount(), 1);  // nothing after the refused request was served
}

void TstConnectionGuard::refusesAmbiguousLength_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("code");
    QTest::newRow("duplicate") << QByteArray("Content-Length: 5\r\nContent-Length: 5\r\n") << 400 << QByteArray("duplicate_content_length");
    QTest::newRow("conflicting") << QByteArray("Content-Length: 5\r\ncontent-length: 500\r\n") << 400 << QByteArray("duplicate_content_length");
    QTest::newRow("not a number") << QByteArray("Content-Length: 5, 5\r\n") << 400 << QByteArray("invalid_content_length");
    QTest::newRow("signed") << QByteArray("Content-Length: +5\r\n") << 400 << QByteArray("invalid_content_length");
    QTest::newRow("chunked") << QByteArray("Transfer-Encoding: chunked\r\n") << 411 << QByteArray("length_required");
    QTest::newRow("folded") << QByteArray("X-A: 1\r\n Content-Length: 5\r\n") << 400 << QByteArray("folded_header");
}

void TstConnectionGuard::refusesAmbiguousLength()
{
    QFETCH(QByteArray, headers);
    QFETCH(int, status);
    QFETCH(QByteArray, code);
    RawHttp http;
    QVERIFY(http.connectTo(m_port));
    http.send("POST /echo HTTP/1.1\r\nHost: x\r\n" + headers + "\r\nhello");
    QCOMPARE(http.waitForResponse(), status);
    QCOMPARE(errorCode(http), code);
    QVERIFY(http.waitForClose());
}

void TstConnectionGuard::closesHalfSentHeadAfterHeaderTimeout()
{
    RawHttp http;
    QVERIFY(http.connectTo(m_port));
    QElapsedTimer clock;
    clock.start();
    http.send("GET /hello HTTP/1.1\r\nHost: x\r\n");  // no blank line: the head never ends
    QCOMPARE(http.waitForResponse(1, 5000), 408);
    QVERIFY(clock.elapsed() >= m_limits.headerTimeoutMs - 50);
    QVERIFY(http.waitForClose(5000));
}

void TstConnectionGuard::closesSlowBodyAfterBodyTimeout()
{
    RawHttp http;
    QVERIFY(http.connectTo(m_port));
    http.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly part");
    QCOMPARE(http.waitForResponse(1, 5000), 408);
    QVERIFY(http.waitForClose(5000));
}

void TstConnectionGuard::closesIdleKeepAliveConnection()
{
    RawHttp http;
    QVERIFY(http.connectTo(m_port));
    http.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(http.waitForResponse(), 200);
    QVERIFY(http.waitForClose(5000));  // idle timeout 0.4 s
    QCOMPARE(http.responseCount(), 1);

    RawHttp silent;  // connected and never said anything
    QVERIFY(silent.connectTo(m_port));
    QVERIFY(silent.waitForClose(5000));
    QVERIFY(silent.received().isEmpty());
}

void TstConnectionGuard::capsConnectionsPerAddress()
{
    ServerLimits patient = m_limits;  // the held connections must not time out meanwhile
    patient.idleTimeoutMs = 60'000;
    patient.headerTimeoutMs = 60'000;
    restart(patient);
    std::list<RawHttp> held;
    for (int i = 0; i < m_limits.maxConnectionsPerAddress; ++i) {
        held.emplace_back(QHostAddress(QStringLiteral("127.0.0.2")));
        QVERIFY(held.back().connectTo(m_port));
        held.back().send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(held.back().waitForResponse(), 200);  // each is known to the server now
    }
    RawHttp oneMore(QHostAddress(QStringLiteral("127.0.0.2")));
    QVERIFY(oneMore.connectTo(m_port));
    QCOMPARE(oneMore.waitForResponse(), 503);
    QCOMPARE(errorCode(oneMore), QByteArray("too_many_connections"));
    QCOMPARE(oneMore.header("retry-after"), QByteArray("5"));
    QVERIFY(oneMore.waitForClose());
    QCOMPARE(rawGet(m_port, "/hello", QHostAddress(QStringLiteral("127.0.0.3"))), 200);  // another address is served

    held.pop_front();  // a slot is free again once the server notices the close
    QTRY_COMPARE(rawGet(m_port, "/hello", QHostAddress(QStringLiteral("127.0.0.2")), 2000), 200);
}

void TstConnectionGuard::holdsTlsConnectionsToTheSameLimits()
{
    // The handshake happens in LimitedTcpServer now, not in QtHttpServer: HTTPS must still work.
    QTemporaryDir dir;
    const QString cert = dir.filePath(QStringLiteral("cert.pem"));
    const QString key = dir.filePath(QStringLiteral("key.pem"));
    const int made = QProcess::execute(QStringLiteral("openssl"),
                                       {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                                        QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                                        QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-days"), QStringLiteral("1"),
                                        QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert});
    MP2P_REQUIRE(made == 0, "openssl is needed to make a test certificate (apt-get install openssl)");
    m_server = std::make_unique<HttpServer>(m_router.get());
    m_server->setLimits(m_limits);
    QString error;
    QVERIFY2(m_server->setTls(cert, key, &error), qPrintable(error));
    m_port = m_server->listen(QHostAddress::LocalHost, 0, &error);
    QVERIFY2(m_port != 0, qPrintable(error));

    const auto exchange = [this](const QByteArray &request) {
        QSslSocket socket;
        socket.setPeerVerifyMode(QSslSocket::VerifyNone);
        QByteArray received;
        bool closed = false;
        connect(&socket, &QSslSocket::readyRead, &socket, [&] { received += socket.readAll(); });
        connect(&socket, &QSslSocket::disconnected, &socket, [&] { closed = true; });
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port);
        if (!QTest::qWaitFor([&] { return socket.isEncrypted(); }, 5000))
            return QByteArray("no handshake");
        socket.write(request);
        (void)QTest::qWaitFor([&] { return closed || received.contains("}"); }, 5000);
        return received;
    };
    QVERIFY(exchange("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").startsWith("HTTP/1.1 200"));
    QVERIFY(exchange("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 999999\r\n\r\n").startsWith("HTTP/1.1 413"));
}

MP2P_TEST_GUILESS_MAIN(TstConnectionGuard)
#include "tst_connectionguard.moc"
