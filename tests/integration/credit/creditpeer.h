#pragma once

#include "enginefixture.h"
#include "providertesthost.h"

#include <user/credit/contributioncredit.h>

#include <QDir>

namespace mp2p::test {

// One peer of the credit tests: an identity, its credit (plugin + receipts.db) and a
// libtorrent session with it, on its own loopback address.
struct CreditPeer {
    Identity identity = freshIdentity();
    QString ip;
    std::unique_ptr<ContributionCredit> credit;
    std::unique_ptr<PeerEngine> engine;

    // uploadLimit (bytes/s, 0 = none) also applies to loopback peers, to slow a transfer down.
    CreditPeer(const QString &stateDir, const QString &address, int uploadLimit = 0) : ip(address)
    {
        QDir().mkpath(stateDir);
        CreditSettings cs;
        cs.stateDir = stateDir;
        cs.redeemIntervalSecs = 3600;  // the tests redeem by hand
        cs.relayRefreshSecs = 0;       // ... and refresh the relay directory by hand
        cs.settleSecs = 0;
        cs.inflatedRetrySecs = 0;
        cs.flushIntervalMs = 100;
        credit = std::make_unique<ContributionCredit>(cs);
        QString error;
        if (!credit->open(identity.key, &error))
            qFatal("cannot open receipts.db: %s", qPrintable(error));
        EngineSettings s = loopbackSettings(stateDir, address);
        s.uploadRateLimit = uploadLimit;
        s.rateLimitLocalPeers = uploadLimit > 0;
        s.sessionPlugins.push_back(credit->plugin());
        engine = std::make_unique<PeerEngine>(s);
        if (!engine->start(&error))
            qFatal("cannot start the engine: %s", qPrintable(error));
    }
    ~CreditPeer() { shutdownAndWait(*engine); }

    QList<HeldReceipt> held(ReceiptTable table = ReceiptTable::Held)
    {
        QString error;
        credit->flushNow(&error);
        return credit->held(&error, table).value_or(QList<HeldReceipt>());
    }
};

} // namespace mp2p::test
