#include "receiptbook.h"

#include <QSqlQuery>
#include <QVariant>

namespace mp2p {

namespace {

QList<Migration> migrations()
{
    return {
        {1,
         {QStringLiteral("CREATE TABLE held_receipt ("
                         "downloader_id TEXT NOT NULL, uploader_id TEXT NOT NULL, overlay_id TEXT NOT NULL, "
                         "uploader_role TEXT NOT NULL, sequence BIGINT NOT NULL, bytes BIGINT NOT NULL, "
                         "signed_at BIGINT NOT NULL, downloader_key TEXT NOT NULL, signature TEXT NOT NULL, "
                         "received_at BIGINT NOT NULL, redeemed_sequence BIGINT NOT NULL DEFAULT 0, "
                         "credited_bytes BIGINT NOT NULL DEFAULT 0, accepted_count BIGINT NOT NULL DEFAULT 0, "
                         "rejected_count BIGINT NOT NULL DEFAULT 0, last_status TEXT NOT NULL DEFAULT '', "
                         "last_reason TEXT NOT NULL DEFAULT '', retry_after BIGINT NOT NULL DEFAULT 0, "
                         "PRIMARY KEY (downloader_id, uploader_id, overlay_id))"),
          QStringLiteral("CREATE TABLE issued_receipt ("
                         "uploader_id TEXT NOT NULL, overlay_id TEXT NOT NULL, sequence BIGINT NOT NULL, "
                         "bytes BIGINT NOT NULL, PRIMARY KEY (uploader_id, overlay_id))")}},
        // Relay receipts (issue 7): what we signed for RS owners, apart from the direct ones
        // (the same user may be both), and the newest per (RS owner, overlay) to deposit.
        {2,
         {QStringLiteral("CREATE TABLE issued_relay_receipt ("
                         "uploader_id TEXT NOT NULL, overlay_id TEXT NOT NULL, sequence BIGINT NOT NULL, "
                         "bytes BIGINT NOT NULL, PRIMARY KEY (uploader_id, overlay_id))"),
          QStringLiteral("CREATE TABLE relay_receipt ("
                         "downloader_id TEXT NOT NULL, uploader_id TEXT NOT NULL, overlay_id TEXT NOT NULL, "
                         "uploader_role TEXT NOT NULL, sequence BIGINT NOT NULL, bytes BIGINT NOT NULL, "
                         "signed_at BIGINT NOT NULL, downloader_key TEXT NOT NULL, signature TEXT NOT NULL, "
                         "received_at BIGINT NOT NULL, redeemed_sequence BIGINT NOT NULL DEFAULT 0, "
                         "credited_bytes BIGINT NOT NULL DEFAULT 0, accepted_count BIGINT NOT NULL DEFAULT 0, "
                         "rejected_count BIGINT NOT NULL DEFAULT 0, last_status TEXT NOT NULL DEFAULT '', "
                         "last_reason TEXT NOT NULL DEFAULT '', retry_after BIGINT NOT NULL DEFAULT 0, "
                         "PRIMARY KEY (downloader_id, uploader_id, overlay_id))")}},
    };
}

QLatin1String tableName(ReceiptTable table)
{
    return table == ReceiptTable::Relay ? QLatin1String("relay_receipt") : QLatin1String("held_receipt");
}

QLatin1String issuedTable(bool relay)
{
    return relay ? QLatin1String("issued_relay_receipt") : QLatin1String("issued_receipt");
}

Receipt receiptFromRow(const QSqlQuery &q, int first)
{
    Receipt r;
    ReceiptFields &f = r.fields;
    f.downloaderId = q.value(first).toString();
    f.uploaderId = q.value(first + 1).toString();
    f.overlayId = q.value(first + 2).toString();
    f.uploaderRole = peerTypeFromName(q.value(first + 3).toString()).value_or(PeerType::Peer);
    f.sequence = q.value(first + 4).toLongLong();
    f.bytes = q.value(first + 5).toLongLong();
    f.time = q.value(first + 6).toLongLong();
    r.downloaderKey = fromBase64Url(q.value(first + 7).toString().toLatin1()).value_or(QByteArray());
    r.signature = fromBase64Url(q.value(first + 8).toString().toLatin1()).value_or(QByteArray());
    return r;
}

const char *ReceiptColumns = "downloader_id, uploader_id, overlay_id, uploader_role, sequence, bytes, signed_at, "
                             "downloader_key, signature";

} // namespace

ReceiptBook::ReceiptBook(QString path)
    : m_db(QStringLiteral("receipts"), DatabaseOptions{QStringLiteral("QSQLITE"), std::move(path)})
{
}

bool ReceiptBook::open(QString *error)
{
    return m_db.open(error) && m_db.migrate(migrations(), error);
}

bool ReceiptBook::storeReceived(const QList<Receipt> &receipts, qint64 now, QString *error, ReceiptTable table)
{
    if (receipts.isEmpty())
        return true;
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    QSqlQuery q(db);
    // Only a newer receipt replaces the held one; its redemption bookkeeping stays.
    q.prepare(QStringLiteral(
        "INSERT INTO %2 (%1, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (downloader_id, uploader_id, overlay_id) DO UPDATE SET uploader_role = excluded.uploader_role, "
        "sequence = excluded.sequence, bytes = excluded.bytes, signed_at = excluded.signed_at, "
        "downloader_key = excluded.downloader_key, signature = excluded.signature, received_at = excluded.received_at, "
        "retry_after = 0 "
        "WHERE excluded.sequence > %2.sequence AND excluded.bytes >= %2.bytes")
                  .arg(QLatin1String(ReceiptColumns), tableName(table)));
    for (const Receipt &r : receipts) {
        const ReceiptFields &f = r.fields;
        for (const QVariant &v :
             {QVariant(f.downloaderId), QVariant(f.uploaderId), QVariant(f.overlayId), QVariant(peerTypeName(f.uploaderRole)),
              QVariant(f.sequence), QVariant(f.bytes), QVariant(f.time), QVariant(QString::fromLatin1(toBase64Url(r.downloaderKey))),
              QVariant(QString::fromLatin1(toBase64Url(r.signature))), QVariant(now)})
            q.addBindValue(v);
        if (!execQuery(q, error))
            return false;
    }
    return tx.commit(error);
}

bool ReceiptBook::storeIssued(const QList<IssuedState> &states, QString *error)
{
    if (states.isEmpty())
        return true;
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    for (const bool relay : {false, true}) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO %1 (uploader_id, overlay_id, sequence, bytes) VALUES (?, ?, ?, ?) "
                                 "ON CONFLICT (uploader_id, overlay_id) DO UPDATE SET sequence = excluded.sequence, "
                                 "bytes = excluded.bytes WHERE excluded.sequence > %1.sequence")
                      .arg(issuedTable(relay)));
        for (const IssuedState &s : states) {
            if (s.relay != relay)
                continue;
            for (const QVariant &v : {QVariant(s.uploaderId), QVariant(s.overlayId), QVariant(s.sequence), QVariant(s.bytesSigned)})
                q.addBindValue(v);
            if (!execQuery(q, error))
                return false;
        }
    }
    return tx.commit(error);
}

