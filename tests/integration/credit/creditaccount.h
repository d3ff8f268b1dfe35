#pragma once

// An account of the credit attack tests, and what it does over HTTP at a real mp2pd: register
// and log in at the UMS, report downloads to the PAMS, sign receipts and redeem them. The
// attacker signs whatever it likes; the PAMS decides what counts.
#include "../../unit/ums/umsfixture.h"

#include <mp2pdprocess.h>
#include <protocol/receipt.h>

#include <QDateTime>
#include <QJsonArray>

namespace mp2p::test {

struct Account {
    KeyPair key = KeyPair::generate();
    QString userId = userIdForPublicKey(key.publicKey());
    QString token;
};

inline bool enrol(TestHttp &http, const QString &base, Account *u)
{
    const int reg = http.post(base + QStringLiteral("/ums/v1/users"),
                              {{QStringLiteral("publicKey"), QString::fromLatin1(toBase64Url(u->key.publicKey()))}})
                        .status;
    if (reg != 201 && reg != 200)
        return false;
    const QJsonObject c = http.post(base + QStringLiteral("/ums/v1/challenges"), {{QStringLiteral("userId"), u->userId}}).json();
    const HttpResult s = http.post(base + QStringLiteral("/ums/v1/sessions"),
                                   {{QStringLiteral("userId"), u->userId},
                                    {QStringLiteral("challengeId"), c.value(QStringLiteral("challengeId"))},
                                    {QStringLiteral("signature"), UmsFixture::signChallenge(u->key, c)}});
    u->token = s.json().value(QStringLiteral("token")).toString();
    return !u->token.isEmpty();
}

// The PAMP report of `downloaded` bytes in `overlay`, with the peer's static part (so it is
// listed in the R1 view the OMS reads).
inline HttpResult report(TestHttp &http, const QString &base, const Account &u, const QString &overlay, qint64 downloaded)
{
    const QJsonObject o{{"overlayId", overlay}, {"uploaded", 0}, {"downloaded", downloaded}, {"left", 0},
                        {"uploadConnections", 1}, {"downloadConnections", 1}};
    const QJsonObject statics{{"maxUploadBps", 0}, {"maxDownloadBps", 0}, {"maxConnections", 50},
                              {"listenAddress", QStringLiteral("127.3.0.1:6881")}, {"reachable", true}};
    return http.post(base + QStringLiteral("/pams/v1/reports"), {{"overlays", QJsonArray{o}}, {"static", statics}}, u.token);
}

// `down` signs a receipt crediting `up` with `bytes` (cumulative) in `overlay`; `up` redeems it.
inline HttpResult redeem(TestHttp &http, const QString &base, const Account &down, const Account &up, const QString &overlay,
                         qint64 sequence, qint64 bytes, qint64 time = 0)
{
    ReceiptFields f;
    f.overlayId = overlay;
    f.uploaderId = up.userId;
    f.sequence = sequence;
    f.bytes = bytes;
    f.time = time ? time : QDateTime::currentSecsSinceEpoch();
    return http.post(base + QStringLiteral("/pams/v1/credit/redeem"),
                     {{"receipts", QJsonArray{receiptToJson(signReceipt(down.key, f))}}}, up.token);
}

inline QJsonObject firstResult(const HttpResult &r)
{
    return r.json().value("results").toArray().at(0).toObject();
}

} // namespace mp2p::test
