#pragma once

#include <QString>
#include <QStringList>

namespace mp2p {

// Turning a user's search text into something the database can run without surprises.
// Words are split on white space; words with no letter or digit are dropped (they hold no
// token the index knows, and an empty FTS5 phrase would match nothing). At most MaxWords
// words are kept.
inline constexpr int MaxSearchWords = 16;
QStringList searchWords(const QString &text);

// An FTS5 MATCH expression that is always valid and never interpreted as query syntax: each
// word becomes a string ("..." with inner quotes doubled), the last one a prefix ("word"*),
// all ANDed. So `NEAR(`, `"unbalanced`, `title:x` or `'; DROP TABLE content; --` are just
// words. Empty for no words.
QString ftsMatchExpression(const QStringList &words);

// A LIKE pattern for the portable fallback: %word% with %, _ and the escape char '!' escaped.
QString likePattern(const QString &word);

} // namespace mp2p
