// Integration: the limits every server holds a client to, attacked over real TCP against a
// real mp2pd and a real mp2p-unis (what an anonymous stranger can send). Memory is read from
// /proc/<pid>/status (VmRSS) and CPU time from /proc/<pid>/stat; the figures are logged.
#include <base/serverlimits.h>
#include <isp/unis/passwordhash.h>
#include <mp2pdprocess.h>
#include <rawhttp.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QScopeGuard>
#include <QTest>

#include <algorithm>
#include <list>
#include <memory>
#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace mp2p;
using namespace mp2p::test;

namespace {
constexpr qint64 MiB = 1 << 20;
// How much a server may grow while under each attack (its legitimate buffers: a few requests
// of up to maxBodyBytes, sockets, Argon2's 64 MiB is not involved here).
constexpr qint64 RssAllowance = 50 * MiB;

bool writeJson(const QString &path, const QJsonObject &o)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(QJsonDocument(o).toJson()) > 0;
}

QByteArray errorCode(const RawHttp &http)
{
    return QJsonDocument::fromJson(http.body()).object().value(QStringLiteral("error")).toString().toLatin1();
}

QByteArray altoCode(const RawHttp &http)
{
    return QJsonDocument::fromJson(http.body()).object().value(QStringLiteral("meta")).toObject().value(QStringLiteral("code")).toString().toLatin1();
}

QHostAddress loopback(int a, int b)
{
    return QHostAddress(QStringLiteral("127.0.%1.%2").arg(a).arg(b));
}
} // namespace

class TstServerLimits : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void hugeDeclaredBodiesAreRefusedBeforeBuffering();
    void endlessHeaderIsCut();
    void duplicateContentLengthIsRefused();
    void halfSentHeadIsClosedAfterHeaderTimeout();
    void perAddressCapRefusesTheNextConnection();
    void manyIdleConnectionsDoNotStopTheServer();
    void unreadAnswersCloseTheConnection();
    void unisRefusesHugeEndpointCost();
    void unisThrottlesPasswordGuessing();
    void outOfRangeLimitsAreRefusedAtStart();
    void cleanupTestCase();

private:
    bool startMp2pd(Mp2pdProcess *server, const QString &name, const QJsonObject &limits);

    QTemporaryDir m_dir;
    std::unique_ptr<Mp2pdProcess> m_strict;  // short timeouts, 8 connections per address
    std::unique_ptr<Mp2pdProcess> m_unis;
};

bool TstServerLimits::startMp2pd(Mp2pdProcess *server, const QString &name, const QJsonObject &limits)
{
    const QString config = m_dir.filePath(name + QStringLiteral(".json"));
    if (!writeJson(config, {{QStringLiteral("limits"), limits}}))
        return false;
    QString error;
    const bool ok = server->start({QStringLiteral("--config"), config}, &error);
    if (!ok)
        qWarning("%s", qPrintable(error));
    return ok;
}

void TstServerLimits::initTestCase()
{
    QVERIFY(m_dir.isValid());
    raiseOpenFileLimit();  // this process holds 1,100 client sockets below
    m_strict = std::make_unique<Mp2pdProcess>(m_dir.filePath(QStringLiteral("strict")));
    QVERIFY(startMp2pd(m_strict.get(), QStringLiteral("strict"),
                       {{QStringLiteral("headerTimeoutSecs"), 1}, {QStringLiteral("bodyTimeoutSecs"), 5},
                        {QStringLiteral("idleTimeoutSecs"), 30}, {QStringLiteral("maxConnectionsPerAddress"), 8},
                        {QStringLiteral("maxUnsentResponseBytes"), 256 * 1024}}));

    const QJsonObject pids{{QStringLiteral("isp-a"), QJsonObject{{QStringLiteral("ipv4"), QJsonArray{QStringLiteral("127.1.0.0/16")}}}},
                           {QStringLiteral("isp-b"), QJsonObject{{QStringLiteral("ipv4"), QJsonArray{QStringLiteral("10.0.0.0/8")}}}}};
    const QJsonObject unisConfig{
        {QStringLiteral("networkMap"), QJsonObject{{QStringLiteral("pids"), pids}}},
        {QStringLiteral("costMap"), QJsonObject{{QStringLiteral("defaultCost"), 10}, {QStringLiteral("costs"), QJsonArray{}}}},
        {QStringLiteral("auth"), QJsonObject{{QStringLiteral("users"),
                                              QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("oms")},
                                                                     {QStringLiteral("passwordHash"), QString::fromLatin1(hashPassword("right"))}}}}}},
        {QStringLiteral("limits"), QJsonObject{{QStringLiteral("maxPasswordFailures"), 5}, {QStringLiteral("passwordFailureWindowSecs"), 600}}}};
    const QString unisPath = m_dir.filePath(QStringLiteral("unis.json"));
    QVERIFY(writeJson(unisPath, unisConfig));
    m_unis = std::make_unique<Mp2pdProcess>(QStringLiteral("mp2p-unis"), QString());
    QString error;
    QVERIFY2(m_unis->start({QStringLiteral("--config"), unisPath}, &error), qPrintable(error));
}

