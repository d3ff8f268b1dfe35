#include "contentqueryparams.h"

#include "contentvalidator.h"

#include <protocol/keys.h>

#include <algorithm>

namespace mp2p {

namespace {

ApiError badParameter(const QString &name, const QString &message)
{
    return ApiError::badRequest(QStringLiteral("invalid_value"), message, name);
}

bool readInt(const QUrlQuery &params, const QString &name, int min, int max, int *out, ApiError *error)
{
    if (!params.hasQueryItem(name))
        return true;
    bool ok = false;
    const int value = params.queryItemValue(name, QUrl::FullyDecoded).toInt(&ok);
    if (!ok || value < min || value > max) {
        *error = badParameter(name, QStringLiteral("the parameter '%1' must be an integer from %2 to %3")
                                        .arg(name)
                                        .arg(min)
                                        .arg(max));
        return false;
    }
    *out = value;
    return true;
}

// Control characters (NUL, ESC, DEL, ...) are no part of any title a person searches for, and
// a NUL ends the text early inside SQLite's FTS5 query parser: a text with one is refused.
bool hasControlCharacter(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.category() == QChar::Other_Control; });
}

std::optional<ContentSort> sortFromName(const QString &name)
{
    static const QHash<QString, ContentSort> sorts = {
        {QStringLiteral("relevance"), ContentSort::Relevance}, {QStringLiteral("newest"), ContentSort::Newest},
        {QStringLiteral("oldest"), ContentSort::Oldest},       {QStringLiteral("title"), ContentSort::Title},
        {QStringLiteral("size"), ContentSort::Size},
    };
    const auto it = sorts.constFind(name);
    return it == sorts.cend() ? std::nullopt : std::optional<ContentSort>(*it);
}

} // namespace

std::optional<ContentQuery> parseContentQuery(const QUrlQuery &params, ApiError *error)
{
    ContentQuery query;
    query.text = params.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded);
    if (query.text.size() > MaxSearchTextChars) {
        *error = badParameter(QStringLiteral("q"),
                              QStringLiteral("the search text must be at most %1 characters").arg(MaxSearchTextChars));
        return std::nullopt;
    }
    if (hasControlCharacter(query.text)) {
        *error = badParameter(QStringLiteral("q"), QStringLiteral("the search text must not contain control characters "
                                                                  "(such as NUL, tab or line breaks)"));
        error->hint = QStringLiteral("search for words only; separate them with spaces");
        return std::nullopt;
    }
    query.tag = params.queryItemValue(QStringLiteral("tag"), QUrl::FullyDecoded).trimmed().toLower();
    if (query.tag.size() > ixslimits::TagChars) {
        *error = badParameter(QStringLiteral("tag"),
                              QStringLiteral("a tag has at most %1 characters").arg(ixslimits::TagChars));
        return std::nullopt;
    }
    if (hasControlCharacter(query.tag)) {
        *error = badParameter(QStringLiteral("tag"), QStringLiteral("a tag must not contain control characters"));
        return std::nullopt;
    }
    query.owner = params.queryItemValue(QStringLiteral("owner"), QUrl::FullyDecoded);
    if (!query.owner.isEmpty() && !isValidUserId(query.owner)) {
        *error = badParameter(QStringLiteral("owner"),
                              QStringLiteral("the parameter 'owner' must be a user id (40 lower-case hex characters)"));
        return std::nullopt;
    }
    const QString sortName = params.queryItemValue(QStringLiteral("sort"), QUrl::FullyDecoded);
    if (!sortName.isEmpty()) {
        query.sort = sortFromName(sortName);
        if (!query.sort) {
            *error = badParameter(QStringLiteral("sort"),
                                  QStringLiteral("the parameter 'sort' must be one of: relevance, newest, oldest, "
                                                 "title, size"));
            return std::nullopt;
        }
    }
    if (!readInt(params, QStringLiteral("page"), 1, MaxPage, &query.page, error)
        || !readInt(params, QStringLiteral("perPage"), 1, 100, &query.perPage, error))
        return std::nullopt;
    return query;
}

} // namespace mp2p
