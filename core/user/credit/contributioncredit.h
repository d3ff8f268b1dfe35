#pragma once

#include "receiptbook.h"
#include "receiptexchange.h"

#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <memory>

namespace libtorrent { struct plugin; }

namespace mp2p {

class ProviderClient;

struct CreditSettings {
    QString stateDir;                    // receipts.db goes here
    PeerType role = PeerType::Peer;      // what we say in the handshake: a CS node says CS
    int redeemIntervalSecs = 60;         // how often held receipts are redeemed at the PAMS
    // Redeem a receipt only this long after it arrived, so the downloader's own PAMP report
    // (the PAMS's cap) has caught up; "inflated" answers are retried after inflatedRetrySecs.
    int settleSecs = 30;
    int inflatedRetrySecs = 120;
    int flushIntervalMs = 500;           // how often new receipts are written to receipts.db
    int maxPerRequest = 1000;            // the PAMS's batch limit
};

// Contribution credit on the peer (R10 + R2): the BEP 10 receipt extension for the libtorrent
// session, receipts.db, and the redemption of held receipts at the PAMS.
//
// Threads: the plugin runs on libtorrent's network thread and only touches the ReceiptExchange
// (mutex + atomics). This object polls the exchange's "dirty" flag on a timer (no call ever
// crosses from the network thread into Qt) and writes to receipts.db on its own one-thread
// pool, so the thread with the event loop never waits on SQLite.
class ContributionCredit : public QObject {
    Q_OBJECT
public:
    explicit ContributionCredit(CreditSettings settings, QObject *parent = nullptr);
    ~ContributionCredit() override;  // writes what is still in the exchange

    // For EngineSettings::sessionPlugins; valid from construction.
    std::shared_ptr<libtorrent::plugin> plugin() const;
    std::shared_ptr<ReceiptExchange> exchange() const { return m_exchange; }

    // Opens receipts.db, restores both sides' state and sets the identity the plugin signs
    // with. Call before the libtorrent session starts.
    bool open(const KeyPair &key, QString *error);
    // Redeems held receipts every redeemIntervalSecs through `provider` (while it is ready).
    void startRedeeming(ProviderClient *provider);
    void redeemNow();               // → redeemFinished
    bool flushNow(QString *error);  // writes the exchange's news now (blocking; tests, shutdown)

    ReceiptCounters counters() const { return m_exchange->counters(); }
    std::optional<LedgerSummary> summary(QString *error) const;
    std::optional<QList<HeldReceipt>> held(QString *error) const;
    const CreditSettings &settings() const { return m_settings; }

Q_SIGNALS:
    void receiptsStored(int count);
    void redeemFinished(bool ok, qint64 credited, int accepted, int rejected, const QString &problem);

private:
    // Runs `work` on the receipts.db thread, then `done(result)` on this object's thread.
    template<class Work, class Done>
    void onBookThread(Work work, Done done);
    void flushIfDirty();
    void postBatch(const QList<Receipt> &batch);
    QList<RedemptionOutcome> outcomesOf(const QList<Receipt> &batch, const QJsonObject &answer, int status) const;

    CreditSettings m_settings;
    std::shared_ptr<ReceiptExchange> m_exchange;
    std::shared_ptr<libtorrent::plugin> m_plugin;
    std::unique_ptr<ReceiptBook> m_book;
    std::shared_ptr<std::atomic<bool>> m_dirty;
    QThreadPool m_pool;            // one thread: every receipts.db write
    QTimer m_flushTimer;
    QTimer m_redeemTimer;
    ProviderClient *m_provider = nullptr;
    bool m_redeeming = false;
};

} // namespace mp2p
