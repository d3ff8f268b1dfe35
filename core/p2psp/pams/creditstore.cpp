#include "creditstore.h"

#include <QHash>
#include <QScopeGuard>
#include <QtConcurrent/QtConcurrentMap>
#include <QSqlError>
#include <QSqlQuery>

namespace mp2p {

namespace {

constexpr qsizetype ParallelVerifyFrom = 16;  // below this, a thread hand-off costs more than it saves

QList<Migration> migrations()
{
    return {
        {1,
         {QStringLiteral("CREATE TABLE credit_receipt_state ("
                         "downloader_id TEXT NOT NULL, uploader_id TEXT NOT NULL, overlay_id TEXT NOT NULL, "
                         "uploader_role TEXT NOT NULL, last_sequence BIGINT NOT NULL, last_bytes BIGINT NOT NULL, "
                         "receipt_time BIGINT NOT NULL, accepted_at BIGINT NOT NULL, "
                         "PRIMARY KEY (downloader_id, uploader_id, overlay_id))"),
          // Balances are summed by uploader; cap (a) sums by (downloader, overlay) via the key.
          QStringLiteral("CREATE INDEX credit_state_uploader ON credit_receipt_state (uploader_id, overlay_id)"),
          QStringLiteral("CREATE TABLE credit_rejections ("
                         "sender_id TEXT NOT NULL, downloader_id TEXT NOT NULL, uploader_id TEXT NOT NULL, "
                         "overlay_id TEXT NOT NULL, sequence BIGINT NOT NULL, bytes BIGINT NOT NULL, "
                         "reason TEXT NOT NULL, detail TEXT NOT NULL, rejected_at BIGINT NOT NULL)"),
          QStringLiteral("CREATE INDEX credit_rejections_sender ON credit_rejections (sender_id, rejected_at)")}},
        // Relay credit (RS): the same bytes as a direct receipt, so a ledger of its own (see
        // CreditChannel); rejections say which channel they came through.
        {2,
         {QStringLiteral("CREATE TABLE credit_relay_state ("
                         "downloader_id TEXT NOT NULL, uploader_id TEXT NOT NULL, overlay_id TEXT NOT NULL, "
                         "uploader_role TEXT NOT NULL, last_sequence BIGINT NOT NULL, last_bytes BIGINT NOT NULL, "
                         "receipt_time BIGINT NOT NULL, accepted_at BIGINT NOT NULL, "
                         "PRIMARY KEY (downloader_id, uploader_id, overlay_id))"),
          QStringLiteral("CREATE INDEX credit_relay_uploader ON credit_relay_state (uploader_id, overlay_id)"),
          QStringLiteral("ALTER TABLE credit_rejections ADD COLUMN channel TEXT NOT NULL DEFAULT 'direct'")}},
    };
}

QString stateTable(CreditChannel channel)
{
    return channel == CreditChannel::Relay ? QStringLiteral("credit_relay_state") : QStringLiteral("credit_receipt_state");
}

bool bindAndRun(QSqlQuery &q, std::initializer_list<QVariant> values, QString *error)
{
    int i = 0;
    for (const QVariant &v : values)
        q.bindValue(i++, v);
    return execQuery(q, error);
}

// One redemption batch: its statements are prepared once and reused for every receipt, and the
// ledger rows of each (downloader, overlay) the batch touches are read once and then kept up to
// date in memory as receipts are accepted, so later receipts see earlier ones exactly as the
// per-receipt reads did. The downloader's PAMP report is read once per (downloader, overlay):
// nothing writes it while the batch runs (one thread, one transaction).
class RedeemBatch {
public:
    RedeemBatch(const QSqlDatabase &db, CreditChannel channel)
        : m_channel(creditChannelName(channel)), m_pair(db), m_accept(db), m_reject(db)
    {
        const QString table = stateTable(channel);
        m_pair.setForwardOnly(true);
        m_ok = m_pair.prepare(QStringLiteral("SELECT uploader_id, last_sequence, last_bytes FROM %1 "
                                             "WHERE downloader_id = ? AND overlay_id = ?").arg(table))
               && m_accept.prepare(QStringLiteral(
                   "INSERT INTO %1 (downloader_id, uploader_id, overlay_id, uploader_role, "
                   "last_sequence, last_bytes, receipt_time, accepted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                   "ON CONFLICT (downloader_id, uploader_id, overlay_id) DO UPDATE SET "
                   "uploader_role = excluded.uploader_role, last_sequence = excluded.last_sequence, "
                   "last_bytes = excluded.last_bytes, receipt_time = excluded.receipt_time, "
                   "accepted_at = excluded.accepted_at").arg(table))
               && m_reject.prepare(QStringLiteral(
                   "INSERT INTO credit_rejections (sender_id, downloader_id, uploader_id, overlay_id, sequence, "
                   "bytes, reason, detail, rejected_at, channel) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    }

    bool pending() const { return m_pending; }

    QString prepareError() const
    {
        return m_ok ? QString() : QStringLiteral("could not prepare the credit statements: ") + m_pair.lastError().text()
                                      + m_accept.lastError().text() + m_reject.lastError().text();
    }

    bool decide(const QString &senderId, const Receipt &receipt, ReceiptCheck checked, const CreditFacts &facts,
                qint64 now, CreditDecision *decision, QString *error)
    {
        const ReceiptFields &f = receipt.fields;
        Pair *pair = pairOf(f, facts, error);
        if (!pair)
            return false;
        const CreditState state = pair->byUploader.value(f.uploaderId);
        CreditLimits limits;
        limits.reportedDownloaded = pair->downloaded.value_or(0);
        limits.creditedToOthers = pair->total - state.lastBytes;
        limits.contentSize = sizeOf(f.overlayId, facts);
        limits.contentSizeRequired = facts.requireContentSize;
        // Only a receipt that is really the downloader's, for another user, is worth asking the
        // OMS about (a remote OMS is asked over the network).
        if (facts.coPresent && checked == ReceiptCheck::Valid && f.downloaderId != f.uploaderId) {
            limits.seenTogether = facts.coPresent(f.overlayId, f.downloaderId,
                                                  m_channel == QLatin1String("relay") ? QString() : f.uploaderId, f.time);
            if (!limits.seenTogether) {
                m_pending = true;
                *decision = {CreditVerdict::NotInSwarm, 0,
                             QStringLiteral("the OMS has not yet confirmed who was in the swarm of overlay %1").arg(f.overlayId)};
                return true;
            }
        }
        *decision = decideCredit(receipt, state, limits, checked);
        if (decision->verdict != CreditVerdict::Accepted)
            return bindAndRun(m_reject,
                              {senderId, f.downloaderId, f.uploaderId, f.overlayId, f.sequence, f.bytes,
                               creditVerdictName(decision->verdict), decision->detail, now, m_channel},
                              error);
        if (!bindAndRun(m_accept,
                        {f.downloaderId, f.uploaderId, f.overlayId, peerTypeName(f.uploaderRole), f.sequence, f.bytes,
                         f.time, now},
                        error))
            return false;
        pair->total += f.bytes - state.lastBytes;
        pair->byUploader.insert(f.uploaderId, {f.sequence, f.bytes});
        return true;
    }

private:
    struct Pair {
        QHash<QString, CreditState> byUploader;  // the ledger rows of this (downloader, overlay)
        qint64 total = 0;                        // their bytes, summed
        std::optional<qint64> downloaded;        // the downloader's PAMP report
    };

    // One lookup per overlay and batch (it may be an SQL query at the IXS).
    std::optional<qint64> sizeOf(const QString &overlayId, const CreditFacts &facts)
    {
        if (!facts.contentSize)
            return std::nullopt;
        const auto it = m_sizes.constFind(overlayId);
        if (it != m_sizes.cend())
            return *it;
        return *m_sizes.insert(overlayId, facts.contentSize(overlayId));
    }

    Pair *pairOf(const ReceiptFields &f, const CreditFacts &facts, QString *error)
    {
        const QString key = f.downloaderId + QLatin1Char('|') + f.overlayId;
        const auto it = m_pairs.find(key);
        if (it != m_pairs.end())
            return &it.value();
        Pair pair;
        m_pair.bindValue(0, f.downloaderId);
        m_pair.bindValue(1, f.overlayId);
        if (!execQuery(m_pair, error))
            return nullptr;
        while (m_pair.next()) {
            const CreditState s{m_pair.value(1).toLongLong(), m_pair.value(2).toLongLong()};
            pair.byUploader.insert(m_pair.value(0).toString(), s);
            pair.total += s.lastBytes;
        }
        m_pair.finish();
        if (m_prefetched) {
            const auto known = m_downloaded.constFind(key);
            pair.downloaded = known == m_downloaded.cend() ? std::nullopt : std::optional<qint64>(*known);
        } else {
            QString factError;
            pair.downloaded = facts.downloaded ? facts.downloaded(f.downloaderId, f.overlayId, &factError) : std::nullopt;
            if (!factError.isEmpty()) {
                *error = factError;
                return nullptr;
            }
        }
        return &m_pairs.insert(key, std::move(pair)).value();
    }

public:
    // With facts.downloadedMany: reads every downloader's report in the batch, one call per overlay.
    bool prefetch(const QList<Receipt> &receipts, const CreditFacts &facts, QString *error)
    {
        if (!facts.downloadedMany)
            return true;
        QHash<QString, QStringList> byOverlay;
        for (const Receipt &r : receipts) {
            QStringList &ids = byOverlay[r.fields.overlayId];
            if (!ids.contains(r.fields.downloaderId))
                ids.append(r.fields.downloaderId);
        }
        for (auto it = byOverlay.cbegin(); it != byOverlay.cend(); ++it) {
            QString factError;
            const auto reported = facts.downloadedMany(it.key(), it.value(), &factError);
            if (!reported || !factError.isEmpty()) {
                *error = factError.isEmpty() ? QStringLiteral("could not read the downloaders' reports") : factError;
                return false;
            }
            for (auto r = reported->cbegin(); r != reported->cend(); ++r)
                m_downloaded.insert(r.key() + QLatin1Char('|') + it.key(), r.value());
        }
        m_prefetched = true;
        return true;
    }

private:
    QString m_channel;
    bool m_pending = false;  // a receipt's co-presence is not known yet: nothing is committed
    bool m_prefetched = false;
    QHash<QString, qint64> m_downloaded;  // "downloader|overlay" -> reported bytes (prefetch)

    QSqlQuery m_pair;
    QSqlQuery m_accept;
    QSqlQuery m_reject;
    bool m_ok = false;
    QHash<QString, Pair> m_pairs;
    QHash<QString, std::optional<qint64>> m_sizes;  // overlay -> content size, per batch
};

} // namespace

QString creditChannelName(CreditChannel channel)
{
    return channel == CreditChannel::Relay ? QStringLiteral("relay") : QStringLiteral("direct");
}

CreditStore::CreditStore(QString path)
    : m_db(QStringLiteral("credit"), DatabaseOptions{QStringLiteral("QSQLITE"), std::move(path)})
    , m_counted(std::make_unique<CountedCredit>([this](QString *error) { return readEdges(error); }))
{
}

bool CreditStore::open(QString *error)
{
    return m_db.open(error) && m_db.migrate(migrations(), error) && m_counted->refreshNow(error);
}

// The receipt graph: who signed for whom, over both ledgers and every overlay (a ring may trade
// in several overlays, and a relay's owner may be in the ring too).
std::optional<QList<CreditEdge>> CreditStore::readEdges(QString *error) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT downloader_id, uploader_id, SUM(last_bytes) FROM ("
                             "SELECT downloader_id, uploader_id, last_bytes FROM credit_receipt_state UNION ALL "
                             "SELECT downloader_id, uploader_id, last_bytes FROM credit_relay_state) AS e "
                             "GROUP BY downloader_id, uploader_id"));
    if (!execQuery(q, error))
        return std::nullopt;
    QList<CreditEdge> edges;
    while (q.next())
        edges.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()});
    return edges;
}

