#pragma once

// What a credit test puts in place before any receipt can count: the overlay at the OMS, its
// content (and so its size) at the IXS, and every trading user announced in its swarm. The PAMS
// credits nothing else. Header-only: it needs bencode (mp2p_user), which only host tests link.

#include "mp2pdprocess.h"

#include <protocol/keys.h>
#include <user/bencode.h>

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRandomGenerator>

namespace mp2p::test {

struct CreditContent {
    QString name;
    qint64 size = 0;
    QByteArray torrent;
    QString infoHash;  // v1, 40 hex
};

// A made-up single-file .torrent of `size` bytes: the right number of (random) piece hashes,
// since the index checks the metadata and never the data.
inline CreditContent creditContent(const QString &name, qint64 size)
{
    const qint64 pieceLength = qint64(1) << 20;
    const qint64 pieces = qMax<qint64>(1, (size + pieceLength - 1) / pieceLength);
    QByteArray hashes(int(pieces * 20), Qt::Uninitialized);
    for (char &c : hashes)
        c = char(QRandomGenerator::global()->bounded(256));
    const QVariantMap info{{QStringLiteral("name"), name.toUtf8()},
                           {QStringLiteral("length"), size},
                           {QStringLiteral("piece length"), pieceLength},
                           {QStringLiteral("pieces"), hashes},
                           {QStringLiteral("private"), 1}};
    CreditContent c;
    c.name = name;
    c.size = size;
    c.torrent = bencode(QVariantMap{{QStringLiteral("info"), info}});
    c.infoHash = QString::fromLatin1(QCryptographicHash::hash(bencode(info), QCryptographicHash::Sha1).toHex());
    return c;
}

// The IXS record of a real .torrent (e.g. one a test made with libtorrent) of `size` bytes.
inline QJsonObject creditContentRecord(const QString &name, qint64 size, const QByteArray &torrent,
                                       const QString &infoHash, const QString &omsUrl)
{
    return {{QStringLiteral("title"), name},
            {QStringLiteral("description"), QStringLiteral("content of a credit test")},
            {QStringLiteral("tags"), QJsonArray{QStringLiteral("credittest")}},
            {QStringLiteral("files"), QJsonArray{QJsonObject{{QStringLiteral("path"), name}, {QStringLiteral("size"), size}}}},
            {QStringLiteral("infoHashV1"), infoHash},
            {QStringLiteral("overlayId"), infoHash},
            {QStringLiteral("omsUrl"), omsUrl},
            {QStringLiteral("torrent"), QString::fromLatin1(toBase64Url(torrent))}};
}

// Announces the holder of `token` in the overlay's swarm (OMP join over the JSON API).
inline bool joinSwarm(TestHttp &http, const QString &base, const QString &overlay, const QString &token, qint64 left = 0)
{
    QByteArray peerId(20, Qt::Uninitialized);
    for (char &c : peerId)
        c = char(QRandomGenerator::global()->bounded(256));
    const HttpResult r = http.post(base + QStringLiteral("/oms/v1/overlays/%1/join").arg(overlay),
                                   {{QStringLiteral("peerId"), QString::fromLatin1(peerId.toHex())},
                                    {QStringLiteral("port"), 6881},
                                    {QStringLiteral("left"), left},
                                    {QStringLiteral("numwant"), 0}},
                                   token);
    if (r.status != 200)
        qWarning().noquote() << "join" << overlay << "answered" << r.status << r.body;
    return r.status == 200;
}

// The overlay at the OMS and its content at the IXS, both by the holder of `ownerToken`, then
// every `members` token joined to the swarm. false (with a warning saying which step) on failure.
inline bool openCreditOverlay(TestHttp &http, const QString &base, const QString &name, qint64 size,
                              const QByteArray &torrent, const QString &infoHash, const QString &ownerToken,
                              const QStringList &members)
{
    const HttpResult overlay = http.post(base + QStringLiteral("/oms/v1/overlays"),
                                         {{QStringLiteral("overlayId"), infoHash}, {QStringLiteral("name"), name}}, ownerToken);
    if (overlay.status != 201) {
        qWarning().noquote() << "create overlay answered" << overlay.status << overlay.body;
        return false;
    }
    const HttpResult content = http.post(base + QStringLiteral("/ixs/v1/content"),
                                         creditContentRecord(name, size, torrent, infoHash, base), ownerToken);
    if (content.status != 201) {
        qWarning().noquote() << "register content answered" << content.status << content.body;
        return false;
    }
    for (const QString &token : members)
        if (!joinSwarm(http, base, infoHash, token))
            return false;
    return true;
}

inline bool openCreditOverlay(TestHttp &http, const QString &base, const CreditContent &c, const QString &ownerToken,
                              const QStringList &members)
{
    return openCreditOverlay(http, base, c.name, c.size, c.torrent, c.infoHash, ownerToken, members);
}

} // namespace mp2p::test
