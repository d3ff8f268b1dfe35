#pragma once

#include <QStyledItemDelegate>

namespace mp2p {

// Paints the progress column as a progress bar; reads 0..1 from `valueRole` (the raw value).
class ProgressBarDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit ProgressBarDelegate(int valueRole, QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_valueRole;
};

} // namespace mp2p
