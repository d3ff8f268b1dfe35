#pragma once

#include <QChartView>
#include <QList>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace mp2p {

// Total download and upload rate over the last few minutes (one sample per engine stats tick).
// The samples are kept always; the chart itself is only touched while it is visible, because
// re-laying out a Qt Charts scene every second costs CPU even when nobody looks at it.
class SpeedGraph : public QChartView {
    Q_OBJECT
public:
    explicit SpeedGraph(QWidget *parent = nullptr);

    void addSample(qint64 downBps, qint64 upBps, qint64 atMs = 0);  // 0 = now
    int sampleCount() const;
    int plottedCount() const;  // points in the chart (lags sampleCount() while hidden)
    static constexpr qint64 windowMs = 5 * 60 * 1000;

protected:
    void showEvent(QShowEvent *event) override;

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
};

} // namespace mp2p
