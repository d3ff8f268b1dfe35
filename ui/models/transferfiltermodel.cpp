#include "transferfiltermodel.h"

#include "transfermodel.h"

namespace mp2p {

TransferFilterModel::TransferFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(TransferModel::RawValueRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    // Stats arrive every second: keep the order and the filter current as values change.
    setDynamicSortFilter(true);
}

void TransferFilterModel::setFilter(Filter filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidateFilter();
}

QString TransferFilterModel::filterName(Filter filter)
{
    switch (filter) {
    case All: return tr("All");
    case Downloading: return tr("Downloading");
    case Seeding: return tr("Seeding");
    case Paused: return tr("Paused");
    case Errors: return tr("Errors");
    case FilterCount: break;
    }
    return {};
}

bool TransferFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filter == All)
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto state = TransferState(index.data(TransferModel::StateRole).toInt());
    switch (m_filter) {
    case Downloading: return state == TransferState::Downloading || state == TransferState::Checking;
    case Seeding: return state == TransferState::Seeding;
    case Paused: return state == TransferState::Paused;
    case Errors: return state == TransferState::Error;
    default: return true;
    }
}

} // namespace mp2p
