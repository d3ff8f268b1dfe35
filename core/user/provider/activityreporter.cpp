// R2 (PAMP) from the peer: registration, periodic and event reports, and the queue that keeps
// reports (in order, bounded) while the PAMS cannot be reached.
#include "activityreporter.h"

#include "providerclient.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QPointer>

Q_LOGGING_CATEGORY(lcReporter, "mp2p.reporter")

namespace mp2p {

namespace {
constexpr int MinIntervalSecs = 5;     // what the PAMS may ask for (nextReportSecs)
constexpr int MaxIntervalSecs = 3600;
constexpr int MaxOverlaysPerReport = 1000;  // the PAMS refuses larger reports

QJsonObject statusToJson(const ActivityReporter::OverlayStatus &s)
{
    QJsonObject o{{QStringLiteral("overlayId"), s.overlayId},
                  {QStringLiteral("uploaded"), s.uploaded},
                  {QStringLiteral("downloaded"), s.downloaded},
                  {QStringLiteral("left"), s.left},
                  {QStringLiteral("uploadConnections"), s.uploadConnections},
                  {QStringLiteral("downloadConnections"), s.downloadConnections}};
    if (!s.event.isEmpty())
        o.insert(QStringLiteral("event"), s.event);
    return o;
}
} // namespace

class ActivityReporter::Private {
public:
    struct Pending {
        quint64 seq;
        QJsonObject body;
    };

    ActivityReporter *q;
    ProviderClient *provider;
    QJsonObject staticStatus;
    Snapshot snapshot;
    QTimer periodic;
    QTimer retry;
    QQueue<Pending> queue;  // not yet accepted by the PAMS; the head may be in flight
    quint64 nextSeq = 0;
    int intervalSecs = 60;
    bool started = false;
    bool registered = false;
    bool inFlight = false;
    int maxQueued = 256;
    int dropped = 0, sent = 0, rejected = 0;
    int initialDelayMs = 1000, maxDelayMs = 60000, delayMs = 1000;

    QJsonObject report(const QList<OverlayStatus> &overlays) const
    {
        QJsonArray list;
        for (const OverlayStatus &s : overlays) {
            if (list.size() < MaxOverlaysPerReport)
                list.append(statusToJson(s));
        }
        return {{QStringLiteral("static"), staticStatus}, {QStringLiteral("overlays"), list}};
    }

    void enqueue(QJsonObject body)
    {
        while (!queue.isEmpty() && queue.size() >= maxQueued) {
            queue.dequeue();  // the oldest goes first; if it was in flight, its answer is ignored
            ++dropped;
        }
        queue.enqueue({nextSeq++, std::move(body)});
        if (retry.isActive() || !registered)
            Q_EMIT q->reportQueued(int(queue.size()));
        pump();
    }

    // Sends the next thing in order: the registration first, then the oldest report. One at
    // a time, so the PAMS sees reports in the order they were made.
    void pump()
    {
        if (!started || inFlight || retry.isActive() || !provider->isReady())
            return;
        if (!registered)
            return sendRegistration();
        if (!queue.isEmpty())
            sendHead();
    }

    void sendRegistration()
    {
        inFlight = true;
        QPointer<ActivityReporter> self(q);
        const QJsonObject registration{{QStringLiteral("type"), QStringLiteral("PEER")}, {QStringLiteral("static"), staticStatus}};
        provider->registerPeer(registration, [this, self](const JsonReply &r) {
            if (!self)
                return;
            inFlight = false;
            if (!r.ok() && !isFinalRefusal(r))
                return backOff(QStringLiteral("register at the PAMS"), r);
            if (!r.ok())
                qCWarning(lcReporter).noquote() << "the PAMS refused the registration:" << r.problem
                                                << "- sending reports anyway (they register the peer too)";
            registered = true;
            delayMs = initialDelayMs;
            pump();
        });
    }

    void sendHead()
    {
        inFlight = true;
        const quint64 seq = queue.head().seq;
        QPointer<ActivityReporter> self(q);
        provider->sendReport(queue.head().body, [this, self, seq](const JsonReply &r) {
            if (self)
                answered(seq, r);
        });
    }

