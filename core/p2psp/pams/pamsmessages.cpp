#include "pamsmessages.h"

#include "pamslog.h"

#include <QHostAddress>
#include <QJsonValue>

namespace mp2p {

Q_LOGGING_CATEGORY(lcPams, "mp2p.pams")

namespace {
const QStringList Events = {QStringLiteral("started"), QStringLiteral("completed"), QStringLiteral("stopped")};
}

bool isValidListenAddress(const QString &text)
{
    QString host;
    QString port;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1String("]:"));
        if (close < 0)
            return false;
        host = text.mid(1, close - 1);
        port = text.mid(close + 2);
        if (!host.contains(QLatin1Char(':')))
            return false;  // brackets are for IPv6 only
    } else {
        const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
        if (colon < 0)
            return false;
        host = text.left(colon);
        port = text.mid(colon + 1);
        if (host.contains(QLatin1Char(':')))
            return false;  // a bare IPv6 address is ambiguous with its port: require "[v6]:port"
    }
    QHostAddress address;
    if (host.isEmpty() || !address.setAddress(host))
        return false;
    bool ok = false;
    const int number = port.toInt(&ok);
    return ok && port == QString::number(number) && number >= 1 && number <= 65535;
}

std::optional<PeerStaticStatus> readStaticStatus(const QJsonObject &object, const QString &prefix, ApiError *error)
{
    JsonFields in(object, prefix);
    PeerStaticStatus s;
    s.maxUploadBps = in.integer(QStringLiteral("maxUploadBps"), JsonFields::Required, 0, pams::MaxBandwidthBps);
    s.maxDownloadBps = in.integer(QStringLiteral("maxDownloadBps"), JsonFields::Required, 0, pams::MaxBandwidthBps);
    s.maxConnections = int(in.integer(QStringLiteral("maxConnections"), JsonFields::Required, 0, pams::MaxConnections));
    s.reachable = in.boolean(QStringLiteral("reachable"), JsonFields::Required);
    // Optional: a peer that accepts no inbound connections may not know an address to give.
    s.listenAddress = in.string(QStringLiteral("listenAddress"), JsonFields::Optional, 0, 64);
    if (in.ok() && !s.listenAddress.isEmpty() && !isValidListenAddress(s.listenAddress))
        in.fail(QStringLiteral("listenAddress"), QStringLiteral("invalid_value"),
                QStringLiteral("'%1' must be \"ip:port\" (IPv6 as \"[ip]:port\") with a port from 1 to 65535")
                    .arg(prefix + QStringLiteral(".listenAddress")));
    if (!in.ok()) {
        *error = in.error();
        return std::nullopt;
    }
    return s;
}

std::optional<OverlayReport> readOverlayReport(const QJsonObject &object, const QString &prefix, ApiError *error)
{
    JsonFields in(object, prefix);
    OverlayReport r;
    r.overlayId = in.string(QStringLiteral("overlayId"), JsonFields::Required, 40, 40);
    if (in.ok() && !isHex(r.overlayId, 40))
        in.fail(QStringLiteral("overlayId"), QStringLiteral("invalid_value"),
                QStringLiteral("'%1' must be the overlay's v1 info-hash: 40 lower-case hex characters")
                    .arg(prefix + QStringLiteral(".overlayId")));
    r.status.event = in.choice(QStringLiteral("event"), JsonFields::Optional, Events);
    r.status.uploaded = in.integer(QStringLiteral("uploaded"), JsonFields::Required, 0, pams::MaxCounter);
    r.status.downloaded = in.integer(QStringLiteral("downloaded"), JsonFields::Required, 0, pams::MaxCounter);
    r.status.left = in.integer(QStringLiteral("left"), JsonFields::Required, 0, pams::MaxCounter);
    r.status.uploadConnections =
        int(in.integer(QStringLiteral("uploadConnections"), JsonFields::Required, 0, pams::MaxConnections));
    r.status.downloadConnections =
        int(in.integer(QStringLiteral("downloadConnections"), JsonFields::Required, 0, pams::MaxConnections));
    if (!in.ok()) {
        *error = in.error();
        return std::nullopt;
    }
    return r;
}

