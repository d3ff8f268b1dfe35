#include "altoclient.h"

#include "altoerror.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace mp2p {

AltoClient::AltoClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
    m_timer.setInterval(5 * 60 * 1000);
    connect(&m_timer, &QTimer::timeout, this, &AltoClient::refresh);
}

void AltoClient::setDirectoryUrl(const QUrl &url)
{
    m_directoryUrl = url;
    m_networkMapUrl.clear();
    m_costMapUrl.clear();
}

void AltoClient::setBasicAuth(const QString &user, const QString &password)
{
    m_authorization = "Basic " + (user.toUtf8() + ':' + password.toUtf8()).toBase64();
}

void AltoClient::setBearerToken(const QString &token)
{
    m_authorization = "Bearer " + token.toLatin1();
}

void AltoClient::setRefreshInterval(int milliseconds)
{
    m_timer.setInterval(milliseconds);
    if (milliseconds <= 0)
        m_timer.stop();
}

void AltoClient::start()
{
    if (m_timer.interval() > 0)
        m_timer.start();
    refresh();
}

void AltoClient::stop()
{
    m_timer.stop();
    ++m_generation;
    m_busy = false;
}

std::optional<QString> AltoClient::pidOf(const QHostAddress &address) const
{
    return m_maps ? m_maps->pidOf(address) : std::nullopt;
}

std::optional<double> AltoClient::cost(const QString &srcPid, const QString &dstPid) const
{
    return m_maps ? m_maps->cost(srcPid, dstPid) : std::nullopt;
}

void AltoClient::refresh()
{
    if (m_busy)
        return;
    if (!m_directoryUrl.isValid()) {
        fail(QStringLiteral("no ALTO directory URL configured"));
        return;
    }
    m_busy = true;
    if (m_networkMapUrl.isValid() && m_costMapUrl.isValid())
        fetchMaps();
    else
        get(m_directoryUrl, alto::DirectoryType, [this](const QJsonObject &ird) { readDirectory(ird); });
}

void AltoClient::get(const QUrl &url, const char *mediaType, JsonHandler onOk)
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", QByteArray(mediaType) + ',' + alto::ErrorType);
    if (!m_authorization.isEmpty())
        request.setRawHeader("Authorization", m_authorization);
    request.setTransferTimeout(m_timeoutMs);
    if (url.scheme() == QLatin1String("https"))
        request.setSslConfiguration(m_ssl);
    QNetworkReply *reply = m_network->get(request);
    const quint64 generation = m_generation;
    connect(reply, &QNetworkReply::finished, this, [this, reply, generation, mediaType, onOk = std::move(onOk)] {
        reply->deleteLater();
        onReply(reply, generation, mediaType, onOk);
    });
}

void AltoClient::onReply(QNetworkReply *reply, quint64 generation, const char *mediaType, const JsonHandler &onOk)
{
    if (generation != m_generation)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    const QString where = reply->url().toString(QUrl::RemoveUserInfo);
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    if (status != 200) {
        const QJsonObject meta = json.value(QStringLiteral("meta")).toObject();
        const QString detail = meta.isEmpty() ? reply->errorString()
                                              : QStringLiteral("%1 %2").arg(meta.value(QStringLiteral("code")).toString(),
                                                                            meta.value(QStringLiteral("message")).toString());
        fail(status == 0 ? QStringLiteral("%1 unreachable: %2").arg(where, reply->errorString())
                         : QStringLiteral("%1 answered %2: %3").arg(where).arg(status).arg(detail));
        return;
    }
    const QByteArray type = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray().split(';').first().trimmed();
    if (type != mediaType || json.isEmpty()) {
        fail(QStringLiteral("%1 did not answer %2 (got '%3')").arg(where, QLatin1String(mediaType), QString::fromLatin1(type)));
        return;
    }
    onOk(json);
}

void AltoClient::readDirectory(const QJsonObject &ird)
{
    const QJsonObject meta = ird.value(QStringLiteral("meta")).toObject();
    const QJsonObject costTypes = meta.value(QStringLiteral("cost-types")).toObject();
    const QJsonObject resources = ird.value(QStringLiteral("resources")).toObject();
    QString mapId = meta.value(QStringLiteral("default-alto-network-map")).toString();
    const QJsonObject mapEntry = resources.value(mapId).toObject();
    if (mapEntry.value(QStringLiteral("media-type")).toString() != QLatin1String(alto::NetworkMapType)) {
        fail(QStringLiteral("the ALTO directory names no default network map"));
        return;
    }
    m_networkMapUrl = m_directoryUrl.resolved(QUrl(mapEntry.value(QStringLiteral("uri")).toString()));
    // A plain GET cost map over that network map whose cost type is numerical routingcost.
    for (auto it = resources.begin(); it != resources.end() && !m_costMapUrl.isValid(); ++it) {
        const QJsonObject entry = it.value().toObject();
        if (entry.value(QStringLiteral("media-type")).toString() != QLatin1String(alto::CostMapType) || entry.contains(QStringLiteral("accepts"))
            || !entry.value(QStringLiteral("uses")).toArray().contains(mapId))
            continue;
        for (const QJsonValue &name : entry.value(QStringLiteral("capabilities")).toObject().value(QStringLiteral("cost-type-names")).toArray()) {
            const QJsonObject type = costTypes.value(name.toString()).toObject();
            if (type.value(QStringLiteral("cost-mode")).toString() == QLatin1String("numerical")
                && type.value(QStringLiteral("cost-metric")).toString() == QLatin1String("routingcost"))
                m_costMapUrl = m_directoryUrl.resolved(QUrl(entry.value(QStringLiteral("uri")).toString()));
        }
    }
    if (!m_costMapUrl.isValid()) {
        fail(QStringLiteral("the ALTO directory has no numerical routingcost map"));
        return;
    }
    fetchMaps();
}

void AltoClient::fetchMaps()
{
    get(m_networkMapUrl, alto::NetworkMapType, [this](const QJsonObject &networkMap) {
        get(m_costMapUrl, alto::CostMapType, [this, networkMap](const QJsonObject &costMap) { finish(networkMap, costMap); });
    });
}

void AltoClient::finish(const QJsonObject &networkMap, const QJsonObject &costMap)
{
    m_busy = false;
    m_reachable = true;
    m_lastError.clear();
    const QString tag = networkMap.value(QStringLiteral("meta")).toObject().value(QStringLiteral("vtag")).toObject().value(QStringLiteral("tag")).toString();
    // Costs may change under the same network map vtag (RFC 7285 versions network maps only).
    const QByteArray fingerprint = QCryptographicHash::hash(
        QJsonDocument(costMap.value(QStringLiteral("cost-map")).toObject()).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256);
    if (m_maps && m_maps->tag() == tag && fingerprint == m_costFingerprint) {
        Q_EMIT refreshed();
        return;
    }
    QString error;
    AltoMapsPtr maps = AltoMaps::fromAlto(networkMap, costMap, &error);
    if (!maps) {
        fail(error);
        return;
    }
    m_maps = std::move(maps);
    m_costFingerprint = fingerprint;
    Q_EMIT mapChanged(m_maps->tag());
    Q_EMIT refreshed();
}

void AltoClient::fail(const QString &error)
{
    m_busy = false;
    m_reachable = false;
    m_networkMapUrl.clear();
    m_costMapUrl.clear();
    // Said once per outage, not on every timer tick.
    if (error != m_lastError)
        qWarning("ALTO: %s%s", qPrintable(error), m_maps ? " (keeping the last map)" : "");
    m_lastError = error;
    Q_EMIT refreshFailed(error);
}

} // namespace mp2p
