#include "ixsschema.h"

namespace mp2p {

QList<Migration> ixsMigrations(const QString &blobType)
{
    Migration initial;
    initial.version = 1;
    initial.statements = {
        // seq is our own stable integer key: it is the rowid of the FTS5 row (SQLite's implicit
        // rowid may change on VACUUM) and the tie-breaker that keeps paging deterministic.
        // files/tags/media are JSON text; tags also go to content_tags for exact filtering.
        // The torrent is the last column so that reading the others never touches its pages.
        QStringLiteral("CREATE TABLE content ("
                       "id TEXT PRIMARY KEY, seq BIGINT NOT NULL UNIQUE, "
                       "info_hash_v1 TEXT NOT NULL UNIQUE, info_hash_v2 TEXT UNIQUE, "
                       "overlay_id TEXT NOT NULL, oms_url TEXT NOT NULL, "
                       "title TEXT NOT NULL, title_key TEXT NOT NULL, description TEXT NOT NULL, "
                       "tags TEXT NOT NULL, files TEXT NOT NULL, media TEXT, total_size BIGINT NOT NULL, "
                       "owner TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, "
                       "torrent %1 NOT NULL)")
            .arg(blobType),
        QStringLiteral("CREATE INDEX content_by_created ON content (created_at, seq)"),
        QStringLiteral("CREATE INDEX content_by_title ON content (title_key, seq)"),
        QStringLiteral("CREATE INDEX content_by_size ON content (total_size, seq)"),
        QStringLiteral("CREATE INDEX content_by_owner ON content (owner, created_at)"),
        QStringLiteral("CREATE TABLE content_tags (tag TEXT NOT NULL, content_id TEXT NOT NULL, "
                       "PRIMARY KEY (tag, content_id))"),
        QStringLiteral("CREATE INDEX content_tags_by_content ON content_tags (content_id)"),
    };
    Migration fullText;
    fullText.version = 2;
    fullText.sqliteOnly = true;
    fullText.statements = {
        QStringLiteral("CREATE VIRTUAL TABLE content_fts USING fts5("
                       "title, description, tags, tokenize = 'unicode61 remove_diacritics 2')"),
    };
    // One record per (info-hash, owner), no longer per info-hash: a second publisher of the same
    // torrent gets a record of their own instead of being locked out by whoever came first. The
    // column constraints cannot be dropped in place (SQLite), so the table is rebuilt; every row,
    // its seq (the FTS rowid) and its tags (keyed by id) stay as they were.
    Migration perOwner;
    perOwner.version = 3;
    perOwner.statements = {
        QStringLiteral("CREATE TABLE content_v3 ("
                       "id TEXT PRIMARY KEY, seq BIGINT NOT NULL UNIQUE, "
                       "info_hash_v1 TEXT NOT NULL, info_hash_v2 TEXT, "
                       "overlay_id TEXT NOT NULL, oms_url TEXT NOT NULL, "
                       "title TEXT NOT NULL, title_key TEXT NOT NULL, description TEXT NOT NULL, "
                       "tags TEXT NOT NULL, files TEXT NOT NULL, media TEXT, total_size BIGINT NOT NULL, "
                       "owner TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, "
                       "torrent %1 NOT NULL)")
            .arg(blobType),
        QStringLiteral("INSERT INTO content_v3 SELECT id, seq, info_hash_v1, info_hash_v2, overlay_id, oms_url, "
                       "title, title_key, description, tags, files, media, total_size, owner, created_at, "
                       "updated_at, torrent FROM content"),
        QStringLiteral("DROP TABLE content"),
        QStringLiteral("ALTER TABLE content_v3 RENAME TO content"),
        QStringLiteral("CREATE INDEX content_by_created ON content (created_at, seq)"),
        QStringLiteral("CREATE INDEX content_by_title ON content (title_key, seq)"),
        QStringLiteral("CREATE INDEX content_by_size ON content (total_size, seq)"),
        QStringLiteral("CREATE INDEX content_by_owner ON content (owner, created_at)"),
        QStringLiteral("CREATE UNIQUE INDEX content_v1_per_owner ON content (info_hash_v1, owner)"),
        QStringLiteral("CREATE UNIQUE INDEX content_v2_per_owner ON content (info_hash_v2, owner)"),
        // by-infohash answers with the oldest record of a hash first.
        QStringLiteral("CREATE INDEX content_by_v1 ON content (info_hash_v1, created_at, seq)"),
        QStringLiteral("CREATE INDEX content_by_v2 ON content (info_hash_v2, created_at, seq)"),
    };
    return {initial, fullText, perOwner};
}

} // namespace mp2p
