#pragma once

// Internal state of ProviderClient, shared by providerclient.cpp (service calls) and
// providerlogin.cpp (discovery, login, token refresh). Not installed for other modules.
#include "providerclient.h"

#include <QList>
#include <QTimer>

#include <functional>

namespace mp2p {

class ProviderClient::Private {
public:
    Private(ProviderClient *q, QUrl provider, Identity identity, QNetworkAccessManager *network);

    // Login state machine (providerlogin.cpp).
    void startLogin(bool discover);
    void relogin(std::function<void(bool ok)> then);  // after a 401: log in again, then `then`
    void scheduleRefresh();
    void refresh();

    // Bookkeeping shared by every call.
    void noteReply(const JsonReply &reply);
    void setToken(const QString &token, qint64 expiresAt);
    void setPasskey(const QString &passkey);
    int nextDelay(int *delayMs) const;  // returns the delay to use now and doubles *delayMs
    QUrl url(const QString &service, const QString &path) const;
    void request(const QByteArray &method, const QUrl &url, const QJsonObject &body, Callback done, bool mayRelogin);

    ProviderClient *q;
    QUrl provider;
    Identity identity;
    JsonHttpClient http;
    QJsonObject directory;
    QString token;
    QString passkey;
    qint64 expiresAt = 0;
    QString displayName;
    bool connected = false;
    bool loginRunning = false;
    bool readyPending = false;  // emit ready() when the running login succeeds
    QList<std::function<void(bool)>> afterLogin;

    QTimer retryTimer;    // next login attempt after a failure
    QTimer refreshTimer;  // token refresh, or its retry
    int initialDelayMs = 1000;
    int maxDelayMs = 60000;
    int loginDelayMs = 1000;
    int refreshDelayMs = 1000;
    double refreshFraction = 0.8;

private:
    void discover();
    void registerUser();
    void askChallenge();
    void answerChallenge(const QString &challengeId, const QString &challenge);
    void loginSucceeded(const JsonReply &session);
    void fetchPasskey();
    void loginFinished();
    void signChallenge(const QString &step, std::function<void(const QJsonObject &proof)> then,
                       std::function<void(const JsonReply &)> failed);
    void loginFailed(const QString &step, const JsonReply &reply);
    bool checkStep(const QString &step, const JsonReply &reply);
};

} // namespace mp2p
