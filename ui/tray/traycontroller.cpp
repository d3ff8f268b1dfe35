#include "traycontroller.h"

#include <user/engine/peerengine.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QMenu>
#include <QWidget>

namespace mp2p {

TrayController::TrayController(QWidget *window, const QIcon &icon, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_trayAvailable(QSystemTrayIcon::isSystemTrayAvailable())
{
    m_menu = new QMenu;  // a menu has no QObject parent here: deleted in the destructor
    m_menu->setAccessibleName(tr("mp2p tray menu"));
    m_showHide = m_menu->addAction(tr("&Show window"), this, &TrayController::toggleWindow);
    m_menu->addSeparator();
    m_pauseAll = m_menu->addAction(tr("&Pause all"), this, &TrayController::pauseAllRequested);
    m_resumeAll = m_menu->addAction(tr("&Resume all"), this, &TrayController::resumeAllRequested);
    m_menu->addSeparator();
    m_quit = m_menu->addAction(tr("&Quit"), this, &TrayController::quitRequested);
    connect(m_menu, &QMenu::aboutToShow, this, &TrayController::updateShowHideText);

    m_icon = new QSystemTrayIcon(icon.isNull() ? QApplication::windowIcon() : icon, this);
    m_icon->setToolTip(tr("mp2p: sharing in the background"));
    m_icon->setContextMenu(m_menu);
    connect(m_icon, &QSystemTrayIcon::activated, this, &TrayController::onActivated);
    if (m_trayAvailable)
        m_icon->show();
    if (m_window)
        m_window->installEventFilter(this);  // keeps the Show/Hide text right
    updateShowHideText();
}

TrayController::~TrayController()
{
    delete m_menu;
}

void TrayController::toggleWindow()
{
    if (!m_window)
        return;
    if (m_window->isVisible() && !m_window->isMinimized())
        m_window->hide();
    else
        showWindow();
}

void TrayController::showWindow()
{
    if (!m_window)
        return;
    m_window->showNormal();
    m_window->raise();
    m_window->activateWindow();
}

void TrayController::showInitially(bool startMinimised)
{
    if (!m_window)
        return;
    if (startMinimised && m_trayAvailable)
        m_window->hide();
    else if (startMinimised)
        m_window->showMinimized();  // no tray: the task bar is the only way back
    else
        showWindow();
    updateShowHideText();
}

bool TrayController::handleClose(QCloseEvent *event)
{
    if (!m_closeToTray || !m_trayAvailable || !m_window)
        return false;
    event->ignore();
    m_window->hide();
    if (!m_toldAboutTray) {
        m_toldAboutTray = true;
        notify(tr("mp2p keeps running"), tr("mp2p is still sharing in the background. Use the tray icon to "
                                            "open it again, or Quit to stop."));
    }
    return true;
}

void TrayController::notifyDownloadComplete(const QString &name)
{
    notify(tr("Download complete"), tr("%1 has finished downloading and is now being shared.").arg(name));
}

void TrayController::notify(const QString &title, const QString &text)
{
    m_lastNotification = title + QLatin1Char('\n') + text;
    if (m_trayAvailable && QSystemTrayIcon::supportsMessages())
        m_icon->showMessage(title, text, QSystemTrayIcon::Information, 8000);
}

void TrayController::connectEngine(PeerEngine *engine)
{
    connect(this, &TrayController::pauseAllRequested, engine, [engine] {
        for (const TransferStatus &t : engine->transfers())
            engine->pause(t.infoHash);
    });
    connect(this, &TrayController::resumeAllRequested, engine, [engine] {
        for (const TransferStatus &t : engine->transfers())
            engine->resume(t.infoHash);
    });
    connect(engine, &PeerEngine::transferFinished, this, [this, engine](const QString &infoHash) {
        const auto status = engine->transfer(infoHash);
        notifyDownloadComplete(status && !status->name.isEmpty() ? status->name : infoHash);
    });
}

void TrayController::updateShowHideText()
{
    const bool shown = m_window && m_window->isVisible() && !m_window->isMinimized();
    m_showHide->setText(shown ? tr("&Hide window") : tr("&Show window"));
}

void TrayController::onActivated(QSystemTrayIcon::ActivationReason reason)
{
    if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
        toggleWindow();
}

bool TrayController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && (event->type() == QEvent::Show || event->type() == QEvent::Hide
                                || event->type() == QEvent::WindowStateChange))
        updateShowHideText();
    return QObject::eventFilter(watched, event);
}

} // namespace mp2p
