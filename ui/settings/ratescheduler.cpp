#include "ratescheduler.h"

#include <QTimer>

#include <algorithm>
#include <climits>

namespace mp2p {

RateScheduler::RateScheduler(Apply apply, QObject *parent)
    : QObject(parent)
    , m_apply(std::move(apply))
    , m_clock([] { return QTime::currentTime(); })
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(30000);
    connect(m_timer, &QTimer::timeout, this, &RateScheduler::check);
}

void RateScheduler::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

void RateScheduler::setCheckIntervalMs(int ms)
{
    m_timer->setInterval(ms);
}

bool RateScheduler::inWindow(int hour, int fromHour, int toHour)
{
    if (fromHour == toHour)
        return false;
    if (fromHour < toHour)
        return hour >= fromHour && hour < toHour;
    return hour >= fromHour || hour < toHour;  // e.g. 22 → 6
}

int RateScheduler::kibToBytes(int kib)
{
    // libtorrent takes an int: anything above ~2 GiB/s is as good as unlimited.
    return int(std::clamp<qint64>(qint64(kib) * 1024, 0, INT_MAX));
}

void RateScheduler::setSettings(const AppSettings &settings)
{
    m_settings = settings;
    m_haveSettings = true;
    m_applied = false;  // the user pressed OK: apply even if the set did not change
    if (settings.scheduleEnabled)
        m_timer->start();
    else
        m_timer->stop();
    check();
}

void RateScheduler::check()
{
    if (!m_haveSettings)
        return;
    const bool alternative = m_settings.scheduleEnabled
                             && inWindow(m_clock().hour(), m_settings.scheduleFromHour, m_settings.scheduleToHour);
    const int up = kibToBytes(alternative ? m_settings.altUploadLimitKiB : m_settings.uploadLimitKiB);
    const int down = kibToBytes(alternative ? m_settings.altDownloadLimitKiB : m_settings.downloadLimitKiB);
    if (m_applied && alternative == m_alternative && up == m_up && down == m_down)
        return;
    m_applied = true;
    m_alternative = alternative;
    m_up = up;
    m_down = down;
    if (m_apply)
        m_apply(up, down);
    Q_EMIT limitsApplied(up, down, alternative);
}

} // namespace mp2p
