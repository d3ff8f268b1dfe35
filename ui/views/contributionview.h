#pragma once

#include <QChartView>
#include <QHash>
#include <QJsonObject>

class QBarCategoryAxis;
class QBarSet;
class QValueAxis;

namespace mp2p {

// The user's contribution as the provider's PAMS credits it: the balance in the title and the
// bytes credited per overlay as bars (the largest few), named after the local transfer when
// there is one.
class ContributionView : public QChartView {
    Q_OBJECT
public:
    explicit ContributionView(QWidget *parent = nullptr);

    // The answer of GET /pams/v1/credit/{userId}; `names` maps overlay ids to transfer names.
    void setCredit(const QJsonObject &credit, const QHash<QString, QString> &names = {});
    void setProblem(const QString &problem);
    qint64 balance() const { return m_balance; }
    int barCount() const;

    static constexpr int maxBars = 8;

private:
    QBarSet *m_set;
    QBarCategoryAxis *m_categories;
    QValueAxis *m_values;
    qint64 m_balance = -1;
};

} // namespace mp2p