bool CreditStore::redeem(const QString &senderId, const QList<Receipt> &receipts, const CreditFacts &facts,
                         qint64 now, QList<CreditDecision> *decisions, QString *error, CreditChannel channel, bool *presencePending)
{
    // The signatures (half of a redemption's CPU) are independent of each other and of the
    // database: the thread pool checks them, in order, while this thread runs the ordered,
    // stateful checks and the SQL of the receipts already checked (perf on run-credit.sh: doing
    // the two one after the other left a core idle for a third of each request).
    QFuture<ReceiptCheck> pending;
    if (receipts.size() >= ParallelVerifyFrom)
        pending = QtConcurrent::mapped(receipts, [](const Receipt &r) { return verifyReceipt(r); });
    const auto stop = qScopeGuard([&pending] {
        pending.cancel();
        pending.waitForFinished();
    });
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    if (!tx.isActive()) {
        *error = QStringLiteral("could not begin a transaction");
        return false;
    }
    RedeemBatch batch(db, channel);
    if (const QString problem = batch.prepareError(); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    if (!batch.prefetch(receipts, facts, error))
        return false;
    decisions->clear();
    decisions->reserve(receipts.size());
    const bool parallel = pending.isValid();
    bool accepted = false;
    for (qsizetype i = 0; i < receipts.size(); ++i) {
        CreditDecision d;
        const ReceiptCheck checked = parallel ? pending.resultAt(int(i)) : verifyReceipt(receipts.at(i));
        if (!batch.decide(senderId, receipts.at(i), checked, facts, now, &d, error))
            return false;
        accepted = accepted || d.verdict == CreditVerdict::Accepted;
        decisions->append(d);
    }
    if (presencePending)
        *presencePending = batch.pending();
    if (batch.pending())
        return true;  // rolled back: decided again, whole, once the OMS has answered
    if (!tx.commit(error))
        return false;
    if (accepted)
        m_counted->markDirty();
    return true;
}

std::optional<CreditBalance> CreditStore::balance(const QString &userId, QString *error) const
{
    const QSqlDatabase db = m_db.connection();
    QSqlQuery q(db);
    // Both ledgers: what the user uploaded (peer, cache) and what it forwarded (relay).
    q.prepare(QStringLiteral("SELECT overlay_id, SUM(last_bytes), SUM(relayed) FROM ("
                             "SELECT overlay_id, last_bytes, 0 AS relayed FROM credit_receipt_state WHERE uploader_id = ? "
                             "UNION ALL SELECT overlay_id, last_bytes, last_bytes AS relayed FROM credit_relay_state "
                             "WHERE uploader_id = ?) AS c GROUP BY overlay_id ORDER BY overlay_id"));
    q.addBindValue(userId);
    q.addBindValue(userId);
    if (!execQuery(q, error))
        return std::nullopt;
    CreditBalance b{userId, 0, 0, {}, 0};
    while (q.next()) {
        const qint64 credited = q.value(1).toLongLong();
        b.overlays.append({q.value(0).toString(), credited});
        b.total += credited;
        b.relayed += q.value(2).toLongLong();
    }
    QSqlQuery r(db);
    r.prepare(QStringLiteral("SELECT COUNT(*) FROM credit_rejections WHERE sender_id = ?"));
    r.addBindValue(userId);
    if (!execQuery(r, error) || !r.next())
        return std::nullopt;
    b.rejectedAttempts = r.value(0).toLongLong();
    return b;
}

std::optional<qint64> CreditStore::creditedTotal(const QString &userId, QString *error) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT (SELECT COALESCE(SUM(last_bytes), 0) FROM credit_receipt_state WHERE uploader_id = ?) "
                             "+ (SELECT COALESCE(SUM(last_bytes), 0) FROM credit_relay_state WHERE uploader_id = ?)"));
    q.addBindValue(userId);
    q.addBindValue(userId);
    if (!execQuery(q, error) || !q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

QStringList CreditStore::rejectionReasons(const QString &senderId, QString *error) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT reason FROM credit_rejections WHERE sender_id = ? ORDER BY reason"));
    q.addBindValue(senderId);
    QStringList out;
    if (!execQuery(q, error))
        return out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

} // namespace mp2p
