#include "creditstore.h"

#include <QSqlQuery>

namespace mp2p {

namespace {

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
    };
}

std::optional<CreditState> readState(QSqlDatabase &db, const ReceiptFields &f, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT last_sequence, last_bytes FROM credit_receipt_state "
                             "WHERE downloader_id = ? AND uploader_id = ? AND overlay_id = ?"));
    q.addBindValue(f.downloaderId);
    q.addBindValue(f.uploaderId);
    q.addBindValue(f.overlayId);
    if (!execQuery(q, error))
        return std::nullopt;
    CreditState s;
    if (q.next())
        s = {q.value(0).toLongLong(), q.value(1).toLongLong()};
    return s;
}

std::optional<qint64> creditedToOthers(QSqlDatabase &db, const ReceiptFields &f, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT COALESCE(SUM(last_bytes), 0) FROM credit_receipt_state "
                             "WHERE downloader_id = ? AND overlay_id = ? AND uploader_id <> ?"));
    q.addBindValue(f.downloaderId);
    q.addBindValue(f.overlayId);
    q.addBindValue(f.uploaderId);
    if (!execQuery(q, error) || !q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

bool writeAccepted(QSqlDatabase &db, const ReceiptFields &f, qint64 now, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO credit_receipt_state (downloader_id, uploader_id, overlay_id, uploader_role, last_sequence, "
        "last_bytes, receipt_time, accepted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (downloader_id, uploader_id, overlay_id) DO UPDATE SET uploader_role = excluded.uploader_role, "
        "last_sequence = excluded.last_sequence, last_bytes = excluded.last_bytes, "
        "receipt_time = excluded.receipt_time, accepted_at = excluded.accepted_at"));
    for (const QVariant &v : {QVariant(f.downloaderId), QVariant(f.uploaderId), QVariant(f.overlayId),
                              QVariant(peerTypeName(f.uploaderRole)), QVariant(f.sequence), QVariant(f.bytes),
                              QVariant(f.time), QVariant(now)})
        q.addBindValue(v);
    return execQuery(q, error);
}

bool writeRejection(QSqlDatabase &db, const QString &senderId, const ReceiptFields &f, const CreditDecision &d,
                    qint64 now, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO credit_rejections (sender_id, downloader_id, uploader_id, overlay_id, "
                             "sequence, bytes, reason, detail, rejected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v : {QVariant(senderId), QVariant(f.downloaderId), QVariant(f.uploaderId),
                              QVariant(f.overlayId), QVariant(f.sequence), QVariant(f.bytes),
                              QVariant(creditVerdictName(d.verdict)), QVariant(d.detail), QVariant(now)})
        q.addBindValue(v);
    return execQuery(q, error);
}

} // namespace

CreditStore::CreditStore(QString path)
    : m_db(QStringLiteral("credit"), DatabaseOptions{QStringLiteral("QSQLITE"), std::move(path)})
{
}

bool CreditStore::open(QString *error)
{
    return m_db.open(error) && m_db.migrate(migrations(), error);
}

bool CreditStore::decideOne(QSqlDatabase &db, const QString &senderId, const Receipt &receipt,
                            const CreditFacts &facts, qint64 now, CreditDecision *decision, QString *error)
{
    const ReceiptFields &f = receipt.fields;
    const auto state = readState(db, f, error);
    const auto others = state ? creditedToOthers(db, f, error) : std::nullopt;
    if (!others)
        return false;
    QString factError;
    const auto downloaded = facts.downloaded ? facts.downloaded(f.downloaderId, f.overlayId, &factError) : std::nullopt;
    if (!factError.isEmpty()) {
        *error = factError;
        return false;
    }
    const CreditLimits limits{downloaded.value_or(0), *others,
                              facts.contentSize ? facts.contentSize(f.overlayId) : std::nullopt};
    *decision = decideCredit(receipt, *state, limits);
    if (decision->verdict == CreditVerdict::Accepted)
        return writeAccepted(db, f, now, error);
    return writeRejection(db, senderId, f, *decision, now, error);
}

bool CreditStore::redeem(const QString &senderId, const QList<Receipt> &receipts, const CreditFacts &facts,
                         qint64 now, QList<CreditDecision> *decisions, QString *error)
{
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    if (!tx.isActive()) {
        *error = QStringLiteral("could not begin a transaction");
        return false;
    }
    decisions->clear();
    for (const Receipt &r : receipts) {
        CreditDecision d;
        if (!decideOne(db, senderId, r, facts, now, &d, error))
            return false;
        decisions->append(d);
    }
    return tx.commit(error);
}

std::optional<CreditBalance> CreditStore::balance(const QString &userId, QString *error) const
{
    const QSqlDatabase db = m_db.connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT overlay_id, SUM(last_bytes) FROM credit_receipt_state WHERE uploader_id = ? "
                             "GROUP BY overlay_id ORDER BY overlay_id"));
    q.addBindValue(userId);
    if (!execQuery(q, error))
        return std::nullopt;
    CreditBalance b{userId, 0, {}, 0};
    while (q.next()) {
        const qint64 credited = q.value(1).toLongLong();
        b.overlays.append({q.value(0).toString(), credited});
        b.total += credited;
    }
    QSqlQuery r(db);
    r.prepare(QStringLiteral("SELECT COUNT(*) FROM credit_rejections WHERE sender_id = ?"));
    r.addBindValue(userId);
    if (!execQuery(r, error) || !r.next())
        return std::nullopt;
    b.rejectedAttempts = r.value(0).toLongLong();
    return b;
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