std::optional<QList<IssuedState>> ReceiptBook::issued(QString *error) const
{
    QList<IssuedState> out;
    for (const bool relay : {false, true}) {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("SELECT uploader_id, overlay_id, sequence, bytes FROM %1").arg(issuedTable(relay)));
        if (!execQuery(q, error))
            return std::nullopt;
        while (q.next()) {
            IssuedState s;
            s.uploaderId = q.value(0).toString();
            s.overlayId = q.value(1).toString();
            s.relay = relay;
            s.sequence = q.value(2).toLongLong();
            s.bytesSigned = s.bytesReceived = q.value(3).toLongLong();
            out.append(s);
        }
    }
    return out;
}

std::optional<QList<HeldReceipt>> ReceiptBook::held(QString *error, ReceiptTable table) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT %1, received_at, redeemed_sequence, credited_bytes, last_status, last_reason, "
                             "retry_after FROM %2 ORDER BY overlay_id, downloader_id, uploader_id")
                  .arg(QLatin1String(ReceiptColumns), tableName(table)));
    if (!execQuery(q, error))
        return std::nullopt;
    QList<HeldReceipt> out;
    while (q.next())
        out.append({receiptFromRow(q, 0), q.value(9).toLongLong(), q.value(10).toLongLong(), q.value(11).toLongLong(),
                    q.value(12).toString(), q.value(13).toString(), q.value(14).toLongLong()});
    return out;
}

