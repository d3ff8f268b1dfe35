#include "flowhelpers.h"

#include <user/bencode.h>

#include <QCryptographicHash>
#include <QJsonArray>

namespace mp2p::test {

LoggedInUser registerAndLogin(TestHttp &http, const QString &umsUrl, const QString &displayName)
{
    LoggedInUser u{KeyPair::generate(), {}, {}};
    u.userId = userIdForPublicKey(u.key.publicKey());
    const HttpResult reg = http.post(umsUrl + QStringLiteral("/ums/v1/users"),
                                     {{QStringLiteral("publicKey"), QString::fromLatin1(toBase64Url(u.key.publicKey()))},
                                      {QStringLiteral("displayName"), displayName}});
    if (reg.status != 201 && reg.status != 200)
        return u;
    const QJsonObject c = http.post(umsUrl + QStringLiteral("/ums/v1/challenges"), {{QStringLiteral("userId"), u.userId}}).json();
    const QString challengeId = c.value(QStringLiteral("challengeId")).toString();
    const QByteArray signature = u.key.sign(QStringLiteral("mp2p-login:%1:%2").arg(challengeId, c.value(QStringLiteral("challenge")).toString()).toLatin1());
    const HttpResult session = http.post(umsUrl + QStringLiteral("/ums/v1/sessions"),
                                         {{QStringLiteral("userId"), u.userId},
                                          {QStringLiteral("challengeId"), challengeId},
                                          {QStringLiteral("signature"), QString::fromLatin1(toBase64Url(signature))}});
    u.token = session.json().value(QStringLiteral("token")).toString();
    if (!u.token.isEmpty())
        u.passkey = http.get(umsUrl + QStringLiteral("/ums/v1/passkey"), u.token).json().value(QStringLiteral("passkey")).toString();
    return u;
}

FakeTorrent fakeTorrent(int seed)
{
    const QVariantMap info{{QStringLiteral("name"), QByteArray("file-") + QByteArray::number(seed) + ".bin"},
                           {QStringLiteral("length"), 1000 + seed},
                           {QStringLiteral("piece length"), 16384},
                           {QStringLiteral("pieces"), QCryptographicHash::hash(QByteArray::number(seed), QCryptographicHash::Sha1)},
                           {QStringLiteral("private"), 1}};
    const QByteArray infoBytes = bencode(info);
    FakeTorrent t;
    t.bytes = bencode(QVariantMap{{QStringLiteral("info"), info}});
    t.infoHashV1 = QString::fromLatin1(QCryptographicHash::hash(infoBytes, QCryptographicHash::Sha1).toHex());
    t.fileName = QStringLiteral("file-%1.bin").arg(seed);
    t.size = 1000 + seed;
    return t;
}

QJsonObject contentFor(const FakeTorrent &torrent, const QString &title, const QString &omsUrl)
{
    return {{QStringLiteral("title"), title},
            {QStringLiteral("description"), QStringLiteral("integration test content")},
            {QStringLiteral("tags"), QJsonArray{QStringLiteral("test")}},
            {QStringLiteral("files"), QJsonArray{QJsonObject{{QStringLiteral("path"), torrent.fileName}, {QStringLiteral("size"), double(torrent.size)}}}},
            {QStringLiteral("infoHashV1"), torrent.infoHashV1},
            {QStringLiteral("overlayId"), torrent.infoHashV1},
            {QStringLiteral("omsUrl"), omsUrl},
            {QStringLiteral("torrent"), QString::fromLatin1(toBase64Url(torrent.bytes))}};
}

QString announceUrl(const QString &base, const QString &passkey, const QString &infoHashHex, const QByteArray &peerId,
                    quint16 port, qint64 left, const QString &event, bool compact, const QString &ip)
{
    QByteArray q = "info_hash=" + QByteArray::fromHex(infoHashHex.toLatin1()).toPercentEncoding()
                   + "&peer_id=" + peerId.toPercentEncoding() + "&port=" + QByteArray::number(port)
                   + "&uploaded=0&downloaded=0&left=" + QByteArray::number(left) + "&compact=" + (compact ? "1" : "0");
    if (!event.isEmpty())
        q += "&event=" + event.toLatin1();
    if (!ip.isEmpty())
        q += "&ip=" + ip.toLatin1();
    return base + QStringLiteral("/announce/") + passkey + QLatin1Char('?') + QString::fromLatin1(q);
}

} // namespace mp2p::test
