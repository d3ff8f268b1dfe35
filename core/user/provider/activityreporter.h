#pragma once

#include <QJsonObject>
#include <QObject>
#include <QQueue>
#include <QTimer>

#include <functional>
#include <memory>

namespace mp2p {

class ProviderClient;

// R2: sends PAMP status reports for this peer — the static part (limits, listen address,
// reachability) and the dynamic part per overlay — every interval (the PAMS's
// nextReportSecs) and at once on started/completed/stopped. Reports that cannot be sent
// (PAMS down) wait in a bounded queue (oldest dropped first, and counted) and go out in order
// when the PAMS answers again.
class ActivityReporter : public QObject {
    Q_OBJECT
public:
    struct OverlayStatus {
        QString overlayId;
        QString event;  // "", "started", "completed", "stopped"
        qint64 uploaded = 0, downloaded = 0, left = 0;
        int uploadConnections = 0, downloadConnections = 0;
    };
    using Snapshot = std::function<QList<OverlayStatus>()>;

    ActivityReporter(ProviderClient *provider, QJsonObject staticStatus, Snapshot snapshot, QObject *parent = nullptr);
    ~ActivityReporter() override;

    // Registers the peer (PAMP registration, type PEER), sends a first report, then one every
    // interval. The PAMS's nextReportSecs replaces the interval (bounded to 5..3600 s).
    void start(int intervalSecs = 60);
    void stop();                       // no more periodic reports; queued ones still drain
    int intervalSecs() const;
    void reportEvent(const QString &overlayId, const QString &event);  // immediate
    void setStaticStatus(const QJsonObject &staticStatus);
    void setMaxQueued(int reports);
    int queued() const;
    int dropped() const;
    int sent() const;
    int rejected() const;              // refused by the PAMS with a 4xx: logged and dropped
    void setRetryDelays(int initialMs, int maxMs);  // resend backoff: 1 s doubling to 60 s

Q_SIGNALS:
    void reportSent(int pending);      // the PAMS accepted a report; `pending` still wait
    void reportQueued(int pending);    // a report could not go out now and waits

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace mp2p
