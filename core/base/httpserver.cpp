#include "httpserver.h"

#include "limitedtcpserver.h"

#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

namespace mp2p {

namespace {
HttpMethod toMethod(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return HttpMethod::Get;
    case QHttpServerRequest::Method::Post: return HttpMethod::Post;
    case QHttpServerRequest::Method::Put: return HttpMethod::Put;
    case QHttpServerRequest::Method::Patch: return HttpMethod::Patch;
    case QHttpServerRequest::Method::Delete: return HttpMethod::Delete;
    case QHttpServerRequest::Method::Head: return HttpMethod::Head;
    case QHttpServerRequest::Method::Options: return HttpMethod::Options;
    default: return HttpMethod::Other;
    }
}
} // namespace

HttpServer::HttpServer(const HttpRouter *router, QObject *parent)
    : QObject(parent)
    , m_router(router)
    , m_server(std::make_unique<QHttpServer>())
{
    // No QtHttpServer routes at all: every request reaches the missing handler, and our
    // router decides (QtHttpServer 6.4 cannot answer 405 or limit bodies itself).
    m_server->setMissingHandler([this](const QHttpServerRequest &req, QHttpServerResponder &&responder) {
        HttpRequest request;
        request.method = toMethod(req.method());
        request.path = req.url().path();
        request.rawQuery = req.url().query(QUrl::FullyEncoded).toLatin1();
        request.query = QUrlQuery(req.url());
        request.body = req.body();
        request.remoteAddress = req.remoteAddress();
        const auto headers = req.headers();
        for (const auto &h : headers)
            request.headers.insert(h.first.toLower(), h.second);

        const HttpResponse out = m_router->dispatch(std::move(request));
        QHttpServerResponse response(out.contentType, out.body,
                                     static_cast<QHttpServerResponse::StatusCode>(out.status));
        for (const auto &h : out.headers)
            response.addHeader(h.first, h.second);
        response.write(std::move(responder));
    });
}

HttpServer::~HttpServer() = default;

quint16 HttpServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    auto tcp = std::make_unique<LimitedTcpServer>(m_limits, m_router->largestBodyBytes());
    if (m_tls)
        tcp->setSslConfiguration(*m_tls);
    if (!tcp->listen(address, port)) {
        if (error)
            *error = QStringLiteral("cannot listen on %1:%2 (in use, or not an address of this machine)")
                         .arg(address.toString())
                         .arg(port);
        return 0;
    }
    const quint16 bound = tcp->serverPort();
    m_server->bind(tcp.release());  // QtHttpServer takes ownership
    return bound;
}

bool HttpServer::setTls(const QString &certificatePath, const QString &keyPath, QString *error)
{
    QFile certFile(certificatePath);
    QFile keyFile(keyPath);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read the TLS certificate %1 or key %2").arg(certificatePath, keyPath);
        return false;
    }
    const QSslCertificate cert(&certFile, QSsl::Pem);
    const QSslKey key(&keyFile, QSsl::Rsa, QSsl::Pem);
    QSslKey usableKey = key;
    if (usableKey.isNull()) {
        keyFile.seek(0);
        usableKey = QSslKey(&keyFile, QSsl::Ec, QSsl::Pem);
    }
    if (cert.isNull() || usableKey.isNull()) {
        if (error)
            *error = QStringLiteral("the TLS certificate %1 or key %2 is not valid PEM").arg(certificatePath, keyPath);
        return false;
    }
    // What QAbstractHttpServer::sslSetup would configure; the handshake happens in
    // LimitedTcpServer, under its limits.
    m_tls = std::make_unique<QSslConfiguration>();
    m_tls->setLocalCertificate(cert);
    m_tls->setPrivateKey(usableKey);
    m_tls->setProtocol(QSsl::SecureProtocols);
    return true;
}

} // namespace mp2p
