#include "jsonfields.h"

#include <cmath>

namespace mp2p {

JsonFields::JsonFields(const QJsonObject &object, QString pathPrefix)
    : m_object(object)
    , m_prefix(std::move(pathPrefix))
{
}

QString JsonFields::qualified(const QString &key) const
{
    return m_prefix.isEmpty() ? key : m_prefix + QLatin1Char('.') + key;
}

void JsonFields::fail(const QString &key, const QString &code, const QString &message)
{
    if (!m_error)
        m_error = ApiError::badRequest(code, message, qualified(key));
}

bool JsonFields::present(const QString &key, Presence presence)
{
    const QJsonValue v = m_object.value(key);
    if (!v.isUndefined() && !v.isNull())
        return true;
    if (presence == Required)
        fail(key, QStringLiteral("missing_field"), QStringLiteral("the field '%1' is required").arg(qualified(key)));
    return false;
}

QString JsonFields::string(const QString &key, Presence presence, int minLength, int maxLength, const QString &fallback)
{
    if (!present(key, presence))
        return fallback;
    const QJsonValue v = m_object.value(key);
    if (!v.isString()) {
        fail(key, QStringLiteral("invalid_type"), QStringLiteral("the field '%1' must be a string").arg(qualified(key)));
        return fallback;
    }
    const QString s = v.toString();
    if (s.size() < minLength || s.size() > maxLength) {
        fail(key, QStringLiteral("invalid_value"),
             QStringLiteral("the field '%1' must have %2 to %3 characters (it has %4)")
                 .arg(qualified(key))
                 .arg(minLength)
                 .arg(maxLength)
                 .arg(s.size()));
        return fallback;
    }
    return s;
}

qint64 JsonFields::integer(const QString &key, Presence presence, qint64 min, qint64 max, qint64 fallback)
{
    if (!present(key, presence))
        return fallback;
    const QJsonValue v = m_object.value(key);
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || std::isnan(d) || std::floor(d) != d) {
        fail(key, QStringLiteral("invalid_type"), QStringLiteral("the field '%1' must be an integer").arg(qualified(key)));
        return fallback;
    }
    if (d < double(min) || d > double(max)) {
        fail(key, QStringLiteral("invalid_value"),
             QStringLiteral("the field '%1' must be between %2 and %3").arg(qualified(key)).arg(min).arg(max));
        return fallback;
    }
    return qint64(d);
}

bool JsonFields::boolean(const QString &key, Presence presence, bool fallback)
{
    if (!present(key, presence))
        return fallback;
    const QJsonValue v = m_object.value(key);
    if (!v.isBool()) {
        fail(key, QStringLiteral("invalid_type"), QStringLiteral("the field '%1' must be true or false").arg(qualified(key)));
        return fallback;
    }
    return v.toBool();
}

QJsonObject JsonFields::object(const QString &key, Presence presence)
{
    if (!present(key, presence))
        return {};
    const QJsonValue v = m_object.value(key);
    if (!v.isObject()) {
        fail(key, QStringLiteral("invalid_type"), QStringLiteral("the field '%1' must be an object").arg(qualified(key)));
        return {};
    }
    return v.toObject();
}

QJsonArray JsonFields::array(const QString &key, Presence presence, int maxItems)
{
    if (!present(key, presence))
        return {};
    const QJsonValue v = m_object.value(key);
    if (!v.isArray()) {
        fail(key, QStringLiteral("invalid_type"), QStringLiteral("the field '%1' must be an array").arg(qualified(key)));
        return {};
    }
    const QJsonArray a = v.toArray();
    if (a.size() > maxItems) {
        fail(key, QStringLiteral("invalid_value"),
             QStringLiteral("the field '%1' has %2 items; at most %3 are allowed").arg(qualified(key)).arg(a.size()).arg(maxItems));
        return {};
    }
    return a;
}

QStringList JsonFields::stringList(const QString &key, Presence presence, int maxItems, int maxItemLength)
{
    const QJsonArray a = array(key, presence, maxItems);
    QStringList out;
    for (const QJsonValue &item : a) {
        if (!item.isString() || item.toString().isEmpty() || item.toString().size() > maxItemLength) {
            fail(key, QStringLiteral("invalid_value"),
                 QStringLiteral("every item of '%1' must be a non-empty string of at most %2 characters")
                     .arg(qualified(key))
                     .arg(maxItemLength));
            return {};
        }
        out.append(item.toString());
    }
    return out;
}

QString JsonFields::choice(const QString &key, Presence presence, const QStringList &allowed, const QString &fallback)
{
    const QString s = string(key, presence, 0, 64, fallback);
    if (ok() && has(key) && !allowed.contains(s)) {
        fail(key, QStringLiteral("invalid_value"),
             QStringLiteral("the field '%1' must be one of: %2").arg(qualified(key), allowed.join(QStringLiteral(", "))));
        return fallback;
    }
    return s;
}

bool isHex(const QString &text, int length)
{
    if (text.size() != length)
        return false;
    for (QChar c : text) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return true;
}

} // namespace mp2p
