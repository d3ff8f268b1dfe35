#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace mp2p {

// The answer of one JSON call: the HTTP status and body, or a transport problem.
struct JsonReply {
    int status = 0;            // 0 when the server could not be reached
    QJsonObject body;
    QByteArray raw;
    QString problem;           // set when status is 0 or >= 400: a sentence for the user

    bool ok() const { return status >= 200 && status < 300; }
};

// Asynchronous JSON over HTTP for the peer's service clients (UMS, IXS, OMS, PAMS).
// Callbacks run on the thread of the QNetworkAccessManager; nothing here blocks.
class JsonHttpClient : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const JsonReply &)>;

    explicit JsonHttpClient(QNetworkAccessManager *network, QObject *parent = nullptr);

    void setToken(const QString &token) { m_token = token; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    void get(const QUrl &url, Callback done);
    void send(const QByteArray &method, const QUrl &url, const QJsonObject &body, Callback done);
    // Raw GET (for the bencoded tracker answer).
    void getRaw(const QUrl &url, Callback done);

private:
    void start(const QByteArray &method, const QUrl &url, const QByteArray &body, bool expectJson, Callback done);

    QNetworkAccessManager *m_network;
    QString m_token;
    int m_timeoutMs = 15000;
};

} // namespace mp2p
