#include "providerclientprivate.h"

#include <QDateTime>
#include <QTimer>
#include <QUrlQuery>

namespace mp2p {

namespace {
QString pathPart(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}
} // namespace

ProviderClient::Private::Private(ProviderClient *owner, QUrl providerUrl, Identity id, QNetworkAccessManager *network)
    : q(owner)
    , provider(std::move(providerUrl))
    , identity(std::move(id))
    , http(network)
    , displayName(QStringLiteral("peer-") + identity.userId.left(8))
{
    retryTimer.setSingleShot(true);
    refreshTimer.setSingleShot(true);
    // After a failure the whole sequence runs again from discovery: the provider may have
    // moved a service meanwhile.
    QObject::connect(&retryTimer, &QTimer::timeout, q, [this] { startLogin(true); });
    QObject::connect(&refreshTimer, &QTimer::timeout, q, [this] { refresh(); });
}

void ProviderClient::Private::noteReply(const JsonReply &reply)
{
    const bool reached = reply.status != 0;
    if (reached == connected)
        return;
    connected = reached;
    Q_EMIT q->connectedChanged(connected);
}

QUrl ProviderClient::Private::url(const QString &service, const QString &path) const
{
    const QString base = directory.value(QStringLiteral("services")).toObject().value(service).toString();
    if (base.isEmpty())
        return {};
    return QUrl(base + path);
}

void ProviderClient::Private::request(const QByteArray &method, const QUrl &target, const QJsonObject &body, Callback done,
                                      bool mayRelogin)
{
    if (!target.isValid() || target.isEmpty()) {
        // Not an unreachable server, so the connected state is left alone.
        QTimer::singleShot(0, q, [done = std::move(done)] {
            JsonReply r;
            r.problem = QStringLiteral("not connected to the provider yet (or it offers no such service); "
                                       "wait until it is ready");
            done(r);
        });
        return;
    }
    auto handle = [this, method, target, body, done, mayRelogin](const JsonReply &r) {
        noteReply(r);
        if (r.status == 401 && mayRelogin) {
            // The token may have expired while we slept or the provider was away: log in once
            // more and repeat the call with the new token; if that fails, the caller gets the 401.
            relogin([this, method, target, body, done, r](bool ok) {
                if (ok)
                    request(method, target, body, done, false);
                else
                    done(r);
            });
            return;
        }
        done(r);
    };
    if (method == "GET")
        http.get(target, std::move(handle));
    else
        http.send(method, target, body, std::move(handle));
}

ProviderClient::ProviderClient(QUrl providerUrl, Identity identity, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, std::move(providerUrl), std::move(identity), network))
{
}

ProviderClient::~ProviderClient() = default;

void ProviderClient::connectToProvider()
{
    d->readyPending = true;
    d->loginDelayMs = d->initialDelayMs;
    d->startLogin(true);
}

bool ProviderClient::isReady() const
{
    return !d->token.isEmpty() && d->expiresAt > QDateTime::currentSecsSinceEpoch();
}

bool ProviderClient::isConnected() const { return d->connected; }
const Identity &ProviderClient::identity() const { return d->identity; }
QString ProviderClient::token() const { return d->token; }
QJsonObject ProviderClient::directory() const { return d->directory; }
QUrl ProviderClient::serviceUrl(const QString &service, const QString &path) const { return d->url(service, path); }
QString ProviderClient::displayName() const { return d->displayName; }
void ProviderClient::setDisplayName(const QString &name) { d->displayName = name; }
qint64 ProviderClient::tokenExpiresAt() const { return d->expiresAt; }

QString ProviderClient::announceUrl() const
{
    const QString base = d->directory.value(QStringLiteral("announceUrl")).toString();
    if (base.isEmpty() || d->passkey.isEmpty())
        return {};
    // Passkeys are hex, safe in a path as they are.
    return base + QLatin1Char('/') + d->passkey;
}

QString ProviderClient::passkey() const { return d->passkey; }

void ProviderClient::rotatePasskey(Callback done)
{
    call("POST", QStringLiteral("ums"), QStringLiteral("/ums/v1/passkey"), {}, [this, done](const JsonReply &r) {
        if (r.ok())
            d->setPasskey(r.body.value(QStringLiteral("passkey")).toString());
        if (done)
            done(r);
    });
}

void ProviderClient::refreshPasskey(Callback done)
{
    call("GET", QStringLiteral("ums"), QStringLiteral("/ums/v1/passkey"), {}, [this, done](const JsonReply &r) {
        if (r.ok())
            d->setPasskey(r.body.value(QStringLiteral("passkey")).toString());
        if (done)
            done(r);
    });
}

void ProviderClient::logout(Callback done)
{
    if (d->token.isEmpty()) {
        if (done)
            done(JsonReply{200, {}, {}, {}});
        return;
    }
    d->refreshTimer.stop();
    d->http.send("DELETE", d->url(QStringLiteral("ums"), QStringLiteral("/ums/v1/sessions/current")), {},
                 [this, done](const JsonReply &r) {
        d->noteReply(r);
        if (done)
            done(r);
    });
}

bool ProviderClient::isProviderUrl(const QUrl &url) const
{
    const QJsonObject services = d->directory.value(QStringLiteral("services")).toObject();
    for (auto it = services.constBegin(); it != services.constEnd(); ++it) {
        const QUrl known(it.value().toString());
        if (known.isValid() && !known.host().isEmpty() && known.scheme() == url.scheme()
            && known.host().compare(url.host(), Qt::CaseInsensitive) == 0
            && known.port(known.scheme() == QLatin1String("https") ? 443 : 80)
                   == url.port(url.scheme() == QLatin1String("https") ? 443 : 80))
            return true;
    }
    return false;
}

