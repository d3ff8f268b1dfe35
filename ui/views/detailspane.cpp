#include "detailspane.h"
#include "keyboardtoolbar.h"

#include "piecesbar.h"
#include "prioritydelegate.h"

#include <models/filelistmodel.h>
#include <models/format.h>
#include <models/peerlistmodel.h>
#include <models/transfermodel.h>
#include <user/engine/peerengine.h>
#include <user/session/peersession.h>

#include <QAction>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace mp2p {

DetailsPane::DetailsPane(TransferModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_tabs(new QTabWidget(this))
    , m_pieces(new PiecesBar(this))
    , m_files(new FileListModel(this))
    , m_peers(new PeerListModel(this))
    , m_play(new QAction(tr("&Play"), this))
    , m_timer(new QTimer(this))
{
    m_tabs->addTab(buildGeneralTab(), tr("&General"));
    m_tabs->addTab(buildFilesTab(), tr("F&iles"));
    m_tabs->addTab(buildPeersTab(), tr("P&eers"));
    m_tabs->addTab(buildOverlayTab(), tr("&Overlay"));
    m_tabs->setAccessibleName(tr("Transfer details sections"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    setAccessibleName(tr("Transfer details"));

    connect(model, &QAbstractItemModel::dataChanged, this, &DetailsPane::refresh);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &DetailsPane::refresh);
    connect(model, &QAbstractItemModel::modelReset, this, &DetailsPane::refresh);
    connect(m_files, &FileListModel::priorityRefused, this, [this](const QString &message) {
        Q_EMIT problem(tr("The priority was not changed"), message);
    });
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &DetailsPane::tick);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        refreshVisibleTab();
        if (tab == PeersTab || tab == OverlayTab)
            refreshOverlay();
    });
    refresh();
}

QWidget *DetailsPane::buildGeneralTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const std::pair<const char *, QString> fields[] = {
        {"name", tr("Name:")},         {"savePath", tr("Saved in:")},   {"infoHash", tr("Info-hash / overlay:")},
        {"oms", tr("Overlay manager (OMS):")}, {"state", tr("State:")}, {"transferred", tr("Downloaded / uploaded:")},
        {"peers", tr("Peers:")},       {"error", tr("Last error:")},
    };
    for (const auto &[key, label] : fields)
        form->addRow(label, addField(QString::fromLatin1(key), label));
    auto *piecesLabel = new QLabel(tr("Pieces:"), page);
    piecesLabel->setBuddy(m_pieces);
    form->addRow(piecesLabel, m_pieces);
    return page;
}

QWidget *DetailsPane::buildFilesTab()
{
    auto *page = new QWidget(this);
    m_filesView = new QTableView(page);
    m_filesView->setModel(m_files);
    m_filesView->setAccessibleName(tr("Files of the transfer"));
    m_filesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_filesView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_filesView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_filesView->setItemDelegateForColumn(FileListModel::Priority, new PriorityDelegate(m_filesView));
    m_filesView->verticalHeader()->hide();
    m_filesView->horizontalHeader()->setSectionResizeMode(FileListModel::Name, QHeaderView::Stretch);
    m_filesView->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_play->setToolTip(tr("Play the selected file while it downloads"));
    m_play->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_play->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_play, &QAction::triggered, this, &DetailsPane::playCurrentFile);
    m_filesView->addAction(m_play);
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    m_filesView->addAction(separator);
    const std::pair<int, QString> choices[] = {
        {FilePriority::High, tr("Priority: &High")},
        {FilePriority::Normal, tr("Priority: &Normal")},
        {FilePriority::Skip, tr("Priority: &Skip (do not download)")},
    };
    for (const auto &[priority, text] : choices) {
        auto *action = new QAction(text, this);
        action->setData(priority);
        connect(action, &QAction::triggered, this, [this, p = priority] { setSelectedPriority(p); });
        m_filesView->addAction(action);
        m_priorityActions.append(action);
    }
    auto *toolbar = new KeyboardToolBar(tr("File actions"), page);
    toolbar->addAction(m_play);
    toolbar->addSeparator();
    toolbar->addActions(m_priorityActions);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolbar);
    layout->addWidget(m_filesView, 1);
    addAction(m_play);
    return page;
}

QWidget *DetailsPane::buildPeersTab()
{
    m_peersView = new QTableView(this);
    m_peersView->setModel(m_peers);
    m_peersView->setAccessibleName(tr("Connected peers"));
    m_peersView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_peersView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_peersView->verticalHeader()->hide();
    m_peersView->horizontalHeader()->setSectionResizeMode(PeerListModel::Address, QHeaderView::ResizeToContents);
    m_peersView->horizontalHeader()->setSectionResizeMode(PeerListModel::Connection, QHeaderView::Stretch);
    return m_peersView;
}

QWidget *DetailsPane::buildOverlayTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const std::pair<const char *, QString> fields[] = {
        {"overlayId", tr("Overlay id:")},
        {"overlayOms", tr("Managed by (OMS):")},
        {"overlaySwarm", tr("Swarm (as the OMS sees it):")},
        {"overlayPeers", tr("Peers the OMS lists:")},
        {"overlayUpdated", tr("Last asked:")},
    };
    for (const auto &[key, label] : fields)
        form->addRow(label, addField(QString::fromLatin1(key), label));
    return page;
}

