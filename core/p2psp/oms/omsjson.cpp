#include "omsjson.h"

#include <protocol/jsonfields.h>

namespace mp2p {

QJsonObject overlayJson(const Overlay &overlay, const SwarmCounts &counts)
{
    QJsonObject out{{QStringLiteral("overlayId"), overlay.overlayId},
                    {QStringLiteral("name"), overlay.name},
                    {QStringLiteral("owner"), overlay.owner},
                    {QStringLiteral("createdAt"), overlay.createdAt},
                    {QStringLiteral("updatedAt"), overlay.updatedAt},
                    {QStringLiteral("seeds"), counts.seeds},
                    {QStringLiteral("leechers"), counts.leechers}};
    if (!overlay.infoHashV2.isEmpty())
        out.insert(QStringLiteral("infoHashV2"), overlay.infoHashV2);
    return out;
}

QJsonObject peerJson(const SwarmPeer &peer)
{
    return {{QStringLiteral("peerId"), QString::fromLatin1(peer.peerId.toHex())},
            {QStringLiteral("userId"), peer.userId},
            {QStringLiteral("ip"), peer.address.toString()},
            {QStringLiteral("port"), int(peer.port)},
            {QStringLiteral("seed"), peer.seed()}};
}

QJsonObject activityJson(const PeerActivity &activity)
{
    const PeerStaticStatus &s = activity.staticStatus;
    QJsonObject out{{QStringLiteral("userId"), activity.userId},
                    {QStringLiteral("type"), peerTypeName(s.type)},
                    {QStringLiteral("static"),
                     QJsonObject{{QStringLiteral("maxUploadBps"), s.maxUploadBps},
                                 {QStringLiteral("maxDownloadBps"), s.maxDownloadBps},
                                 {QStringLiteral("maxConnections"), s.maxConnections},
                                 {QStringLiteral("listenAddress"), s.listenAddress},
                                 {QStringLiteral("reachable"), s.reachable}}},
                    {QStringLiteral("lastReportAt"), activity.lastReportAt}};
    if (activity.overlay) {
        const PeerOverlayStatus &o = *activity.overlay;
        QJsonObject status{{QStringLiteral("uploaded"), o.uploaded},
                           {QStringLiteral("downloaded"), o.downloaded},
                           {QStringLiteral("left"), o.left},
                           {QStringLiteral("uploadConnections"), o.uploadConnections},
                           {QStringLiteral("downloadConnections"), o.downloadConnections},
                           {QStringLiteral("reportedAt"), o.reportedAt}};
        if (!o.event.isEmpty())
            status.insert(QStringLiteral("event"), o.event);
        out.insert(QStringLiteral("status"), status);
    }
    return out;
}

std::optional<QByteArray> overlayKeyFromHex(const QString &hex, QString *canonical, ApiError *error)
{
    const QString lower = hex.toLower();
    if (!isHex(lower, 40)) {
        *error = ApiError::badRequest(QStringLiteral("invalid_value"),
                                      QStringLiteral("the overlay id must be 40 hex characters (the v1 info-hash)"),
                                      QStringLiteral("overlayId"));
        return std::nullopt;
    }
    if (canonical)
        *canonical = lower;
    return QByteArray::fromHex(lower.toLatin1());
}

} // namespace mp2p
