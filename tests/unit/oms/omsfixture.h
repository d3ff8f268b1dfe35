#pragma once

#include <p2psp/oms/networkmapview.h>
#include <p2psp/oms/omsservice.h>
#include <routerclient.h>
#include <user/bencode.h>

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

namespace mp2p::test {

// R1 stand-in: answers with whatever the test put in `known` and remembers what was asked.
class FakeActivitySource : public PeerActivitySource {
public:
    QHash<QString, PeerActivity> activityOf(const QString &overlayId, const QStringList &userIds) const override
    {
        lastOverlay = overlayId;
        QHash<QString, PeerActivity> out;
        for (const QString &u : userIds) {
            if (known.contains(u))
                out.insert(u, known.value(u));
        }
        return out;
    }
    QHash<QString, PeerActivity> known;
    mutable QString lastOverlay;
};

// One OMS on a temporary data dir, a UMS key to issue tokens, and a clock the test moves.
// 127.N.x.x is region "isp-N"; crossing regions costs 10, staying 1.
class TwoIspMap : public NetworkMapView {
public:
    bool hasMap() const override { return true; }
    std::optional<QString> pidOf(const QHostAddress &address) const override
    {
        return QStringLiteral("isp-%1").arg((address.toIPv4Address() >> 16) & 0xff);
    }
    std::optional<double> cost(const QString &from, const QString &to) const override { return from == to ? 1 : 10; }
};

struct OmsFixture {
    explicit OmsFixture(QJsonObject config = {}, const PeerActivitySource *pams = nullptr)
        : ums(KeyPair::generate())
        , issuer(ums)
        , verifier(ums.publicKey())
        , m_config(std::move(config))
        , m_pams(pams)
    {
        alice = makeUser(issuer, now, 1000000);
        bob = makeUser(issuer, now, 1000000);
        provider = makeUser(issuer, now, 1000000);
        reopen();
    }

    // A new OmsService on the same data dir (a restart).
    void reopen()
    {
        router = std::make_unique<HttpRouter>();
        service.reset();
        ServiceContext ctx{dir.path(), m_config, QStringLiteral("http://test"), &verifier, [this] { return now; },
                           {provider.userId}};
        service = std::make_unique<OmsService>(ctx, m_pams);
        QString error;
        QVERIFY2(service->start(&error), qPrintable(error));
        // As a PAMS where every user consented to volunteer; tests of consent set their own.
        if (everyoneConsents)
            service->setVolunteerConsentCheck([](const QString &, const QString &) { return true; });
        // As the UMS: the passkeys handed out by passkeyOf(); anything else is unknown.
        service->setPasskeyResolver([this](const QString &passkey) -> std::optional<QString> {
            const auto it = passkeys.constFind(passkey);
            return it == passkeys.cend() ? std::nullopt : std::optional<QString>(*it);
        });
        service->registerRoutes(*router);
    }

    // The user's tracker passkey (as the UMS would hand it out): 64 hex characters.
    QString passkeyOf(const TestUser &user) const
    {
        const QString key = QString::fromLatin1(
            QCryptographicHash::hash(("passkey:" + user.userId).toLatin1(), QCryptographicHash::Sha256).toHex());
        passkeys.insert(key, user.userId);
        return key;
    }
    mutable QHash<QString, QString> passkeys;  // passkey -> user id

    RouterClient as(const TestUser &user) const { return RouterClient{router.get(), user.token}; }
    RouterClient anonymous() const { return RouterClient{router.get(), {}}; }
    RouterClient operatorView() const { return as(provider); }

    static QByteArray hashOf(const QByteArray &seed) { return QCryptographicHash::hash(seed, QCryptographicHash::Sha1); }
    static QString hexOf(const QByteArray &bytes) { return QString::fromLatin1(bytes.toHex()); }
    static QByteArray peerId(char c) { return QByteArray("-MP0001-") + QByteArray(12, c); }

    int createOverlay(const TestUser &owner, const QByteArray &infoHash, const QString &name = QStringLiteral("x"))
    {
        return as(owner).post(QStringLiteral("/oms/v1/overlays"),
                              {{QStringLiteral("overlayId"), hexOf(infoHash)}, {QStringLiteral("name"), name}})
            .status;
    }

    // An announce query string (without the passkey) for the peer `id` with an explicit ip.
    static QString announceQuery(const QByteArray &infoHash, const QByteArray &id, const QString &ip, int port,
                                 qint64 left, const QString &extra = {})
    {
        // Concatenated, not arg(): the percent-encoded bytes contain "%1A"-like sequences.
        return QStringLiteral("info_hash=") + QString::fromLatin1(infoHash.toPercentEncoding())
               + QStringLiteral("&peer_id=") + QString::fromLatin1(id.toPercentEncoding())
               + QStringLiteral("&port=") + QString::number(port) + QStringLiteral("&uploaded=0&downloaded=0&left=")
               + QString::number(left) + QStringLiteral("&ip=") + ip + extra;
    }

    HttpResponse announce(const TestUser &user, const QString &query) const
    {
        return anonymous().get(QStringLiteral("/announce/") + passkeyOf(user) + QLatin1Char('?') + query);
    }

    static QVariantMap decode(const HttpResponse &response)
    {
        QString error;
        const std::optional<QVariant> v = bdecode(response.body, &error);
        if (!v)
            qWarning() << "not bencoded:" << error << response.body;
        return v ? v->toMap() : QVariantMap();
    }

    qint64 now = 1700000000;
    QTemporaryDir dir;
    KeyPair ums;
    TokenIssuer issuer;
    TokenVerifier verifier;
    TestUser alice;
    TestUser bob;
    TestUser provider;  // an operator: dedicated resources, member lists
    bool everyoneConsents = true;
    std::unique_ptr<HttpRouter> router;
    std::unique_ptr<OmsService> service;

private:
    QJsonObject m_config;
    const PeerActivitySource *m_pams;
};

// Compact peers (BEP 23) back into "ip:port" strings.
inline QStringList compactPeers(const QByteArray &bytes)
{
    QStringList out;
    for (qsizetype i = 0; i + 6 <= bytes.size(); i += 6) {
        const auto *p = reinterpret_cast<const uchar *>(bytes.constData() + i);
        out.append(QStringLiteral("%1.%2.%3.%4:%5").arg(p[0]).arg(p[1]).arg(p[2]).arg(p[3]).arg((p[4] << 8) | p[5]));
    }
    return out;
}

} // namespace mp2p::test