QLabel *DetailsPane::addField(const QString &key, const QString &label)
{
    auto *value = new QLabel(this);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    value->setWordWrap(true);
    value->setAccessibleName(label);
    m_fields.insert(key, value);
    return value;
}

void DetailsPane::setEngine(PeerEngine *engine)
{
    m_engine = engine;
    m_files->setEngine(engine);
    m_peers->setEngine(engine);
    refreshDetails();
}

void DetailsPane::setSession(PeerSession *session)
{
    m_session = session;
    refreshOverlay();
}

void DetailsPane::setInfoHash(const QString &infoHash)
{
    if (infoHash == m_infoHash)
        return;
    m_infoHash = infoHash;
    ++m_overlaySerial;
    m_files->setInfoHash(infoHash);
    m_peers->setInfoHash(infoHash);
    for (const char *key : {"overlaySwarm", "overlayPeers", "overlayUpdated"})
        m_fields.value(QString::fromLatin1(key))->clear();
    refresh();
    refreshDetails();
    refreshOverlay();
}

void DetailsPane::setOmsUrl(const QString &url)
{
    m_omsUrl = url;
    refresh();
}

QString DetailsPane::text(const QString &field) const
{
    const QLabel *label = m_fields.value(field);
    return label ? label->text() : QString();
}

void DetailsPane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_timer->start();
    refreshDetails();
}

void DetailsPane::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer->stop();  // nothing to show: no queries into the engine
}

void DetailsPane::tick()
{
    // Each engine query below is a round trip into libtorrent's thread. A transfer whose status
    // did not move and that has no peers has no new pieces, file progress or peers to show.
    const std::optional<TransferStatus> now = m_model->transferAt(m_model->rowOf(m_infoHash));
    const bool quiet = now && m_shown && now->peers == 0 && *now == *m_shown;
    m_shown = now;
    if (!quiet)
        refreshVisibleTab();
    // The OMS's view (swarm counts, the peers' users and regions) only where it is shown.
    const int tab = m_tabs->currentIndex();
    if (++m_ticks % 5 == 0 && (tab == PeersTab || tab == OverlayTab))
        refreshOverlay();
}

void DetailsPane::refreshVisibleTab()
{
    switch (m_tabs->currentIndex()) {
    case GeneralTab:
        m_pieces->setPieces(m_engine && !m_infoHash.isEmpty() ? m_engine->pieceStates(m_infoHash) : QByteArray());
        break;
    case FilesTab:
        m_files->refresh();
        break;
    case PeersTab:
        m_peers->refresh();
        break;
    default:
        break;
    }
}

void DetailsPane::refreshDetails()
{
    m_files->refresh();
    m_peers->refresh();
    m_pieces->setPieces(m_engine && !m_infoHash.isEmpty() ? m_engine->pieceStates(m_infoHash) : QByteArray());
}

void DetailsPane::refresh()
{
    const auto t = m_model->transferAt(m_model->rowOf(m_infoHash));
    if (!t) {
        for (QLabel *label : std::as_const(m_fields))
            label->clear();
        m_fields.value(QStringLiteral("name"))->setText(tr("Select a transfer to see its details."));
        m_play->setEnabled(false);
        return;
    }
    m_play->setEnabled(true);
    m_fields.value(QStringLiteral("name"))->setText(t->name);
    m_fields.value(QStringLiteral("savePath"))->setText(t->savePath);
    m_fields.value(QStringLiteral("infoHash"))->setText(t->infoHash);
    m_fields.value(QStringLiteral("oms"))->setText(m_omsUrl);
    m_fields.value(QStringLiteral("overlayId"))->setText(t->infoHash);
    m_fields.value(QStringLiteral("overlayOms"))->setText(m_omsUrl);
    m_fields.value(QStringLiteral("state"))->setText(TransferModel::stateText(t->state));
    m_fields.value(QStringLiteral("transferred"))->setText(tr("%1 / %2").arg(formatBytes(t->downloaded), formatBytes(t->uploaded)));
    m_fields.value(QStringLiteral("peers"))->setText(tr("%1 connected, %2 seeds; downloading from %3, uploading to %4")
                                                         .arg(t->peers).arg(t->seeds).arg(t->downloadConnections).arg(t->uploadConnections));
    m_fields.value(QStringLiteral("error"))->setText(t->error);
}

void DetailsPane::playCurrentFile()
{
    if (m_infoHash.isEmpty())
        return;
    const QModelIndex current = m_filesView->currentIndex();
    int fileIndex = current.isValid() ? current.data(FileListModel::FileIndexRole).toInt() : -1;
    if (fileIndex < 0) {
        // No file chosen: the largest one, usually the film or the album's main track.
        qint64 largest = -1;
        for (int row = 0; row < m_files->rowCount(); ++row) {
            const TransferFile *f = m_files->fileAt(row);
            if (f && f->size > largest) {
                largest = f->size;
                fileIndex = f->index;
            }
        }
    }
    if (fileIndex >= 0)
        Q_EMIT playRequested(m_infoHash, fileIndex);
}

void DetailsPane::setSelectedPriority(int priority)
{
    QString error;
    for (const QModelIndex &index : m_filesView->selectionModel()->selectedRows()) {
        if (!m_files->setPriority(index.row(), priority, &error)) {
            Q_EMIT problem(tr("The priority was not changed"), error);
            return;
        }
    }
}

} // namespace mp2p
