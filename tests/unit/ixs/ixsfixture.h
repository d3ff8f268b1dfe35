#pragma once

#include <p2psp/ixs/ixsservice.h>
#include <protocol/keys.h>
#include <protocol/token.h>
#include <routerclient.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <memory>

namespace mp2p::test {

// A small real .torrent made by libtorrent from files written for it, with the info-hashes
// libtorrent computed (an oracle independent of the IXS's own hashing).
struct TestTorrent {
    QByteArray bytes;
    QString infoHashV1;
    QString infoHashV2;  // empty for v1-only
    QList<QPair<QString, qint64>> files;
};
// Each call makes different content (so different info-hashes) under `workDir`.
TestTorrent makeTorrent(const QString &workDir, bool hybrid);

// One IXS on a temporary data folder, driven through its routes with a fake clock.
struct IxsFixture {
    QTemporaryDir dir;
    qint64 now = 1'700'000'000;
    KeyPair umsKey = KeyPair::generate();
    TokenIssuer issuer{umsKey};
    TokenVerifier verifier{umsKey.publicKey()};
    std::unique_ptr<IxsService> service;
    std::unique_ptr<HttpRouter> router;

    // Starts a fresh IxsService on the same data folder (closing the previous one first).
    bool open(QString *error = nullptr);
    TestUser newUser() const { return makeUser(issuer, now); }
    RouterClient client(const QString &token = {}) const { return RouterClient{router.get(), token}; }
    QString torrentDir() const { return dir.path() + QStringLiteral("/torrents"); }

    // A valid register body for `torrent`.
    static QJsonObject registration(const TestTorrent &torrent, const QString &title,
                                    const QString &description = {}, const QStringList &tags = {});
    // Registers new v1 content; returns the 201 body (empty object on failure).
    QJsonObject publish(const TestUser &user, const QString &title, const QString &description = {},
                        const QStringList &tags = {});
    QJsonObject search(const QString &query) const;  // GET /ixs/v1/content?<query>
    QStringList searchTitles(const QString &query) const;
};

} // namespace mp2p::test
