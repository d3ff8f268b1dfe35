#include "unisfixture.h"

#include <isp/unis/altoerror.h>
#include <isp/unis/altoresources.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mp2p;
using namespace mp2p::test;

// Nobody reads the network map without credentials; reload keeps serving the old map on a bad file.
class TstUnisAuth : public QObject {
    Q_OBJECT

    QByteArray m_hash;
    std::unique_ptr<TokenIssuer> m_ums;
    std::unique_ptr<UnisService> m_service;

    HttpResponse get(const QByteArray &authorization, const char *path = alto::NetworkMapPath) const
    {
        return request(m_service->router(), HttpMethod::Get, QLatin1String(path), authorization);
    }
    static QList<QByteArray> challenges(const HttpResponse &r)
    {
        QList<QByteArray> out;
        for (const auto &h : r.headers)
            if (h.first.toLower() == "www-authenticate")
                out.append(h.second);
        return out;
    }
    static bool isDenied(const HttpResponse &r, const QString &messagePart = {})
    {
        const QJsonObject m = meta(r);
        return r.status == 401 && r.contentType == alto::ErrorType && m.value(QStringLiteral("code")).toString() == QLatin1String(alto::EUnauthorized)
            && m.value(QStringLiteral("message")).toString().contains(messagePart) && !challenges(r).isEmpty();
    }
    static bool writeFile(const QString &path, const QByteArray &text)
    {
        QFile f(path);
        return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(initCrypto());
        m_hash = hashPassword("s3cret pass");
        QVERIFY(m_hash.startsWith("$argon2id$"));
        QVERIFY(verifyPassword(m_hash, "s3cret pass"));
        QVERIFY(!verifyPassword(m_hash, "s3cret pasS"));
        m_ums = std::make_unique<TokenIssuer>(KeyPair::generate());
    }

    void init() { m_service = std::make_unique<UnisService>(parseOrDie(baseConfigJson(m_hash, m_ums->publicKey())), [] { return Now; }); }

    void noCredentialsIsRefusedEverywhere()
    {
        for (const char *path : {alto::DirectoryPath, alto::NetworkMapPath, alto::NumericalCostMapPath, alto::OrdinalCostMapPath})
            QVERIFY2(isDenied(get({}, path), QStringLiteral("authenticated clients only")), path);
        for (const char *path : {alto::FilteredNetworkMapPath, alto::FilteredCostMapPath, alto::EndpointPropPath, alto::EndpointCostPath})
            QVERIFY2(isDenied(request(m_service->router(), HttpMethod::Post, QLatin1String(path), {}, "{}")), path);
        const QList<QByteArray> offered = challenges(get({}));
        QCOMPARE(offered.size(), 2);
        QVERIFY(offered.contains("Basic realm=\"mp2p-unis\", charset=\"UTF-8\""));
        QVERIFY(offered.contains("Bearer realm=\"mp2p-unis\""));
    }

    void basicAuth()
    {
        QCOMPARE(get(basic("oms", "s3cret pass")).status, 200);
        QCOMPARE(get(basic("oms", "s3cret pass")).status, 200);  // second time from the cache
        QVERIFY(isDenied(get(basic("oms", "wrong")), QStringLiteral("wrong password")));
        QVERIFY(isDenied(get(basic("nobody", "s3cret pass")), QStringLiteral("unknown user")));
        QVERIFY(isDenied(get("Basic ***notbase64***"), QStringLiteral("malformed")));
        QVERIFY(isDenied(get("Basic " + QByteArray("nocolon").toBase64()), QStringLiteral("malformed")));
        QVERIFY(isDenied(get("Digest abc"), QStringLiteral("'digest' scheme")));
    }

    void staticBearerToken()
    {
        QCOMPARE(get(bearer(QLatin1String(StaticToken))).status, 200);
        const HttpResponse wrong = get(bearer(QStringLiteral("operator-token-0123456789abcdeX")));
        QVERIFY(isDenied(wrong));
        QVERIFY(challenges(wrong).contains("Bearer realm=\"mp2p-unis\", error=\"invalid_token\""));
    }

    void umsTokens()
    {
        TestUser user = makeUser(*m_ums, Now - 10, 3600);
        // The provider's own token (audience p2psp) is refused: a UNIS gets only "unis" tokens.
        QVERIFY(isDenied(get(bearer(user.token)), QStringLiteral("not for a UNIS")));
        user.token = m_ums->issue(user.userId, Now - 10, 3600, audience::Unis);
        QCOMPARE(get(bearer(user.token)).status, 200);
        const TestUser expired = makeUser(*m_ums, Now - 7200, 600);
        QVERIFY(isDenied(get(bearer(expired.token)), QStringLiteral("expired")));
        const TokenIssuer forger(KeyPair::generate());
        QVERIFY(isDenied(get(bearer(makeUser(forger, Now, 3600).token))));
        // A UNIS without the UMS key does not take UMS tokens at all.
        QJsonObject json = baseConfigJson(m_hash, {});
        UnisService noUms(parseOrDie(json), [] { return Now; });
        QCOMPARE(request(noUms.router(), HttpMethod::Get, QLatin1String(alto::NetworkMapPath), bearer(user.token)).status, 401);
        QCOMPARE(request(noUms.router(), HttpMethod::Get, QLatin1String(alto::NetworkMapPath), bearer(QLatin1String(StaticToken))).status, 200);
    }