void ProviderClient::audienceToken(const QString &audience, Callback done)
{
    call("POST", QStringLiteral("ums"), QStringLiteral("/ums/v1/tokens"), {{QStringLiteral("audience"), audience}},
         std::move(done));
}

void ProviderClient::setRefreshFraction(double fraction)
{
    d->refreshFraction = qBound(0.001, fraction, 0.95);
    if (d->refreshTimer.isActive())
        d->scheduleRefresh();
}

void ProviderClient::setRetryDelays(int initialMs, int maxMs)
{
    d->initialDelayMs = qMax(1, initialMs);
    d->maxDelayMs = qMax(d->initialDelayMs, maxMs);
    d->loginDelayMs = d->initialDelayMs;
    d->refreshDelayMs = d->initialDelayMs;
}

void ProviderClient::call(const QByteArray &method, const QString &service, const QString &path, const QJsonObject &body,
                          Callback done)
{
    d->request(method, d->url(service, path), body, std::move(done), true);
}

void ProviderClient::callUrl(const QByteArray &method, const QUrl &url, const QJsonObject &body, Callback done)
{
    // The token goes only to the provider's own services: a URL taken from a record (an OMS
    // URL someone published) could otherwise collect it.
    if (!isProviderUrl(url)) {
        JsonReply refused;
        refused.status = 0;
        refused.problem = QStringLiteral("%1 is not a service of the provider %2; nothing was sent there")
                              .arg(url.toString(QUrl::RemoveQuery | QUrl::RemovePath), d->provider.toString());
        QMetaObject::invokeMethod(this, [done = std::move(done), refused] { done(refused); }, Qt::QueuedConnection);
        return;
    }
    d->request(method, url, body, std::move(done), true);
}

void ProviderClient::registerContent(const QJsonObject &content, Callback done)
{
    call("POST", QStringLiteral("ixs"), QStringLiteral("/ixs/v1/content"), content, std::move(done));
}

void ProviderClient::updateContent(const QString &id, const QJsonObject &changes, Callback done)
{
    call("PATCH", QStringLiteral("ixs"), QStringLiteral("/ixs/v1/content/") + pathPart(id), changes, std::move(done));
}

void ProviderClient::removeContent(const QString &id, Callback done)
{
    call("DELETE", QStringLiteral("ixs"), QStringLiteral("/ixs/v1/content/") + pathPart(id), {}, std::move(done));
}

void ProviderClient::searchContent(const QString &query, int page, int perPage, Callback done)
{
    QUrl url = d->url(QStringLiteral("ixs"), QStringLiteral("/ixs/v1/content"));
    QUrlQuery params;
    if (!query.isEmpty())
        params.addQueryItem(QStringLiteral("q"), query);
    if (page > 0)
        params.addQueryItem(QStringLiteral("page"), QString::number(page));
    if (perPage > 0)
        params.addQueryItem(QStringLiteral("perPage"), QString::number(perPage));
    if (!url.isEmpty())
        url.setQuery(params);
    d->request("GET", url, {}, std::move(done), true);
}

void ProviderClient::getContent(const QString &id, Callback done)
{
    call("GET", QStringLiteral("ixs"), QStringLiteral("/ixs/v1/content/") + pathPart(id), {}, std::move(done));
}

void ProviderClient::getContentByInfoHash(const QString &infoHash, Callback done)
{
    call("GET", QStringLiteral("ixs"), QStringLiteral("/ixs/v1/content/by-infohash/") + pathPart(infoHash), {},
         std::move(done));
}

void ProviderClient::createOverlay(const QJsonObject &overlay, Callback done)
{
    call("POST", QStringLiteral("oms"), QStringLiteral("/oms/v1/overlays"), overlay, std::move(done));
}

void ProviderClient::getOverlayPeers(const QString &overlayId, Callback done)
{
    call("GET", QStringLiteral("oms"), QStringLiteral("/oms/v1/overlays/%1/peers").arg(pathPart(overlayId)), {},
         std::move(done));
}

void ProviderClient::joinOverlay(const QString &overlayId, const QJsonObject &join, Callback done)
{
    call("POST", QStringLiteral("oms"), QStringLiteral("/oms/v1/overlays/%1/join").arg(pathPart(overlayId)), join,
         std::move(done));
}

void ProviderClient::leaveOverlay(const QString &overlayId, const QString &peerIdHex, Callback done)
{
    call("POST", QStringLiteral("oms"), QStringLiteral("/oms/v1/overlays/%1/leave").arg(pathPart(overlayId)),
         {{QStringLiteral("peerId"), peerIdHex}}, std::move(done));
}

void ProviderClient::registerPeer(const QJsonObject &registration, Callback done)
{
    call("POST", QStringLiteral("pams"), QStringLiteral("/pams/v1/peers"), registration, std::move(done));
}

void ProviderClient::sendReport(const QJsonObject &report, Callback done)
{
    call("POST", QStringLiteral("pams"), QStringLiteral("/pams/v1/reports"), report, std::move(done));
}

void ProviderClient::getPeerActivity(const QString &userId, Callback done)
{
    call("GET", QStringLiteral("pams"), QStringLiteral("/pams/v1/peers/") + pathPart(userId), {}, std::move(done));
}

} // namespace mp2p
