#pragma once

#include "enginefixture.h"
#include "providertesthost.h"

#include <creditoverlay.h>

#include <user/credit/contributioncredit.h>
#include <user/provider/activityreporter.h>
#include <user/provider/providerclient.h>

#include <QDir>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

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

// The seed and the leech logged in at the provider, the overlay of `torrent` created at the OMS
// and registered at the IXS (so the PAMS knows its size) with both peers announced in its swarm,
// and the leech's PAMP report of what it downloaded of `hash` sent: the PAMS credits only
// co-present peers, within the content's size and the report, so all of it must be in before
// any redemption or deposit. Check `ok` (QVERIFY) before using the clients.
struct LoggedInPair {
    QNetworkAccessManager network;
    ProviderClient leechClient;
    ProviderClient seedClient;
    bool ok = false;

    LoggedInPair(const QString &providerUrl, CreditPeer &seed, CreditPeer &leech, const QByteArray &torrent,
                 const QString &hash, qint64 size, int timeoutMs)
        : leechClient(QUrl(providerUrl), leech.identity, &network)
        , seedClient(QUrl(providerUrl), seed.identity, &network)
    {
        for (ProviderClient *c : {&leechClient, &seedClient}) {
            QSignalSpy ready(c, &ProviderClient::ready);
            c->connectToProvider();
            if (!ready.wait(timeoutMs) && !c->isReady())
                return;
        }
        TestHttp http;
        if (!openCreditOverlay(http, providerUrl, QStringLiteral("payload.bin"), size, torrent, hash, seedClient.token(),
                               {seedClient.token(), leechClient.token()}))
            return;
        ActivityReporter reporter(&leechClient,
                                  QJsonObject{{"maxUploadBps", 0}, {"maxDownloadBps", 0}, {"maxConnections", 50},
                                              {"listenAddress", leech.ip + QStringLiteral(":6881")}, {"reachable", true}},
                                  [&] {
                                      const auto t = leech.engine->transfer(hash);
                                      return QList<ActivityReporter::OverlayStatus>{{hash, {}, 0, t ? t->downloaded : 0, 0, 0, 0}};
                                  });
        QSignalSpy sent(&reporter, &ActivityReporter::reportSent);
        if (!QTest::qWaitFor([&] { const auto t = leech.engine->transfer(hash); return t && t->downloaded >= size; }, 10000))
            return;
        reporter.start();
        ok = sent.wait(timeoutMs);
    }
};

} // namespace mp2p::test
