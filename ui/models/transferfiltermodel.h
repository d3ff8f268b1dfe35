#pragma once

#include <QSortFilterProxyModel>

namespace mp2p {

// Sorts the transfer table by raw values and keeps the rows of one filter tab.
class TransferFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum Filter { All, Downloading, Seeding, Paused, Errors, FilterCount };

    explicit TransferFilterModel(QObject *parent = nullptr);

    Filter filter() const { return m_filter; }
    void setFilter(Filter filter);
    static QString filterName(Filter filter);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Filter m_filter = All;
};

} // namespace mp2p
