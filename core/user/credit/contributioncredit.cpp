#include "contributioncredit.h"

#include "receiptextension.h"

#include <user/provider/providerclient.h>

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QPointer>
#include <QtConcurrent>

#include <libtorrent/extensions.hpp>

Q_LOGGING_CATEGORY(lcCredit, "mp2p.credit")

namespace mp2p {

namespace {

qint64 nowSecs() { return QDateTime::currentSecsSinceEpoch(); }

// Rejections that resending the same receipt cannot change are final; "inflated" is not: the
// downloader's PAMP report may simply not have caught up yet.
bool retryable(const QString &reason)
{
    // "unknown_content": the PAMS may learn the size later (a remote IXS answering, the record registered).
    return reason == QLatin1String("inflated") || reason == QLatin1String("unknown_content");
}

} // namespace

template<class Work, class Done>
void ContributionCredit::onBookThread(Work work, Done done)
{
    // The destructor waits for the pool, and a queued call to a deleted object is dropped.
    m_pool.start([this, work = std::move(work), done = std::move(done)]() mutable {
        auto result = work();
        QMetaObject::invokeMethod(this, [done = std::move(done), result = std::move(result)]() mutable { done(result); },
                                  Qt::QueuedConnection);
    });
}

ContributionCredit::ContributionCredit(CreditSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_exchange(std::make_shared<ReceiptExchange>())
    , m_plugin(makeReceiptPlugin(m_exchange))
    , m_dirty(std::make_shared<std::atomic<bool>>(false))
    , m_directory(std::make_shared<RelayDirectory>())
{
    // Bytes over a connection to a relayed address are credited to that RS's owner as well.
    m_exchange->setAttribution([directory = m_directory](const QHostAddress &remote, quint16 port,
                                                         const ReceiptHello &) -> std::optional<UploaderAttribution> {
        const auto owner = directory->ownerOf(remote, port);
        return owner ? std::optional<UploaderAttribution>(UploaderAttribution{*owner, PeerType::RelayServer}) : std::nullopt;
    });
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);  // keep the one thread (and its SQLite connection) alive
    // The network thread only raises a flag; this thread looks at it on a timer.
    m_exchange->setNotify([dirty = m_dirty] { dirty->store(true); });
    m_flushTimer.setInterval(m_settings.flushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &ContributionCredit::flushIfDirty);
    // A new download reads its overlay's relays at once, not at the next periodic refresh: a
    // short transfer through a relay could be over by then.
    connect(&m_flushTimer, &QTimer::timeout, this, [this] {
        for (const QString &overlayId : followedOverlays()) {
            if (!m_followed.contains(overlayId)) {
                refreshRelayDirectory();
                return;
            }
        }
    });
    connect(&m_redeemTimer, &QTimer::timeout, this, &ContributionCredit::redeemNow);
    connect(&m_relayTimer, &QTimer::timeout, this, &ContributionCredit::refreshRelayDirectory);
}

ContributionCredit::~ContributionCredit()
{
    m_flushTimer.stop();
    if (m_book) {
        QString error;
        if (!flushNow(&error))
            qCWarning(lcCredit) << "could not save the last receipts:" << error;
    }
    m_pool.waitForDone();
}

std::shared_ptr<lt::plugin> ContributionCredit::plugin() const
{
    return m_plugin;
}

bool ContributionCredit::open(const KeyPair &key, QString *error)
{
    auto book = std::make_unique<ReceiptBook>(QDir(m_settings.stateDir).filePath(QStringLiteral("receipts.db")));
    if (!book->open(error))
        return false;
    const auto issued = book->issued(error);
    const auto held = issued ? book->held(error) : std::nullopt;
    if (!held)
        return false;
    m_exchange->restoreIssued(*issued);
    QList<Receipt> latest;
    for (const HeldReceipt &h : *held)
        latest.append(h.receipt);
    m_exchange->restoreAccepted(latest);
    m_exchange->setIdentity(key, m_settings.role);
    m_book = std::move(book);
    m_flushTimer.start();
    if (m_settings.relayRefreshSecs > 0)
        m_relayTimer.start(m_settings.relayRefreshSecs * 1000);
    return true;
}

bool ContributionCredit::flushNow(QString *error)
{
    if (!m_book) {
        *error = QStringLiteral("receipts.db is not open");
        return false;
    }
    m_dirty->store(false);
    const QList<Receipt> received = m_exchange->takeInbox();
    const QList<Receipt> relay = m_exchange->takeRelayOutbox();
    const QList<IssuedState> issued = m_exchange->takeIssuedChanges();
    ReceiptBook *book = m_book.get();
    // Always a job, even with nothing new: the pool runs jobs in order, so when this one is
    // done every earlier write is on disk too.
    const QString result = QtConcurrent::run(&m_pool, [book, received, relay, issued] {
        QString e;
        const bool ok = book->storeReceived(received, nowSecs(), &e)
                        && book->storeReceived(relay, nowSecs(), &e, ReceiptTable::Relay) && book->storeIssued(issued, &e);
        return ok ? QString() : e;
    }).result();
    if (!result.isEmpty()) {
        *error = result;
        return false;
    }
    if (!received.isEmpty())
        Q_EMIT receiptsStored(int(received.size()));
    return true;
}

void ContributionCredit::flushIfDirty()
{
    // Flush every flushIntervalMs while receipts move; after ten quiet looks, look every 5 s
    // (the network thread can only raise the flag, so this side has to look; an idle peer
    // should not wake twice a second for it). The first receipts after a quiet spell wait at
    // most that long in memory; they are cumulative, so a later one covers them anyway.
    const bool dirty = m_dirty->exchange(false);
    m_quietFlushes = dirty ? 0 : m_quietFlushes + 1;
    const int interval = m_quietFlushes >= 10 ? std::max(m_settings.flushIntervalMs, IdleFlushIntervalMs) : m_settings.flushIntervalMs;
    if (m_flushTimer.interval() != interval)
        m_flushTimer.setInterval(interval);
    if (!dirty || !m_book)
        return;
    const QList<Receipt> received = m_exchange->takeInbox();
    const QList<Receipt> relay = m_exchange->takeRelayOutbox();
    const QList<IssuedState> issued = m_exchange->takeIssuedChanges();
    if (received.isEmpty() && relay.isEmpty() && issued.isEmpty())
        return;
    ReceiptBook *book = m_book.get();
    onBookThread([book, received, relay, issued] {
        QString e;
        const bool ok = book->storeReceived(received, nowSecs(), &e)
                        && book->storeReceived(relay, nowSecs(), &e, ReceiptTable::Relay) && book->storeIssued(issued, &e);
        return ok ? QString() : e;
    }, [this, count = int(received.size())](const QString &e) {
        if (!e.isEmpty())
            qCWarning(lcCredit) << "could not store receipts:" << e;
        else if (count > 0)
            Q_EMIT receiptsStored(count);
    });
}

void ContributionCredit::startRedeeming(ProviderClient *provider)
{
    m_provider = provider;
    m_redeemTimer.start(qMax(1, m_settings.redeemIntervalSecs) * 1000);
}

void ContributionCredit::setPeerListFetcher(PeerListFetcher fetcher)
{
    m_fetcher = std::move(fetcher);
}

QStringList ContributionCredit::followedOverlays() const
{
    // Overlays still downloading, and those with connections that closed before their relay
    // was known (a fast transfer can be over before the first list arrives).
    QStringList out = m_exchange->activeOverlays();
    for (const QString &overlayId : m_exchange->overlaysAwaitingAttribution(QDateTime::currentMSecsSinceEpoch()))
        if (!out.contains(overlayId))
            out.append(overlayId);
    return out;
}

void ContributionCredit::refreshRelayDirectory()
{
    PeerListFetcher fetch = m_fetcher;
    if (!fetch && m_provider && m_provider->isReady()) {
        fetch = [provider = m_provider](const QString &overlayId, std::function<void(const QJsonObject &)> done) {
            provider->call("GET", QStringLiteral("oms"), QStringLiteral("/oms/v1/overlays/%1/peers").arg(overlayId), {},
                           [done = std::move(done)](const JsonReply &reply) { done(reply.ok() ? reply.body : QJsonObject()); });
        };
    }
    if (!fetch)
        return;
    const QStringList active = followedOverlays();
    m_followed = QSet<QString>(active.cbegin(), active.cend());
    for (const QString &overlayId : m_directory->overlays()) {
        if (!active.contains(overlayId))
            m_directory->forgetOverlay(overlayId);  // the torrent is gone: so are its relayed peers
    }
    for (const QString &overlayId : active) {
        // A failed fetch keeps what the last good list said: relayed addresses change rarely,
        // and dropping them would lose the relay's credit while the OMS is away.
        fetch(overlayId, [this, guard = QPointer<ContributionCredit>(this), overlayId](const QJsonObject &body) {
            if (!guard || body.isEmpty())
                return;
            const RelayDirectory::Update u = m_directory->updateFromPeerList(overlayId, body);
            // Said once per change, not on every refresh of the same list.
            if (u.ignored > 0 && m_ignoredRelays.value(overlayId) != u.ignored)
                qCWarning(lcCredit) << "the OMS peer list of" << overlayId << "has" << u.ignored
                                    << "relay entries without a usable ip, port or owner; they are ignored";
            m_ignoredRelays.insert(overlayId, u.ignored);
            // Connections that closed before this list arrived get their relay's receipts now.
            if (m_exchange->attributeLate(QDateTime::currentMSecsSinceEpoch()) > 0)
                m_dirty->store(true);
            Q_EMIT relayDirectoryRefreshed(overlayId, u.relays, u.ignored);
        });
    }
}

void ContributionCredit::redeemNow()
{
    redeemTable(ReceiptTable::Held);
    redeemTable(ReceiptTable::Relay);
}

void ContributionCredit::finishBatch(ReceiptTable table, bool ok, qint64 credited, int accepted, int rejected,
                                     const QString &problem)
{
    m_busy[int(table)] = false;
    if (table == ReceiptTable::Relay)
        Q_EMIT relayDepositFinished(ok, credited, accepted, rejected, problem);
    else
        Q_EMIT redeemFinished(ok, credited, accepted, rejected, problem);
}

void ContributionCredit::redeemTable(ReceiptTable table)
{
    if (!m_book || !m_provider || m_busy[int(table)])
        return;
    if (!m_provider->isReady()) {
        finishBatch(table, false, 0, 0, 0, QStringLiteral("not logged in at the provider"));
        return;
    }
    m_busy[int(table)] = true;
    flushIfDirty();
    ReceiptBook *book = m_book.get();
    const qint64 now = nowSecs();
    // Relay receipts wait as long as held ones: the PAMS caps them by our own PAMP report.
    const qint64 before = now - m_settings.settleSecs;
    const int limit = m_settings.maxPerRequest;
    onBookThread([book, now, before, limit, table] {
        QString e;
        return book->pending(now, before, limit, &e, table).value_or(QList<Receipt>());
    }, [this, table](const QList<Receipt> &batch) {
        if (batch.isEmpty())
            finishBatch(table, true, 0, 0, 0, {});
        else
            postBatch(batch, table);
    });
}

void ContributionCredit::postBatch(const QList<Receipt> &batch, ReceiptTable table)
{
    QJsonArray array;
    for (const Receipt &r : batch)
        array.append(receiptToJson(r));
    const QString path = table == ReceiptTable::Relay ? QStringLiteral("/pams/v1/credit/relay-receipts")
                                                      : QStringLiteral("/pams/v1/credit/redeem");
    m_provider->call("POST", QStringLiteral("pams"), path, QJsonObject{{QStringLiteral("receipts"), array}},
                     [this, batch, table](const JsonReply &reply) {
        if (reply.status == 0 || reply.status >= 500) {
            finishBatch(table, false, 0, 0, 0, reply.problem);  // the PAMS is away: everything stays pending
            return;
        }
        const QList<RedemptionOutcome> outcomes = outcomesOf(batch, reply.body, reply.status);
        qint64 credited = 0;
        int accepted = 0;
        for (const RedemptionOutcome &o : outcomes) {
            credited += o.credited;
            accepted += o.accepted ? 1 : 0;
        }
        const int rejected = int(outcomes.size()) - accepted;
        ReceiptBook *book = m_book.get();
        onBookThread([book, outcomes, table] {
            QString e;
            return book->recordOutcomes(outcomes, &e, table) ? QString() : e;
        }, [this, table, credited, accepted, rejected, problem = reply.ok() ? QString() : reply.problem](const QString &e) {
            if (!e.isEmpty())
                qCWarning(lcCredit) << "could not record the redemption:" << e;
            qCInfo(lcCredit) << (table == ReceiptTable::Relay ? "relay receipts deposited:" : "redeemed:") << "credited"
                             << credited << "bytes," << accepted << "accepted," << rejected << "rejected";
            finishBatch(table, problem.isEmpty() && e.isEmpty(), credited, accepted, rejected, problem.isEmpty() ? e : problem);
        });
    });
}

QList<RedemptionOutcome> ContributionCredit::outcomesOf(const QList<Receipt> &batch, const QJsonObject &answer, int status) const
{
    const qint64 now = nowSecs();
    QList<RedemptionOutcome> out;
    const QJsonArray results = answer.value(QStringLiteral("results")).toArray();
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const ReceiptFields &f = batch.at(i).fields;
        RedemptionOutcome o{f.downloaderId, f.uploaderId, f.overlayId, f.sequence, false, 0, {}, 0};
        if (status >= 400) {
            // The whole request was refused (malformed, not ours): wait long before trying again.
            o.reason = answer.value(QStringLiteral("error")).toString(QStringLiteral("refused"));
            o.retryAfter = now + 10 * qint64(m_settings.inflatedRetrySecs);
        } else {
            const QJsonObject r = results.at(i).toObject();
            o.accepted = r.value(QStringLiteral("status")).toString() == QLatin1String("accepted");
            o.credited = r.value(QStringLiteral("credited")).toInteger();
            o.reason = r.value(QStringLiteral("reason")).toString();
            if (!o.accepted && retryable(o.reason))
                o.retryAfter = now + m_settings.inflatedRetrySecs;
        }
        out.append(o);
    }
    return out;
}

std::optional<LedgerSummary> ContributionCredit::summary(QString *error) const
{
    if (!m_book) {
        *error = QStringLiteral("receipts.db is not open");
        return std::nullopt;
    }
    return m_book->summary(error);
}

std::optional<QList<HeldReceipt>> ContributionCredit::held(QString *error, ReceiptTable table) const
{
    if (!m_book) {
        *error = QStringLiteral("receipts.db is not open");
        return std::nullopt;
    }
    return m_book->held(error, table);
}

} // namespace mp2p
