#pragma once

#include <p2psp/pams/pamsservice.h>
#include <routerclient.h>

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace mp2p::test {

// A PamsService on a temporary dataDir, with a fake clock and a local UMS key for tokens.
struct PamsFixture {
    explicit PamsFixture(QJsonObject config = {})
        : issuer(KeyPair::generate())
        , verifier(issuer.publicKey())
        , config(std::move(config))
    {
        initCrypto();
        restart();
    }

    // (Re)creates the service on the same dataDir, as a restarted mp2pd would.
    void restart()
    {
        router = std::make_unique<HttpRouter>();
        service.reset();
        ServiceContext context{dir.path(), config, QStringLiteral("http://127.0.0.1"), &verifier,
                               [this] { return now; }, {operatorId}, serviceKey};
        service = std::make_unique<PamsService>(context);
        startError.clear();
        if (!service->start(&startError) && startError.isEmpty())
            startError = QStringLiteral("start() failed without a message");
        service->registerRoutes(*router);
    }

    TestUser user() { return makeUser(issuer, now); }
    RouterClient as(const TestUser &u) const { return RouterClient{router.get(), u.token}; }
    RouterClient anonymous() const { return RouterClient{router.get(), {}}; }
    // The provider's operator: member lists and other peers' records are theirs to read.
    RouterClient operatorView() const { return RouterClient{router.get(), issuer.issue(operatorId, now, 3600)}; }
    // A fresh token for a user after the fake clock moved on.
    void renew(TestUser &u) const { u.token = issuer.issue(u.userId, now, 3600); }

    QTemporaryDir dir;
    QString operatorId = userIdForPublicKey(KeyPair::generate().publicKey());
    QByteArray serviceKey = QByteArray(40, 's');  // what the provider's other mp2pd processes send
    TokenIssuer issuer;
    TokenVerifier verifier;
    QJsonObject config;
    QString startError;  // tests check it is empty
    qint64 now = 1'700'000'000;
    std::unique_ptr<HttpRouter> router;
    std::unique_ptr<PamsService> service;
};

inline QString hex40(char c) { return QString(40, QLatin1Char(c)); }

inline QJsonObject staticPart(qint64 up = 1'000'000, qint64 down = 5'000'000, int conns = 50,
                              const QString &listen = QStringLiteral("192.0.2.7:6881"), bool reachable = true)
{
    return {{"maxUploadBps", up}, {"maxDownloadBps", down}, {"maxConnections", conns},
            {"listenAddress", listen}, {"reachable", reachable}};
}

inline QJsonObject overlayPart(const QString &overlayId, qint64 uploaded, qint64 downloaded, qint64 left,
                               const QString &event = {}, int upConns = 2, int downConns = 3)
{
    QJsonObject o{{"overlayId", overlayId}, {"uploaded", uploaded}, {"downloaded", downloaded}, {"left", left},
                  {"uploadConnections", upConns}, {"downloadConnections", downConns}};
    if (!event.isEmpty())
        o.insert("event", event);
    return o;
}

inline QJsonObject reportBody(const QJsonArray &overlays, const QJsonObject &statics = {})
{
    QJsonObject body{{"overlays", overlays}};
    if (!statics.isEmpty())
        body.insert("static", statics);
    return body;
}

} // namespace mp2p::test
