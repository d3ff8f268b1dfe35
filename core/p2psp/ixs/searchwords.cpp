#include "searchwords.h"

#include <QRegularExpression>

#include <algorithm>

namespace mp2p {

QStringList searchWords(const QString &text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    QStringList words;
    for (const QString &word : text.split(space, Qt::SkipEmptyParts)) {
        if (std::any_of(word.cbegin(), word.cend(), [](QChar c) { return c.isLetterOrNumber(); }))
            words.append(word.toLower());
        if (words.size() == MaxSearchWords)
            break;
    }
    return words;
}

QString ftsMatchExpression(const QStringList &words)
{
    QStringList phrases;
    for (const QString &word : words) {
        QString quoted = word;
        quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        phrases.append(QLatin1Char('"') + quoted + QLatin1Char('"'));
    }
    if (!phrases.isEmpty())
        phrases.last() += QLatin1Char('*');  // search-as-you-type: the last word may be unfinished
    return phrases.join(QStringLiteral(" AND "));
}

QString likePattern(const QString &word)
{
    QString escaped;
    for (QChar c : word) {
        if (c == QLatin1Char('%') || c == QLatin1Char('_') || c == QLatin1Char('!'))
            escaped += QLatin1Char('!');
        escaped += c;
    }
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

} // namespace mp2p