void TstServerLimits::cleanupTestCase()
{
    if (m_strict)
        m_strict->terminate();
    if (m_unis)
        m_unis->terminate();
}

void TstServerLimits::hugeDeclaredBodiesAreRefusedBeforeBuffering()
{
    const quint16 port = m_strict->port();
    const qint64 pid = m_strict->pid();
    QCOMPARE(rawGet(port, "/healthz"), 200);
    const qint64 idle = residentBytes(pid);

    // The head alone gets its answer: nothing of the body is awaited.
    {
        RawHttp http(loopback(1, 1));
        QVERIFY(http.connectTo(port));
        http.send("POST /ums/v1/users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 314572800\r\n\r\n");
        QCOMPARE(http.waitForResponse(), 413);
        QCOMPARE(errorCode(http), QByteArray("body_too_large"));
        QVERIFY(http.waitForClose());
    }

    // Three at once that keep pushing their 300 MiB regardless (bounded: 300 MiB or 20 s each).
    std::list<RawHttp> attackers;
    for (int i = 0; i < 3; ++i) {
        attackers.emplace_back(loopback(1, 10 + i));
        QVERIFY(attackers.back().connectTo(port));
        attackers.back().send("POST /ums/v1/users HTTP/1.1\r\nHost: x\r\nContent-Length: 314572800\r\n\r\n");
    }
    const QByteArray chunk(256 * 1024, 'z');
    qint64 peak = idle;
    qint64 pushed = 0;
    QElapsedTimer clock;
    clock.start();
    for (int round = 0; round < 1200 && clock.elapsed() < 20000; ++round) {
        bool anyOpen = false;
        for (RawHttp &a : attackers) {
            if (a.isConnected()) {
                anyOpen = true;
                pushed += a.stream(chunk, chunk.size(), 200);
            }
        }
        peak = qMax(peak, residentBytes(pid));
        if (!anyOpen)
            break;
    }
    for (RawHttp &a : attackers) {
        QVERIFY(a.waitForClose());
        QVERIFY(a.status() == 413 || a.received().isEmpty());  // the 413 may be lost to the reset
    }
    peak = qMax(peak, residentBytes(pid));
    qInfo("mp2pd 3 x 300 MiB declared bodies: idle RSS %lld MiB, peak %lld MiB, %lld MiB pushed before the server closed",
          idle / MiB, peak / MiB, pushed / MiB);
    QVERIFY2(peak < idle + RssAllowance, qPrintable(QStringLiteral("RSS grew from %1 to %2 bytes").arg(idle).arg(peak)));
    QCOMPARE(rawGet(port, "/healthz"), 200);
}

void TstServerLimits::endlessHeaderIsCut()
{
    const quint16 port = m_strict->port();
    const qint64 pid = m_strict->pid();
    const qint64 idle = residentBytes(pid);
    RawHttp http(loopback(2, 1));
    QVERIFY(http.connectTo(port));
    http.send("GET /healthz HTTP/1.1\r\nHost: x\r\n");
    const QByteArray line = "X-Fill: " + QByteArray(1000, 'h') + "\r\n";
    const qint64 pushed = http.stream(line.repeated(64), 100 * MiB, 20000);
    QVERIFY(http.waitForClose());
    QVERIFY(http.status() == 431 || http.received().isEmpty());
    const qint64 after = residentBytes(pid);
    qInfo("mp2pd endless header: idle RSS %lld MiB, after %lld MiB, %lld KiB pushed before the server closed (status %d)",
          idle / MiB, after / MiB, pushed / 1024, http.status());
    QVERIFY(pushed < 100 * MiB);
    QVERIFY(after < idle + RssAllowance);

    RawHttp exact(loopback(2, 2));  // one that stops writing at the limit sees the answer
    QVERIFY(exact.connectTo(port));
    exact.send("GET /healthz HTTP/1.1\r\nHost: x\r\n" + line.repeated(20));
    QCOMPARE(exact.waitForResponse(), 431);
    QCOMPARE(errorCode(exact), QByteArray("headers_too_large"));
    QCOMPARE(rawGet(port, "/healthz"), 200);
}

