#include "speedgraph.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QTimer>
#include <QValueAxis>

#include <algorithm>

namespace mp2p {

SpeedGraph::SpeedGraph(QWidget *parent)
    : QChartView(parent)
    , m_down(new QLineSeries)
    , m_up(new QLineSeries)
    , m_time(new QDateTimeAxis)
    , m_rate(new QValueAxis)
    , m_tick(new QTimer(this))
{
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, [this] { addSample(m_downBps, m_upBps); });
    auto *chart = new QChart;
    m_down->setName(tr("Download (KiB/s)"));
    m_up->setName(tr("Upload (KiB/s)"));
    chart->addSeries(m_down);
    chart->addSeries(m_up);
    m_time->setFormat(QStringLiteral("HH:mm:ss"));
    m_time->setTickCount(6);
    m_rate->setLabelFormat(QStringLiteral("%.0f"));
    m_rate->setMin(0);
    chart->addAxis(m_time, Qt::AlignBottom);
    chart->addAxis(m_rate, Qt::AlignLeft);
    for (QLineSeries *s : {m_down, m_up}) {
        s->attachAxis(m_time);
        s->attachAxis(m_rate);
    }
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->setMargins(QMargins(2, 2, 2, 2));
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setAccessibleName(tr("Speed graph"));
    setMinimumHeight(160);
    addSample(0, 0);
}

int SpeedGraph::sampleCount() const
{
    return int(m_samples.size());
}

int SpeedGraph::plottedCount() const
{
    return int(m_down->count());
}

void SpeedGraph::setRates(qint64 downBps, qint64 upBps)
{
    m_downBps = downBps;
    m_upBps = upBps;
    if (!isVisible())
        addSample(downBps, upBps);  // visible: the next tick samples it
}

void SpeedGraph::addSample(qint64 downBps, qint64 upBps, qint64 atMs)
{
    const qint64 now = atMs > 0 ? atMs : QDateTime::currentMSecsSinceEpoch();
    const Sample sample{now, double(downBps) / 1024.0, double(upBps) / 1024.0};
    // After a quiet gap, hold the old rates until just before this sample: a step, not a slope.
    if (!m_samples.isEmpty() && now - m_samples.last().atMs > 1500) {
        Sample held = m_samples.last();
        held.atMs = now - 1000;
        m_samples.append(held);
        if (isVisible() && !m_stale) {
            m_down->append(double(held.atMs), held.downKiB);
            m_up->append(double(held.atMs), held.upKiB);
        }
    }
    m_samples.append(sample);
    // Drop what fell out of the window (samples are in time order: count from the front).
    qsizetype old = 0;
    while (old < m_samples.size() && m_samples[old].atMs < now - windowMs)
        ++old;
    m_samples.remove(0, old);
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    if (m_stale) {
        replot();
        return;
    }
    m_down->append(double(now), sample.downKiB);
    m_up->append(double(now), sample.upKiB);
    for (QLineSeries *s : {m_down, m_up}) {
        int gone = 0;
        while (gone < s->count() && s->at(gone).x() < double(now - windowMs))
            ++gone;
        if (gone > 0)
            s->removePoints(0, gone);
    }
    setAxes(now);
}

void SpeedGraph::showEvent(QShowEvent *event)
{
    QChartView::showEvent(event);
    addSample(m_downBps, m_upBps);  // up to now (isVisible() is true here)
    if (m_stale)
        replot();
    m_tick->start();
}

void SpeedGraph::hideEvent(QHideEvent *event)
{
    m_tick->stop();
    QChartView::hideEvent(event);
}

void SpeedGraph::replot()
{
    m_stale = false;
    QList<QPointF> down, up;
    down.reserve(m_samples.size());
    up.reserve(m_samples.size());
    for (const Sample &s : std::as_const(m_samples)) {
        down.append(QPointF(double(s.atMs), s.downKiB));
        up.append(QPointF(double(s.atMs), s.upKiB));
    }
    m_down->replace(down);
    m_up->replace(up);
    setAxes(m_samples.isEmpty() ? QDateTime::currentMSecsSinceEpoch() : m_samples.last().atMs);
}

void SpeedGraph::setAxes(qint64 nowMs)
{
    double top = 16;  // KiB/s: a flat idle graph still has a scale
    for (const Sample &s : std::as_const(m_samples))
        top = std::max({top, s.downKiB * 1.15, s.upKiB * 1.15});
    m_rate->setMax(top);
    m_time->setRange(QDateTime::fromMSecsSinceEpoch(nowMs - windowMs), QDateTime::fromMSecsSinceEpoch(nowMs));
}

} // namespace mp2p
