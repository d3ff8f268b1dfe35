#pragma once

#include "contentrecord.h"

#include <base/database.h>

#include <QList>
#include <QString>

#include <optional>

namespace mp2p {

enum class ContentSort { Relevance, Newest, Oldest, Title, Size };

// OCMP "query": free text, filters and one page of results.
struct ContentQuery {
    QString text;       // user words; empty lists everything
    QString tag;        // lower-case tag, or empty
    QString owner;      // user id, or empty
    std::optional<ContentSort> sort;  // default: relevance with text, newest without
    int page = 1;       // 1-based
    int perPage = 20;
};

struct ContentPage {
    qint64 total = 0;   // matches over all pages
    QList<ContentRecord> items;  // without the torrent file
};

// The IXS's SQLite (or PostgreSQL) store: the content table, a tag table for filters and,
// on SQLite, an FTS5 index over title, description and tags kept in step in the same
// transaction as every write. Elsewhere text search falls back to LIKE.
class IxsStore {
public:
    enum class WriteResult { Ok, Duplicate, NotFound, Failed };

    explicit IxsStore(DatabaseOptions options);

    bool open(QString *error);  // opens and migrates
    bool hasFullTextIndex() const { return m_db.isSqlite(); }

    WriteResult insert(const ContentRecord &record, QString *error);
    // Bulk load in one transaction with reused prepared statements (benchmarks, imports).
    // All or nothing: a duplicate (info-hash, owner) rolls the whole batch back.
    bool insertMany(const QList<ContentRecord> &records, QString *error);
    // Writes title, description, tags, media and updatedAt of an existing record.
    WriteResult update(const ContentRecord &record, QString *error);
    WriteResult remove(const QString &id, QString *error);

    // nullopt with an empty *error means "no such record".
    std::optional<ContentRecord> findById(const QString &id, bool withTorrent, QString *error) const;
    // v1 (40 hex) or v2 (64 hex) info-hash: the oldest record of that content (several
    // publishers may each have one).
    std::optional<ContentRecord> findByInfoHash(const QString &hex, bool withTorrent, QString *error) const;
    // Every record of that content, oldest first, at most `limit`, without torrents; nullopt on a
    // store failure.
    std::optional<QList<ContentRecord>> recordsByInfoHash(const QString &hex, int limit, QString *error) const;
    std::optional<ContentPage> query(const ContentQuery &query, QString *error) const;
    qint64 count(QString *error) const;
    // The content size bound to a v1 info-hash (the largest, should several records name it);
    // nullopt with an empty *error when no record does. The PAMS caps credit by it.
    std::optional<qint64> contentSizeOf(const QString &infoHashV1, QString *error) const;

private:
    std::optional<ContentRecord> findOne(const QString &column, const QString &value, bool withTorrent,
                                         QString *error) const;
    std::optional<qint64> seqOf(const QString &id, QString *error) const;
    qint64 nextSeq(QString *error) const;
    bool writeTags(const QString &id, const QStringList &tags, QString *error);

    Database m_db;
};

} // namespace mp2p
