#pragma once

#include "appsettings.h"

#include <QObject>
#include <QTime>

#include <functional>

class QTimer;

namespace mp2p {

// Applies the user's rate limits to the running peer, switching to the alternative limits
// during the scheduled hours. A timer re-checks the clock every 30 s; the limits are pushed
// (through `apply`, e.g. PeerSession::setRateLimits) only when the active set changes, so
// limits set meanwhile by someone else are not fought every tick.
class RateScheduler : public QObject {
    Q_OBJECT
public:
    using Apply = std::function<void(int upBytesPerSec, int downBytesPerSec)>;
    using Clock = std::function<QTime()>;

    explicit RateScheduler(Apply apply, QObject *parent = nullptr);

    void setClock(Clock clock);           // tests; default QTime::currentTime
    void setCheckIntervalMs(int ms);
    // New settings apply at once (the dialog's OK); the timer runs while a schedule is on.
    void setSettings(const AppSettings &settings);
    void check();

    bool alternativeActive() const { return m_alternative; }
    int uploadLimit() const { return m_up; }     // bytes/s now applied
    int downloadLimit() const { return m_down; }
    // Whether `hour` lies in [from, to), wrapping past midnight when from > to.
    static bool inWindow(int hour, int fromHour, int toHour);
    static int kibToBytes(int kib);

Q_SIGNALS:
    void limitsApplied(int upBytesPerSec, int downBytesPerSec, bool alternative);

private:
    Apply m_apply;
    Clock m_clock;
    QTimer *m_timer;
    AppSettings m_settings;
    bool m_haveSettings = false;
    bool m_applied = false;
    bool m_alternative = false;
    int m_up = 0;
    int m_down = 0;
};

} // namespace mp2p
