#include "contributioncredit.h"

#include "receiptextension.h"

#include <user/provider/providerclient.h>

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QtConcurrent>

#include <libtorrent/extensions.hpp>

Q_LOGGING_CATEGORY(lcCredit, "mp2p.credit")

namespace mp2p {

namespace {

qint64 nowSecs() { return QDateTime::currentSecsSinceEpoch(); }

// Rejections that resending the same receipt cannot change are final; "inflated" is not: the
// downloader's PAMP report may simply not have caught up yet.
bool retryable(const QString &reason) { return reason == QLatin1String("inflated"); }

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
{
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);  // keep the one thread (and its SQLite connection) alive
    // The network thread only raises a flag; this thread looks at it on a timer.
    m_exchange->setNotify([dirty = m_dirty] { dirty->store(true); });
    m_flushTimer.setInterval(m_settings.flushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &ContributionCredit::flushIfDirty);
    connect(&m_redeemTimer, &QTimer::timeout, this, &ContributionCredit::redeemNow);
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
    const QList<IssuedState> issued = m_exchange->takeIssuedChanges();
    ReceiptBook *book = m_book.get();
    // Always a job, even with nothing new: the pool runs jobs in order, so when this one is
    // done every earlier write is on disk too.
    const QString result = QtConcurrent::run(&m_pool, [book, received, issued] {
        QString e;
        const bool ok = book->storeReceived(received, nowSecs(), &e) && book->storeIssued(issued, &e);
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
    if (!m_dirty->exchange(false) || !m_book)
        return;
    const QList<Receipt> received = m_exchange->takeInbox();
    const QList<IssuedState> issued = m_exchange->takeIssuedChanges();
    if (received.isEmpty() && issued.isEmpty())
        return;
    ReceiptBook *book = m_book.get();
    onBookThread([book, received, issued] {
        QString e;
        const bool ok = book->storeReceived(received, nowSecs(), &e) && book->storeIssued(issued, &e);
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

void ContributionCredit::redeemNow()
{
    if (!m_book || !m_provider || m_redeeming)
        return;
    if (!m_provider->isReady()) {
        Q_EMIT redeemFinished(false, 0, 0, 0, QStringLiteral("not logged in at the provider"));
        return;
    }
    m_redeeming = true;
    flushIfDirty();
    ReceiptBook *book = m_book.get();
    const qint64 now = nowSecs();
    const qint64 before = now - m_settings.settleSecs;
    const int limit = m_settings.maxPerRequest;
    onBookThread([book, now, before, limit] {
        QString e;
        return book->pending(now, before, limit, &e).value_or(QList<Receipt>());
    }, [this](const QList<Receipt> &batch) {
        if (batch.isEmpty()) {
            m_redeeming = false;
            Q_EMIT redeemFinished(true, 0, 0, 0, {});
            return;
        }
        postBatch(batch);
    });
}

void ContributionCredit::postBatch(const QList<Receipt> &batch)
{
    QJsonArray array;
    for (const Receipt &r : batch)
        array.append(receiptToJson(r));
    m_provider->call("POST", QStringLiteral("pams"), QStringLiteral("/pams/v1/credit/redeem"),
                     QJsonObject{{QStringLiteral("receipts"), array}}, [this, batch](const JsonReply &reply) {
        if (reply.status == 0 || reply.status >= 500) {
            m_redeeming = false;  // the PAMS is away: everything stays pending
            Q_EMIT redeemFinished(false, 0, 0, 0, reply.problem);
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
        onBookThread([book, outcomes] {
            QString e;
            return book->recordOutcomes(outcomes, &e) ? QString() : e;
        }, [this, credited, accepted, rejected, problem = reply.ok() ? QString() : reply.problem](const QString &e) {
            m_redeeming = false;
            if (!e.isEmpty())
                qCWarning(lcCredit) << "could not record the redemption:" << e;
            qCInfo(lcCredit) << "redeemed: credited" << credited << "bytes," << accepted << "accepted," << rejected << "rejected";
            Q_EMIT redeemFinished(problem.isEmpty() && e.isEmpty(), credited, accepted, rejected, problem.isEmpty() ? e : problem);
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

std::optional<QList<HeldReceipt>> ContributionCredit::held(QString *error) const
{
    if (!m_book) {
        *error = QStringLiteral("receipts.db is not open");
        return std::nullopt;
    }
    return m_book->held(error);
}

} // namespace mp2p
