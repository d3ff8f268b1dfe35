#include "creditload.h"

#include <creditoverlay.h>
#include <mp2pdprocess.h>

#include <QCoreApplication>
#include <QDir>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <memory>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <time.h>

namespace mp2p::bench {

namespace {

using test::HttpResult;
using test::TestHttp;
using test::CreditContent;
using test::creditContent;
using test::openCreditOverlay;

struct User {
    KeyPair key = KeyPair::generate();
    QString userId = userIdForPublicKey(key.publicKey());
    QString token;
};

bool login(TestHttp &http, const QString &base, User *u, QString *problem)
{
    const HttpResult reg = http.post(base + QStringLiteral("/ums/v1/users"),
                                     {{QStringLiteral("publicKey"), QString::fromLatin1(toBase64Url(u->key.publicKey()))}});
    if (reg.status != 201 && reg.status != 200) {
        *problem = QStringLiteral("register at the UMS: HTTP %1 %2").arg(reg.status).arg(QString::fromUtf8(reg.body.left(200)));
        return false;
    }
    const QJsonObject c = http.post(base + QStringLiteral("/ums/v1/challenges"), {{QStringLiteral("userId"), u->userId}}).json();
    const QByteArray message = "mp2p-login:" + c.value(QStringLiteral("challengeId")).toString().toLatin1() + ':'
                               + c.value(QStringLiteral("challenge")).toString().toLatin1();
    const HttpResult s = http.post(base + QStringLiteral("/ums/v1/sessions"),
                                   {{QStringLiteral("userId"), u->userId},
                                    {QStringLiteral("challengeId"), c.value(QStringLiteral("challengeId"))},
                                    {QStringLiteral("signature"), QString::fromLatin1(toBase64Url(u->key.sign(message)))}});
    u->token = s.json().value(QStringLiteral("token")).toString();
    if (u->token.isEmpty())
        *problem = QStringLiteral("login at the UMS: HTTP %1").arg(s.status);
    return !u->token.isEmpty();
}

QString overlayId(int i)
{
    return QString::number(0xc0ffee00 + i, 16).rightJustified(40, QLatin1Char('0'));
}

// One uploader's queue of request bodies, sent one at a time on its own connection.
struct Client {
    QString token;
    QList<QByteArray> bodies;
    QList<int> counts;  // receipts in each body
    int next = 0;
};

// QNetworkAccessManager (Qt 6.4) sends a POST's headers and body in two writes without
// TCP_NODELAY, so Nagle holds the body until the server ACKs the headers, which Linux delays by
// up to 40 ms: measured here, one client got 1,900 redemptions/s with and 14,000/s without that
// stall, at the same server CPU per receipt. A real peer redeems once a minute and does not care;
// the benchmark measures the PAMS, so it opens its keep-alive connections first (one per client,
// by concurrent GETs) and sets TCP_NODELAY on every TCP socket of this process.
int openNoDelayConnections(QNetworkAccessManager *network, const QString &base, int connections)
{
    QEventLoop loop;
    int waiting = connections;
    for (int i = 0; i < connections; ++i) {
        QNetworkReply *reply = network->get(QNetworkRequest(QUrl(base + QStringLiteral("/pams/healthz"))));
        QObject::connect(reply, &QNetworkReply::finished, &loop, [reply, &waiting, &loop] {
            reply->deleteLater();
            if (--waiting == 0)
                loop.quit();
        });
    }
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    int set = 0;
    const QDir fds(QStringLiteral("/proc/self/fd"));
    for (const QString &name : fds.entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot)) {
        bool ok = false;
        const int fd = name.toInt(&ok);
        int type = 0;
        sockaddr_storage address{};
        socklen_t typeLength = sizeof type, addressLength = sizeof address;
        if (!ok || getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &typeLength) != 0 || type != SOCK_STREAM
            || getsockname(fd, reinterpret_cast<sockaddr *>(&address), &addressLength) != 0
            || (address.ss_family != AF_INET && address.ss_family != AF_INET6))
            continue;
        const int one = 1;
        if (setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) == 0)
            ++set;
    }
    return set;
}

} // namespace

