#pragma once

#include <isp/unis/passwordhash.h>
#include <isp/unis/unisconfig.h>
#include <isp/unis/unisservice.h>
#include <protocol/keys.h>
#include <protocol/token.h>

#include <routerclient.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mp2p::test {

inline constexpr char StaticToken[] = "operator-token-0123456789abcdef";
inline constexpr qint64 Now = 1'800'000'000;

// The three-ISP map of the issue (127.1/16, 127.2/16, 127.3/16) with IPv6 and a default PID.
inline QJsonObject baseConfigJson(const QByteArray &passwordHash, const QByteArray &umsPublicKey)
{
    const QJsonObject pids{
        {QStringLiteral("isp-a"), QJsonObject{{QStringLiteral("ipv4"), QJsonArray{QStringLiteral("127.1.0.0/16")}},
                                              {QStringLiteral("ipv6"), QJsonArray{QStringLiteral("fd00:a::/32")}}}},
        {QStringLiteral("isp-b"), QJsonObject{{QStringLiteral("ipv4"), QJsonArray{QStringLiteral("127.2.0.0/16"), QStringLiteral("10.0.0.0/8")}},
                                              {QStringLiteral("ipv6"), QJsonArray{QStringLiteral("fd00:b::/32")}}}},
        {QStringLiteral("isp-c"), QJsonObject{{QStringLiteral("ipv4"), QJsonArray{QStringLiteral("127.3.0.0/16"), QStringLiteral("10.1.0.0/16")}},
                                              {QStringLiteral("ipv6"), QJsonArray{QStringLiteral("fd00:b:1::/48")}}}}};
    auto link = [](const char *src, const char *dst, double cost) {
        return QJsonObject{{QStringLiteral("src"), QLatin1String(src)}, {QStringLiteral("dst"), QLatin1String(dst)}, {QStringLiteral("cost"), cost}};
    };
    QJsonObject auth{{QStringLiteral("users"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("oms")},
                                                                      {QStringLiteral("passwordHash"), QString::fromLatin1(passwordHash)}}}},
                     {QStringLiteral("tokens"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("ops")},
                                                                       {QStringLiteral("token"), QLatin1String(StaticToken)}}}}};
    if (!umsPublicKey.isEmpty())
        auth.insert(QStringLiteral("umsPublicKey"), QString::fromLatin1(toBase64Url(umsPublicKey)));
    return {
        {QStringLiteral("networkMap"), QJsonObject{{QStringLiteral("defaultPid"), QStringLiteral("default")}, {QStringLiteral("pids"), pids}}},
        {QStringLiteral("costMap"), QJsonObject{{QStringLiteral("costs"), QJsonArray{link("isp-a", "isp-b", 10), link("isp-b", "isp-c", 20),
                                                                                     link("isp-a", "isp-c", 50)}},
                                                {QStringLiteral("defaultCost"), 40}}},
        {QStringLiteral("auth"), auth},
    };
}

inline UnisConfig parseOrDie(const QJsonObject &json)
{
    QString error;
    const auto config = UnisConfig::parse(QJsonDocument(json).toJson(), &error);
    if (!config)
        qFatal("test config does not parse: %s", qPrintable(error));
    return *config;
}

// One request with any Authorization header and Content-Type (RouterClient only does Bearer).
inline HttpResponse request(const HttpRouter &router, HttpMethod method, const QString &path, const QByteArray &authorization,
                            const QByteArray &body = {}, const QByteArray &contentType = {})
{
    HttpRequest r;
    r.method = method;
    r.path = path;
    r.body = body;
    r.remoteAddress = QHostAddress(QStringLiteral("127.2.0.77"));
    r.headers.insert("host", "unis.test:7900");
    if (!authorization.isEmpty())
        r.headers.insert("authorization", authorization);
    if (!contentType.isEmpty())
        r.headers.insert("content-type", contentType);
    return router.dispatch(r);
}

inline QByteArray basic(const char *user, const char *password)
{
    return "Basic " + (QByteArray(user) + ':' + password).toBase64();
}

inline QByteArray bearer(const QString &token)
{
    return "Bearer " + token.toLatin1();
}

inline QJsonObject meta(const HttpResponse &response)
{
    return jsonOf(response).value(QStringLiteral("meta")).toObject();
}

} // namespace mp2p::test
