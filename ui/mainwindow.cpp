#include "mainwindow.h"

#include <models/format.h>
#include <models/transfermodel.h>
#include <user/session/peersession.h>
#include <views/contributionview.h>
#include <views/detailspane.h>
#include <views/searchview.h>
#include <views/speedgraph.h>
#include <views/transfersview.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QToolButton>

namespace mp2p {

MainWindow::MainWindow(PeerSession *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_model(new TransferModel(this))
    , m_search(new SearchView(this))
    , m_transfers(new TransfersView(m_model, this))
    , m_details(new DetailsPane(m_model, this))
    , m_graph(new SpeedGraph(this))
    , m_mainTabs(new QTabWidget(this))
    , m_contribution(new ContributionView(this))
    , m_creditLabel(new QLabel(this))
    , m_creditTimer(new QTimer(this))
{
    setWindowTitle(tr("mp2p"));
    m_mainTabs->addTab(m_search, tr("&Search"));
    m_mainTabs->addTab(m_transfers, tr("&Transfers"));
    m_mainTabs->setAccessibleName(tr("Main views"));
    auto *bottom = new QTabWidget(this);
    bottom->addTab(m_details, tr("Details"));
    bottom->addTab(m_graph, tr("Speed"));
    bottom->addTab(m_contribution, tr("Contribution"));
    bottom->setAccessibleName(tr("Transfer details and speed"));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_mainTabs);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    setCentralWidget(splitter);

    connect(m_search, &SearchView::downloadRequested, this, &MainWindow::startDownload);
    connect(m_mainTabs, &QTabWidget::tabBarClicked, this, [this] { m_startViewChosen = true; });
    connect(m_search->searchBox(), &QLineEdit::textEdited, this, [this] { m_startViewChosen = true; });
    connect(m_transfers, &TransfersView::currentTransferChanged, m_details, &DetailsPane::setInfoHash);
    connect(m_transfers, &TransfersView::playRequested, this, &MainWindow::playRequested);
    connect(m_details, &DetailsPane::playRequested, this, &MainWindow::playRequested);
    connect(m_details, &DetailsPane::problem, this, &MainWindow::showProblem);
    m_search->setSession(session);
    m_details->setSession(session);
    setAcceptDrops(true);  // .torrent files dropped anywhere on the window
    m_creditTimer->setInterval(60000);
    connect(m_creditTimer, &QTimer::timeout, this, &MainWindow::refreshCredit);
    buildMenus();
    buildStatusBar();
    resize(1100, 720);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_openTorrentAction = file->addAction(tr("&Open .torrent…"), this, &MainWindow::openTorrentDialog);
    m_openTorrentAction->setShortcut(QKeySequence::Open);
    m_publishAction = file->addAction(tr("&Publish a file or folder…"), this, &MainWindow::openPublishWizard);
    m_publishAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_publishAction->setEnabled(false);  // until logged in
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *find = edit->addAction(tr("&Find content…"), this, &MainWindow::showSearch);
    find->setShortcut(QKeySequence::Find);
    edit->addSeparator();
    QAction *settings = edit->addAction(tr("&Settings…"), this, &MainWindow::openSettings);
    settings->setShortcut(QKeySequence::Preferences);
    edit->addAction(tr("&Volunteer idle resources…"), this, &MainWindow::openVolunteerDialog);

    QMenu *transfers = menuBar()->addMenu(tr("T&ransfers"));
    transfers->addAction(m_transfers->pauseAction());
    transfers->addAction(m_transfers->resumeAction());
    transfers->addAction(m_transfers->removeAction());
    transfers->addSeparator();
    transfers->addAction(m_transfers->playAction());
}

void MainWindow::buildStatusBar()
{
    m_providerLabel = new QLabel(tr("Provider: starting…"), this);
    m_providerLabel->setAccessibleName(tr("Provider state"));
    m_totalsLabel = new QLabel(this);
    m_totalsLabel->setAccessibleName(tr("Total rates"));
    m_totalsLabel->setMinimumWidth(m_totalsLabel->fontMetrics().horizontalAdvance(QStringLiteral("↓ 999.9 MB/s  ↑ 999.9 MB/s")));
    m_regionLabel = new QLabel(this);
    m_regionLabel->setAccessibleName(tr("Network region"));
    m_idButton = new QToolButton(this);
    m_idButton->setAutoRaise(true);
    m_idButton->setAccessibleName(tr("Your user id (click to copy)"));
    m_idButton->setToolTip(tr("Your user id; click to copy it"));
    m_idButton->setEnabled(false);
    connect(m_idButton, &QToolButton::clicked, this, &MainWindow::copyUserId);
    statusBar()->addPermanentWidget(m_providerLabel);
    statusBar()->addPermanentWidget(m_totalsLabel);
    statusBar()->addPermanentWidget(m_regionLabel);
    m_creditLabel->setAccessibleName(tr("Your credit balance"));
    m_creditLabel->setToolTip(tr("Credit the provider's PAMS grants you for uploading; refreshed every minute"));
    statusBar()->addPermanentWidget(m_creditLabel);
    statusBar()->addPermanentWidget(m_idButton);
    onStats();
}

void MainWindow::open()
{
    if (!m_session)
        return;
    connect(m_session, &PeerSession::embeddedStarted, this, [this](const QString &url) {
        setProviderState(tr("Provider: embedded"), tr("No provider URL is set, so the P2PSP services and a one-region UNIS run inside this app at %1.").arg(url));
    });
    connect(m_session, &PeerSession::failed, this, [this](const QString &problem) {
        // Fatal: the app's main() tells the user what to do and quits; here it only shows.
        setProviderState(tr("Provider: not running"), problem);
        statusBar()->showMessage(problem);
    });
    connect(m_session, &PeerSession::providerProblem, this, [this](const QString &problem) {
        setProviderState(tr("Provider: unreachable"), problem + tr(" — retrying in the background."));
    });
    connect(m_session, &PeerSession::volunteerMessage, this, [this](const QString &text) {
        statusBar()->showMessage(text, 10000);
    });
    connect(m_session, &PeerSession::ready, this, &MainWindow::onReady);
    m_session->open();
    attachPeer();
}

void MainWindow::attachPeer()
{
    ManagedPeer *peer = m_session ? m_session->peer() : nullptr;
    if (!peer)
        return;
    m_model->setEngine(peer->engine());
    m_transfers->setEngine(peer->engine());
    m_details->setEngine(peer->engine());
    connect(peer->engine(), &PeerEngine::statsUpdated, this, &MainWindow::onStats);
    connect(peer->engine(), &PeerEngine::transferAdded, this, &MainWindow::openOnTransfersOnce);
    connect(peer->engine(), &PeerEngine::transferError, this, [this](const QString &, const QString &message) {
        statusBar()->showMessage(tr("Transfer error: %1").arg(message), 10000);
    });
    connect(peer, &ManagedPeer::operationFailed, this, [this](const QString &problem) {
        showProblem(tr("The operation failed"), problem);
    });
    connect(peer, &ManagedPeer::downloadStarted, this, [this](const QString &, const QString &name) {
        statusBar()->showMessage(tr("Downloading %1").arg(name), 5000);
    });
    connect(peer, &ManagedPeer::finished, this, [this, peer](const QString &infoHash) {
        const auto t = peer->engine()->transfer(infoHash);
        statusBar()->showMessage(tr("Completed: %1").arg(t ? t->name : infoHash), 10000);
    });
    connect(peer, &ManagedPeer::regionChanged, this, [this](const QString &region) {
        m_regionLabel->setText(tr("Region: %1").arg(region));
    });
}

void MainWindow::onReady()
{
    ManagedPeer *peer = m_session->peer();
    m_userId = peer->userId();
    m_idButton->setText(tr("Id: %1").arg(m_userId.left(12)));
    m_idButton->setEnabled(true);
    m_details->setOmsUrl(peer->provider()->serviceUrl(QStringLiteral("oms"), {}).toString());
    if (!m_session->isEmbedded())
        setProviderState(tr("Provider: connected"), tr("Logged in at %1").arg(m_session->providerUrl()));
    connect(peer->provider(), &ProviderClient::connectedChanged, this, [this](bool connected) {
        if (connected)
            setProviderState(m_session && m_session->isEmbedded() ? tr("Provider: embedded") : tr("Provider: connected"),
                             tr("The provider answers again."));
        else
            setProviderState(tr("Provider: unreachable"), tr("The provider does not answer; transfers go on peer-to-peer, and mp2p retries."));
    });
    m_search->setPeer(peer);
    m_publishAction->setEnabled(true);
    refreshCredit();
    m_creditTimer->start();
    m_details->refreshOverlay();
    statusBar()->showMessage(tr("Ready: logged in as %1").arg(m_userId.left(12)), 5000);
}

void MainWindow::onStats()
{
    const qint64 down = m_model->totalDownloadRate();
    const qint64 up = m_model->totalUploadRate();
    m_totalsLabel->setText(tr("↓ %1  ↑ %2").arg(formatRate(down), formatRate(up)));
    if (m_session && m_session->peer())
        m_graph->setRates(down, up);
}

// A returning user, whose transfers come back at start, sees them first, as in any torrent
// client, with the keyboard in the list; a new user starts in Search. Decided once, and never
// against a choice the user already made. (A focused search box also blinks its cursor twice a
// second for as long as the window is open, which is most of an idle desktop's CPU.)
void MainWindow::openOnTransfersOnce()
{
    if (m_startViewChosen)
        return;
    m_startViewChosen = true;
    if (m_mainTabs->currentWidget() != m_search || !m_search->searchBox()->text().isEmpty())
        return;
    showTransfers();
    m_transfers->table()->setFocus(Qt::OtherFocusReason);
}

void MainWindow::startDownload(const QString &contentId, const QString &title)
{
    if (!m_session || !m_session->peer() || !m_session->isReady()) {
        showProblem(tr("Not connected yet"), tr("mp2p is not logged in at the provider yet. Wait until the status bar says connected, then try again."));
        return;
    }
    m_session->peer()->download(contentId, m_session->config().downloadDir, false);
    statusBar()->showMessage(tr("Starting %1…").arg(title), 5000);
    showTransfers();
}

void MainWindow::setProviderState(const QString &text, const QString &detail)
{
    m_providerLabel->setText(text);
    m_providerLabel->setToolTip(detail);
}

QString MainWindow::providerStateText() const
{
    return m_providerLabel->text();
}

QString MainWindow::userIdText() const
{
    return m_userId;
}

void MainWindow::showTransfers()
{
    m_mainTabs->setCurrentWidget(m_transfers);
}

void MainWindow::showSearch()
{
    m_mainTabs->setCurrentWidget(m_search);
    m_search->focusSearch();
}

void MainWindow::copyUserId()
{
    QApplication::clipboard()->setText(m_userId);
    statusBar()->showMessage(tr("Your user id was copied to the clipboard."), 3000);
}

void MainWindow::showProblem(const QString &title, const QString &text)
{
    statusBar()->showMessage(text, 15000);
    Q_EMIT problemShown(title, text);
    // Not modal: the window (and seeding) goes on while the message is read.
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::NonModal);
    box->show();
}

} // namespace mp2p