void TstServerLimits::duplicateContentLengthIsRefused()
{
    RawHttp http(loopback(3, 1));
    QVERIFY(http.connectTo(m_strict->port()));
    http.send("POST /ums/v1/users HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 40\r\n\r\n{}");
    QCOMPARE(http.waitForResponse(), 400);
    QCOMPARE(errorCode(http), QByteArray("duplicate_content_length"));
    QVERIFY(http.waitForClose());
}

void TstServerLimits::halfSentHeadIsClosedAfterHeaderTimeout()
{
    RawHttp http(loopback(4, 1));
    QVERIFY(http.connectTo(m_strict->port()));
    QElapsedTimer clock;
    clock.start();
    http.send("GET /healthz HTTP/1.1\r\nHost: x\r\n");  // and then nothing
    QCOMPARE(http.waitForResponse(1, 10000), 408);
    QVERIFY(http.waitForClose(10000));
    qInfo("half-sent head closed after %lld ms (headerTimeoutSecs 1)", clock.elapsed());
    QVERIFY(clock.elapsed() >= 500);  // the timeout, not an immediate refusal (its clock starts at accept)
}

void TstServerLimits::perAddressCapRefusesTheNextConnection()
{
    const quint16 port = m_strict->port();
    std::list<RawHttp> held;
    for (int i = 0; i < 8; ++i) {
        held.emplace_back(loopback(5, 1));
        QVERIFY(held.back().connectTo(port));
        held.back().send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(held.back().waitForResponse(), 200);  // kept alive for idleTimeoutSecs 30
    }
    RawHttp ninth(loopback(5, 1));
    QVERIFY(ninth.connectTo(port));
    QCOMPARE(ninth.waitForResponse(), 503);
    QCOMPARE(errorCode(ninth), QByteArray("too_many_connections"));
    QVERIFY(!ninth.header("retry-after").isEmpty());
    QVERIFY(ninth.waitForClose());
    QCOMPARE(rawGet(port, "/healthz", loopback(5, 2)), 200);
}

void TstServerLimits::manyIdleConnectionsDoNotStopTheServer()
{
    // Its own server: a long header timeout, and a per-address cap the crowd stays under, so
    // all 1,100 connections are held open at once (the fd limit in force is the hard limit).
    Mp2pdProcess server(m_dir.filePath(QStringLiteral("crowd")));
    QVERIFY(startMp2pd(&server, QStringLiteral("crowd"),
                       {{QStringLiteral("headerTimeoutSecs"), 120}, {QStringLiteral("maxConnectionsPerAddress"), 400}}));
    const quint16 port = server.port();
    const qint64 pid = server.pid();
    QCOMPARE(rawGet(port, "/healthz"), 200);
    const qint64 idle = residentBytes(pid);

    constexpr int Crowd = 1100;
    std::list<RawHttp> crowd;
    for (int i = 0; i < Crowd; ++i) {
        crowd.emplace_back(loopback(6, 1 + i % 3));
        crowd.back().socket().connectToHost(QHostAddress::LocalHost, port);
    }
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(crowd.begin(), crowd.end(),
                                         [](RawHttp &c) { return c.socket().state() == QAbstractSocket::ConnectedState || c.closed(); }),
                             30000);
    const auto open = std::count_if(crowd.begin(), crowd.end(), [](RawHttp &c) { return c.isConnected(); });
    qInfo("idle connections held open: %lld of %d", qlonglong(open), Crowd);
    QCOMPARE(open, qsizetype(Crowd));

    // Another address is served promptly, and the server is not spinning meanwhile.
    const qint64 ticksBefore = cpuTicks(pid);
    QElapsedTimer clock;
    clock.start();
    qint64 slowest = 0;
    for (int i = 0; i < 20; ++i) {
        QElapsedTimer one;
        one.start();
        QCOMPARE(rawGet(port, "/healthz", loopback(7, 1), 5000), 200);
        slowest = qMax(slowest, one.elapsed());
    }
    const qint64 wallMs = clock.elapsed();
    const qint64 cpuMs = (cpuTicks(pid) - ticksBefore) * 1000 / sysconf(_SC_CLK_TCK);
    const qint64 rss = residentBytes(pid);
    qInfo("with %d idle connections: 20 requests in %lld ms (slowest %lld ms), server CPU %lld ms, RSS %lld -> %lld MiB",
          Crowd, wallMs, slowest, cpuMs, idle / MiB, rss / MiB);
    QVERIFY(slowest < 2000);
    QVERIFY2(cpuMs <= wallMs / 2 + 100, "the server burns CPU while connections sit idle");
    crowd.clear();
    server.terminate();
}

