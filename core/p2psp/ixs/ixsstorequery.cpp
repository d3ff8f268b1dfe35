// The read side of IxsStore: single records and OCMP "query" (search, filters, sort, paging).
#include "ixsstore.h"

#include "searchwords.h"

#include <QJsonDocument>
#include <QVariant>

namespace mp2p {

namespace {

const QString RecordColumns = QStringLiteral(
    "c.id, c.title, c.description, c.tags, c.files, c.media, c.total_size, c.info_hash_v1, c.info_hash_v2, "
    "c.overlay_id, c.oms_url, c.owner, c.created_at, c.updated_at");

ContentRecord readRecord(const QSqlQuery &q, bool withTorrent)
{
    ContentRecord r;
    r.id = q.value(0).toString();
    r.title = q.value(1).toString();
    r.description = q.value(2).toString();
    r.tags = tagsFromJson(q.value(3).toString().toUtf8());
    r.files = filesFromJson(q.value(4).toString().toUtf8());
    if (!q.value(5).isNull())
        r.media = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
    r.totalSize = q.value(6).toLongLong();
    r.infoHashV1 = q.value(7).toString();
    r.infoHashV2 = q.value(8).toString();
    r.overlayId = q.value(9).toString();
    r.omsUrl = q.value(10).toString();
    r.owner = q.value(11).toString();
    r.createdAt = q.value(12).toLongLong();
    r.updatedAt = q.value(13).toLongLong();
    if (withTorrent)
        r.torrent = q.value(14).toByteArray();
    return r;
}

// The two statements of a search (total count, one page) and the values they bind.
struct SearchPlan {
    QString countSql;
    QVariantList countBinds;
    QString pageSql;
    QVariantList pageBinds;
};

QString orderFor(ContentSort sort)
{
    switch (sort) {
    case ContentSort::Oldest:
        return QStringLiteral("c.created_at ASC, c.seq ASC");
    case ContentSort::Title:
        return QStringLiteral("c.title_key ASC, c.seq ASC");
    case ContentSort::Size:
        return QStringLiteral("c.total_size DESC, c.seq DESC");
    case ContentSort::Relevance:  // only reached without a ranked text search
    case ContentSort::Newest:
        break;
    }
    return QStringLiteral("c.created_at DESC, c.seq DESC");
}

// Title hits weigh most, then tags, then the description.
const QString Bm25 = QStringLiteral("bm25(content_fts, 10.0, 1.0, 5.0)");

const QString CountInIndex = QStringLiteral("SELECT COUNT(*) FROM content_fts WHERE content_fts MATCH ?");

// Text search alone (no tag/owner filter) on the FTS index: count and rank inside the index,
// and join only the page's rows to `content` -- a common word matches a large share of a
// million records, and joining them all just to keep 20 costs most of the time.
std::optional<SearchPlan> indexOnlyPlan(const QString &match, ContentSort sort, const ContentQuery &query)
{
    if (!query.tag.isEmpty() || !query.owner.isEmpty() || sort != ContentSort::Relevance)
        return std::nullopt;
    SearchPlan plan;
    plan.countSql = CountInIndex;
    plan.countBinds = {match};
    plan.pageSql = QStringLiteral("SELECT %1 FROM (SELECT rowid AS hit, %2 AS score FROM content_fts "
                                  "WHERE content_fts MATCH ? ORDER BY score, rowid DESC LIMIT ? OFFSET ?) f "
                                  "JOIN content c ON c.seq = f.hit ORDER BY f.score, c.seq DESC")
                       .arg(RecordColumns, Bm25);
    plan.pageBinds = {match, query.perPage, qint64(query.page - 1) * query.perPage};
    return plan;
}

SearchPlan planSearch(const ContentQuery &query, bool fullText)
{
    const QStringList words = searchWords(query.text);
    const bool ranked = fullText && !words.isEmpty();
    const ContentSort sort = query.sort.value_or(words.isEmpty() ? ContentSort::Newest : ContentSort::Relevance);
    const QString match = ranked ? ftsMatchExpression(words) : QString();
    if (ranked) {
        if (auto plan = indexOnlyPlan(match, sort, query))
            return *plan;
    }
    QString from = QStringLiteral("content c");
    QStringList where;
    QVariantList binds;
    if (ranked) {
        from = QStringLiteral("content_fts JOIN content c ON c.seq = content_fts.rowid");
        where.append(QStringLiteral("content_fts MATCH ?"));
        binds.append(match);
    } else {
        // Portable fallback (PostgreSQL): every word must appear in the title, description or tags.
        for (const QString &word : words) {
            where.append(QStringLiteral("(c.title_key LIKE ? ESCAPE '!' OR LOWER(c.description) LIKE ? ESCAPE '!' "
                                        "OR c.tags LIKE ? ESCAPE '!')"));
            const QString pattern = likePattern(word);
            binds << pattern << pattern << pattern;
        }
    }
    if (!query.tag.isEmpty()) {
        where.append(QStringLiteral("c.id IN (SELECT content_id FROM content_tags WHERE tag = ?)"));
        binds.append(query.tag);
    }
    if (!query.owner.isEmpty()) {
        where.append(QStringLiteral("c.owner = ?"));
        binds.append(query.owner);
    }
    const QString whereClause = where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    const QString orderBy = ranked && sort == ContentSort::Relevance ? Bm25 + QStringLiteral(", c.seq DESC") : orderFor(sort);
    SearchPlan plan;
    plan.countSql = QStringLiteral("SELECT COUNT(*) FROM ") + from + whereClause;
    plan.countBinds = binds;
    if (ranked && query.tag.isEmpty() && query.owner.isEmpty()) {
        plan.countSql = CountInIndex;  // every index row has its content row
        plan.countBinds = {match};
    }
    plan.pageSql = QStringLiteral("SELECT %1 FROM %2%3 ORDER BY %4 LIMIT ? OFFSET ?").arg(RecordColumns, from, whereClause, orderBy);
    plan.pageBinds = binds;
    plan.pageBinds << query.perPage << qint64(query.page - 1) * query.perPage;
    return plan;
}

bool runBound(QSqlQuery &q, const QString &text, const QVariantList &binds, QString *error)
{
    if (!q.prepare(text)) {
        if (error)
            *error = QStringLiteral("cannot prepare the search");
        return false;
    }
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    return execQuery(q, error);
}

} // namespace

std::optional<ContentRecord> IxsStore::findOne(const QString &column, const QString &value, bool withTorrent,
                                               QString *error) const
{
    // `column` is one of our own constants, never user input.
    QSqlQuery q(m_db.connection());
    // Several records may share an info-hash (one per publisher): the oldest answers.
    const QString text = QStringLiteral("SELECT %1%2 FROM content c WHERE c.%3 = ? ORDER BY c.created_at, c.seq LIMIT 1")
                             .arg(RecordColumns, withTorrent ? QStringLiteral(", c.torrent") : QString(), column);
    if (!runBound(q, text, {value}, error) || !q.next())
        return std::nullopt;
    return readRecord(q, withTorrent);
}

std::optional<ContentRecord> IxsStore::findById(const QString &id, bool withTorrent, QString *error) const
{
    return findOne(QStringLiteral("id"), id, withTorrent, error);
}

std::optional<ContentRecord> IxsStore::findByInfoHash(const QString &hex, bool withTorrent, QString *error) const
{
    return findOne(hex.size() == 64 ? QStringLiteral("info_hash_v2") : QStringLiteral("info_hash_v1"), hex,
                   withTorrent, error);
}

std::optional<QList<ContentRecord>> IxsStore::recordsByInfoHash(const QString &hex, int limit, QString *error) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    const QString column = hex.size() == 64 ? QStringLiteral("info_hash_v2") : QStringLiteral("info_hash_v1");
    const QString text = QStringLiteral("SELECT %1 FROM content c WHERE c.%2 = ? ORDER BY c.created_at, c.seq LIMIT ?")
                             .arg(RecordColumns, column);
    if (!runBound(q, text, {hex, limit}, error))
        return std::nullopt;
    QList<ContentRecord> out;
    while (q.next())
        out.append(readRecord(q, false));
    return out;
}

std::optional<ContentPage> IxsStore::query(const ContentQuery &query, QString *error) const
{
    const SearchPlan plan = planSearch(query, hasFullTextIndex());
    const QSqlDatabase db = m_db.connection();
    QSqlQuery count(db);
    count.setForwardOnly(true);
    if (!runBound(count, plan.countSql, plan.countBinds, error) || !count.next())
        return std::nullopt;
    ContentPage page;
    page.total = count.value(0).toLongLong();
    count.finish();

    QSqlQuery items(db);
    items.setForwardOnly(true);
    if (!runBound(items, plan.pageSql, plan.pageBinds, error))
        return std::nullopt;
    while (items.next())
        page.items.append(readRecord(items, false));
    return page;
}

} // namespace mp2p
