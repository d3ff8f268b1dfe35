#pragma once

#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QTabWidget;
class QTimer;
class QToolButton;

namespace mp2p {

class ContributionView;
class DetailsPane;
class RateScheduler;
class PeerSession;
class SearchView;
class SpeedGraph;
class TransferModel;
class TransfersView;

// The desktop app's main window: search, transfers with details and a speed graph, and a
// status bar with the provider state, totals, the user's id and region. It talks to the core
// only through PeerSession / ManagedPeer / PeerEngine signals and calls.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(PeerSession *session, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens the session (lock, embedded P2PSP, peer) and follows it.
    void open();

    SearchView *searchView() const { return m_search; }
    TransfersView *transfersView() const { return m_transfers; }
    TransferModel *transferModel() const { return m_model; }
    DetailsPane *detailsPane() const { return m_details; }
    SpeedGraph *speedGraph() const { return m_graph; }
    ContributionView *contributionView() const { return m_contribution; }
    RateScheduler *rateScheduler() const { return m_scheduler; }
    QString providerStateText() const;
    QString userIdText() const;
    void showTransfers();
    void showSearch();
    // The publish wizard and the settings dialog (non-modal; nullptr when not available).
    QWidget *openPublishWizard();
    QWidget *openSettings();
    // The consent dialog for the volunteer roles (nullptr until the peer is ready).
    QWidget *openVolunteerDialog();
    QAction *publishAction() const { return m_publishAction; }
    QAction *openTorrentAction() const { return m_openTorrentAction; }

    // .torrent files (menu, drag-and-drop, a second launch): each is checked before anything is
    // added; a broken one gets a message box saying why and is skipped. Returns how many were
    // handed to the peer.
    int openTorrentFiles(const QStringList &paths);
    // What a second launch handed over: .torrent paths and magnet links; empty = just show.
    void handleArguments(const QStringList &arguments);
    // Asks the PAMS for the user's credit now (also done every minute once logged in).
    void refreshCredit();
    QString creditText() const;
    // Re-reads the saved settings and applies what can change at runtime: rate limits and the
    // schedule, the listen address, the download folder. (The app calls it at start too.)
    void applySavedSettings();

Q_SIGNALS:
    // A problem the user must act on (shown in a message box too); tests listen here.
    void problemShown(const QString &title, const QString &text);
    // "Play" on a file (details pane) or a transfer (its largest file); the player connects here.
    void playRequested(const QString &infoHash, int fileIndex);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void openTorrentDialog();
    void buildMenus();
    void buildStatusBar();
    void attachPeer();
    void onReady();
    void onStats();
    void startDownload(const QString &contentId, const QString &title);
    void setProviderState(const QString &text, const QString &detail);
    void showProblem(const QString &title, const QString &text);
    void copyUserId();
    void openOnTransfersOnce();

    QPointer<PeerSession> m_session;
    TransferModel *m_model;
    SearchView *m_search;
    TransfersView *m_transfers;
    DetailsPane *m_details;
    SpeedGraph *m_graph;
    QTabWidget *m_mainTabs;
    QLabel *m_providerLabel;
    QLabel *m_totalsLabel;
    QLabel *m_regionLabel;
    QToolButton *m_idButton;
    QAction *m_publishAction = nullptr;
    QAction *m_openTorrentAction = nullptr;
    ContributionView *m_contribution;
    QLabel *m_creditLabel;
    QTimer *m_creditTimer;
    RateScheduler *m_scheduler = nullptr;
    QString m_userId;
    bool m_startViewChosen = false;  // the user picked a tab or typed a query (or we chose once)
};

} // namespace mp2p
