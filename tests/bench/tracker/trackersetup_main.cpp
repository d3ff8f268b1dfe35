// mp2p_bench_tracker_setup: prepares the tracker benchmark (tests/bench/run-tracker.sh).
// At a running mp2pd (UMS + OMS) it registers a few users, logs them in, creates the overlays
// (the OMS refuses announces for unknown overlays), then writes
//   - the announce paths wrk cycles through: overlays x peers lines, each with a random 20-byte
//     info_hash and peer_id, a port, left, compact=1, numwant=50, event=started and the token
//     (opentracker and bittorrent-tracker ignore the token), and
//   - the whitelist of info-hashes (40 hex per line) that the two baselines are given, so all
//     three trackers refuse unknown overlays alike.
// Everything random comes from --seed, so two runs announce the same swarms.
#include <flowhelpers.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonObject>
#include <QRandomGenerator>

#include <cstdio>

namespace {

using namespace mp2p::test;

struct Options {
    QString url;
    int overlays = 200;
    int peers = 50;
    int users = 8;
    quint32 seed = 20002;
    QString pathsFile;
    QString whitelistFile;
};

bool parseOptions(const QCoreApplication &app, Options *o, QString *error)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Creates overlays at an mp2pd OMS and writes wrk announce paths."));
    p.addHelpOption();
    p.addOptions({{QStringLiteral("url"), QStringLiteral("Base URL of mp2pd (UMS + OMS)."), QStringLiteral("url")},
                  {QStringLiteral("overlays"), QStringLiteral("Overlays (default 200)."), QStringLiteral("n")},
                  {QStringLiteral("peers"), QStringLiteral("Peers per overlay (default 50)."), QStringLiteral("n")},
                  {QStringLiteral("users"), QStringLiteral("Users to log in (default 8)."), QStringLiteral("n")},
                  {QStringLiteral("seed"), QStringLiteral("RNG seed (default 20002)."), QStringLiteral("n")},
                  {QStringLiteral("paths"), QStringLiteral("Output: announce paths, one per line."), QStringLiteral("file")},
                  {QStringLiteral("whitelist"), QStringLiteral("Output: info-hashes, 40 hex per line."), QStringLiteral("file")}});
    p.process(app);
    o->url = p.value(QStringLiteral("url"));
    o->pathsFile = p.value(QStringLiteral("paths"));
    o->whitelistFile = p.value(QStringLiteral("whitelist"));
    bool ok = true;
    const auto number = [&](const QString &name, int fallback, int max) {
        if (!p.isSet(name))
            return fallback;
        bool good = false;
        const int v = p.value(name).toInt(&good);
        if (!good || v < 1 || v > max)
            ok = false;
        return v;
    };
    o->overlays = number(QStringLiteral("overlays"), o->overlays, 100000);
    o->peers = number(QStringLiteral("peers"), o->peers, 10000);
    o->users = number(QStringLiteral("users"), o->users, 1000);
    o->seed = quint32(number(QStringLiteral("seed"), int(o->seed), 1 << 30));
    if (!ok || o->url.isEmpty() || o->pathsFile.isEmpty() || o->whitelistFile.isEmpty()) {
        *error = QStringLiteral("need --url, --paths and --whitelist; --overlays/--peers/--users/--seed are positive numbers");
        return false;
    }
    return true;
}

QByteArray randomBinary(QRandomGenerator &rng, int count)
{
    QByteArray out(count, Qt::Uninitialized);
    for (char &c : out)
        c = char(rng.bounded(256));
    return out;
}

bool createOverlays(TestHttp &http, const Options &o, const QList<LoggedInUser> &users, QRandomGenerator &rng,
                    QStringList *hashes, QString *error)
{
    for (int i = 0; i < o.overlays; ++i) {
        const QString hash = QString::fromLatin1(randomBinary(rng, 20).toHex());
        const HttpResult r = http.post(o.url + QStringLiteral("/oms/v1/overlays"),
                                       {{QStringLiteral("overlayId"), hash},
                                        {QStringLiteral("name"), QStringLiteral("bench overlay %1").arg(i)}},
                                       users.at(i % users.size()).token);
        if (r.status != 201) {
            *error = QStringLiteral("creating overlay %1 answered %2: %3").arg(i).arg(r.status).arg(QString::fromUtf8(r.body));
            return false;
        }
        hashes->append(hash);
    }
    return true;
}

bool writeLines(const QString &path, const QByteArray &text, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(text) != text.size()) {
        *error = QStringLiteral("cannot write %1").arg(path);
        return false;
    }
    return true;
}

// Peer-major order, so consecutive requests hit different swarms and all swarms fill evenly.
// One peer in five is a seed (left=0); each peer of a swarm has its own port, since
// opentracker tells peers apart by address and port, not by peer_id.
QByteArray announcePaths(const Options &o, const QList<LoggedInUser> &users, const QStringList &hashes,
                         QRandomGenerator &rng)
{
    QByteArray out;
    for (int p = 0; p < o.peers; ++p) {
        for (int i = 0; i < hashes.size(); ++i) {
            const QByteArray peerId = "-MB0001-" + randomBinary(rng, 12);
            const LoggedInUser &user = users.at((i + p) % users.size());
            const QString path = announceUrl(QString(), user.passkey, hashes.at(i), peerId, quint16(10000 + p),
                                             p % 5 == 0 ? 0 : 1000000, QStringLiteral("started"), true);
            out += path.toLatin1() + "&numwant=50\n";
        }
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Options o;
    QString error;
    if (!parseOptions(app, &o, &error)) {
        std::fprintf(stderr, "mp2p_bench_tracker_setup: %s\n", qPrintable(error));
        return 2;
    }
    TestHttp http;
    QList<LoggedInUser> users;
    for (int u = 0; u < o.users; ++u) {
        users.append(registerAndLogin(http, o.url, QStringLiteral("bench user %1").arg(u)));
        if (users.last().token.isEmpty()) {
            std::fprintf(stderr, "mp2p_bench_tracker_setup: could not log user %d in at %s\n", u, qPrintable(o.url));
            return 1;
        }
    }
    QRandomGenerator rng(o.seed);
    QStringList hashes;
    if (!createOverlays(http, o, users, rng, &hashes, &error)
        || !writeLines(o.whitelistFile, hashes.join(QLatin1Char('\n')).toLatin1() + '\n', &error)
        || !writeLines(o.pathsFile, announcePaths(o, users, hashes, rng), &error)) {
        std::fprintf(stderr, "mp2p_bench_tracker_setup: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("setup: %d users, %d overlays, %d announce paths\n", o.users, o.overlays, o.overlays * o.peers);
    return 0;
}
