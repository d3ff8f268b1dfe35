#pragma once

#include <QChartView>
#include <QList>

class QDateTimeAxis;
class QTimer;
class QLineSeries;
class QValueAxis;

namespace mp2p {

// Total download and upload rate over the last few minutes. setRates() is called whenever the
// engine reports a change; while the graph is visible it samples the current rates once a
// second, so it scrolls. While hidden it keeps only the changes (an idle session reports none),
// and the chart itself is not touched, because re-laying out a Qt Charts scene costs CPU even
// when nobody looks at it. A gap between two samples is drawn as a step: the rates did not
// change during it.
class SpeedGraph : public QChartView {
    Q_OBJECT
public:
    explicit SpeedGraph(QWidget *parent = nullptr);

    void setRates(qint64 downBps, qint64 upBps);
    void addSample(qint64 downBps, qint64 upBps, qint64 atMs = 0);  // 0 = now
    int sampleCount() const;
    int plottedCount() const;  // points in the chart (lags sampleCount() while hidden)
    static constexpr qint64 windowMs = 5 * 60 * 1000;

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    struct Sample {
        qint64 atMs;
        double downKiB;
        double upKiB;
    };
    void replot();                      // the whole window from m_samples
    void setAxes(qint64 nowMs);

    QList<Sample> m_samples;            // in time order, only the last windowMs
    QLineSeries *m_down;
    QLineSeries *m_up;
    QDateTimeAxis *m_time;
    QValueAxis *m_rate;
    bool m_stale = false;               // samples arrived while hidden
    QTimer *m_tick;                     // 1 s, only while visible
    qint64 m_downBps = 0;               // the latest rates (setRates)
    qint64 m_upBps = 0;
};

} // namespace mp2p
