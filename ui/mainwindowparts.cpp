// The main window's doors to the parts built beside it: the publish wizard and the settings
// dialog (ui/publish, ui/settings). Without them (MP2P_UI_PARTS=OFF) the menu items say so.
#include "mainwindow.h"

#include <user/session/peersession.h>

#include <QMessageBox>
#include <QStatusBar>

#ifdef MP2P_HAVE_UI_PARTS
#include <base/tlstrust.h>
#include <publish/publisher.h>
#include <publish/publishwizard.h>
#include <settings/autostart.h>
#include <settings/ratescheduler.h>
#include <settings/settingsdialog.h>
#include <user/volunteer/roles/volunteerhost.h>
#include <volunteer/volunteerdialog.h>

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
    if (m_session && m_session->isReady()) {
        QPointer<PeerSession> session = m_session;
        dialog->setPasskeyRotation([session](std::function<void(bool, const QString &)> done) {
            if (!session)
                return done(false, tr("mp2p is shutting down"));
            session->rotatePasskey([done](const JsonReply &r) {
                done(r.ok(), r.problem.isEmpty() ? tr("the provider answered %1").arg(r.status) : r.problem);
            });
        });
    }
    connect(dialog, &SettingsDialog::settingsApplied, this, [this] {
        applySavedSettings();
        statusBar()->showMessage(tr("Settings saved and applied. A new provider or language takes effect at the next start."), 10000);
    });
    dialog->open();
    return dialog;
#else
    showProblem(tr("Not available"), tr("This build has no settings dialog; edit %1 instead.").arg(QStringLiteral("mp2p-desktop.conf")));
    return nullptr;
#endif
}

QWidget *MainWindow::openVolunteerDialog()
{
#ifdef MP2P_HAVE_UI_PARTS
    VolunteerHost *host = m_session ? m_session->volunteer() : nullptr;
    if (!host) {
        showProblem(tr("Not connected yet"), tr("Volunteering needs a login at the provider. Wait until the status bar says connected."));
        return nullptr;
    }
    auto *dialog = new VolunteerDialog(host->controller(), host->consentStore(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
#else
    showProblem(tr("Not available"), tr("This build has no volunteer dialog; use: mp2p volunteer --help"));
    return nullptr;
#endif
}

void MainWindow::applySavedSettings()
{
#ifdef MP2P_HAVE_UI_PARTS
    if (!m_session)
        return;
    QSettings backend;
    const AppSettings s = SettingsStore(&backend).load();
    if (!m_scheduler) {
        QPointer<PeerSession> session = m_session;
        m_scheduler = new RateScheduler([session](int up, int down) {
            if (session)
                session->setRateLimits(up, down);
        }, this);
        connect(m_scheduler, &RateScheduler::limitsApplied, this, [this](int, int, bool alternative) {
            statusBar()->showMessage(alternative ? tr("The scheduled (alternative) rate limits apply now.")
                                                 : tr("The normal rate limits apply now."), 5000);
        });
    }
    m_scheduler->setSettings(s);
    QString error;
    // New HTTPS connections use it at once; kept-alive ones were verified already.
    if (!replaceTrustedProviderCa(s.providerCaFile, &error))
        showProblem(tr("The provider's CA certificate was not changed"), error);
    if (s.listenAddress.trimmed() != m_session->config().peer.engine.listenInterfaces
        && !m_session->setListenAddress(s.listenAddress, &error))
        showProblem(tr("The listen address was not changed"), error);
    m_session->setDownloadDir(s.downloadFolder);
#endif
}

} // namespace mp2p