std::optional<QList<Receipt>> ReceiptBook::pending(qint64 now, qint64 receivedBefore, int limit, QString *error,
                                                   ReceiptTable table) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE sequence > redeemed_sequence AND received_at <= ? "
                             "AND retry_after <= ? ORDER BY received_at LIMIT ?")
                  .arg(QLatin1String(ReceiptColumns), tableName(table)));
    q.addBindValue(receivedBefore);
    q.addBindValue(now);
    q.addBindValue(limit);
    if (!execQuery(q, error))
        return std::nullopt;
    QList<Receipt> out;
    while (q.next())
        out.append(receiptFromRow(q, 0));
    return out;
}

bool ReceiptBook::recordOutcomes(const QList<RedemptionOutcome> &outcomes, QString *error, ReceiptTable table)
{
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    QSqlQuery q(db);
    // A final verdict (accepted, or a rejection that resending cannot fix) closes that sequence;
    // a retryable one ("inflated": the downloader's PAMP report lags) only sets retry_after.
    q.prepare(QStringLiteral(
        "UPDATE %1 SET redeemed_sequence = CASE WHEN ? = 0 THEN MAX(redeemed_sequence, ?) ELSE redeemed_sequence END, "
        "credited_bytes = credited_bytes + ?, accepted_count = accepted_count + ?, rejected_count = rejected_count + ?, "
        "last_status = ?, last_reason = COALESCE(?, ''), retry_after = ? "
        "WHERE downloader_id = ? AND uploader_id = ? AND overlay_id = ?").arg(tableName(table)));
    for (const RedemptionOutcome &o : outcomes) {
        for (const QVariant &v :
             {QVariant(o.retryAfter), QVariant(o.sequence), QVariant(o.credited), QVariant(o.accepted ? 1 : 0),
              QVariant(o.accepted ? 0 : 1), QVariant(o.accepted ? QStringLiteral("accepted") : QStringLiteral("rejected")),
              QVariant(o.reason), QVariant(o.retryAfter), QVariant(o.downloaderId), QVariant(o.uploaderId), QVariant(o.overlayId)})
            q.addBindValue(v);
        if (!execQuery(q, error))
            return false;
    }
    return tx.commit(error);
}

std::optional<LedgerSummary> ReceiptBook::summary(QString *error) const
{
    const QSqlDatabase db = m_db.connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT COUNT(*), COALESCE(SUM(bytes), 0), COALESCE(SUM(CASE WHEN sequence > redeemed_sequence "
                             "THEN 1 ELSE 0 END), 0), COALESCE(SUM(accepted_count), 0), COALESCE(SUM(rejected_count), 0), "
                             "COALESCE(SUM(credited_bytes), 0) FROM held_receipt"));
    if (!execQuery(q, error) || !q.next())
        return std::nullopt;
    LedgerSummary s;
    s.receiptsHeld = q.value(0).toLongLong();
    s.bytesHeld = q.value(1).toLongLong();
    s.pending = q.value(2).toLongLong();
    s.redeemed = q.value(3).toLongLong();
    s.rejected = q.value(4).toLongLong();
    s.creditedBytes = q.value(5).toLongLong();
    QSqlQuery i(db);
    i.prepare(QStringLiteral("SELECT COUNT(*), COALESCE(SUM(bytes), 0) FROM issued_receipt"));
    if (!execQuery(i, error) || !i.next())
        return std::nullopt;
    s.issuedTo = i.value(0).toLongLong();
    s.bytesSigned = i.value(1).toLongLong();
    QSqlQuery r(db);
    r.prepare(QStringLiteral("SELECT COALESCE(SUM(bytes), 0), COALESCE(SUM(CASE WHEN sequence > redeemed_sequence "
                             "THEN 1 ELSE 0 END), 0), COALESCE(SUM(credited_bytes), 0) FROM relay_receipt"));
    if (!execQuery(r, error) || !r.next())
        return std::nullopt;
    s.relayBytesSigned = r.value(0).toLongLong();
    s.relayPending = r.value(1).toLongLong();
    s.relayCredited = r.value(2).toLongLong();
    return s;
}

} // namespace mp2p
