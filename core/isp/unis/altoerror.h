#pragma once

#include <base/httprouter.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace mp2p {

// RFC 7285 media types (§13, §11).
namespace alto {
inline constexpr char DirectoryType[] = "application/alto-directory+json";
inline constexpr char NetworkMapType[] = "application/alto-networkmap+json";
inline constexpr char NetworkMapFilterType[] = "application/alto-networkmapfilter+json";
inline constexpr char CostMapType[] = "application/alto-costmap+json";
inline constexpr char CostMapFilterType[] = "application/alto-costmapfilter+json";
inline constexpr char EndpointPropType[] = "application/alto-endpointprop+json";
inline constexpr char EndpointPropParamsType[] = "application/alto-endpointpropparams+json";
inline constexpr char EndpointCostType[] = "application/alto-endpointcost+json";
inline constexpr char EndpointCostParamsType[] = "application/alto-endpointcostparams+json";
inline constexpr char ErrorType[] = "application/alto-error+json";

// RFC 7285 §8.5.2 error codes, and ours for HTTP 401, 429 and 503 (the RFC leaves
// authentication and load to HTTP; clients act on the status, the body only says why).
inline constexpr char ESyntax[] = "E_SYNTAX";
inline constexpr char EMissingField[] = "E_MISSING_FIELD";
inline constexpr char EInvalidFieldType[] = "E_INVALID_FIELD_TYPE";
inline constexpr char EInvalidFieldValue[] = "E_INVALID_FIELD_VALUE";
inline constexpr char EUnauthorized[] = "E_UNAUTHORIZED";
inline constexpr char ETooManyAttempts[] = "E_TOO_MANY_ATTEMPTS";
inline constexpr char EServerBusy[] = "E_SERVER_BUSY";
} // namespace alto

// An ALTO error: {"meta": {"code", "field"?, "value"?, "syntax-error"?, "message"}} with
// media type application/alto-error+json. "message" is ours (RFC 7285 clients ignore unknown
// members) and says what to fix.
struct AltoError {
    int status = 400;
    QString code;
    QString field;
    QString value;
    QString message;

    HttpResponse toResponse() const;
    static AltoError syntax(const QString &message);
    static AltoError missing(const QString &field);
    static AltoError wrongType(const QString &field, const QString &expected);
    static AltoError badValue(const QString &field, const QString &value, const QString &message);
};

// Reads a request body field by field with ALTO's error codes; the first problem is kept.
class AltoFields {
public:
    // E_SYNTAX unless the body is a JSON object.
    static std::optional<QJsonObject> parseBody(const QByteArray &body, AltoError *error);

    explicit AltoFields(QJsonObject object, QString path = {}) : m_object(std::move(object)), m_path(std::move(path)) {}

    std::optional<QJsonObject> object(const QString &key, bool required);
    // An array of strings (nothing when absent and not required); at most maxItems.
    std::optional<QStringList> strings(const QString &key, bool required, int maxItems);
    QString field(const QString &key) const { return m_path.isEmpty() ? key : m_path + QLatin1Char('/') + key; }

    bool ok() const { return !m_error.has_value(); }
    const AltoError &error() const { return *m_error; }
    void fail(const AltoError &error)
    {
        if (!m_error)
            m_error = error;
    }

private:
    QJsonObject m_object;
    QString m_path;
    std::optional<AltoError> m_error;
};

} // namespace mp2p
