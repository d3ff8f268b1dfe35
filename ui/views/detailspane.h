#pragma once

#include <user/engine/transferstatus.h>

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QTabWidget;
class QTableView;
class QTimer;

namespace mp2p {

class FileListModel;
class PeerEngine;
class PeerListModel;
class PeerSession;
class PiecesBar;
class TransferModel;

// What is known about the selected transfer, in tabs: General (name, save path, state, bytes
// both ways, peers, last error, the pieces bar), Files (progress and an editable priority per
// file, Play), Peers (address, client, user and region from the overlay, rates, relayed or
// direct) and Overlay (the OMS's view of the swarm). It follows the model's updates and, while
// it is shown, re-reads files, peers and pieces once a second and the OMS every few seconds.
class DetailsPane : public QWidget {
    Q_OBJECT
public:
    enum Tab { GeneralTab, FilesTab, PeersTab, OverlayTab };

    explicit DetailsPane(TransferModel *model, QWidget *parent = nullptr);

    void setEngine(PeerEngine *engine);
    void setSession(PeerSession *session);  // OMS queries for the Overlay tab and user ids
    void setInfoHash(const QString &infoHash);
    QString infoHash() const { return m_infoHash; }
    void setOmsUrl(const QString &url);
    QString text(const QString &field) const;  // a field's shown value (tests)
    // Re-reads every tab now. While shown, a 1 s timer re-reads the visible tab, and only
    // when the transfer may have changed (its status moved, or it has peers).
    void refreshDetails();
    void refreshOverlay();

    QTabWidget *tabs() const { return m_tabs; }
    QTableView *filesView() const { return m_filesView; }
    QTableView *peersView() const { return m_peersView; }
    FileListModel *fileModel() const { return m_files; }
    PeerListModel *peerModel() const { return m_peers; }
    PiecesBar *piecesBar() const { return m_pieces; }
    QAction *playAction() const { return m_play; }
    QList<QAction *> priorityActions() const { return m_priorityActions; }

Q_SIGNALS:
    void playRequested(const QString &infoHash, int fileIndex);
    void problem(const QString &title, const QString &text);

private:
    void tick();
    void refreshVisibleTab();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QWidget *buildGeneralTab();
    QWidget *buildFilesTab();
    QWidget *buildPeersTab();
    QWidget *buildOverlayTab();
    void refresh();
    void playCurrentFile();
    void setSelectedPriority(int priority);
    QLabel *addField(const QString &key, const QString &label);

    TransferModel *m_model;
    QPointer<PeerEngine> m_engine;
    QPointer<PeerSession> m_session;
    QString m_infoHash;
    QString m_omsUrl;
    QHash<QString, QLabel *> m_fields;
    QTabWidget *m_tabs;
    PiecesBar *m_pieces;
    FileListModel *m_files;
    PeerListModel *m_peers;
    QTableView *m_filesView = nullptr;
    QTableView *m_peersView = nullptr;
    QAction *m_play;
    QList<QAction *> m_priorityActions;
    QTimer *m_timer;
    int m_ticks = 0;
    std::optional<TransferStatus> m_shown;  // the status at the last timed refresh
    quint64 m_overlaySerial = 0;  // answers about a transfer no longer shown are dropped
};

} // namespace mp2p