void TstServerLimits::unreadAnswersCloseTheConnection()
{
    const quint16 port = m_strict->port();
    const qint64 pid = m_strict->pid();
    QCOMPARE(rawGet(port, "/healthz"), 200);
    const qint64 idle = residentBytes(pid);

    // A client that pipelines requests and never reads an answer. A tiny receive buffer keeps
    // the answers at the server instead of in this process's kernel buffers.
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    QVERIFY(fd >= 0);
    const auto closeFd = qScopeGuard([fd] { ::close(fd); });
    const int small = 4096;
    ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
    sockaddr_in from{};
    from.sin_family = AF_INET;
    from.sin_addr.s_addr = htonl(0x7f000901);  // 127.0.9.1
    QCOMPARE(::bind(fd, reinterpret_cast<const sockaddr *>(&from), sizeof from), 0);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(port);
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&to), sizeof to) != 0)
        QCOMPARE(errno, EINPROGRESS);
    pollfd writable{fd, POLLOUT, 0};
    QCOMPARE(::poll(&writable, 1, 5000), 1);

    const QByteArray requests = QByteArray("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").repeated(512);
    qint64 sent = 0;
    qint64 peak = idle;
    bool closedByServer = false;
    QElapsedTimer clock;
    clock.start();
    // Bounded: 64 MiB of requests or 30 s; the server must end it long before.
    while (sent < 64 * MiB && clock.elapsed() < 30000) {
        const ssize_t n = ::send(fd, requests.constData() + sent % requests.size(),
                                 size_t(requests.size() - sent % requests.size()), MSG_NOSIGNAL);
        if (n > 0) {
            sent += n;
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            pollfd wait{fd, POLLOUT, 0};
            ::poll(&wait, 1, 100);
            peak = qMax(peak, residentBytes(pid));
            continue;
        }
        closedByServer = true;  // EPIPE or ECONNRESET: the server cut the connection
        break;
    }
    peak = qMax(peak, residentBytes(pid));
    qInfo("pipelined without reading: %lld KiB of requests sent in %lld ms before the close; server RSS %lld -> peak %lld MiB",
          sent / 1024, qint64(clock.elapsed()), idle / MiB, peak / MiB);
    QVERIFY2(closedByServer, "the server kept taking requests whose answers were never read");
    QVERIFY(peak - idle < RssAllowance);
    QCOMPARE(rawGet(port, "/healthz", loopback(9, 2)), 200);
}

