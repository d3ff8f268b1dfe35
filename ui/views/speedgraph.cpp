#include "speedgraph.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QValueAxis>

namespace mp2p {

SpeedGraph::SpeedGraph(QWidget *parent)
    : QChartView(parent)
    , m_down(new QLineSeries)
    , m_up(new QLineSeries)
    , m_time(new QDateTimeAxis)
    , m_rate(new QValueAxis)
{
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
    return int(m_down->count());
}

void SpeedGraph::addSample(qint64 downBps, qint64 upBps, qint64 atMs)
{
    const qint64 now = atMs > 0 ? atMs : QDateTime::currentMSecsSinceEpoch();
    m_down->append(double(now), double(downBps) / 1024.0);
    m_up->append(double(now), double(upBps) / 1024.0);
    // Drop what fell out of the window (points are in time order: count from the front).
    for (QLineSeries *s : {m_down, m_up}) {
        int old = 0;
        while (old < s->count() && s->at(old).x() < double(now - windowMs))
            ++old;
        if (old > 0)
            s->removePoints(0, old);
    }
    double top = 16;  // KiB/s: a flat idle graph still has a scale
    for (QLineSeries *s : {m_down, m_up})
        for (const QPointF &p : s->points())
            top = std::max(top, p.y() * 1.15);
    m_rate->setMax(top);
    m_time->setRange(QDateTime::fromMSecsSinceEpoch(now - windowMs), QDateTime::fromMSecsSinceEpoch(now));
}

} // namespace mp2p