    void answered(quint64 seq, const JsonReply &r)
    {
        inFlight = false;
        const bool stillQueued = !queue.isEmpty() && queue.head().seq == seq;
        if (r.ok()) {
            if (stillQueued)
                queue.dequeue();
            else
                --dropped;  // dropped from a full queue while on its way, but it did arrive
            ++sent;
            delayMs = initialDelayMs;
            adoptInterval(r.body);
            Q_EMIT q->reportSent(int(queue.size()));
            return pump();
        }
        if (isFinalRefusal(r)) {
            // Sending the same report again would be refused again.
            qCWarning(lcReporter).noquote() << "the PAMS refused a status report, dropping it:" << r.problem;
            if (stillQueued)
                queue.dequeue();
            ++rejected;
            return pump();
        }
        backOff(QStringLiteral("send a status report"), r);
        Q_EMIT q->reportQueued(int(queue.size()));
    }

    static bool isFinalRefusal(const JsonReply &r) { return r.status >= 400 && r.status < 500 && r.status != 401; }

    void backOff(const QString &what, const JsonReply &r)
    {
        const int delay = qBound(1, delayMs, maxDelayMs);
        delayMs = qMin(maxDelayMs, delay * 2);
        qCInfo(lcReporter).noquote() << QStringLiteral("could not %1 (%2); trying again in %3 ms with %4 report(s) waiting")
                                            .arg(what, r.problem)
                                            .arg(delay)
                                            .arg(queue.size());
        retry.start(delay);
    }

    void adoptInterval(const QJsonObject &answer)
    {
        const QJsonValue next = answer.value(QStringLiteral("nextReportSecs"));
        if (!next.isDouble())
            return;
        const int secs = int(qBound<double>(MinIntervalSecs, next.toDouble(), MaxIntervalSecs));
        if (secs == intervalSecs)
            return;
        intervalSecs = secs;
        if (periodic.isActive())
            periodic.start(secs * 1000);
    }
};

ActivityReporter::ActivityReporter(ProviderClient *provider, QJsonObject staticStatus, Snapshot snapshot, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->provider = provider;
    d->staticStatus = std::move(staticStatus);
    d->snapshot = std::move(snapshot);
    d->retry.setSingleShot(true);
    connect(&d->retry, &QTimer::timeout, this, [this] { d->pump(); });
    connect(&d->periodic, &QTimer::timeout, this, [this] {
        d->enqueue(d->report(d->snapshot ? d->snapshot() : QList<OverlayStatus>()));
    });
    // A (new) token may be what the queue was waiting for.
    connect(provider, &ProviderClient::tokenChanged, this, [this] { d->pump(); });
}

ActivityReporter::~ActivityReporter() = default;

void ActivityReporter::start(int intervalSecs)
{
    d->intervalSecs = qBound(1, intervalSecs, MaxIntervalSecs);
    d->started = true;
    d->periodic.start(d->intervalSecs * 1000);
    d->enqueue(d->report(d->snapshot ? d->snapshot() : QList<OverlayStatus>()));
}

void ActivityReporter::stop()
{
    d->periodic.stop();
}

int ActivityReporter::intervalSecs() const
{
    return d->intervalSecs;
}

void ActivityReporter::reportEvent(const QString &overlayId, const QString &event)
{
    OverlayStatus status;
    status.overlayId = overlayId;
    const QList<OverlayStatus> all = d->snapshot ? d->snapshot() : QList<OverlayStatus>();
    for (const OverlayStatus &s : all) {
        if (s.overlayId == overlayId)
            status = s;
    }
    status.event = event;
    d->enqueue(d->report({status}));
}

void ActivityReporter::setStaticStatus(const QJsonObject &staticStatus)
{
    d->staticStatus = staticStatus;
}

void ActivityReporter::setMaxQueued(int reports)
{
    d->maxQueued = qMax(1, reports);
    while (d->queue.size() > d->maxQueued) {
        d->queue.dequeue();
        ++d->dropped;
    }
}

void ActivityReporter::setRetryDelays(int initialMs, int maxMs)
{
    d->initialDelayMs = qMax(1, initialMs);
    d->maxDelayMs = qMax(d->initialDelayMs, maxMs);
    d->delayMs = d->initialDelayMs;
}

int ActivityReporter::queued() const { return int(d->queue.size()); }
int ActivityReporter::dropped() const { return d->dropped; }
int ActivityReporter::sent() const { return d->sent; }
int ActivityReporter::rejected() const { return d->rejected; }

} // namespace mp2p