QJsonObject staticStatusToJson(const PeerStaticStatus &status)
{
    return {{QStringLiteral("maxUploadBps"), status.maxUploadBps},
            {QStringLiteral("maxDownloadBps"), status.maxDownloadBps},
            {QStringLiteral("maxConnections"), status.maxConnections},
            {QStringLiteral("listenAddress"), status.listenAddress},
            {QStringLiteral("reachable"), status.reachable}};
}

QJsonObject overlayStatusToJson(const QString &overlayId, const PeerOverlayStatus &status)
{
    QJsonObject o{{QStringLiteral("event"), status.event},
                  {QStringLiteral("uploaded"), status.uploaded},
                  {QStringLiteral("downloaded"), status.downloaded},
                  {QStringLiteral("left"), status.left},
                  {QStringLiteral("uploadConnections"), status.uploadConnections},
                  {QStringLiteral("downloadConnections"), status.downloadConnections},
                  {QStringLiteral("reportedAt"), status.reportedAt}};
    if (!overlayId.isEmpty())
        o.insert(QStringLiteral("overlayId"), overlayId);
    return o;
}

QJsonObject overlayPeerToJson(const PeerActivity &activity)
{
    QJsonObject o{{QStringLiteral("userId"), activity.userId},
                  {QStringLiteral("type"), peerTypeName(activity.staticStatus.type)},
                  {QStringLiteral("static"), staticStatusToJson(activity.staticStatus)},
                  {QStringLiteral("lastReportAt"), activity.lastReportAt},
                  {QStringLiteral("credit"), activity.credit}};  // redeemed contribution, bytes (R1)
    if (activity.overlay)
        o.insert(QStringLiteral("status"), overlayStatusToJson(QString(), *activity.overlay));
    return o;
}

std::optional<PeerActivity> overlayPeerFromJson(const QJsonObject &object)
{
    PeerActivity a;
    a.userId = object.value(QStringLiteral("userId")).toString();
    const auto type = peerTypeFromName(object.value(QStringLiteral("type")).toString());
    if (!isHex(a.userId, 40) || !type)
        return std::nullopt;
    const QJsonObject st = object.value(QStringLiteral("static")).toObject();
    a.staticStatus.type = *type;
    a.staticStatus.maxUploadBps = st.value(QStringLiteral("maxUploadBps")).toInteger();
    a.staticStatus.maxDownloadBps = st.value(QStringLiteral("maxDownloadBps")).toInteger();
    a.staticStatus.maxConnections = st.value(QStringLiteral("maxConnections")).toInt();
    a.staticStatus.listenAddress = st.value(QStringLiteral("listenAddress")).toString();
    a.staticStatus.reachable = st.value(QStringLiteral("reachable")).toBool();
    a.lastReportAt = object.value(QStringLiteral("lastReportAt")).toInteger();
    if (object.value(QStringLiteral("status")).isObject()) {
        const QJsonObject s = object.value(QStringLiteral("status")).toObject();
        PeerOverlayStatus status;
        status.event = s.value(QStringLiteral("event")).toString();
        status.uploaded = s.value(QStringLiteral("uploaded")).toInteger();
        status.downloaded = s.value(QStringLiteral("downloaded")).toInteger();
        status.left = s.value(QStringLiteral("left")).toInteger();
        status.uploadConnections = s.value(QStringLiteral("uploadConnections")).toInt();
        status.downloadConnections = s.value(QStringLiteral("downloadConnections")).toInt();
        status.reportedAt = s.value(QStringLiteral("reportedAt")).toInteger();
        a.overlay = status;
    }
    return a;
}

} // namespace mp2p
