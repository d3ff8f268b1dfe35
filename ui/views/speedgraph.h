#pragma once

#include <QChartView>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace mp2p {

// Total download and upload rate over the last few minutes (one sample per engine stats tick).
class SpeedGraph : public QChartView {
    Q_OBJECT
public:
    explicit SpeedGraph(QWidget *parent = nullptr);

    void addSample(qint64 downBps, qint64 upBps, qint64 atMs = 0);  // 0 = now
    int sampleCount() const;
    static constexpr qint64 windowMs = 5 * 60 * 1000;

private:
    QLineSeries *m_down;
    QLineSeries *m_up;
    QDateTimeAxis *m_time;
    QValueAxis *m_rate;
};

} // namespace mp2p