CreditLoadResult runCreditLoad(const CreditLoadOptions &o)
{
    CreditLoadResult result;
    TestHttp http;
    QList<User> uploaders(o.uploaders), downloaders(o.downloaders);
    for (User &u : uploaders)
        if (!login(http, o.url, &u, &result.problem))
            return result;
    for (User &u : downloaders)
        if (!login(http, o.url, &u, &result.problem))
            return result;

    // The PAMS credits only real overlays (OMS) of known size (IXS) between users it saw in the
    // swarm: the first uploader publishes every overlay and every user joins every swarm. Every
    // downloader then reports the whole content downloaded in every overlay: cap (a) never bites
    // an honest receipt here, but the PAMS still reads the report for each one.
    constexpr qint64 ContentSize = qint64(256) << 20;
    QStringList members;
    for (const QList<User> *list : {&uploaders, &downloaders})
        for (const User &u : *list)
            members.append(u.token);
    QStringList overlays;
    for (int i = 0; i < o.overlays; ++i) {
        const CreditContent c = creditContent(QStringLiteral("bench-%1.bin").arg(i), ContentSize);
        if (!openCreditOverlay(http, o.url, c, uploaders.first().token, members)) {
            result.problem = QStringLiteral("could not publish overlay %1 or join its swarm (see the warnings)").arg(i);
            return result;
        }
        overlays.append(c.infoHash);
    }
    QJsonArray overlayReports;
    for (int i = 0; i < o.overlays; ++i)
        overlayReports.append(QJsonObject{{"overlayId", overlays.at(i)}, {"uploaded", 0}, {"downloaded", ContentSize},
                                          {"left", 0}, {"uploadConnections", 1}, {"downloadConnections", 1}});
    for (const User &d : downloaders) {
        const HttpResult r = http.post(o.url + QStringLiteral("/pams/v1/reports"), {{"overlays", overlayReports}}, d.token);
        if (r.status != 200) {
            result.problem = QStringLiteral("PAMP report: HTTP %1 %2").arg(r.status).arg(QString::fromUtf8(r.body.left(200)));
            return result;
        }
    }

    // Uploader u's receipt j names triple (downloader, overlay) j % triples in round j / triples:
    // sequence round + 1 and cumulative bytes (round + 1) * 1000, so each batch spans many
    // triples and a triple's receipts arrive in order, each one distinct and honest.
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const int triples = o.downloaders * o.overlays;
    std::vector<Client> clients(o.uploaders);
    for (int u = 0; u < o.uploaders; ++u) {
        const int mine = o.receipts / o.uploaders + (u < o.receipts % o.uploaders ? 1 : 0);
        QList<qint64> lastBytes(triples, 0);
        QJsonArray batch;
        clients[u].token = uploaders[u].token;
        for (int j = 0; j < mine; ++j) {
            const int t = j % triples;
            const qint64 round = j / triples;
            ReceiptFields f;
            f.overlayId = overlays.at(t % o.overlays);
            f.uploaderId = uploaders[u].userId;
            f.sequence = round + 1;
            f.bytes = (round + 1) * 1000;
            f.time = now;
            lastBytes[t] = f.bytes;
            batch.append(receiptToJson(signReceipt(downloaders[t / o.overlays].key, f)));
            if (batch.size() == o.batch || j == mine - 1) {
                clients[u].bodies.append(QJsonDocument(QJsonObject{{"receipts", batch}}).toJson(QJsonDocument::Compact));
                clients[u].counts.append(int(batch.size()));
                batch = {};
            }
        }
        for (qint64 b : std::as_const(lastBytes))
            result.expectedCredit += b;
    }

    // The timed phase: only sending pre-built bodies and keeping the raw answers. The driver
    // shares the 2 cores with mp2pd, so it parses and checks the answers after the clock stops.
    QNetworkAccessManager network;
    result.noDelaySockets = openNoDelayConnections(&network, o.url, o.uploaders);
    QList<QByteArray> answers;
    QList<int> answerCounts;
    const QUrl redeemUrl(o.url + QStringLiteral("/pams/v1/credit/redeem"));
    int active = 0;
    QEventLoop loop;
    QElapsedTimer clock;
    std::function<void(Client &)> sendNext = [&](Client &c) {
        if (c.next >= c.bodies.size() || clock.elapsed() > qint64(o.maxSeconds) * 1000) {
            result.timedOut = result.timedOut || c.next < c.bodies.size();
            if (--active == 0)
                loop.quit();
            return;
        }
        QNetworkRequest request(redeemUrl);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer " + c.token.toLatin1());
        request.setTransferTimeout(60000);
        const int index = c.next++;
        QNetworkReply *reply = network.post(request, c.bodies.at(index));
        QObject::connect(reply, &QNetworkReply::finished, [&, reply, index, client = &c] {
            reply->deleteLater();
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200) {
                ++result.httpErrors;
            } else {
                result.sent += client->counts.at(index);
                answers.append(reply->readAll());
                answerCounts.append(client->counts.at(index));
            }
            sendNext(*client);
        });
    };
    timespec cpu0{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu0);
    clock.start();
    active = o.uploaders;
    for (Client &c : clients)
        sendNext(c);
    // Sleep in the event loop until the last answer (processEvents(flags, ms) would return at
    // once when idle: a busy loop that took a whole core from mp2pd, 100 us of CPU per receipt).
    QTimer::singleShot((o.maxSeconds + 30) * 1000, &loop, &QEventLoop::quit);
    if (active > 0)
        loop.exec();
    result.seconds = clock.nsecsElapsed() / 1e9;
    result.timedOut = result.timedOut || active > 0;
    timespec cpu1{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu1);
    result.driverCpuSeconds = double(cpu1.tv_sec - cpu0.tv_sec) + (cpu1.tv_nsec - cpu0.tv_nsec) / 1e9;

    for (qsizetype i = 0; i < answers.size(); ++i) {
        const QJsonObject answer = QJsonDocument::fromJson(answers.at(i)).object();
        const QJsonArray results = answer.value(QStringLiteral("results")).toArray();
        if (results.size() != answerCounts.at(i))
            ++result.httpErrors;  // an answer that does not account for every receipt sent
        result.credited += answer.value(QStringLiteral("credited")).toInteger();
        for (const QJsonValue &v : results) {
            if (v.toObject().value(QStringLiteral("status")).toString() == QLatin1String("accepted"))
                ++result.accepted;
            else
                ++result.rejected;
        }
    }

    for (const User &u : uploaders)
        result.balances += http.get(o.url + QStringLiteral("/pams/v1/credit/") + u.userId).json().value(QStringLiteral("balance")).toInteger();
    return result;
}

