#pragma once

#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <functional>

class QAction;
class QTabBar;
class QTableView;

namespace mp2p {

class PeerEngine;
class TransferFilterModel;
class TransferModel;

// The transfer table with its filter tabs and the pause/resume/remove actions on the selection.
class TransfersView : public QWidget {
    Q_OBJECT
public:
    enum class RemoveChoice { Cancel, KeepFiles, DeleteFiles };
    using RemoveConfirmation = std::function<RemoveChoice(const QStringList &names)>;

    explicit TransfersView(TransferModel *model, QWidget *parent = nullptr);

    void setEngine(PeerEngine *engine);
    // Replaces the QMessageBox that asks before removing (tests answer without a modal loop).
    void setRemoveConfirmation(RemoveConfirmation confirm) { m_confirm = std::move(confirm); }

    QStringList selectedInfoHashes() const;
    QString currentInfoHash() const;

    QTableView *table() const { return m_table; }
    QTabBar *filterTabs() const { return m_tabs; }
    TransferFilterModel *proxy() const { return m_proxy; }
    QAction *pauseAction() const { return m_pause; }
    QAction *resumeAction() const { return m_resume; }
    QAction *togglePauseAction() const { return m_toggle; }
    QAction *removeAction() const { return m_remove; }
    QAction *playAction() const { return m_play; }

Q_SIGNALS:
    void currentTransferChanged(const QString &infoHash);
    // "Play" on a transfer: its largest file (the film, the main track).
    void playRequested(const QString &infoHash, int fileIndex);

private:
    void pauseSelected();
    void resumeSelected();
    void togglePauseSelected();
    void removeSelected();
    void playCurrent();
    void updateActions();
    RemoveChoice askRemove(const QStringList &names);

    TransferModel *m_model;
    TransferFilterModel *m_proxy;
    QPointer<PeerEngine> m_engine;
    QTabBar *m_tabs;
    QTableView *m_table;
    QAction *m_pause;
    QAction *m_resume;
    QAction *m_toggle;
    QAction *m_remove;
    QAction *m_play;
    RemoveConfirmation m_confirm;
};

} // namespace mp2p
