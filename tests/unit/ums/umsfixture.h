#pragma once

#include <p2psp/ums/umsservice.h>
#include <protocol/jsonfields.h>
#include <protocol/keys.h>
#include <routerclient.h>

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace mp2p::test {

// One UMS on a temporary data folder, driven through its routes with a fake clock.
struct UmsFixture {
    QTemporaryDir dir;
    qint64 now = 1'700'000'000;
    QJsonObject config;
    QByteArray serviceKey;  // what the provider's other servers send as "Bearer svc.<key>"
    std::unique_ptr<UmsService> service;
    std::unique_ptr<HttpRouter> router;

    ServiceContext context() const
    {
        return {dir.path(), config, QStringLiteral("http://127.0.0.1:7800"), nullptr,
                [this] { return now; }, {}, serviceKey, {}};
    }

    // Starts a fresh UmsService on the same data folder (closing the previous one first).
    bool open(QString *error = nullptr)
    {
        router.reset();
        service.reset();
        service = std::make_unique<UmsService>(context());
        QString e;
        if (!service->start(&e)) {
            if (error)
                *error = e;
            return false;
        }
        router = std::make_unique<HttpRouter>();
        service->registerRoutes(*router);
        return true;
    }

    RouterClient client(const QString &token = {}) const { return RouterClient{router.get(), token}; }

    HttpResponse registerKey(const KeyPair &key, const QString &displayName = {}) const
    {
        QJsonObject body{{QStringLiteral("publicKey"), QString::fromLatin1(toBase64Url(key.publicKey()))}};
        if (!displayName.isEmpty())
            body.insert(QStringLiteral("displayName"), displayName);
        return client().post(QStringLiteral("/ums/v1/users"), body);
    }

    QJsonObject challengeFor(const QString &userId) const
    {
        return jsonOf(client().post(QStringLiteral("/ums/v1/challenges"), {{QStringLiteral("userId"), userId}}));
    }

    static QString signChallenge(const KeyPair &key, const QJsonObject &challenge)
    {
        const QByteArray message = "mp2p-login:" + challenge.value(QStringLiteral("challengeId")).toString().toLatin1()
                                   + ':' + challenge.value(QStringLiteral("challenge")).toString().toLatin1();
        return QString::fromLatin1(toBase64Url(key.sign(message)));
    }

    HttpResponse answer(const QString &userId, const QJsonObject &challenge, const QString &signature) const
    {
        return client().post(QStringLiteral("/ums/v1/sessions"),
                             {{QStringLiteral("userId"), userId},
                              {QStringLiteral("challengeId"), challenge.value(QStringLiteral("challengeId"))},
                              {QStringLiteral("signature"), signature}});
    }

    // POST /ums/v1/sessions/refresh with `token` and a fresh challenge signed by `key`.
    HttpResponse refresh(const QString &token, const KeyPair &key) const
    {
        const QJsonObject challenge = challengeFor(userIdForPublicKey(key.publicKey()));
        return client(token).post(QStringLiteral("/ums/v1/sessions/refresh"),
                                  {{QStringLiteral("challengeId"), challenge.value(QStringLiteral("challengeId"))},
                                   {QStringLiteral("signature"), signChallenge(key, challenge)}});
    }

    // Registers (if needed) and logs in; returns the token, or "" on failure.
    QString login(const KeyPair &key) const
    {
        registerKey(key);
        const QString userId = userIdForPublicKey(key.publicKey());
        const QJsonObject challenge = challengeFor(userId);
        const HttpResponse r = answer(userId, challenge, signChallenge(key, challenge));
        return r.status == 201 ? jsonOf(r).value(QStringLiteral("token")).toString() : QString();
    }
};

} // namespace mp2p::test
