#include "filelistmodel.h"

#include "format.h"

namespace mp2p {

FileListModel::FileListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void FileListModel::setEngine(PeerEngine *engine)
{
    m_engine = engine;
    refresh();
}

void FileListModel::setInfoHash(const QString &infoHash)
{
    if (infoHash == m_infoHash)
        return;
    m_infoHash = infoHash;
    setFiles({});
    refresh();
}

void FileListModel::refresh()
{
    if (!m_engine || m_infoHash.isEmpty()) {
        setFiles({});
        return;
    }
    setFiles(m_engine->fileStatus(m_infoHash));
}

void FileListModel::setFiles(const QList<TransferFile> &files)
{
    bool sameLayout = files.size() == m_files.size();
    for (qsizetype i = 0; sameLayout && i < files.size(); ++i)
        sameLayout = files[i].index == m_files[i].index;
    if (!sameLayout) {
        beginResetModel();
        m_files = files;
        endResetModel();
        return;
    }
    // Same files: change values in place, so selection and an open editor survive; rows whose
    // values did not move (a seed's files, every second) are not repainted.
    int first = -1, last = -1;
    for (int i = 0; i < files.size(); ++i) {
        const TransferFile &a = m_files[i], &b = files[i];
        if (a.path != b.path || a.absolutePath != b.absolutePath || a.size != b.size || a.offset != b.offset
            || a.downloaded != b.downloaded || a.priority != b.priority) {
            if (first < 0)
                first = i;
            last = i;
        }
    }
    m_files = files;
    if (first >= 0)
        Q_EMIT dataChanged(index(first, Size), index(last, Priority));
}

bool FileListModel::setPriority(int row, int priority, QString *error)
{
    const TransferFile *f = fileAt(row);
    if (!f || !m_engine) {
        if (error)
            *error = tr("This file is no longer part of a running transfer.");
        return false;
    }
    if (!m_engine->setFilePriority(m_infoHash, f->index, priority, error))
        return false;
    m_files[row].priority = priority;
    Q_EMIT dataChanged(index(row, Priority), index(row, Priority));
    return true;
}

const TransferFile *FileListModel::fileAt(int row) const
{
    return row >= 0 && row < m_files.size() ? &m_files[row] : nullptr;
}

QString FileListModel::priorityText(int priority)
{
    if (priority == FilePriority::Skip)
        return tr("Skip");
    if (priority >= FilePriority::High)
        return tr("High");
    return tr("Normal");
}

int FileListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_files.size());
}

int FileListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FileListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TransferFile &f = m_files[index.row()];
    const double progress = f.size > 0 ? double(f.downloaded) / double(f.size) : 1.0;
    if (role == FileIndexRole)
        return f.index;
    if (role == RawValueRole) {
        switch (index.column()) {
        case Name: return f.path;
        case Size: return f.size;
        case Progress: return progress;
        case Priority: return f.priority;
        }
        return {};
    }
    if (role == Qt::EditRole && index.column() == Priority)
        return f.priority;
    if (role == Qt::ToolTipRole && index.column() == Name)
        return f.absolutePath;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name: return f.path;
    case Size: return formatBytes(f.size);
    case Progress: return QStringLiteral("%1 %").arg(progress * 100.0, 0, 'f', 1);
    case Priority: return priorityText(f.priority);
    }
    return {};
}

bool FileListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != Priority
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    bool ok = false;
    const int priority = value.toInt(&ok);
    if (!ok || !priorities().contains(priority))
        return false;
    QString error;
    if (!setPriority(index.row(), priority, &error)) {
        Q_EMIT priorityRefused(error);
        return false;
    }
    return true;
}

Qt::ItemFlags FileListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Priority)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant FileListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("File");
    case Size: return tr("Size");
    case Progress: return tr("Progress");
    case Priority: return tr("Priority");
    }
    return {};
}

} // namespace mp2p
