#include "transfersview.h"
#include "keyboardtoolbar.h"

#include "progressbardelegate.h"

#include <models/transferfiltermodel.h>
#include <models/transfermodel.h>
#include <user/engine/peerengine.h>

#include <QAction>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QTabBar>
#include <QTableView>
#include <QVBoxLayout>

namespace mp2p {

TransfersView::TransfersView(TransferModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new TransferFilterModel(this))
    , m_tabs(new QTabBar(this))
    , m_table(new QTableView(this))
    , m_pause(new QAction(tr("&Pause"), this))
    , m_resume(new QAction(tr("&Resume"), this))
    , m_toggle(new QAction(tr("Pause/Resume"), this))
    , m_remove(new QAction(tr("Re&move…"), this))
    , m_play(new QAction(tr("P&lay"), this))
{
    for (int f = 0; f < TransferFilterModel::FilterCount; ++f)
        m_tabs->addTab(TransferFilterModel::filterName(TransferFilterModel::Filter(f)));
    m_tabs->setAccessibleName(tr("Transfer filter"));
    m_tabs->setExpanding(false);
    connect(m_tabs, &QTabBar::currentChanged, this, [this](int index) {
        m_proxy->setFilter(TransferFilterModel::Filter(index));
    });

    m_proxy->setSourceModel(model);
    m_table->setModel(m_proxy);
    m_table->setAccessibleName(tr("Transfers"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(TransferModel::Name, QHeaderView::Stretch);
    m_table->setItemDelegateForColumn(TransferModel::Progress, new ProgressBarDelegate(TransferModel::RawValueRole, this));
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_pause->setToolTip(tr("Pause the selected transfers"));
    m_resume->setToolTip(tr("Resume the selected transfers"));
    m_toggle->setShortcut(Qt::Key_Space);
    m_toggle->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_remove->setShortcut(QKeySequence::Delete);
    m_remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_remove->setToolTip(tr("Remove the selected transfers"));
    connect(m_pause, &QAction::triggered, this, &TransfersView::pauseSelected);
    connect(m_resume, &QAction::triggered, this, &TransfersView::resumeSelected);
    connect(m_toggle, &QAction::triggered, this, &TransfersView::togglePauseSelected);
    connect(m_remove, &QAction::triggered, this, &TransfersView::removeSelected);
    m_play->setToolTip(tr("Play the transfer's largest file while it downloads"));
    m_play->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_play->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_play, &QAction::triggered, this, &TransfersView::playCurrent);
    m_table->addActions({m_play, m_pause, m_resume, m_remove});
    addAction(m_toggle);
    addAction(m_remove);
    addAction(m_play);

    auto *toolbar = new KeyboardToolBar(tr("Transfer actions"), this);
    toolbar->addActions({m_play, m_pause, m_resume, m_remove});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    layout->addWidget(toolbar);
    layout->addWidget(m_table, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TransfersView::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateActions();
        Q_EMIT currentTransferChanged(currentInfoHash());
    });
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &TransfersView::updateActions);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &TransfersView::updateActions);
    updateActions();
}

void TransfersView::setEngine(PeerEngine *engine)
{
    m_engine = engine;
    updateActions();
}

QStringList TransfersView::selectedInfoHashes() const
{
    QStringList out;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        out.append(index.data(TransferModel::InfoHashRole).toString());
    return out;
}

QString TransfersView::currentInfoHash() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.data(TransferModel::InfoHashRole).toString() : QString();
}

void TransfersView::pauseSelected()
{
    if (!m_engine)
        return;
    for (const QString &hash : selectedInfoHashes())
        m_engine->pause(hash);
}

void TransfersView::resumeSelected()
{
    if (!m_engine)
        return;
    for (const QString &hash : selectedInfoHashes())
        m_engine->resume(hash);
}

void TransfersView::togglePauseSelected()
{
    if (!m_engine)
        return;
    // One decision for the whole selection: if any is running, pause all; else resume all.
    bool anyRunning = false;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        anyRunning |= TransferState(index.data(TransferModel::StateRole).toInt()) != TransferState::Paused;
    anyRunning ? pauseSelected() : resumeSelected();
}

TransfersView::RemoveChoice TransfersView::askRemove(const QStringList &names)
{
    if (m_confirm)
        return m_confirm(names);
    QMessageBox box(QMessageBox::Question, tr("Remove transfers"),
                    tr("Remove %n transfer(s)?", nullptr, int(names.size())), QMessageBox::Cancel, this);
    box.setInformativeText(names.mid(0, 5).join(QLatin1Char('\n')));
    QPushButton *keep = box.addButton(tr("Remove, keep the files"), QMessageBox::AcceptRole);
    QPushButton *wipe = box.addButton(tr("Remove and delete the files"), QMessageBox::DestructiveRole);
    box.setDefaultButton(keep);
    box.exec();
    if (box.clickedButton() == keep)
        return RemoveChoice::KeepFiles;
    if (box.clickedButton() == wipe)
        return RemoveChoice::DeleteFiles;
    return RemoveChoice::Cancel;
}

void TransfersView::removeSelected()
{
    if (!m_engine)
        return;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows(TransferModel::Name);
    if (rows.isEmpty())
        return;
    QStringList names, hashes;
    for (const QModelIndex &index : rows) {
        names.append(index.data().toString());
        hashes.append(index.data(TransferModel::InfoHashRole).toString());
    }
    const RemoveChoice choice = askRemove(names);
    if (choice == RemoveChoice::Cancel)
        return;
    for (const QString &hash : hashes)
        m_engine->remove(hash, choice == RemoveChoice::DeleteFiles);
}

void TransfersView::playCurrent()
{
    const QString hash = currentInfoHash();
    if (!m_engine || hash.isEmpty())
        return;
    int best = -1;
    qint64 largest = -1;
    for (const TransferFile &f : m_engine->files(hash)) {
        if (f.size > largest) {
            largest = f.size;
            best = f.index;
        }
    }
    if (best >= 0)
        Q_EMIT playRequested(hash, best);
}

void TransfersView::updateActions()
{
    const bool any = m_engine && m_table->selectionModel()->hasSelection();
    bool paused = false, running = false;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows()) {
        const bool p = TransferState(index.data(TransferModel::StateRole).toInt()) == TransferState::Paused;
        paused |= p;
        running |= !p;
    }
    m_pause->setEnabled(any && running);
    m_resume->setEnabled(any && paused);
    m_toggle->setEnabled(any);
    m_remove->setEnabled(any);
    m_play->setEnabled(m_engine && m_table->selectionModel()->currentIndex().isValid());
}

} // namespace mp2p
