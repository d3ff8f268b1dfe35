#include "peerlistmodel.h"

#include "format.h"

#include <QSet>

namespace mp2p {

PeerListModel::PeerListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void PeerListModel::setEngine(PeerEngine *engine)
{
    m_engine = engine;
    refresh();
}

void PeerListModel::setInfoHash(const QString &infoHash)
{
    if (infoHash == m_infoHash)
        return;
    m_infoHash = infoHash;
    beginResetModel();
    m_peers.clear();
    m_overlay.clear();
    endResetModel();
    refresh();
}

void PeerListModel::refresh()
{
    setPeers(m_engine && !m_infoHash.isEmpty() ? m_engine->peers(m_infoHash) : QList<PeerDetails>{});
}

void PeerListModel::setPeers(const QList<PeerDetails> &peers)
{
    // Keep rows that stay (in place), drop those that left, append newcomers: a selection in
    // the view is not lost every second.
    QHash<QString, PeerDetails> incoming;
    for (const PeerDetails &p : peers)
        incoming.insert(p.address, p);
    for (int row = int(m_peers.size()) - 1; row >= 0; --row) {
        if (!incoming.contains(m_peers[row].address)) {
            beginRemoveRows({}, row, row);
            m_peers.removeAt(row);
            endRemoveRows();
        }
    }
    QSet<QString> present;
    for (int row = 0; row < m_peers.size(); ++row) {
        m_peers[row] = incoming.value(m_peers[row].address);
        present.insert(m_peers[row].address);
    }
    if (!m_peers.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_peers.size()) - 1, ColumnCount - 1));
    QList<PeerDetails> added;
    for (const PeerDetails &p : peers)
        if (!present.contains(p.address))
            added.append(p);
    if (!added.isEmpty()) {
        beginInsertRows({}, int(m_peers.size()), int(m_peers.size() + added.size()) - 1);
        m_peers.append(added);
        endInsertRows();
    }
}

void PeerListModel::setOverlayPeers(const QHash<QString, OverlayPeer> &byAddress)
{
    m_overlay = byAddress;
    if (!m_peers.isEmpty())
        Q_EMIT dataChanged(index(0, User), index(int(m_peers.size()) - 1, Region));
}

PeerListModel::OverlayPeer PeerListModel::overlayOf(const PeerDetails &p) const
{
    const auto exact = m_overlay.constFind(p.address);
    if (exact != m_overlay.constEnd())
        return *exact;
    OverlayPeer found;
    int matches = 0;
    const QString prefix = p.address.left(p.address.size() - QString::number(p.port).size());  // "ip:"
    for (auto it = m_overlay.constBegin(); it != m_overlay.constEnd(); ++it) {
        if (it.key().startsWith(prefix)) {
            found = *it;
            ++matches;
        }
    }
    return matches == 1 ? found : OverlayPeer{};
}

const PeerDetails *PeerListModel::peerAt(int row) const
{
    return row >= 0 && row < m_peers.size() ? &m_peers[row] : nullptr;
}

int PeerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_peers.size());
}

int PeerListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PeerListModel::connectionText(const PeerDetails &p) const
{
    const QString path = p.relayed ? tr("Relayed") : tr("Direct");
    const QString way = p.incoming ? tr("incoming") : tr("outgoing");
    QString text = tr("%1, %2").arg(path, way);
    if (p.utp)
        text += tr(", uTP");
    if (p.encrypted)
        text += tr(", encrypted");
    return text;
}

QVariant PeerListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PeerDetails &p = m_peers[index.row()];
    if (role == RelayedRole)
        return p.relayed;
    const OverlayPeer overlay = (index.column() == User || index.column() == Region) ? overlayOf(p) : OverlayPeer{};
    if (role == Qt::ToolTipRole && index.column() == User)
        return overlay.userId.isEmpty() ? QVariant() : QVariant(overlay.userId);
    if (role == RawValueRole) {
        switch (index.column()) {
        case Address: return p.address;
        case Client: return p.client;
        case User: return overlay.userId;
        case Region: return overlay.region;
        case DownRate: return p.downloadRate;
        case UpRate: return p.uploadRate;
        case Progress: return p.progress;
        case Connection: return connectionText(p);
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Address: return p.address;
    case Client: return p.client.isEmpty() ? tr("unknown") : p.client;
    case User: return overlay.userId.left(12);
    case Region: return overlay.region;
    case DownRate: return formatRate(p.downloadRate);
    case UpRate: return formatRate(p.uploadRate);
    case Progress: return QStringLiteral("%1 %").arg(p.progress * 100.0, 0, 'f', 1);
    case Connection: return connectionText(p);
    }
    return {};
}

QVariant PeerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Address: return tr("Address");
    case Client: return tr("Client");
    case User: return tr("User");
    case Region: return tr("Region");
    case DownRate: return tr("Down");
    case UpRate: return tr("Up");
    case Progress: return tr("Has");
    case Connection: return tr("Connection");
    }
    return {};
}

} // namespace mp2p
