#include "providertesthost.h"

#include <user/bencode.h>

#include <QCryptographicHash>
#include <QJsonArray>
#include <QTcpServer>
#include <QTest>

#include <optional>

namespace mp2p::test {

TestHost::TestHost() = default;

TestHost::~TestHost()
{
    stop();
}

bool TestHost::start(quint16 port)
{
    HostConfig config;
    config.listenAddress = QHostAddress(QHostAddress::LocalHost);
    config.port = port;
    config.dataDir = m_dir.path();
    config.sections = sections;
    config.operators = operators;
    config.serviceKey = QString::fromLatin1(serviceKey());
    auto host = std::make_unique<P2pspHost>(config);
    QString error;
    if (!host->start(&error)) {
        qWarning().noquote() << "test host did not start on port" << port << ":" << error;
        return false;
    }
    m_port = host->port();
    m_host = std::move(host);
    return true;
}

void TestHost::stop()
{
    if (!m_host)
        return;
    m_host->stop();
    m_host.reset();
}

QString TestHost::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

quint16 unusedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

Identity freshIdentity()
{
    static QTemporaryDir root;
    static int counter = 0;
    QString error;
    auto identity = Identity::loadOrCreate(root.filePath(QStringLiteral("peer%1").arg(++counter)), &error);
    if (!identity)
        qFatal("cannot create a test identity: %s", qPrintable(error));
    return *identity;
}

JsonReply waitReply(const std::function<void(JsonHttpClient::Callback)> &start)
{
    auto out = std::make_shared<std::optional<JsonReply>>();
    start([out](const JsonReply &r) { *out = r; });
    if (!QTest::qWaitFor([out] { return out->has_value(); }, 20000)) {
        JsonReply timeout;
        timeout.status = -1;
        timeout.problem = QStringLiteral("no reply within 20 s");
        return timeout;
    }
    return **out;
}

JsonReply getJson(QNetworkAccessManager *network, const QUrl &url, const QString &token)
{
    JsonHttpClient http(network);
    http.setToken(token);
    return waitReply([&](JsonHttpClient::Callback done) { http.get(url, std::move(done)); });
}

TinyTorrent tinyTorrent(const QString &name, qint64 size)
{
    const QByteArray data(size, 'x');
    const QVariantMap info{{QStringLiteral("name"), name.toUtf8()},
                           {QStringLiteral("length"), size},
                           {QStringLiteral("piece length"), 16384},
                           {QStringLiteral("pieces"), QCryptographicHash::hash(data, QCryptographicHash::Sha1)},
                           {QStringLiteral("private"), 1}};
    TinyTorrent t;
    t.name = name;
    t.size = size;
    t.bytes = bencode(QVariantMap{{QStringLiteral("info"), info}});
    t.infoHashV1 = QString::fromLatin1(QCryptographicHash::hash(bencode(info), QCryptographicHash::Sha1).toHex());
    return t;
}

QJsonObject contentRecord(const TinyTorrent &torrent, const QString &title, const QString &omsUrl)
{
    return {{QStringLiteral("title"), title},
            {QStringLiteral("description"), QStringLiteral("made by the provider unit test")},
            {QStringLiteral("tags"), QJsonArray{QStringLiteral("unittest")}},
            {QStringLiteral("files"), QJsonArray{QJsonObject{{QStringLiteral("path"), torrent.name},
                                                             {QStringLiteral("size"), torrent.size}}}},
            {QStringLiteral("infoHashV1"), torrent.infoHashV1},
            {QStringLiteral("overlayId"), torrent.infoHashV1},
            {QStringLiteral("omsUrl"), omsUrl},
            {QStringLiteral("torrent"), QString::fromLatin1(toBase64Url(torrent.bytes))}};
}

} // namespace mp2p::test
