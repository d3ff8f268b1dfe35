#pragma once

#include <mp2pdprocess.h>
#include <protocol/keys.h>

#include <QString>

namespace mp2p::test {

struct LoggedInUser {
    KeyPair key;
    QString userId;
    QString token;
    QString passkey;  // the tracker credential (GET /ums/v1/passkey)
};

// Register + challenge + signed login at the UMS of `umsUrl`; empty token on failure.
LoggedInUser registerAndLogin(TestHttp &http, const QString &umsUrl, const QString &displayName);

// A minimal, valid single-file .torrent (made with libtorrent's bencoder) whose info-hash
// differs for every `seed`.
struct FakeTorrent {
    QByteArray bytes;
    QString infoHashV1;
    QString fileName;  // what the torrent lists: the IXS checks a record against it
    qint64 size = 0;
};
FakeTorrent fakeTorrent(int seed);

QJsonObject contentFor(const FakeTorrent &torrent, const QString &title, const QString &omsUrl);

// The tracker announce URL for a peer, with binary values percent-encoded.
QString announceUrl(const QString &base, const QString &passkey, const QString &infoHashHex, const QByteArray &peerId,
                    quint16 port, qint64 left, const QString &event, bool compact, const QString &ip = {});

} // namespace mp2p::test
