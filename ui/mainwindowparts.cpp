// The main window's doors to the parts built beside it: the publish wizard and the settings
// dialog (ui/publish, ui/settings). Without them (MP2P_UI_PARTS=OFF) the menu items say so.
#include "mainwindow.h"

#include <user/session/peersession.h>

#include <QMessageBox>
#include <QStatusBar>

#ifdef MP2P_HAVE_UI_PARTS
#include <publish/publisher.h>
#include <publish/publishwizard.h>
#include <settings/autostart.h>
#include <settings/settingsdialog.h>

#include <QSettings>

#include <memory>
#endif

namespace mp2p {

QWidget *MainWindow::openPublishWizard()
{
#ifdef MP2P_HAVE_UI_PARTS
    if (!m_session || !m_session->peer() || !m_session->isReady()) {
        showProblem(tr("Not connected yet"), tr("Publishing needs a login at the provider. Wait until the status bar says connected."));
        return nullptr;
    }
    auto *publisher = new ManagedPeerPublisher(m_session->peer());
    auto *wizard = new PublishWizard(publisher, this);
    publisher->setParent(wizard);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &PublishWizard::published, this, [this](const QString &, const QString &) {
        statusBar()->showMessage(tr("Published; seeding it now."), 8000);
        showTransfers();
    });
    wizard->open();
    return wizard;
#else
    showProblem(tr("Not available"), tr("This build has no publish wizard; use: mp2p publish PATH"));
    return nullptr;
#endif
}

QWidget *MainWindow::openSettings()
{
#ifdef MP2P_HAVE_UI_PARTS
    // The store and the autostart entry live exactly as long as the dialog.
    auto backend = std::make_shared<QSettings>();
    auto store = std::make_shared<SettingsStore>(backend.get());
    auto autostart = std::make_shared<Autostart>();
    auto *dialog = new SettingsDialog(store.get(), autostart.get(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QObject::destroyed, this, [backend, store, autostart] {});
    connect(dialog, &SettingsDialog::settingsApplied, this, [this] {
        statusBar()->showMessage(tr("Settings saved. The provider, listen address and rate limits apply at the next start."), 10000);
    });
    dialog->open();
    return dialog;
#else
    showProblem(tr("Not available"), tr("This build has no settings dialog; edit %1 instead.").arg(QStringLiteral("mp2p-desktop.conf")));
    return nullptr;
#endif
}

} // namespace mp2p
