#include "routepolicy.h"

#include "httprouter.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace mp2p {

RateRule RateRule::perAddress(QString name, int count, int windowSecs)
{
    return {std::move(name), count, windowSecs, [](const HttpRequest &r) {
                // An IPv6 client controls its /64, so it counts as one address.
                const QHostAddress a = r.remoteAddress;
                if (a.protocol() == QAbstractSocket::IPv6Protocol && !a.toIPv4Address())
                    return QByteArray(reinterpret_cast<const char *>(a.toIPv6Address().c), 8);
                return a.toString().toLatin1();
            }};
}

RateRule RateRule::perUser(QString name, int count, int windowSecs)
{
    return {std::move(name), count, windowSecs, [](const HttpRequest &r) { return r.caller.userId.toLatin1(); }};
}

RateRule RateRule::perParam(QString name, const QString &param, int count, int windowSecs)
{
    return {std::move(name), count, windowSecs,
            [param](const HttpRequest &r) { return r.params.value(param).left(256).toUtf8(); }};
}

RateRule RateRule::perBodyField(QString name, const QString &field, int count, int windowSecs)
{
    return {std::move(name), count, windowSecs, [field](const HttpRequest &r) {
                const QJsonValue v = QJsonDocument::fromJson(r.body).object().value(field);
                return v.isString() ? v.toString().left(256).toUtf8() : QByteArray();
            }};
}

RoutePolicy RoutePolicy::open()
{
    return {};
}

RoutePolicy RoutePolicy::user(const RequestAuthenticator *authenticator)
{
    RoutePolicy p;
    p.access = Access::User;
    p.authenticator = authenticator;
    return p;
}

RoutePolicy RoutePolicy::operatorOnly(const RequestAuthenticator *authenticator)
{
    RoutePolicy p = user(authenticator);
    p.access = Access::Operator;
    return p;
}

RoutePolicy RoutePolicy::ownerParam(const RequestAuthenticator *authenticator, const QString &param)
{
    return owner(authenticator, [param](const HttpRequest &r, ApiError *) -> std::optional<QString> {
        return r.params.value(param);
    });
}

RoutePolicy RoutePolicy::owner(const RequestAuthenticator *authenticator,
                               std::function<std::optional<QString>(const HttpRequest &, ApiError *)> ownerOf)
{
    RoutePolicy p = user(authenticator);
    p.access = Access::Owner;
    p.ownerOf = std::move(ownerOf);
    return p;
}

RoutePolicy RoutePolicy::limit(RateRule rule) const
{
    RoutePolicy p = *this;
    p.limits.append(std::move(rule));
    return p;
}

RoutePolicy RoutePolicy::maxBody(qint64 bytes) const
{
    RoutePolicy p = *this;
    p.maxBodyBytes = bytes;
    return p;
}

QString accessName(Access access)
{
    switch (access) {
    case Access::Public: return QStringLiteral("public");
    case Access::User: return QStringLiteral("user");
    case Access::Operator: return QStringLiteral("operator");
    case Access::Owner: return QStringLiteral("owner");
    }
    return {};
}

} // namespace mp2p