    void onlyConfiguredSchemesAreOffered()
    {
        QJsonObject json = baseConfigJson(m_hash, {});
        QJsonObject auth = json.value(QStringLiteral("auth")).toObject();
        auth.remove(QStringLiteral("tokens"));
        json.insert(QStringLiteral("auth"), auth);
        UnisService basicOnly(parseOrDie(json), [] { return Now; });
        const HttpResponse r = request(basicOnly.router(), HttpMethod::Get, QLatin1String(alto::NetworkMapPath), bearer(QLatin1String(StaticToken)));
        QCOMPARE(r.status, 401);
        QCOMPARE(challenges(r), QList<QByteArray>{"Basic realm=\"mp2p-unis\", charset=\"UTF-8\""});
    }

    void reloadKeepsOldMapOnBadConfig()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("unis.json"));
        const QByteArray good = QJsonDocument(baseConfigJson(m_hash, m_ums->publicKey())).toJson();
        const QString tag = m_service->snapshot()->maps->tag();
        const auto pinned = m_service->snapshot();  // what a request in flight holds

        QString error;
        QVERIFY(writeFile(path, QByteArray(good).replace("\"defaultCost\": 40", "\"defaultCost\": 40,,")));
        QVERIFY(!m_service->reloadFile(path, &error));
        QVERIFY2(error.contains(QStringLiteral("line ")), qPrintable(error));
        QCOMPARE(m_service->snapshot()->maps->tag(), tag);

        QVERIFY(writeFile(path, QByteArray(good).replace("127.2.0.0/16", "127.2.0.0/99")));
        QVERIFY(!m_service->reloadFile(path, &error));
        QVERIFY2(error.contains(QStringLiteral("networkMap.pids.isp-b.ipv4[0]")), qPrintable(error));
        QCOMPARE(m_service->snapshot()->maps->tag(), tag);
        QCOMPARE(get(bearer(QLatin1String(StaticToken))).status, 200);

        QVERIFY(!m_service->reloadFile(dir.filePath(QStringLiteral("missing.json")), &error));
        QCOMPARE(m_service->snapshot()->maps->tag(), tag);

        // A good file replaces map and credentials; the pinned old snapshot stays intact.
        QVERIFY(writeFile(path, QByteArray(good).replace("\"cost\": 10", "\"cost\": 12").replace(StaticToken, "a-brand-new-operator-token")));
        QVERIFY2(m_service->reloadFile(path, &error), qPrintable(error));
        QVERIFY(m_service->snapshot()->maps->tag() != tag);
        QCOMPARE(m_service->snapshot()->maps->cost(QStringLiteral("isp-a"), QStringLiteral("isp-b")).value(), 12.0);
        QCOMPARE(pinned->maps->cost(QStringLiteral("isp-a"), QStringLiteral("isp-b")).value(), 10.0);
        QCOMPARE(get(bearer(QLatin1String(StaticToken))).status, 401);
        QCOMPARE(get(bearer(QStringLiteral("a-brand-new-operator-token"))).status, 200);
    }

    // Guessing is throttled per address (429) and Argon2id checks are budgeted for all
    // addresses together (503), both with Retry-After; verified credentials skip both.
    void passwordGuessingIsThrottled()
    {
        QJsonObject json = baseConfigJson(m_hash, {});
        json.insert(QStringLiteral("limits"), QJsonObject{{QStringLiteral("maxPasswordFailures"), 2},
                                                          {QStringLiteral("passwordFailureWindowSecs"), 30},
                                                          {QStringLiteral("maxPasswordChecksPerSec"), 1}});
        qint64 now = Now;
        UnisService service(parseOrDie(json), [&now] { return now; });
        const auto from = [&service](const char *address, const QByteArray &authorization) {
            HttpRequest r;
            r.path = QLatin1String(alto::NetworkMapPath);
            r.remoteAddress = QHostAddress(QLatin1String(address));
            r.headers.insert("authorization", authorization);
            return service.router().dispatch(r);
        };
        const auto retryAfter = [](const HttpResponse &r) {
            for (const auto &h : r.headers)
                if (h.first.toLower() == "retry-after")
                    return h.second.toInt();
            return 0;
        };

        QCOMPARE(from("127.2.0.1", basic("oms", "guess 1")).status, 401);
        const HttpResponse busy = from("127.2.0.2", basic("oms", "guess 2"));  // same second: the budget is spent
        QCOMPARE(busy.status, 503);
        QCOMPARE(meta(busy).value(QStringLiteral("code")).toString(), QLatin1String(alto::EServerBusy));
        QCOMPARE(retryAfter(busy), 1);

        ++now;
        QCOMPARE(from("127.2.0.1", basic("oms", "guess 3")).status, 401);
        ++now;
        QCOMPARE(from("127.2.0.1", basic("nobody", "guess 4")).status, 429);  // two failures used up
        const HttpResponse blocked = from("127.2.0.1", basic("oms", "guess 5"));
        QCOMPARE(blocked.status, 429);
        QCOMPARE(meta(blocked).value(QStringLiteral("code")).toString(), QLatin1String(alto::ETooManyAttempts));
        QCOMPARE(retryAfter(blocked), 28);  // the window opened at the first failure, 2 s ago

        QCOMPARE(from("127.2.0.2", basic("oms", "s3cret pass")).status, 200);  // another address gets in
        ++now;
        QCOMPARE(from("127.2.0.1", basic("oms", "s3cret pass")).status, 200);  // verified before: no check needed
        service.apply(parseOrDie(json));  // a reload forgives nobody
        QCOMPARE(from("127.2.0.1", basic("oms", "guess 6")).status, 429);
        now += 30;
        QCOMPARE(from("127.2.0.1", basic("oms", "guess 7")).status, 401);  // the window is over
    }
};

QTEST_GUILESS_MAIN(TstUnisAuth)
#include "tst_unisauth.moc"
