#include "searchresultmodel.h"

#include "format.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>

namespace mp2p {

SearchResultModel::SearchResultModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void SearchResultModel::setResults(const QJsonObject &answer)
{
    QList<Item> items;
    for (const QJsonValue &v : answer.value(QStringLiteral("items")).toArray()) {
        const QJsonObject o = v.toObject();
        Item item;
        item.id = o.value(QStringLiteral("id")).toString();
        item.title = o.value(QStringLiteral("title")).toString();
        if (item.id.isEmpty() || item.title.isEmpty())
            continue;  // a record we cannot download or show
        item.description = o.value(QStringLiteral("description")).toString();
        item.size = qint64(o.value(QStringLiteral("totalSize")).toDouble());
        for (const QJsonValue &tag : o.value(QStringLiteral("tags")).toArray())
            item.tags.append(tag.toString());
        item.owner = o.value(QStringLiteral("owner")).toString();
        item.createdAt = qint64(o.value(QStringLiteral("createdAt")).toDouble());
        if (item.createdAt <= 0)
            item.createdAt = qint64(o.value(QStringLiteral("updatedAt")).toDouble());
        item.omsUrl = o.value(QStringLiteral("omsUrl")).toString();
        item.infoHash = o.value(QStringLiteral("infoHashV1")).toString();
        items.append(item);
    }
    beginResetModel();
    m_items = items;
    m_total = answer.value(QStringLiteral("total")).toInt(int(items.size()));
    endResetModel();
}

void SearchResultModel::clear()
{
    beginResetModel();
    m_items.clear();
    m_total = 0;
    endResetModel();
}

void SearchResultModel::setSwarm(const QString &infoHash, int seeds, int leechers)
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items[row].infoHash != infoHash)
            continue;
        m_items[row].seeds = seeds;
        m_items[row].leechers = leechers;
        Q_EMIT dataChanged(index(row, Seeds), index(row, Peers));
    }
}

const SearchResultModel::Item *SearchResultModel::itemAt(int row) const
{
    return row >= 0 && row < m_items.size() ? &m_items[row] : nullptr;
}

int SearchResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int SearchResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SearchResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Item &item = m_items[index.row()];
    if (role == ContentIdRole)
        return item.id;
    if (role == InfoHashRole)
        return item.infoHash;
    if (role == Qt::ToolTipRole)
        return item.description.isEmpty() ? QVariant() : QVariant(item.description);
    const int column = index.column();
    if (role == RawValueRole) {
        switch (column) {
        case Title: return item.title;
        case Size: return item.size;
        case Seeds: return item.seeds;
        case Peers: return item.leechers;
        case Tags: return item.tags.join(QLatin1Char(' '));
        case Publisher: return item.owner;
        case Date: return item.createdAt;
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Title: return item.title;
    case Size: return formatBytes(item.size);
    case Seeds: return item.seeds < 0 ? QStringLiteral("–") : QString::number(item.seeds);
    case Peers: return item.leechers < 0 ? QStringLiteral("–") : QString::number(item.leechers);
    case Tags: return item.tags.join(QStringLiteral(", "));
    case Publisher: return item.owner.left(12);  // short id, like the status bar's
    case Date:
        return item.createdAt > 0 ? QLocale().toString(QDateTime::fromSecsSinceEpoch(item.createdAt), QLocale::ShortFormat)
                                  : QString();
    }
    return {};
}

QVariant SearchResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Title: return tr("Title");
    case Size: return tr("Size");
    case Seeds: return tr("Seeds");
    case Peers: return tr("Peers");
    case Tags: return tr("Tags");
    case Publisher: return tr("Publisher");
    case Date: return tr("Published");
    }
    return {};
}

} // namespace mp2p
