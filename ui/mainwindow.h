#pragma once

#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QTabWidget;
class QToolButton;

namespace mp2p {

class DetailsPane;
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
    QString providerStateText() const;
    QString userIdText() const;
    void showTransfers();
    void showSearch();
    // The publish wizard and the settings dialog (non-modal; nullptr when not available).
    QWidget *openPublishWizard();
    QWidget *openSettings();
    QAction *publishAction() const { return m_publishAction; }

Q_SIGNALS:
    // A problem the user must act on (shown in a message box too); tests listen here.
    void problemShown(const QString &title, const QString &text);

private:
    void buildMenus();
    void buildStatusBar();
    void attachPeer();
    void onReady();
    void onStats();
    void startDownload(const QString &contentId, const QString &title);
    void setProviderState(const QString &text, const QString &detail);
    void showProblem(const QString &title, const QString &text);
    void copyUserId();

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
    QString m_userId;
};

} // namespace mp2p
