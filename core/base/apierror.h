#pragma once

#include <QJsonObject>
#include <QString>

namespace mp2p {

// What every server answers when a request cannot be served: an HTTP status and a JSON body
// {"error": code, "message": what is wrong, "field": which input (if any), "hint": what to do}.
struct ApiError {
    int status = 400;
    QString code;     // machine-readable, e.g. "missing_field", "unauthorized", "not_found"
    QString message;  // what is wrong, for a person
    QString field;    // the offending input, when there is one
    QString hint;     // what to do about it

    QJsonObject toJson() const;

    static ApiError badRequest(QString code, QString message, QString field = {});
    static ApiError unauthorized(QString message);
    static ApiError forbidden(QString message);
    static ApiError notFound(QString message);
    static ApiError conflict(QString message);
    static ApiError tooLarge(qint64 limit);
    static ApiError internal(QString message);
    static ApiError tooManyRequests(const QString &limit, int retryAfterSecs);
};

} // namespace mp2p
