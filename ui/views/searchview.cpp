#include "searchview.h"

#include <models/searchresultmodel.h>
#include <user/managedpeer.h>
#include <user/session/peersession.h>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace mp2p {

SearchView::SearchView(QWidget *parent)
    : QWidget(parent)
    , m_query(new QLineEdit(this))
    , m_results(new QTableView(this))
    , m_download(new QPushButton(tr("&Download"), this))
    , m_status(new QLabel(this))
    , m_debounce(new QTimer(this))
    , m_model(new SearchResultModel(this))
{
    m_query->setPlaceholderText(tr("Search the index (title, tags, description)…"));
    m_query->setAccessibleName(tr("Search"));
    m_query->setClearButtonEnabled(true);
    m_download->setAccessibleName(tr("Download the selected result"));
    m_status->setAccessibleName(tr("Search status"));

    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(SearchResultModel::RawValueRole);
    m_results->setModel(proxy);
    m_results->setAccessibleName(tr("Search results"));
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    m_results->setSortingEnabled(true);
    m_results->sortByColumn(-1, Qt::AscendingOrder);  // the IXS's relevance order until the user sorts
    m_results->verticalHeader()->hide();
    m_results->horizontalHeader()->setSectionResizeMode(SearchResultModel::Title, QHeaderView::Stretch);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto *top = new QHBoxLayout;
    top->addWidget(m_query, 1);
    top->addWidget(m_download);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_status);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &SearchView::runQuery);
    connect(m_query, &QLineEdit::textEdited, m_debounce, qOverload<>(&QTimer::start));
    connect(m_query, &QLineEdit::returnPressed, this, &SearchView::runQuery);
    connect(m_results, &QTableView::doubleClicked, this, &SearchView::requestSelectedDownload);
    connect(m_download, &QPushButton::clicked, this, &SearchView::requestSelectedDownload);
    connect(m_results->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SearchView::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SearchView::updateButtons);
    updateButtons();
}

void SearchView::setPeer(ManagedPeer *peer)
{
    m_peer = peer;
    if (peer && !m_query->text().isEmpty())
        runQuery();  // the user typed before the peer was ready
}

void SearchView::setSession(PeerSession *session)
{
    m_session = session;
}

void SearchView::fetchSwarms(quint64 serial)
{
    if (!m_session)
        return;
    // At most one page of results: one small JSON GET per overlay, run by the network
    // manager off the GUI thread; a newer query makes the older answers void.
    QSet<QString> asked;
    QPointer<SearchView> self(this);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const SearchResultModel::Item *item = m_model->itemAt(row);
        if (!item || item->infoHash.isEmpty() || asked.contains(item->infoHash))
            continue;
        asked.insert(item->infoHash);
        const QString hash = item->infoHash;
        m_session->queryOverlay(item->omsUrl, hash, [self, serial, hash](const JsonReply &reply) {
            if (!self || serial != self->m_querySerial || !reply.ok())
                return;
            self->m_model->setSwarm(hash, reply.body.value(QStringLiteral("seeds")).toInt(),
                                    reply.body.value(QStringLiteral("leechers")).toInt());
        });
    }
}

void SearchView::focusSearch()
{
    m_query->setFocus(Qt::ShortcutFocusReason);
    m_query->selectAll();
}

void SearchView::setDebounceMs(int ms)
{
    m_debounce->setInterval(ms);
}

void SearchView::runQuery()
{
    m_debounce->stop();
    const QString text = m_query->text().trimmed();
    const quint64 serial = ++m_querySerial;
    if (text.isEmpty()) {
        m_model->clear();
        m_status->clear();
        return;
    }
    if (!m_peer || !m_peer->provider() || !m_peer->provider()->isReady()) {
        m_status->setText(tr("Not connected to the provider yet; the search runs once it is."));
        return;
    }
    m_status->setText(tr("Searching…"));
    QPointer<SearchView> self(this);
    m_peer->search(text, 1, 100, [self, serial](const JsonReply &reply) {
        if (!self || serial != self->m_querySerial)
            return;
        if (!reply.ok()) {
            self->m_status->setText(tr("The search failed: %1. Check the connection in the status bar and try again.").arg(reply.problem));
            return;
        }
        self->m_model->setResults(reply.body);
        self->m_status->setText(tr("%n result(s)", nullptr, self->m_model->total()));
        self->fetchSwarms(serial);
    });
}

void SearchView::requestSelectedDownload()
{
    const QModelIndexList rows = m_results->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const QModelIndex index = rows.first();
    Q_EMIT downloadRequested(index.data(SearchResultModel::ContentIdRole).toString(),
                             index.siblingAtColumn(SearchResultModel::Title).data().toString());
}

void SearchView::updateButtons()
{
    m_download->setEnabled(m_results->selectionModel()->hasSelection());
}

} // namespace mp2p
