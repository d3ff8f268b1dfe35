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
    return {initial, fullText};
}

} // namespace mp2p
