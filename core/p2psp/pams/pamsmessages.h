#pragma once

#include "../../protocol/jsonfields.h"
#include "../../protocol/peeractivity.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace mp2p {

// PAMP (X.609.1) message parts as the PAMS reads and writes them (docs/PROTOCOL.md "PAMS").
// Bounds keep one report from holding absurd values that would skew the OMS's ranking.
namespace pams {
inline constexpr qint64 MaxBandwidthBps = 1'000'000'000'000LL;  // 10^12 B/s
inline constexpr int MaxConnections = 100000;
inline constexpr qint64 MaxCounter = qint64(1) << 60;
inline constexpr int MaxOverlaysPerReport = 1000;
} // namespace pams

struct OverlayReport {
    QString overlayId;
    PeerOverlayStatus status;
};

// Read a "static" object / one element of a report's "overlays" array. On bad input they
// return nullopt and an ApiError whose field names the input, e.g. "overlays[2].left".
std::optional<PeerStaticStatus> readStaticStatus(const QJsonObject &object, const QString &prefix, ApiError *error);
std::optional<OverlayReport> readOverlayReport(const QJsonObject &object, const QString &prefix, ApiError *error);
// "a.b.c.d:port" or "[v6]:port"; the address must parse with QHostAddress, port 1..65535.
bool isValidListenAddress(const QString &text);

QJsonObject staticStatusToJson(const PeerStaticStatus &status);
// The dynamic status of one overlay; "overlayId" is included when `overlayId` is not empty.
QJsonObject overlayStatusToJson(const QString &overlayId, const PeerOverlayStatus &status);
// One entry of GET /pams/v1/overlays/{id}/peers.
QJsonObject overlayPeerToJson(const PeerActivity &activity);
// The reverse of overlayPeerToJson, for the remote R1 client; nullopt when the entry is unusable.
std::optional<PeerActivity> overlayPeerFromJson(const QJsonObject &object);

} // namespace mp2p
