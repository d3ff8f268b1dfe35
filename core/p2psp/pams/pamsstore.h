#pragma once

#include "../../base/database.h"
#include "pamsmessages.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace mp2p {

struct PeerRecord {
    QString userId;
    PeerStaticStatus staticStatus;
    qint64 registeredAt = 0;
    qint64 lastReportAt = 0;  // 0 until the first status report
    QList<OverlayReport> overlays;  // current status per overlay, by overlay id
};

struct StatusReport {
    QString userId;
    std::optional<PeerStaticStatus> staticStatus;  // replaces the static part when present
    QList<OverlayReport> overlays;
};

// The PAMS's SQLite (or PostgreSQL) store: registered peers with their static part, the
// current dynamic status per (peer, overlay), and an append-only report history that a
// retention sweep trims. All methods are safe to call from any thread (one connection each).
class PamsStore {
public:
    explicit PamsStore(QString path);

    bool open(QString *error);

    enum class RegisterResult { Created, Updated, Failed };
    RegisterResult registerPeer(const QString &userId, const PeerStaticStatus &status, qint64 now, QString *error);
    // One report = one transaction: history rows, current statuses and last_report_at.
    // A peer that never registered is registered as type PEER.
    bool applyReport(const StatusReport &report, qint64 now, QString *error);
    // Returns false with an empty error when the user was not registered.
    bool unregisterPeer(const QString &userId, QString *error);

    std::optional<PeerRecord> peer(const QString &userId, QString *error) const;
    QList<PeerActivity> overlayPeers(const QString &overlayId, QString *error) const;
    QHash<QString, PeerActivity> activityOf(const QString &overlayId, const QStringList &userIds, QString *error) const;

    // Deletes history older than `before` (unix seconds); returns the rows removed or -1.
    qint64 sweepHistory(qint64 before, QString *error);
    qint64 peerCount() const;
    qint64 historyRowCount(const QString &userId = {}) const;
    int schemaVersion() const { return m_db.schemaVersion(); }

private:
    bool upsertPeer(const StatusReport &report, qint64 now, QString *error);
    bool writeOverlay(const QString &userId, const OverlayReport &overlay, qint64 now, QString *error);

    Database m_db;
};

} // namespace mp2p
