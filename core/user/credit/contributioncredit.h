#pragma once

#include "receiptbook.h"
#include "receiptexchange.h"
#include "relaydirectory.h"

#include <QObject>
#include <QSet>
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
    // How often the relay directory re-reads the OMS peer lists of the active overlays (which
    // relayed addresses belong to which RS owner); 0 = only on refreshRelayDirectory().
    int relayRefreshSecs = 15;
};

// Fetches the OMS peer list of an overlay (GET /oms/v1/overlays/{id}/peers) and calls `done`
// with the JSON body, or with an empty object when it failed.
using PeerListFetcher = std::function<void(const QString &overlayId, std::function<void(const QJsonObject &)> done)>;

// Contribution credit on the peer (R10 + R2): the BEP 10 receipt extension for the libtorrent
// session, receipts.db, and the redemption of held receipts at the PAMS. As a downloader it also
// credits relays: a RelayDirectory (fed from the OMS peer lists) tells the plugin which remote
// endpoints are relayed addresses of which RS owner; the relay receipts signed for them are
// deposited at the PAMS (POST /pams/v1/credit/relay-receipts) on the redemption timer.
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
    // Redeems held receipts and deposits relay receipts every redeemIntervalSecs through
    // `provider` (while it is ready); also reads the OMS peer lists through it unless a
    // PeerListFetcher was set.
    void startRedeeming(ProviderClient *provider);
    void redeemNow();               // → redeemFinished, relayDepositFinished

    // The relay directory the plugin consults (thread-safe; tests and the relayed peer may add
    // entries: RelayDirectory::setConnectionRelay).
    std::shared_ptr<RelayDirectory> relayDirectory() const { return m_directory; }
    void setPeerListFetcher(PeerListFetcher fetcher);
    void refreshRelayDirectory();   // → relayDirectoryRefreshed per overlay
    bool flushNow(QString *error);  // writes the exchange's news now (blocking; tests, shutdown)

    ReceiptCounters counters() const { return m_exchange->counters(); }
    std::optional<LedgerSummary> summary(QString *error) const;
    std::optional<QList<HeldReceipt>> held(QString *error, ReceiptTable table = ReceiptTable::Held) const;
    const CreditSettings &settings() const { return m_settings; }

Q_SIGNALS:
    void receiptsStored(int count);
    void redeemFinished(bool ok, qint64 credited, int accepted, int rejected, const QString &problem);
    // The same for a deposit of relay receipts: `credited` went to the RS owners.
    void relayDepositFinished(bool ok, qint64 credited, int accepted, int rejected, const QString &problem);
    void relayDirectoryRefreshed(const QString &overlayId, int relays, int ignored);

private:
    // Runs `work` on the receipts.db thread, then `done(result)` on this object's thread.
    template<class Work, class Done>
    void onBookThread(Work work, Done done);
    void flushIfDirty();
    void redeemTable(ReceiptTable table);
    void postBatch(const QList<Receipt> &batch, ReceiptTable table);
    void finishBatch(ReceiptTable table, bool ok, qint64 credited, int accepted, int rejected, const QString &problem);
    QList<RedemptionOutcome> outcomesOf(const QList<Receipt> &batch, const QJsonObject &answer, int status) const;

    CreditSettings m_settings;
    std::shared_ptr<ReceiptExchange> m_exchange;
    std::shared_ptr<libtorrent::plugin> m_plugin;
    std::unique_ptr<ReceiptBook> m_book;
    std::shared_ptr<std::atomic<bool>> m_dirty;
    QThreadPool m_pool;            // one thread: every receipts.db write
    QStringList followedOverlays() const;
    int m_quietFlushes = 0;
    static constexpr int IdleFlushIntervalMs = 5000;
    QTimer m_flushTimer;
    QTimer m_redeemTimer;
    QTimer m_relayTimer;
    ProviderClient *m_provider = nullptr;
    bool m_busy[2] = {false, false};  // a batch of ReceiptTable::Held / ::Relay is under way
    std::shared_ptr<RelayDirectory> m_directory;
    PeerListFetcher m_fetcher;
    QHash<QString, int> m_ignoredRelays;  // overlay → unusable relay entries in its last list
    QSet<QString> m_followed;             // the overlays the last refresh read
};

} // namespace mp2p
