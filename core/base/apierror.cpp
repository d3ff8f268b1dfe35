#include "apierror.h"

namespace mp2p {

QJsonObject ApiError::toJson() const
{
    QJsonObject o{{QStringLiteral("error"), code}, {QStringLiteral("message"), message}};
    if (!field.isEmpty())
        o.insert(QStringLiteral("field"), field);
    if (!hint.isEmpty())
        o.insert(QStringLiteral("hint"), hint);
    return o;
}

ApiError ApiError::badRequest(QString code, QString message, QString field)
{
    return {400, std::move(code), std::move(message), std::move(field), {}};
}

ApiError ApiError::unauthorized(QString message)
{
    return {401, QStringLiteral("unauthorized"), std::move(message), {},
            QStringLiteral("log in at the UMS and send its token as 'Authorization: Bearer <token>'")};
}

ApiError ApiError::forbidden(QString message)
{
    return {403, QStringLiteral("forbidden"), std::move(message), {}, {}};
}

ApiError ApiError::notFound(QString message)
{
    return {404, QStringLiteral("not_found"), std::move(message), {}, {}};
}

ApiError ApiError::conflict(QString message)
{
    return {409, QStringLiteral("conflict"), std::move(message), {}, {}};
}

ApiError ApiError::tooLarge(qint64 limit)
{
    return {413, QStringLiteral("body_too_large"),
            QStringLiteral("the request body is larger than the server accepts (%1 bytes)").arg(limit), {},
            QStringLiteral("send a smaller request")};
}

ApiError ApiError::internal(QString message)
{
    return {500, QStringLiteral("internal"), std::move(message), {},
            QStringLiteral("retry later; the server log has the details")};
}

} // namespace mp2p

namespace mp2p {

ApiError ApiError::tooManyRequests(const QString &limit, int retryAfterSecs)
{
    return {429, QStringLiteral("rate_limited"),
            QStringLiteral("too many requests (limit '%1')").arg(limit), {},
            QStringLiteral("wait %1 s (Retry-After) before trying again").arg(retryAfterSecs)};
}

} // namespace mp2p