SignedMessages signedMessages(int count)
{
    SignedMessages m;
    QList<KeyPair> keys;
    for (int i = 0; i < 64; ++i)
        keys.append(KeyPair::generate());
    const QString uploader = userIdForPublicKey(KeyPair::generate().publicKey());
    for (int i = 0; i < count; ++i) {
        ReceiptFields f;
        f.overlayId = overlayId(i % 7);
        f.uploaderId = uploader;
        f.sequence = i + 1;
        f.bytes = qint64(i + 1) * 1000;
        f.time = 1'700'000'000 + i;
        const Receipt r = signReceipt(keys.at(i % keys.size()), f);
        m.messages.append(canonicalReceiptMessage(r.fields));
        m.keys.append(r.downloaderKey);
        m.signatures.append(r.signature);
    }
    return m;
}

namespace {
double threadCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}
} // namespace

double verificationsPerSecond(const SignedMessages &m, int count, double maxSeconds, qint64 *done, double *cpuUsEach)
{
    const double cpuStart = threadCpuSeconds();
    QElapsedTimer clock;
    clock.start();
    const qint64 limitNs = qint64(maxSeconds * 1e9);
    qint64 n = 0;
    bool allValid = true;
    for (; n < count; ++n) {
        const qsizetype i = n % m.messages.size();
        allValid = verifySignature(m.keys.at(i), m.messages.at(i), m.signatures.at(i)) && allValid;
        if ((n & 255) == 255 && clock.nsecsElapsed() > limitNs) {
            ++n;
            break;
        }
    }
    *done = n;
    *cpuUsEach = n > 0 ? 1e6 * (threadCpuSeconds() - cpuStart) / n : 0;
    const double rate = n / (clock.nsecsElapsed() / 1e9);
    return allValid ? rate : -rate;
}

} // namespace mp2p::bench
