#include "ixsstore.h"

#include "ixsschema.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QVariant>

namespace mp2p {

namespace {

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

// For NOT NULL text columns: Qt binds a null QString as SQL NULL, and an optional field that
// was left out (a description) reads as a null QString; it is stored as "" instead.
QVariant textNotNull(const QString &text)
{
    return text.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(text);
}

QVariant mediaValue(const QJsonObject &media)
{
    return media.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                           : QVariant(QString::fromUtf8(QJsonDocument(media).toJson(QJsonDocument::Compact)));
}

bool prepare(QSqlQuery &query, const QString &sql, QString *error)
{
    if (query.prepare(sql))
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

// Writes one record (content row, tag rows, FTS row) with statements prepared once, so a bulk
// load costs one bind+step per row instead of one SQL parse.
class RowWriter {
public:
    RowWriter(const QSqlDatabase &db, bool fullText)
        : m_content(db), m_tag(db), m_fts(db), m_fullText(fullText)
    {
    }

    bool prepareAll(QString *error)
    {
        return prepare(m_content,
                       QStringLiteral("INSERT INTO content (id, seq, info_hash_v1, info_hash_v2, overlay_id, "
                                      "oms_url, title, title_key, description, tags, files, media, total_size, "
                                      "owner, created_at, updated_at, torrent) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                       error)
               && prepare(m_tag, QStringLiteral("INSERT INTO content_tags (tag, content_id) VALUES (?, ?)"), error)
               && (!m_fullText
                   || prepare(m_fts,
                              QStringLiteral("INSERT INTO content_fts (rowid, title, description, tags) "
                                             "VALUES (?, ?, ?, ?)"),
                              error));
    }

    bool write(const ContentRecord &r, qint64 seq, QString *error)
    {
        const QVariant values[] = {r.id, seq, r.infoHashV1, textOrNull(r.infoHashV2), r.overlayId, r.omsUrl,
                                   r.title, r.title.toLower(), textNotNull(r.description),
                                   QString::fromUtf8(tagsToJson(r.tags)), QString::fromUtf8(filesToJson(r.files)), mediaValue(r.media), r.totalSize,
                                   r.owner, r.createdAt, r.updatedAt, r.torrent};
        for (int i = 0; i < int(std::size(values)); ++i)
            m_content.bindValue(i, values[i]);
        if (!execQuery(m_content, error))
            return false;
        for (qsizetype i = 0; i < r.tags.size(); ++i) {
            const QString &tag = r.tags.at(i);
            if (r.tags.indexOf(tag) < i)
                continue;  // bulk loads may pass tags that were not normalised
            m_tag.bindValue(0, tag);
            m_tag.bindValue(1, r.id);
            if (!execQuery(m_tag, error))
                return false;
        }
        if (!m_fullText)
            return true;
        m_fts.bindValue(0, seq);
        m_fts.bindValue(1, r.title);
        m_fts.bindValue(2, textNotNull(r.description));
        m_fts.bindValue(3, r.tags.join(QLatin1Char(' ')));
        return execQuery(m_fts, error);
    }

private:
    QSqlQuery m_content;
    QSqlQuery m_tag;
    QSqlQuery m_fts;
    bool m_fullText;
};

bool execBound(const QSqlDatabase &db, const QString &sql, const QVariantList &binds, QString *error)
{
    QSqlQuery q(db);
    if (!prepare(q, sql, error))
        return false;
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    return execQuery(q, error);
}

} // namespace

IxsStore::IxsStore(DatabaseOptions options)
    : m_db(QStringLiteral("ixs"), std::move(options))
{
}

bool IxsStore::open(QString *error)
{
    return m_db.open(error) && m_db.migrate(ixsMigrations(m_db.isSqlite() ? QStringLiteral("BLOB")
                                                                          : QStringLiteral("BYTEA")),
                                            error);
}

qint64 IxsStore::nextSeq(QString *error) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT MAX(seq) FROM content"));
    if (!execQuery(q, error) || !q.next())
        return -1;
    return q.value(0).toLongLong() + 1;  // NULL (empty table) reads as 0
}

std::optional<qint64> IxsStore::seqOf(const QString &id, QString *error) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT seq FROM content WHERE id = ?"));
    q.addBindValue(id);
    if (!execQuery(q, error) || !q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

IxsStore::WriteResult IxsStore::insert(const ContentRecord &record, QString *error)
{
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    QSqlQuery dup(db);
    // One record per publisher and content; other publishers of the same torrent have their own.
    dup.prepare(QStringLiteral("SELECT id FROM content WHERE (info_hash_v1 = ? OR info_hash_v2 = ?) AND owner = ?"));
    dup.addBindValue(record.infoHashV1);
    dup.addBindValue(textOrNull(record.infoHashV2));
    dup.addBindValue(record.owner);
    if (!tx.isActive() || !execQuery(dup, error))
        return WriteResult::Failed;
    if (dup.next())
        return WriteResult::Duplicate;
    dup.finish();
    const qint64 seq = nextSeq(error);
    RowWriter writer(db, hasFullTextIndex());
    if (seq < 0 || !writer.prepareAll(error) || !writer.write(record, seq, error) || !tx.commit(error))
        return WriteResult::Failed;
    return WriteResult::Ok;
}

namespace {
// SQLite's default page cache (2 MiB) makes a large load spill dirty pages to the WAL and read
// them back for every random-key index insert; a bigger cache for the load's duration avoids it.
class BulkCache {
public:
    BulkCache(const QSqlDatabase &db, bool sqlite)
        : m_db(db)
        , m_sqlite(sqlite)
    {
        QSqlQuery q(m_db);
        if (m_sqlite && q.exec(QStringLiteral("PRAGMA cache_size")) && q.next())
            m_previous = q.value(0).toLongLong();
        if (m_sqlite)
            q.exec(QStringLiteral("PRAGMA cache_size = -262144"));  // 256 MiB
    }
    ~BulkCache()
    {
        if (m_sqlite)
            QSqlQuery(m_db).exec(QStringLiteral("PRAGMA cache_size = %1").arg(m_previous));
    }

private:
    QSqlDatabase m_db;
    bool m_sqlite;
    qint64 m_previous = -2000;
};
} // namespace

bool IxsStore::insertMany(const QList<ContentRecord> &records, QString *error)
{
    QSqlDatabase db = m_db.connection();
    const BulkCache cache(db, m_db.isSqlite());
    Transaction tx(db);
    qint64 seq = nextSeq(error);
    RowWriter writer(db, hasFullTextIndex());
    if (!tx.isActive() || seq < 0 || !writer.prepareAll(error))
        return false;
    for (const ContentRecord &r : records) {
        if (!writer.write(r, seq++, error))
            return false;
    }
    return tx.commit(error);
}

bool IxsStore::writeTags(const QString &id, const QStringList &tags, QString *error)
{
    const QSqlDatabase db = m_db.connection();
    if (!execBound(db, QStringLiteral("DELETE FROM content_tags WHERE content_id = ?"), {id}, error))
        return false;
    for (const QString &tag : tags) {
        if (!execBound(db, QStringLiteral("INSERT INTO content_tags (tag, content_id) VALUES (?, ?)"), {tag, id}, error))
            return false;
    }
    return true;
}

IxsStore::WriteResult IxsStore::update(const ContentRecord &r, QString *error)
{
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    if (!tx.isActive())
        return WriteResult::Failed;
    QString lookupError;
    const auto seq = seqOf(r.id, &lookupError);
    if (!seq) {
        if (error)
            *error = lookupError;
        return lookupError.isEmpty() ? WriteResult::NotFound : WriteResult::Failed;
    }
    const bool ok =
        execBound(db,
                  QStringLiteral("UPDATE content SET title = ?, title_key = ?, description = ?, tags = ?, media = ?, "
                                 "updated_at = ? WHERE id = ?"),
                  {r.title, r.title.toLower(), textNotNull(r.description), QString::fromUtf8(tagsToJson(r.tags)),
                   mediaValue(r.media), r.updatedAt, r.id},
                  error)
        && writeTags(r.id, r.tags, error)
        && (!hasFullTextIndex()
            || execBound(db, QStringLiteral("UPDATE content_fts SET title = ?, description = ?, tags = ? WHERE rowid = ?"),
                         {r.title, textNotNull(r.description), r.tags.join(QLatin1Char(' ')), *seq}, error));
    return ok && tx.commit(error) ? WriteResult::Ok : WriteResult::Failed;
}

IxsStore::WriteResult IxsStore::remove(const QString &id, QString *error)
{
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    if (!tx.isActive())
        return WriteResult::Failed;
    QString lookupError;
    const auto seq = seqOf(id, &lookupError);
    if (!seq) {
        if (error)
            *error = lookupError;
        return lookupError.isEmpty() ? WriteResult::NotFound : WriteResult::Failed;
    }
    const bool ok = (!hasFullTextIndex()
                     || execBound(db, QStringLiteral("DELETE FROM content_fts WHERE rowid = ?"), {*seq}, error))
                    && execBound(db, QStringLiteral("DELETE FROM content_tags WHERE content_id = ?"), {id}, error)
                    && execBound(db, QStringLiteral("DELETE FROM content WHERE id = ?"), {id}, error);
    return ok && tx.commit(error) ? WriteResult::Ok : WriteResult::Failed;
}

qint64 IxsStore::count(QString *error) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM content"));
    if (!execQuery(q, error) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

std::optional<qint64> IxsStore::contentSizeOf(const QString &infoHashV1, QString *error) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT MAX(total_size) FROM content WHERE info_hash_v1 = ?"));
    q.addBindValue(infoHashV1);
    if (!execQuery(q, error) || !q.next() || q.value(0).isNull())
        return std::nullopt;
    return q.value(0).toLongLong();
}

} // namespace mp2p