void TstServerLimits::unisRefusesHugeEndpointCost()
{
    const quint16 port = m_unis->port();
    const qint64 pid = m_unis->pid();
    const QByteArray auth = "Authorization: Basic " + QByteArray("oms:right").toBase64() + "\r\n";
    QCOMPARE(rawGet(port, "/alto/networkmap", loopback(8, 1), 10000, auth), 200);
    const qint64 idle = residentBytes(pid);

    QJsonArray srcs;
    QJsonArray dsts;
    for (int i = 0; i < 5000; ++i) {
        srcs.append(QStringLiteral("ipv4:127.1.%1.%2").arg(i / 250).arg(i % 250 + 1));
        dsts.append(QStringLiteral("ipv4:10.%1.%2.1").arg(i / 250).arg(i % 250));
    }
    const QJsonObject query{{QStringLiteral("cost-type"), QJsonObject{{QStringLiteral("cost-mode"), QStringLiteral("numerical")},
                                                                      {QStringLiteral("cost-metric"), QStringLiteral("routingcost")}}},
                            {QStringLiteral("endpoints"), QJsonObject{{QStringLiteral("srcs"), srcs}, {QStringLiteral("dsts"), dsts}}}};
    const QByteArray body = QJsonDocument(query).toJson(QJsonDocument::Compact);
    RawHttp http(loopback(8, 1));
    QVERIFY(http.connectTo(port));
    QElapsedTimer clock;
    clock.start();
    http.send("POST /alto/endpointcost HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/alto-endpointcostparams+json\r\n"
              "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QCOMPARE(http.waitForResponse(1, 20000), 400);
    QCOMPARE(altoCode(http), QByteArray("E_INVALID_FIELD_VALUE"));
    const qint64 after = residentBytes(pid);
    qInfo("mp2p-unis 5000 x 5000 endpoint cost: answered 400 in %lld ms, RSS %lld -> %lld MiB", clock.elapsed(), idle / MiB, after / MiB);
    QVERIFY(after < idle + RssAllowance);

    // Within the limits, the same resource answers.
    const QJsonObject small{{QStringLiteral("cost-type"), query.value(QStringLiteral("cost-type"))},
                            {QStringLiteral("endpoints"), QJsonObject{{QStringLiteral("srcs"), QJsonArray{QStringLiteral("ipv4:127.1.0.1")}},
                                                                      {QStringLiteral("dsts"), QJsonArray{QStringLiteral("ipv4:10.0.0.1")}}}}};
    const QByteArray smallBody = QJsonDocument(small).toJson(QJsonDocument::Compact);
    http.send("POST /alto/endpointcost HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/alto-endpointcostparams+json\r\n"
              "Content-Length: " + QByteArray::number(smallBody.size()) + "\r\n\r\n" + smallBody);
    QCOMPARE(http.waitForResponse(2), 200);
}

void TstServerLimits::unisThrottlesPasswordGuessing()
{
    const quint16 port = m_unis->port();
    const QByteArray wrong = "Authorization: Basic " + QByteArray("oms:guess").toBase64() + "\r\n";
    for (int i = 0; i < 5; ++i)
        QCOMPARE(rawGet(port, "/alto/networkmap", loopback(9, 1), 10000, wrong), 401);
    RawHttp refused(loopback(9, 1));
    QVERIFY(refused.connectTo(port));
    QElapsedTimer clock;
    clock.start();
    refused.send("GET /alto/networkmap HTTP/1.1\r\nHost: x\r\n" + wrong + "\r\n");
    QCOMPARE(refused.waitForResponse(), 429);
    QVERIFY(refused.header("retry-after").toInt() > 0);
    QCOMPARE(altoCode(refused), QByteArray("E_TOO_MANY_ATTEMPTS"));
    qInfo("6th wrong password answered 429 in %lld ms (Retry-After %s)", clock.elapsed(), refused.header("retry-after").constData());

    const QByteArray right = "Authorization: Basic " + QByteArray("oms:right").toBase64() + "\r\n";
    QCOMPARE(rawGet(port, "/alto/networkmap", loopback(9, 2), 10000, right), 200);
}

void TstServerLimits::outOfRangeLimitsAreRefusedAtStart()
{
    const QString mp2pdConfig = m_dir.filePath(QStringLiteral("bad-limits.json"));
    QVERIFY(writeJson(mp2pdConfig, {{QStringLiteral("limits"), QJsonObject{{QStringLiteral("headerTimeoutSecs"), 0}}}}));
    Mp2pdProcess server(m_dir.filePath(QStringLiteral("bad")));
    QString error;
    QVERIFY(!server.start({QStringLiteral("--config"), mp2pdConfig}, &error));
    QVERIFY2(error.contains(QStringLiteral("'limits.headerTimeoutSecs' must be a number of seconds 0.1..3600")), qPrintable(error));

    const QString unisConfig = m_dir.filePath(QStringLiteral("bad-unis.json"));
    QFile good(m_dir.filePath(QStringLiteral("unis.json")));
    QVERIFY(good.open(QIODevice::ReadOnly));
    QJsonObject json = QJsonDocument::fromJson(good.readAll()).object();
    json.insert(QStringLiteral("limits"), QJsonObject{{QStringLiteral("maxPairs"), 0}});
    QVERIFY(writeJson(unisConfig, json));
    Mp2pdProcess unis(QStringLiteral("mp2p-unis"), QString());
    QVERIFY(!unis.start({QStringLiteral("--config"), unisConfig}, &error));
    QVERIFY2(error.contains(QStringLiteral("limits.maxPairs: must be an integer 1..100000000")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TstServerLimits)
#include "tst_server_limits.moc"
