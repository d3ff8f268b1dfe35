#pragma once

#include <protocol/receipt.h>

#include <QByteArray>
#include <QList>
#include <QString>

namespace mp2p::bench {

struct CreditLoadOptions {
    QString url;             // mp2pd with ums,pams
    int uploaders = 4;       // one concurrent client each
    int downloaders = 50;
    int overlays = 4;
    int receipts = 20000;    // distinct honest receipts to redeem
    int batch = 100;         // receipts per POST /pams/v1/credit/redeem
    int maxSeconds = 120;    // bound on the timed redemption phase
};

// What the timed phase did. Every receipt is honest and within its downloader's PAMP report,
// so a correct PAMS accepts all of them and credits exactly `expectedCredit` bytes.
struct CreditLoadResult {
    qint64 sent = 0;          // receipts in the requests that got an answer
    qint64 accepted = 0;
    qint64 rejected = 0;
    qint64 credited = 0;      // sum of "credited" over the answers
    qint64 expectedCredit = 0;
    qint64 balances = 0;      // sum of the uploaders' balances read back afterwards
    int httpErrors = 0;
    double seconds = 0;
    double driverCpuSeconds = 0;  // this process's CPU during the timed phase (it shares the cores)
    int noDelaySockets = 0;       // keep-alive connections set to TCP_NODELAY before the clock starts
    bool timedOut = false;
    QString problem;          // setup failure; empty when the run happened
};

// Users (registered and logged in at the UMS), PAMP reports, then the signed receipts and the
// request bodies, all prepared before the clock starts; then the uploaders redeem concurrently
// (one keep-alive connection each) until every batch is answered or maxSeconds pass.
CreditLoadResult runCreditLoad(const CreditLoadOptions &options);

// Canonical messages, keys and signatures of `count` distinct receipts, for the raw baseline.
struct SignedMessages {
    QList<QByteArray> messages;
    QList<QByteArray> keys;
    QList<QByteArray> signatures;
};
SignedMessages signedMessages(int count);

// verifySignature() in a tight loop over the messages (cycled) until `count` or `maxSeconds`;
// returns verifications per second (negative when a signature failed to verify) and, in
// *cpuUsEach, this thread's CPU microseconds per verification (less sensitive to other load).
double verificationsPerSecond(const SignedMessages &m, int count, double maxSeconds, qint64 *done, double *cpuUsEach);

} // namespace mp2p::bench
