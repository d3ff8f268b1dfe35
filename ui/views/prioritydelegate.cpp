#include "prioritydelegate.h"

#include <models/filelistmodel.h>

#include <QComboBox>

namespace mp2p {

QWidget *PriorityDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const
{
    auto *combo = new QComboBox(parent);
    combo->setAccessibleName(tr("File priority"));
    for (int priority : FileListModel::priorities())
        combo->addItem(FileListModel::priorityText(priority), priority);
    // Commit as soon as a value is picked: one choice, no extra Enter needed.
    connect(combo, &QComboBox::activated, this, [this, combo] {
        auto *self = const_cast<PriorityDelegate *>(this);
        Q_EMIT self->commitData(combo);
        Q_EMIT self->closeEditor(combo);
    });
    return combo;
}

void PriorityDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    const int at = combo->findData(index.data(Qt::EditRole).toInt());
    combo->setCurrentIndex(at < 0 ? 1 : at);
}

void PriorityDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    model->setData(index, static_cast<QComboBox *>(editor)->currentData(), Qt::EditRole);
}

} // namespace mp2p
