#pragma once

#include "altomaps.h"

#include <QObject>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace mp2p {

// An ALTO client (RFC 7285) for the OMS (R3) and the peer (R4): reads the UNIS's directory,
// then its network map and numerical routingcost map, keeps them as one AltoMaps snapshot and
// refreshes them on a timer. Nothing here blocks: requests are asynchronous, and until the
// first map arrives (or while the UNIS is down) hasMap()/pidOf()/cost() answer from the last
// good map, or say "no map", so the caller falls back to its simple rule.
class AltoClient : public QObject {
    Q_OBJECT
public:
    // Share `network` only among clients with the same TLS trust: QNetworkAccessManager reuses an
    // open HTTPS connection to the same host:port even for a request with another SSL config
    // (seen with Qt 6.4).
    explicit AltoClient(QNetworkAccessManager *network, QObject *parent = nullptr);

    // The Information Resource Directory, e.g. http://unis.example:7900/alto.
    void setDirectoryUrl(const QUrl &url);
    // Credentials sent with every request (Basic, or a Bearer token such as a UMS token).
    void setBasicAuth(const QString &user, const QString &password);
    void setBearerToken(const QString &token);
    void setSslConfiguration(const QSslConfiguration &config) { m_ssl = config; }
    void setRefreshInterval(int milliseconds);  // default 5 min; 0 = only on refresh()
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }  // per request, default 10 s

    void start();    // refresh now, then every interval
    void stop();     // no more requests; replies in flight are ignored
    void refresh();  // one round now (ignored while one is running)

    bool hasMap() const { return bool(m_maps); }
    AltoMapsPtr maps() const { return m_maps; }
    QString vtag() const { return m_maps ? m_maps->tag() : QString(); }
    std::optional<QString> pidOf(const QHostAddress &address) const;
    std::optional<double> cost(const QString &srcPid, const QString &dstPid) const;
    bool isReachable() const { return m_reachable; }
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    // A map with a new vtag or new costs replaced the old one (also the first map).
    void mapChanged(const QString &vtag);
    // A round succeeded (changed or not).
    void refreshed();
    // A round failed; the previous map, if any, stays in use.
    void refreshFailed(const QString &error);

private:
    using JsonHandler = std::function<void(const QJsonObject &)>;
    void get(const QUrl &url, const char *mediaType, JsonHandler onOk);
    void onReply(QNetworkReply *reply, quint64 generation, const char *mediaType, const JsonHandler &onOk);
    void readDirectory(const QJsonObject &ird);
    void fetchMaps();
    void finish(const QJsonObject &networkMap, const QJsonObject &costMap);
    void fail(const QString &error);

    QNetworkAccessManager *m_network;
    QUrl m_directoryUrl;
    QByteArray m_authorization;
    QSslConfiguration m_ssl = QSslConfiguration::defaultConfiguration();
    QTimer m_timer;
    int m_timeoutMs = 10000;
    quint64 m_generation = 0;  // bumped by stop(): late replies of an older round are dropped
    bool m_busy = false;
    QUrl m_networkMapUrl;  // from the directory; cleared after a failure so it is read again
    QUrl m_costMapUrl;
    AltoMapsPtr m_maps;
    QByteArray m_costFingerprint;
    bool m_reachable = false;
    QString m_lastError;
};

} // namespace mp2p
