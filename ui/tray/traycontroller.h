#pragma once

#include <QIcon>
#include <QObject>
#include <QPointer>
#include <QSystemTrayIcon>

class QAction;
class QCloseEvent;
class QMenu;
class QWidget;

namespace mp2p {

class PeerEngine;

// The system-tray icon and its menu: Show/Hide window, Pause all, Resume all, Quit. Show/Hide
// acts on the window directly; the others are signals for the main window (or connectEngine()
// wires Pause/Resume all to a PeerEngine). Without a tray (no StatusNotifier host, or the
// offscreen platform) the actions still exist and work; nothing is shown, and closing the
// window then really closes it, since there would be no way back.
class TrayController : public QObject {
    Q_OBJECT
public:
    TrayController(QWidget *window, const QIcon &icon, QObject *parent = nullptr);
    ~TrayController() override;

    bool trayAvailable() const { return m_trayAvailable; }
    void overrideTrayAvailable(bool available) { m_trayAvailable = available; }  // tests, odd desktops
    void setCloseToTray(bool enabled) { m_closeToTray = enabled; }
    bool closeToTray() const { return m_closeToTray; }

    // Call from the window's closeEvent(): returns true when it hid the window instead of
    // closing it (the event is then ignored). The first time it says where the app went.
    bool handleClose(QCloseEvent *event);
    // Shows the window, or keeps it hidden when `startMinimised` and a tray is there.
    void showInitially(bool startMinimised);

    void notifyDownloadComplete(const QString &name);
    QString lastNotification() const { return m_lastNotification; }  // title + "\n" + text

    // Pause all / Resume all act on every transfer of `engine`, and a finished download shows
    // a notification with the transfer's name.
    void connectEngine(PeerEngine *engine);

    QMenu *menu() const { return m_menu; }
    QAction *showHideAction() const { return m_showHide; }
    QAction *pauseAllAction() const { return m_pauseAll; }
    QAction *resumeAllAction() const { return m_resumeAll; }
    QAction *quitAction() const { return m_quit; }
    QSystemTrayIcon *icon() const { return m_icon; }

public Q_SLOTS:
    void toggleWindow();
    void showWindow();

Q_SIGNALS:
    void pauseAllRequested();
    void resumeAllRequested();
    void quitRequested();

private:
    void notify(const QString &title, const QString &text);
    void updateShowHideText();
    void onActivated(QSystemTrayIcon::ActivationReason reason);
    bool eventFilter(QObject *watched, QEvent *event) override;

    QPointer<QWidget> m_window;
    QMenu *m_menu = nullptr;
    QSystemTrayIcon *m_icon = nullptr;
    QAction *m_showHide = nullptr;
    QAction *m_pauseAll = nullptr;
    QAction *m_resumeAll = nullptr;
    QAction *m_quit = nullptr;
    bool m_trayAvailable = false;
    bool m_closeToTray = true;
    bool m_toldAboutTray = false;
    QString m_lastNotification;
};

} // namespace mp2p
