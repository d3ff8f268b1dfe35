// R13 at the UMS: discovery, registration of the key, challenge-response login, and keeping
// the token fresh. Every failure schedules another attempt, so a peer started while its
// provider is down logs in by itself once the provider is back.
#include "providerclientprivate.h"

#include <QDateTime>
#include <QJsonObject>
#include <QLoggingCategory>

#include <limits>

Q_LOGGING_CATEGORY(lcProvider, "mp2p.provider")

namespace mp2p {

namespace {
qint64 nowSecs()
{
    return QDateTime::currentSecsSinceEpoch();
}
} // namespace

void ProviderClient::Private::startLogin(bool discoverFirst)
{
    if (loginRunning)
        return;
    loginRunning = true;
    retryTimer.stop();
    if (discoverFirst || directory.isEmpty())
        discover();
    else
        registerUser();
}

void ProviderClient::Private::relogin(std::function<void(bool)> then)
{
    afterLogin.append(std::move(then));
    startLogin(false);
}

bool ProviderClient::Private::checkStep(const QString &step, const JsonReply &reply)
{
    noteReply(reply);
    if (reply.ok())
        return true;
    loginFailed(step, reply);
    return false;
}

void ProviderClient::Private::discover()
{
    const QUrl url(provider.toString(QUrl::StripTrailingSlash) + QStringLiteral("/.well-known/mp2p"));
    http.get(url, [this](const JsonReply &r) {
        if (!checkStep(QStringLiteral("read the provider's directory"), r))
            return;
        const QJsonObject services = r.body.value(QStringLiteral("services")).toObject();
        if (services.value(QStringLiteral("ums")).toString().isEmpty()) {
            JsonReply notMp2p = r;
            notMp2p.problem = QStringLiteral("%1 does not look like an mp2p provider (its /.well-known/mp2p names no UMS)")
                                  .arg(provider.toString());
            loginFailed(QStringLiteral("read the provider's directory"), notMp2p);
            return;
        }
        directory = r.body;
        registerUser();
    });
}

void ProviderClient::Private::registerUser()
{
    const QJsonObject body{{QStringLiteral("publicKey"), QString::fromLatin1(toBase64Url(identity.key.publicKey()))},
                           {QStringLiteral("displayName"), displayName}};
    // 201 for a new user, 200 when this key is already registered: both mean "go on".
    http.send("POST", url(QStringLiteral("ums"), QStringLiteral("/ums/v1/users")), body, [this](const JsonReply &r) {
        if (checkStep(QStringLiteral("register the user's key at the UMS"), r))
            askChallenge();
    });
}

void ProviderClient::Private::askChallenge()
{
    http.send("POST", url(QStringLiteral("ums"), QStringLiteral("/ums/v1/challenges")),
              {{QStringLiteral("userId"), identity.userId}}, [this](const JsonReply &r) {
        if (!checkStep(QStringLiteral("ask the UMS for a login challenge"), r))
            return;
        answerChallenge(r.body.value(QStringLiteral("challengeId")).toString(),
                        r.body.value(QStringLiteral("challenge")).toString());
    });
}

void ProviderClient::Private::answerChallenge(const QString &challengeId, const QString &challenge)
{
    const QByteArray signature = identity.key.sign(QStringLiteral("mp2p-login:%1:%2").arg(challengeId, challenge).toLatin1());
    const QJsonObject proof{{QStringLiteral("userId"), identity.userId},
                            {QStringLiteral("challengeId"), challengeId},
                            {QStringLiteral("signature"), QString::fromLatin1(toBase64Url(signature))}};
    http.send("POST", url(QStringLiteral("ums"), QStringLiteral("/ums/v1/sessions")), proof, [this](const JsonReply &r) {
        if (!checkStep(QStringLiteral("log in at the UMS"), r))
            return;
        if (r.body.value(QStringLiteral("token")).toString().isEmpty()) {
            JsonReply bad = r;
            bad.problem = QStringLiteral("the UMS answered the login without a token");
            loginFailed(QStringLiteral("log in at the UMS"), bad);
            return;
        }
        loginSucceeded(r);
    });
}

void ProviderClient::Private::loginSucceeded(const JsonReply &session)
{
    setToken(session.body.value(QStringLiteral("token")).toString(),
             qint64(session.body.value(QStringLiteral("expiresAt")).toDouble()));
    fetchPasskey();
}

// The tracker credential: created by the UMS on first request, the same on every login.
void ProviderClient::Private::fetchPasskey()
{
    http.get(url(QStringLiteral("ums"), QStringLiteral("/ums/v1/passkey")), [this](const JsonReply &r) {
        if (!checkStep(QStringLiteral("get the tracker passkey from the UMS"), r))
            return;
        const QString key = r.body.value(QStringLiteral("passkey")).toString();
        if (key.isEmpty()) {
            JsonReply bad = r;
            bad.problem = QStringLiteral("the UMS answered without a passkey");
            loginFailed(QStringLiteral("get the tracker passkey from the UMS"), bad);
            return;
        }
        setPasskey(key);
        loginFinished();
    });
}

void ProviderClient::Private::loginFinished()
{
    loginRunning = false;
    loginDelayMs = initialDelayMs;
    qCInfo(lcProvider).noquote() << "logged in at" << provider.toString() << "as" << identity.userId;
    const auto waiting = std::exchange(afterLogin, {});
    for (const auto &then : waiting)
        then(true);
    if (std::exchange(readyPending, false))
        Q_EMIT q->ready();
}

void ProviderClient::Private::loginFailed(const QString &step, const JsonReply &reply)
{
    loginRunning = false;
    const int delay = nextDelay(&loginDelayMs);
    retryTimer.start(delay);
    const int secs = (delay + 999) / 1000;
    // An unreachable server already comes with advice from JsonHttpClient; an answer that is
    // not what a provider says means the URL points at something else.
    const QString problem =
        reply.status == 0
            ? QStringLiteral("Could not reach the provider %1 to %2: %3. Retrying in %4 s.")
                  .arg(provider.toString(), step, reply.problem)
                  .arg(secs)
            : QStringLiteral("Could not %1 at the provider %2: %3. Check that this is the URL of an mp2p provider "
                             "and that its services run; retrying in %4 s.")
                  .arg(step, provider.toString(), reply.problem)
                  .arg(secs);
    qCWarning(lcProvider).noquote() << problem;
    const auto waiting = std::exchange(afterLogin, {});
    for (const auto &then : waiting)
        then(false);
    Q_EMIT q->failed(problem);
}

void ProviderClient::Private::scheduleRefresh()
{
    const qint64 lifetimeMs = (expiresAt - nowSecs()) * 1000;
    const qint64 delay = qBound(qint64(100), qint64(double(lifetimeMs) * refreshFraction), qint64(std::numeric_limits<int>::max()));
    refreshDelayMs = initialDelayMs;
    refreshTimer.start(int(delay));
}

void ProviderClient::Private::signChallenge(const QString &step, std::function<void(const QJsonObject &)> then,
                                            std::function<void(const JsonReply &)> failed)
{
    http.send("POST", url(QStringLiteral("ums"), QStringLiteral("/ums/v1/challenges")),
              {{QStringLiteral("userId"), identity.userId}}, [this, step, then, failed](const JsonReply &r) {
        noteReply(r);
        if (!r.ok()) {
            failed(r);
            return;
        }
        const QString challengeId = r.body.value(QStringLiteral("challengeId")).toString();
        const QString challenge = r.body.value(QStringLiteral("challenge")).toString();
        const QByteArray signature = identity.key.sign(QStringLiteral("mp2p-login:%1:%2").arg(challengeId, challenge).toLatin1());
        then({{QStringLiteral("challengeId"), challengeId},
              {QStringLiteral("signature"), QString::fromLatin1(toBase64Url(signature))}});
    });
}

// A refresh proves the key again (a fresh signed challenge): the UMS renews nothing on the
// token alone, so a copied token dies with its lifetime.
void ProviderClient::Private::refresh()
{
    if (loginRunning)
        return;  // the login under way brings a new token anyway
    const auto retry = [this](const JsonReply &r) {
        if (r.status == 401 || r.status == 404) {
            // The token expired, the session ended (logout, absolute lifetime), the UMS key
            // changed, or the UMS no longer knows the user (404 on the challenge): log in afresh.
            qCInfo(lcProvider) << "token refresh refused; logging in again";
            startLogin(false);
            return;
        }
        const int delay = nextDelay(&refreshDelayMs);
        qCWarning(lcProvider).noquote() << "token refresh failed:" << r.problem << "- retrying in" << delay << "ms";
        refreshTimer.start(delay);
    };
    signChallenge(QStringLiteral("refresh"), [this, retry](const QJsonObject &proof) {
        http.send("POST", url(QStringLiteral("ums"), QStringLiteral("/ums/v1/sessions/refresh")), proof, [this, retry](const JsonReply &r) {
            noteReply(r);
            if (r.ok() && !r.body.value(QStringLiteral("token")).toString().isEmpty()) {
                setToken(r.body.value(QStringLiteral("token")).toString(), qint64(r.body.value(QStringLiteral("expiresAt")).toDouble()));
                return;
            }
            retry(r);
        });
    }, retry);
}

void ProviderClient::Private::setPasskey(const QString &newPasskey)
{
    if (newPasskey.isEmpty() || newPasskey == passkey)
        return;
    passkey = newPasskey;
    Q_EMIT q->passkeyChanged(passkey);
}

void ProviderClient::Private::setToken(const QString &newToken, qint64 newExpiresAt)
{
    expiresAt = newExpiresAt;
    scheduleRefresh();
    if (newToken == token)
        return;
    token = newToken;
    http.setToken(token);
    Q_EMIT q->tokenChanged(token);
}

int ProviderClient::Private::nextDelay(int *delayMs) const
{
    const int now = qBound(1, *delayMs, maxDelayMs);
    *delayMs = qMin(maxDelayMs, now * 2);
    return now;
}

} // namespace mp2p
