#pragma once

#include <base/httprouter.h>
#include <protocol/token.h>

#include <QJsonDocument>
#include <QJsonObject>

namespace mp2p::test {

// Drives an HttpRouter the way a client would, without a socket: unit tests of a server
// module exercise the same routes, validation and error bodies that HTTP clients see.
struct RouterClient {
    const HttpRouter *router;
    QString token;  // sent as "Authorization: Bearer" when set

    HttpResponse call(HttpMethod method, const QString &pathAndQuery, const QByteArray &body = {}) const;
    HttpResponse get(const QString &pathAndQuery) const { return call(HttpMethod::Get, pathAndQuery); }
    HttpResponse post(const QString &path, const QJsonObject &body) const;
    HttpResponse put(const QString &path, const QJsonObject &body) const;
    HttpResponse patch(const QString &path, const QJsonObject &body) const;
    HttpResponse del(const QString &path) const { return call(HttpMethod::Delete, path); }
};

QJsonObject jsonOf(const HttpResponse &response);

// A user with a fresh key pair and a token issued by `issuer`.
struct TestUser {
    KeyPair key;
    QString userId;
    QString token;
};
TestUser makeUser(const TokenIssuer &issuer, qint64 nowSecs, qint64 ttlSecs = 3600);

} // namespace mp2p::test
