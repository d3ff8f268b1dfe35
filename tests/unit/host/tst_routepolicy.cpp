// Walks every route every P2PSP service registers and proves the router applies its declared
// policy: what is public is exactly the list below; every other route refuses a missing, a
// foreign-audience, a forged and an expired token; owner routes refuse another user; operator
// routes refuse a user. A new route that forgets its policy fails here.
#include <ixsfixture.h>
#include <p2psp/host/p2psphost.h>
#include <protocol/keys.h>
#include <protocol/token.h>

#include <QDateTime>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace mp2p;

namespace {

QString methodName(HttpMethod m)
{
    switch (m) {
    case HttpMethod::Get: return QStringLiteral("GET");
    case HttpMethod::Post: return QStringLiteral("POST");
    case HttpMethod::Put: return QStringLiteral("PUT");
    case HttpMethod::Patch: return QStringLiteral("PATCH");
    case HttpMethod::Delete: return QStringLiteral("DELETE");
    default: return QStringLiteral("OTHER");
    }
}

} // namespace

class TestRoutePolicy : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<P2pspHost> m_host;
    std::optional<TokenIssuer> m_issuer;
    KeyPair m_alice = KeyPair::generate();
    KeyPair m_bob = KeyPair::generate();
    KeyPair m_operator = KeyPair::generate();
    qint64 m_now = QDateTime::currentSecsSinceEpoch();
    QHash<QString, QString> m_values;  // placeholder -> a value naming an existing resource of Alice
    const QString ServiceKey = QStringLiteral("routepolicy-service-key-0123456789abcdef");
    // Operator routes only the provider's other servers may call (with the service key); an
    // operator's own token is refused there too.
    const QSet<QString> m_serviceOnly = {QStringLiteral("GET /ums/v1/revocations")};

    QString id(const KeyPair &k) const { return userIdForPublicKey(k.publicKey()); }
    QString token(const KeyPair &k, const QString &aud = audience::P2psp, qint64 ttl = 600) const
    {
        return m_issuer->issue(id(k), m_now, ttl, aud);
    }

    HttpResponse call(const RouteInfo &route, const QString &bearer, const QByteArray &body = "{}") const
    {
        HttpRequest r;
        r.method = route.method;
        QString path = route.pattern;
        for (auto it = m_values.cbegin(); it != m_values.cend(); ++it)
            path.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'), it.value());
        r.path = path;
        r.body = route.method == HttpMethod::Get || route.method == HttpMethod::Delete ? QByteArray() : body;
        r.remoteAddress = QHostAddress(QStringLiteral("127.1.0.9"));
        if (!bearer.isEmpty())
            r.headers.insert("authorization", "Bearer " + bearer.toLatin1());
        return m_host->router().dispatch(r);
    }

    QString describe(const RouteInfo &route) const { return methodName(route.method) + QLatin1Char(' ') + route.pattern; }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        HostConfig config;
        config.dataDir = m_dir.path();
        config.port = 0;
        config.listenAddress = QHostAddress(QStringLiteral("127.1.0.8"));
        config.services = {QStringLiteral("ums"), QStringLiteral("ixs"), QStringLiteral("oms"), QStringLiteral("pams")};
        config.operators = {id(m_operator)};
        config.serviceKey = ServiceKey;
        m_host = std::make_unique<P2pspHost>(config);
        QString error;
        QVERIFY2(m_host->start(&error), qPrintable(error));
        QString keyError;
        auto umsKey = KeyPair::loadOrCreate(m_dir.path() + QStringLiteral("/ums-signing.key"), &keyError);
        QVERIFY2(umsKey, qPrintable(keyError));
        m_issuer.emplace(std::move(*umsKey));

        // Alice owns one of everything an owner route can address.
        m_values = {{QStringLiteral("userId"), id(m_alice)}};
        const test::TestTorrent torrent = test::makeTorrent(m_dir.path() + QStringLiteral("/t"), false);
        const RouteInfo publish{HttpMethod::Post, QStringLiteral("/ixs/v1/content"), Access::User, {}};
        // The record must name this provider's OMS: the IXS refuses any other.
        QJsonObject record = test::IxsFixture::registration(torrent, QStringLiteral("walk"));
        record.insert(QStringLiteral("omsUrl"), m_host->baseUrl());
        const HttpResponse published = call(publish, token(m_alice), QJsonDocument(record).toJson(QJsonDocument::Compact));
        QCOMPARE(published.status, 201);
        m_values.insert(QStringLiteral("id"), QJsonDocument::fromJson(published.body).object().value(QStringLiteral("id")).toString());
        m_values.insert(QStringLiteral("overlayId"), torrent.infoHashV1);
        m_values.insert(QStringLiteral("hex"), torrent.infoHashV1);
        m_values.insert(QStringLiteral("rid"), QString(32, QLatin1Char('a')));
    }

    void publicRoutesAreExactlyTheseOnes()
    {
        const QSet<QString> expected = {
            QStringLiteral("GET /.well-known/mp2p"), QStringLiteral("GET /healthz"),
            QStringLiteral("GET /ums/healthz"), QStringLiteral("GET /ixs/healthz"), QStringLiteral("GET /oms/healthz"),
            QStringLiteral("GET /pams/healthz"),
            // Logging in and registering a key need no token; each is rate-limited per address.
            QStringLiteral("GET /ums/v1/key"), QStringLiteral("POST /ums/v1/users"), QStringLiteral("GET /ums/v1/users/{userId}"),
            QStringLiteral("POST /ums/v1/challenges"), QStringLiteral("POST /ums/v1/sessions"),
            // The catalogue and overlay metadata are open for reading.
            QStringLiteral("GET /ixs/v1/content"), QStringLiteral("GET /ixs/v1/content/{id}"),
            QStringLiteral("GET /ixs/v1/content/by-infohash/{hex}"), QStringLiteral("GET /oms/v1/overlays/{id}"),
            // BitTorrent clients carry their credential in the URL; the tracker checks it.
            QStringLiteral("GET /announce"), QStringLiteral("GET /announce/{passkey}"), QStringLiteral("GET /scrape"),
            QStringLiteral("GET /scrape/{passkey}"),
            // A remote OMS resolves a passkey to its (public) user id; only its holder can ask.
            QStringLiteral("GET /ums/v1/passkeys/{passkey}"),
            // Contribution credit is verifiable by anyone; it names no address.
            QStringLiteral("GET /pams/v1/credit/{userId}")};
        QSet<QString> open;
        for (const RouteInfo &route : m_host->router().routes())
            if (route.access == Access::Public)
                open.insert(describe(route));
        QCOMPARE(open, expected);
    }

    void everyProtectedRouteRefusesBadTokens()
    {
        const QString forged = TokenIssuer(KeyPair::generate()).issue(id(m_alice), m_now, 600);
        const QString expired = m_issuer->issue(id(m_alice), m_now - 7200, 600);
        int checked = 0;
        for (const RouteInfo &route : m_host->router().routes()) {
            if (route.access == Access::Public)
                continue;
            const QString what = describe(route);
            for (const auto &[label, bearer] :
                 {std::pair{QStringLiteral("no token"), QString()}, std::pair{QStringLiteral("UNIS token"), token(m_alice, audience::Unis)},
                  std::pair{QStringLiteral("relay token"), token(m_alice, audience::Relay)},
                  std::pair{QStringLiteral("forged"), forged}, std::pair{QStringLiteral("expired"), expired},
                  std::pair{QStringLiteral("wrong service key"), QStringLiteral("svc.") + QString(40, QLatin1Char('s'))}}) {
                const HttpResponse r = call(route, bearer);
                QVERIFY2(r.status == 401, qPrintable(QStringLiteral("%1 with %2: %3 %4").arg(what, label).arg(r.status)
                                                         .arg(QString::fromUtf8(r.body))));
            }
            ++checked;
        }
        QVERIFY(checked >= 20);
    }

    void ownerAndOperatorRoutesRefuseOthers()
    {
        int owners = 0, operators = 0;
        for (const RouteInfo &route : m_host->router().routes()) {
            const QString what = describe(route);
            if (route.access == Access::Operator) {
                const HttpResponse r = call(route, token(m_alice));
                QVERIFY2(r.status == 403, qPrintable(QStringLiteral("%1 as a user: %2").arg(what).arg(r.status)));
                const int asOperator = call(route, token(m_operator)).status;
                if (m_serviceOnly.contains(what))
                    QVERIFY2(asOperator == 403, qPrintable(QStringLiteral("%1 as operator: %2").arg(what).arg(asOperator)));
                else
                    QVERIFY2(asOperator != 403, qPrintable(what + QStringLiteral(" as operator")));
                QVERIFY2(call(route, QStringLiteral("svc.") + ServiceKey).status != 403, qPrintable(what + QStringLiteral(" as a service")));
                ++operators;
            } else if (route.access == Access::Owner) {
                const HttpResponse r = call(route, token(m_bob));
                // ORCP resources: none is registered, so the resource is unknown to everyone.
                const int expected = route.pattern.contains(QStringLiteral("{rid}")) ? 404 : 403;
                QVERIFY2(r.status == expected, qPrintable(QStringLiteral("%1 as another user: %2 %3").arg(what).arg(r.status)
                                                              .arg(QString::fromUtf8(r.body))));
                QVERIFY2(call(route, token(m_alice)).status != 403, qPrintable(what + QStringLiteral(" as its owner")));
                ++owners;
            }
        }
        QVERIFY(operators >= 3);  // the ORCP pool, the PAMS overlay view, the revocation feed
        QVERIFY(owners >= 5);
    }

    void rateLimitsAnswer429WithRetryAfter()
    {
        const RouteInfo challenge{HttpMethod::Post, QStringLiteral("/ums/v1/challenges"), Access::Public, {}};
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("userId"), id(m_alice)}}).toJson();
        int limitedAt = -1;
        HttpResponse last;
        for (int i = 0; i < 1000 && limitedAt < 0; ++i) {
            last = call(challenge, {}, body);
            if (last.status == 429)
                limitedAt = i;
        }
        QVERIFY2(limitedAt > 0, "an address can ask for challenges without end");
        bool retryAfter = false;
        for (const auto &h : last.headers)
            retryAfter = retryAfter || (h.first == "Retry-After" && h.second.toInt() > 0);
        QVERIFY(retryAfter);
    }
};

QTEST_GUILESS_MAIN(TestRoutePolicy)
#include "tst_routepolicy.moc"
