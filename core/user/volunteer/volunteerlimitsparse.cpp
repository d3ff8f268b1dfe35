#include "volunteerlimitsparse.h"

#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace mp2p {

std::optional<qint64> parseByteSize(const QString &text, QString *error)
{
    static const QRegularExpression re(QStringLiteral("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([KMGT]i?B|B)?\\s*$"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(text);
    if (!m.hasMatch()) {
        *error = QStringLiteral("'%1' is not a size; write e.g. 500MiB, 10GiB or 2GB").arg(text);
        return std::nullopt;
    }
    const QString unit = m.captured(2).toUpper();
    double factor = 1;
    if (!unit.isEmpty() && unit != QLatin1String("B")) {
        const int power = QStringLiteral("KMGT").indexOf(unit.at(0)) + 1;
        factor = std::pow(unit.contains(QLatin1Char('I')) ? 1024.0 : 1000.0, power);
    }
    const double value = m.captured(1).toDouble() * factor;
    if (value > 9.0e15) {
        *error = QStringLiteral("'%1' is too large").arg(text);
        return std::nullopt;
    }
    return qint64(std::llround(value));
}

std::optional<qint64> parseByteRate(const QString &text, QString *error)
{
    QString t = text.trimmed();
    if (t.endsWith(QLatin1String("/s"), Qt::CaseInsensitive))
        t.chop(2);
    return parseByteSize(t, error);
}

std::optional<std::pair<int, int>> parseHourRange(const QString &text, QString *error)
{
    static const QRegularExpression re(QStringLiteral("^\\s*([0-9]{1,2})\\s*-\\s*([0-9]{1,2})\\s*$"));
    const auto m = re.match(text);
    const int from = m.captured(1).toInt(), to = m.captured(2).toInt();
    if (!m.hasMatch() || from > 23 || to > 24 || from == to) {
        *error = QStringLiteral("'%1' is not an hour range; write START-END in whole hours, e.g. 22-7 (overnight) or 0-24 (always)")
                     .arg(text);
        return std::nullopt;
    }
    return std::make_pair(from, to);
}

QString formatBytes(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

} // namespace mp2p
