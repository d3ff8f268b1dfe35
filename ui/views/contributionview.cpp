#include "contributionview.h"

#include <models/format.h>

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QJsonArray>
#include <QValueAxis>

#include <algorithm>

namespace mp2p {

ContributionView::ContributionView(QWidget *parent)
    : QChartView(parent)
    , m_set(new QBarSet(tr("Credited (MiB)")))
    , m_categories(new QBarCategoryAxis)
    , m_values(new QValueAxis)
{
    auto *chart = new QChart;
    auto *series = new QBarSeries;
    series->append(m_set);
    chart->addSeries(series);
    chart->addAxis(m_categories, Qt::AlignBottom);
    chart->addAxis(m_values, Qt::AlignLeft);
    series->attachAxis(m_categories);
    series->attachAxis(m_values);
    m_values->setMin(0);
    m_values->setLabelFormat(QStringLiteral("%.1f"));
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setTitle(tr("Credit: not known yet"));
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setAccessibleName(tr("Contribution chart"));
    setMinimumHeight(160);
}

void ContributionView::setCredit(const QJsonObject &credit, const QHash<QString, QString> &names)
{
    m_balance = qint64(credit.value(QStringLiteral("balance")).toDouble());
    struct Bar {
        QString label;
        double mib;
    };
    QList<Bar> bars;
    for (const QJsonValue &v : credit.value(QStringLiteral("overlays")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString id = o.value(QStringLiteral("overlayId")).toString();
        const QString name = names.value(id);
        bars.append({name.isEmpty() ? id.left(8) : name.left(24), o.value(QStringLiteral("credited")).toDouble() / (1024.0 * 1024.0)});
    }
    std::sort(bars.begin(), bars.end(), [](const Bar &a, const Bar &b) { return a.mib > b.mib; });
    if (bars.size() > maxBars)
        bars.resize(maxBars);
    m_set->remove(0, m_set->count());
    QStringList labels;
    double top = 0;
    for (const Bar &b : bars) {
        labels.append(b.label);
        m_set->append(b.mib);
        top = std::max(top, b.mib);
    }
    m_categories->clear();
    m_categories->append(labels);
    m_values->setMax(top > 0 ? top * 1.1 : 1.0);
    chart()->setTitle(tr("Credit balance: %1 (%2 overlays)").arg(formatBytes(m_balance)).arg(credit.value(QStringLiteral("overlays")).toArray().size()));
    setAccessibleDescription(chart()->title());
}

void ContributionView::setProblem(const QString &problem)
{
    chart()->setTitle(tr("Credit: %1").arg(problem));
    setAccessibleDescription(chart()->title());
}

int ContributionView::barCount() const
{
    return m_set->count();
}

} // namespace mp2p
