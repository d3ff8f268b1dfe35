#include "transfermodel.h"

#include "format.h"

#include <user/engine/peerengine.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace mp2p {

TransferModel::TransferModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void TransferModel::setEngine(PeerEngine *engine)
{
    if (m_engine)
        disconnect(m_engine, nullptr, this, nullptr);
    m_engine = engine;
    beginResetModel();
    m_rows = engine ? engine->transfers() : QList<TransferStatus>{};
    reindex();
    endResetModel();
    if (!engine)
        return;
    connect(engine, &PeerEngine::statsUpdated, this, &TransferModel::updateTransfers);
    connect(engine, &PeerEngine::transferAdded, this, [this](const QString &infoHash) {
        if (const auto status = m_engine ? m_engine->transfer(infoHash) : std::nullopt)
            addTransfer(*status);
    });
    connect(engine, &PeerEngine::transferRemoved, this, &TransferModel::removeTransfer);
}

void TransferModel::reindex()
{
    m_rowOf.clear();
    for (int i = 0; i < m_rows.size(); ++i)
        m_rowOf.insert(m_rows[i].infoHash, i);
}

int TransferModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TransferModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void TransferModel::addTransfer(const TransferStatus &status)
{
    const auto it = m_rowOf.constFind(status.infoHash);
    if (it != m_rowOf.constEnd()) {
        // The engine re-sends every transfer each second; an idle seed is the same snapshot
        // again. Telling the views only about the columns that moved keeps an idle window
        // idle (no proxy re-sort, no repaint, no details refresh).
        const auto [first, last] = changedColumns(m_rows[*it], status);
        m_rows[*it] = status;
        if (first <= last)
            Q_EMIT dataChanged(index(*it, first), index(*it, last));
        return;
    }
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append(status);
    m_rowOf.insert(status.infoHash, row);
    endInsertRows();
}

void TransferModel::removeTransfer(const QString &infoHash)
{
    const auto it = m_rowOf.constFind(infoHash);
    if (it == m_rowOf.constEnd())
        return;
    const int row = *it;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    reindex();
    endRemoveRows();
}

void TransferModel::updateTransfers(const QList<TransferStatus> &transfers)
{
    // Update in place and append new ones; a transfer missing from the snapshot stays until
    // transferRemoved says so (a snapshot may be taken between add and the first stats).
    for (const TransferStatus &t : transfers)
        addTransfer(t);
}

std::pair<int, int> TransferModel::changedColumns(const TransferStatus &a, const TransferStatus &b)
{
    const bool changed[ColumnCount] = {
        a.name != b.name,
        a.totalWanted != b.totalWanted,
        a.progress != b.progress,
        a.state != b.state || a.error != b.error,
        a.downloadRate != b.downloadRate,
        a.uploadRate != b.uploadRate,
        a.state != b.state || a.downloadRate != b.downloadRate || a.left != b.left,
        a.peers != b.peers || a.seeds != b.seeds,
        a.uploaded != b.uploaded || a.downloaded != b.downloaded,
    };
    int first = ColumnCount, last = -1;
    for (int c = 0; c < ColumnCount; ++c) {
        if (changed[c]) {
            first = std::min(first, c);
            last = c;
        }
    }
    // Fields no column shows (the details pane does) still count as a change of the row.
    if (last < 0 && (a.savePath != b.savePath || a.totalDone != b.totalDone || a.uploadConnections != b.uploadConnections
                     || a.downloadConnections != b.downloadConnections))
        first = last = Name;
    return {first, last};
}

std::optional<TransferStatus> TransferModel::transferAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return m_rows[row];
}

int TransferModel::rowOf(const QString &infoHash) const
{
    return m_rowOf.value(infoHash, -1);
}

qint64 TransferModel::totalDownloadRate() const
{
    qint64 sum = 0;
    for (const TransferStatus &t : m_rows)
        sum += t.downloadRate;
    return sum;
}

qint64 TransferModel::totalUploadRate() const
{
    qint64 sum = 0;
    for (const TransferStatus &t : m_rows)
        sum += t.uploadRate;
    return sum;
}

QString TransferModel::stateText(TransferState state)
{
    switch (state) {
    case TransferState::Checking: return tr("Checking");
    case TransferState::Downloading: return tr("Downloading");
    case TransferState::Seeding: return tr("Seeding");
    case TransferState::Paused: return tr("Paused");
    case TransferState::Error: return tr("Error");
    }
    return {};
}

qint64 TransferModel::etaSeconds(const TransferStatus &t)
{
    if (t.state != TransferState::Downloading || t.downloadRate <= 0 || t.left <= 0)
        return -1;
    return (t.left + t.downloadRate - 1) / t.downloadRate;
}

double TransferModel::ratio(const TransferStatus &t)
{
    if (t.downloaded <= 0)
        return t.uploaded > 0 ? std::numeric_limits<double>::infinity() : 0.0;
    return double(t.uploaded) / double(t.downloaded);
}

QVariant TransferModel::rawValue(const TransferStatus &t, int column) const
{
    switch (column) {
    case Name: return t.name;
    case Size: return t.totalWanted;
    case Progress: return t.progress;
    case State: return int(t.state);
    case DownRate: return t.downloadRate;
    case UpRate: return t.uploadRate;
    case Eta: {
        const qint64 eta = etaSeconds(t);
        return eta < 0 ? std::numeric_limits<qint64>::max() : eta;  // unknown sorts last
    }
    case Peers: return t.peers;
    case Ratio: return ratio(t);
    }
    return {};
}

QVariant TransferModel::displayValue(const TransferStatus &t, int column) const
{
    switch (column) {
    case Name: return t.name;
    case Size: return formatBytes(t.totalWanted);
    case Progress: return QStringLiteral("%1 %").arg(t.progress * 100.0, 0, 'f', 1);
    case State: return t.state == TransferState::Error && !t.error.isEmpty() ? tr("Error: %1").arg(t.error) : stateText(t.state);
    case DownRate: return formatRate(t.downloadRate);
    case UpRate: return formatRate(t.uploadRate);
    case Eta: return formatDuration(etaSeconds(t));
    case Peers: return t.seeds > 0 ? tr("%1 (%2 seeds)").arg(t.peers).arg(t.seeds) : QString::number(t.peers);
    case Ratio: {
        const double r = ratio(t);
        return std::isinf(r) ? QStringLiteral("∞") : QString::number(r, 'f', 2);
    }
    }
    return {};
}

QVariant TransferModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TransferStatus &t = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole: return displayValue(t, index.column());
    case Qt::ToolTipRole: return index.column() == State && !t.error.isEmpty() ? t.error : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == Name ? QVariant() : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    case RawValueRole: return rawValue(t, index.column());
    case InfoHashRole: return t.infoHash;
    case StateRole: return int(t.state);
    }
    return {};
}

QVariant TransferModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Name");
    case Size: return tr("Size");
    case Progress: return tr("Progress");
    case State: return tr("State");
    case DownRate: return tr("Down");
    case UpRate: return tr("Up");
    case Eta: return tr("ETA");
    case Peers: return tr("Peers");
    case Ratio: return tr("Ratio");
    }
    return {};
}

} // namespace mp2p
