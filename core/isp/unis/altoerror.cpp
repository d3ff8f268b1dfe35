#include "altoerror.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

namespace mp2p {

HttpResponse AltoError::toResponse() const
{
    QJsonObject meta{{QStringLiteral("code"), code}};
    if (!field.isEmpty())
        meta.insert(QStringLiteral("field"), field);
    if (!value.isEmpty())
        meta.insert(QStringLiteral("value"), value);
    if (code == QLatin1String(alto::ESyntax))
        meta.insert(QStringLiteral("syntax-error"), message);
    if (!message.isEmpty())
        meta.insert(QStringLiteral("message"), message);
    const QJsonObject body{{QStringLiteral("meta"), meta}};
    return HttpResponse::raw(alto::ErrorType, QJsonDocument(body).toJson(QJsonDocument::Compact), status);
}

AltoError AltoError::syntax(const QString &message)
{
    return {400, QString::fromLatin1(alto::ESyntax), {}, {}, message};
}

AltoError AltoError::missing(const QString &field)
{
    return {400, QString::fromLatin1(alto::EMissingField), field, {}, QStringLiteral("the request needs \"%1\"").arg(field)};
}

AltoError AltoError::wrongType(const QString &field, const QString &expected)
{
    return {400, QString::fromLatin1(alto::EInvalidFieldType), field, {}, QStringLiteral("\"%1\" must be %2").arg(field, expected)};
}

AltoError AltoError::badValue(const QString &field, const QString &value, const QString &message)
{
    return {400, QString::fromLatin1(alto::EInvalidFieldValue), field, value, message};
}

std::optional<QJsonObject> AltoFields::parseBody(const QByteArray &body, AltoError *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = AltoError::syntax(QStringLiteral("the body is not valid JSON: %1 at offset %2")
                                       .arg(parseError.errorString())
                                       .arg(parseError.offset));
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = AltoError::syntax(QStringLiteral("the body must be a JSON object"));
        return std::nullopt;
    }
    return doc.object();
}

std::optional<QJsonObject> AltoFields::object(const QString &key, bool required)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined()) {
        if (required)
            fail(AltoError::missing(field(key)));
        return std::nullopt;
    }
    if (!v.isObject()) {
        fail(AltoError::wrongType(field(key), QStringLiteral("an object")));
        return std::nullopt;
    }
    return v.toObject();
}

std::optional<QStringList> AltoFields::strings(const QString &key, bool required, int maxItems)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined()) {
        if (required)
            fail(AltoError::missing(field(key)));
        return std::nullopt;
    }
    if (!v.isArray()) {
        fail(AltoError::wrongType(field(key), QStringLiteral("an array of strings")));
        return std::nullopt;
    }
    const QJsonArray array = v.toArray();
    if (array.size() > maxItems) {
        fail(AltoError::badValue(field(key), QString::number(array.size()),
                                 QStringLiteral("at most %1 entries per request; split it").arg(maxItems)));
        return std::nullopt;
    }
    QStringList out;
    QSet<QString> seen;
    for (const QJsonValue &item : array) {
        if (!item.isString()) {
            fail(AltoError::wrongType(field(key), QStringLiteral("an array of strings")));
            return std::nullopt;
        }
        if (!seen.contains(item.toString())) {  // RFC 7285: repeated entries count once
            seen.insert(item.toString());
            out.append(item.toString());
        }
    }
    return out;
}

} // namespace mp2p
