#pragma once

#include "identity.h"

#include <user/jsonhttpclient.h>

#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace mp2p {

// The peer's link to a P2PSP: discovery (/.well-known/mp2p), registration and challenge-
// response login at the UMS (R13), a token refreshed before it expires, and the JSON calls of
// the IXS (R6, OCMP), the OMS (R5, OMP) and the PAMS (R2, PAMP). Asynchronous throughout.
// When the provider is unreachable it keeps retrying in the background with backoff and
// emits connectedChanged(); the token is re-obtained by logging in again if it expired.
class ProviderClient : public QObject {
    Q_OBJECT
public:
    using Callback = JsonHttpClient::Callback;

    ProviderClient(QUrl providerUrl, Identity identity, QNetworkAccessManager *network, QObject *parent = nullptr);
    ~ProviderClient() override;

    void connectToProvider();          // discovery → register → login; then ready() or failed()
    bool isReady() const;              // logged in with a valid token
    bool isConnected() const;          // last call reached the provider
    const Identity &identity() const;
    QString token() const;
    QJsonObject directory() const;
    QUrl serviceUrl(const QString &service, const QString &path) const;  // "ixs", "/ixs/v1/content"
    // The OMS tracker URL with this user's passkey: /announce/<passkey>. Bearer tokens never go
    // into a URL (a tracker named by a record could keep and replay them).
    QString announceUrl() const;
    QString passkey() const;           // from the UMS after login; empty before
    // Asks the UMS for a new passkey (the old one stops working); passkeyChanged() follows.
    void rotatePasskey(Callback done);
    // Asks the UMS for the current passkey (GET /ums/v1/passkey); passkeyChanged() follows when
    // it differs from the one held, e.g. after another program of the same user rotated it.
    void refreshPasskey(Callback done);
    // Logs out at the UMS (the session's tokens stop working everywhere); `done` may be empty.
    void logout(Callback done);
    // True when `url` has the scheme, host and port of a service the provider's directory lists:
    // the only places this client sends its token or passkey to.
    bool isProviderUrl(const QUrl &url) const;
    // Asks the UMS for a short-lived token for an ISP's UNIS ("unis") or a relay ("rs"), which
    // must never receive the provider token. The token is in body["token"].
    void audienceToken(const QString &audience, Callback done);
    QString displayName() const;
    void setDisplayName(const QString &name);  // used when registering; default "peer-" + 8 chars of the id
    qint64 tokenExpiresAt() const;             // unix seconds (UMS clock)

    // Tuning, mostly for tests: the token is refreshed after `fraction` of its lifetime (0.8);
    // failed logins/refreshes are retried after initialMs, doubling up to maxMs (1 s .. 60 s).
    void setRefreshFraction(double fraction);
    void setRetryDelays(int initialMs, int maxMs);

    // Any JSON call to a service of the directory, with the token, the connected bookkeeping
    // and one re-login on 401 (the calls below are shorthands for it).
    void call(const QByteArray &method, const QString &service, const QString &path, const QJsonObject &body,
              Callback done);
    void callUrl(const QByteArray &method, const QUrl &url, const QJsonObject &body, Callback done);

    // OCMP
    void registerContent(const QJsonObject &content, Callback done);
    void updateContent(const QString &id, const QJsonObject &changes, Callback done);
    void removeContent(const QString &id, Callback done);
    void searchContent(const QString &query, int page, int perPage, Callback done);
    void getContent(const QString &id, Callback done);
    void getContentByInfoHash(const QString &infoHash, Callback done);
    // OMP
    void createOverlay(const QJsonObject &overlay, Callback done);
    void getOverlayPeers(const QString &overlayId, Callback done);
    void joinOverlay(const QString &overlayId, const QJsonObject &join, Callback done);
    void leaveOverlay(const QString &overlayId, const QString &peerIdHex, Callback done);
    // PAMP
    void registerPeer(const QJsonObject &registration, Callback done);
    void sendReport(const QJsonObject &report, Callback done);
    void getPeerActivity(const QString &userId, Callback done);

Q_SIGNALS:
    void ready();                                 // once per connectToProvider(), when logged in
    void failed(const QString &problem);          // each failed attempt; a retry is already scheduled
    void tokenChanged(const QString &token);
    void passkeyChanged(const QString &passkey);  // the engine updates tracker URLs
    void connectedChanged(bool connected);

private:
    class Private;
    friend class Private;
    std::unique_ptr<Private> d;
};

} // namespace mp2p
