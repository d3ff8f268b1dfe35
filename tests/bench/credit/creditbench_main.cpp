// mp2p_bench_credit: PAMS receipt redemptions per second over HTTP against raw libsodium Ed25519
// verifications per second on the same machine, in the same run (tests/bench/run-credit.sh).
//   1. baseline: verifySignature() (core/protocol/keys) in a tight loop over distinct receipts;
//   2. the load: N distinct honest receipts redeemed at a running mp2pd (ums,pams) by a few
//      concurrent uploaders (creditload.h), every answer checked;
//   3. the baseline again, so a change in other load between 1 and 2 shows.
// Prints one RESULT line of key=value pairs; exit 1 when a receipt was not accepted, the credit
// does not add up, or a bound was hit.
#include "creditload.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <cstdio>
#include <unistd.h>

using namespace mp2p;
using namespace mp2p::bench;

namespace {

// CPU seconds (user + system) process `pid` has used, from /proc/PID/stat; -1 if unknown.
double cpuSeconds(qint64 pid)
{
    if (pid <= 0)
        return -1;
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return (fields.at(11).toDouble() + fields.at(12).toDouble()) / double(sysconf(_SC_CLK_TCK));
}

int intOption(const QCommandLineParser &p, const QString &name, int fallback, int max, bool *ok)
{
    if (!p.isSet(name))
        return fallback;
    bool good = false;
    const int v = p.value(name).toInt(&good);
    if (!good || v < 1 || v > max) {
        std::fprintf(stderr, "--%s must be a whole number from 1 to %d\n", qPrintable(name), max);
        *ok = false;
    }
    return v;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("PAMS redemptions/s vs raw Ed25519 verifications/s."));
    p.addHelpOption();
    p.addOptions({{QStringLiteral("url"), QStringLiteral("mp2pd base URL (ums,pams)."), QStringLiteral("url")},
                  {QStringLiteral("server-pid"), QStringLiteral("mp2pd PID, for its CPU time."), QStringLiteral("pid")},
                  {QStringLiteral("receipts"), QStringLiteral("Receipts to redeem (20000)."), QStringLiteral("n")},
                  {QStringLiteral("clients"), QStringLiteral("Concurrent uploaders (4)."), QStringLiteral("n")},
                  {QStringLiteral("downloaders"), QStringLiteral("Downloaders (50)."), QStringLiteral("n")},
                  {QStringLiteral("overlays"), QStringLiteral("Overlays (4)."), QStringLiteral("n")},
                  {QStringLiteral("batch"), QStringLiteral("Receipts per request (100, max 1000)."), QStringLiteral("n")},
                  {QStringLiteral("verifications"), QStringLiteral("Baseline verifications (40000)."), QStringLiteral("n")},
                  {QStringLiteral("max-seconds"), QStringLiteral("Bound on each timed phase (120)."), QStringLiteral("s")}});
    p.process(app);
    bool ok = !p.value(QStringLiteral("url")).isEmpty();
    if (!ok)
        std::fprintf(stderr, "--url is required\n");
    CreditLoadOptions o;
    o.url = p.value(QStringLiteral("url"));
    o.receipts = intOption(p, QStringLiteral("receipts"), o.receipts, 10'000'000, &ok);
    o.uploaders = intOption(p, QStringLiteral("clients"), o.uploaders, 6, &ok);
    o.downloaders = intOption(p, QStringLiteral("downloaders"), o.downloaders, 1000, &ok);
    o.overlays = intOption(p, QStringLiteral("overlays"), o.overlays, 1000, &ok);
    o.batch = intOption(p, QStringLiteral("batch"), o.batch, 1000, &ok);
    o.maxSeconds = intOption(p, QStringLiteral("max-seconds"), o.maxSeconds, 3600, &ok);
    const int verifications = intOption(p, QStringLiteral("verifications"), 40000, 100'000'000, &ok);
    const qint64 serverPid = p.value(QStringLiteral("server-pid")).toLongLong();
    if (!ok || !initCrypto())
        return 2;

    const SignedMessages messages = signedMessages(4096);
    qint64 before = 0, after = 0;
    double cpuBefore = 0, cpuAfter = 0;
    const double verifyBefore = verificationsPerSecond(messages, verifications, o.maxSeconds, &before, &cpuBefore);

    const double cpuStart = cpuSeconds(serverPid);
    const CreditLoadResult r = runCreditLoad(o);
    const double cpuEnd = cpuSeconds(serverPid);
    if (!r.problem.isEmpty()) {
        std::fprintf(stderr, "setup failed: %s\n", qPrintable(r.problem));
        return 1;
    }
    const double verifyAfter = verificationsPerSecond(messages, verifications, o.maxSeconds, &after, &cpuAfter);
    const double verifyCpuUs = (cpuBefore + cpuAfter) / 2;

    const double verifyRate = (verifyBefore + verifyAfter) / 2;
    const double redeemRate = r.seconds > 0 ? r.sent / r.seconds : 0;
    // Server CPU per receipt covers setup requests too; they are few (~3 per user) next to N.
    const double cpuUs = (cpuStart >= 0 && cpuEnd >= 0 && r.sent > 0) ? 1e6 * (cpuEnd - cpuStart) / r.sent : -1;
    const bool good = verifyBefore > 0 && verifyAfter > 0 && !r.timedOut && r.httpErrors == 0 && r.rejected == 0
                      && r.accepted == o.receipts && r.credited == r.expectedCredit && r.balances == r.expectedCredit;
    std::printf("RESULT verify_per_s=%.0f verify_before=%.0f verify_after=%.0f verify_us=%.2f redeem_per_s=%.0f "
                "receipts=%lld accepted=%lld rejected=%lld http_errors=%d seconds=%.2f server_cpu_us_per_receipt=%.1f "
                "credited=%lld expected=%lld balances=%lld timed_out=%d ratio=%.3f verify_cpu_us=%.2f cpu_ratio=%.3f driver_cpu_us_per_receipt=%.1f nodelay_sockets=%d ok=%d\n",
                verifyRate, verifyBefore, verifyAfter, 1e6 / verifyRate, redeemRate, (long long)r.sent,
                (long long)r.accepted, (long long)r.rejected, r.httpErrors, r.seconds, cpuUs, (long long)r.credited,
                (long long)r.expectedCredit, (long long)r.balances, r.timedOut ? 1 : 0, redeemRate / verifyRate,
                verifyCpuUs, cpuUs > 0 ? verifyCpuUs / cpuUs : 0, r.sent > 0 ? 1e6 * r.driverCpuSeconds / r.sent : 0,
                r.noDelaySockets, good ? 1 : 0);
    return good ? 0 : 1;
}
