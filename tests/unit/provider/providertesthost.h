#pragma once

#include <p2psp/host/p2psphost.h>
#include <user/jsonhttpclient.h>
#include <user/provider/identity.h>

#include <QTemporaryDir>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace mp2p::test {

// A real P2PSP (all four services) on 127.0.0.1 with its data in a temporary folder. stop()
// and start(samePort) simulate a provider that goes away and comes back with its state (and
// its UMS key, so tokens stay valid).
class TestHost {
public:
    TestHost();
    ~TestHost();

    bool start(quint16 port = 0);  // 0 = any free port the first time
    void stop();
    bool restart() { stop(); return start(m_port); }
    bool running() const { return m_host != nullptr; }
    quint16 port() const { return m_port; }
    QString baseUrl() const;
    QString dataDir() const { return m_dir.path(); }
    QHash<QString, QJsonObject> sections;  // per-service config, set before start()
    QStringList operators;                 // user ids of the provider's operators, set before start()
    // The key the provider's own processes share; "svc.<key>" as a token reads operator views.
    static QString serviceToken() { return QStringLiteral("svc.") + QString::fromLatin1(serviceKey()); }
    static QByteArray serviceKey() { return QByteArrayLiteral("test-service-key-0123456789abcdefghij"); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<P2pspHost> m_host;
    quint16 m_port = 0;
};

// A port on 127.0.0.1 where nothing listens (at the moment of the call).
quint16 unusedPort();

// A fresh identity in a temporary folder (the folder lives as long as the process).
Identity freshIdentity();

// Runs `start(callback)` and waits (≤ 20 s) for the callback's reply.
JsonReply waitReply(const std::function<void(JsonHttpClient::Callback)> &start);
JsonReply getJson(QNetworkAccessManager *network, const QUrl &url, const QString &token = {});

// A tiny but real v1 .torrent (bencoded, one file) and the IXS registration body for it.
struct TinyTorrent {
    QByteArray bytes;
    QString infoHashV1;
    QString name;
    qint64 size = 0;
};
TinyTorrent tinyTorrent(const QString &name, qint64 size);
QJsonObject contentRecord(const TinyTorrent &torrent, const QString &title, const QString &omsUrl);

} // namespace mp2p::test
