// mp2p-desktop: the Qt Widgets peer application. Settings come from QSettings; with no
// provider URL the P2PSP services run in this process (BRIEF §6).
#include <mainwindow.h>
#include <user/session/peersession.h>

#ifdef MP2P_HAVE_UI_PARTS
#include <firstrun/firstrundialog.h>
#include <instance/singleinstance.h>
#include <player/mediabackend.h>
#include <player/playerwindow.h>
#include <base/tlstrust.h>
#include <settings/appsettings.h>
#include <settings/peersettings.h>
#include <translator.h>
#include <tray/traycontroller.h>

#include <QCloseEvent>
#endif

#include <QApplication>
#include <QIcon>
#include <QDir>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>

namespace {

mp2p::SessionConfig readSessionConfig()
{
    QSettings settings;
    mp2p::SessionConfig config;
    config.peer.dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    config.peer.engine.stateDir = config.peer.dataDir;
#ifdef MP2P_HAVE_UI_PARTS
    // One store, one key per value: the settings dialog's (old keys such as paths/downloads are
    // migrated by load()); values that fail validation fall back to defaults there.
    const mp2p::AppSettings app = mp2p::SettingsStore(&settings).load();
    if (app.providerMode == mp2p::AppSettings::ProviderMode::Url)
        config.peer.providerUrl = QUrl(app.providerUrl.trimmed());
    mp2p::applySettingsToPeer(app, &config.peer);
    config.downloadDir = app.downloadFolder;
#else
    config.peer.providerUrl = QUrl(settings.value(QStringLiteral("provider/url")).toString().trimmed());
    config.downloadDir = settings.value(QStringLiteral("transfers/downloadFolder"),
                                        QStandardPaths::writableLocation(QStandardPaths::DownloadLocation)).toString();
    config.peer.engine.listenInterfaces = settings.value(QStringLiteral("network/listen"), QStringLiteral("0.0.0.0:6881")).toString();
#endif
    return config;
}

#ifdef MP2P_HAVE_UI_PARTS
// Closing the window hides it to the tray when the user wants that (it keeps seeding).
class CloseToTray : public QObject {
public:
    explicit CloseToTray(mp2p::TrayController *tray) : m_tray(tray) {}
    bool eventFilter(QObject *, QEvent *event) override
    {
        return event->type() == QEvent::Close && m_tray->handleClose(static_cast<QCloseEvent *>(event));
    }

private:
    mp2p::TrayController *m_tray;
};
#endif

} // namespace

int main(int argc, char **argv)
{
    // Before QApplication: the player's media backend is chosen when Qt Multimedia loads.
    mp2p::preferSelfContainedMediaBackend();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("mp2p"));
    QApplication::setApplicationName(QStringLiteral("mp2p-desktop"));
    QApplication::setApplicationDisplayName(QStringLiteral("mp2p"));
    QApplication::setApplicationVersion(QStringLiteral(MP2P_VERSION));

#ifdef MP2P_HAVE_UI_PARTS
    // A second launch hands its .torrent files and magnet links to the running app and exits.
    mp2p::SingleInstance instance;
    if (instance.sendToRunning(mp2p::SingleInstance::handOffArguments(app.arguments())))
        return 0;
    QString instanceProblem;
    if (!instance.listen(&instanceProblem))
        qWarning("%s", qPrintable(instanceProblem));
    mp2p::installTranslator(app, QSettings().value(QStringLiteral("ui/language"), QStringLiteral("system")).toString());
    {
        QSettings settings;
        mp2p::SettingsStore store(&settings);
        mp2p::AppSettings first = store.load();
        if (!first.firstRunDone) {
            mp2p::FirstRunDialog dialog;
            if (dialog.exec() != QDialog::Accepted)
                return 0;
            dialog.applyTo(&first);
            QList<mp2p::SettingsProblem> problems;
            if (!store.save(first, &problems))
                qWarning("the first-run choice could not be saved; it will be asked again");
        }
    }
#endif
    mp2p::SessionConfig config = readSessionConfig();
    if (!config.peer.providerUrl.isEmpty() && !config.peer.providerUrl.isValid()) {
        QMessageBox::critical(nullptr, QObject::tr("mp2p"),
                              QObject::tr("The provider URL \"%1\" in the settings is not valid. Fix it (key provider/url in %2), "
                                          "or leave it empty to run the services on this computer.")
                                  .arg(config.peer.providerUrl.toString(), QSettings().fileName()));
        return 2;
    }
    QDir().mkpath(config.downloadDir);
#ifdef MP2P_HAVE_UI_PARTS
    {
        // Before the session makes its first HTTPS request to the provider.
        QSettings settings;
        QString caProblem;
        const QString caFile = mp2p::SettingsStore(&settings).load().providerCaFile;
        if (!mp2p::replaceTrustedProviderCa(caFile, &caProblem))
            QMessageBox::warning(nullptr, QObject::tr("mp2p"),
                                 QObject::tr("The provider's CA certificate in the settings cannot be used: %1\n\nmp2p starts "
                                             "without it; choose the right file in Settings.").arg(caProblem));
    }
#endif

    mp2p::PeerSession session(config);
    mp2p::MainWindow window(&session);
    QObject::connect(&window, &mp2p::MainWindow::playRequested, &window, [&session, &window](const QString &hash, int file) {
        mp2p::PlayerWindow::open(&session, hash, file, &window);
    });
    QObject::connect(&session, &mp2p::PeerSession::failed, &window, [&window](const QString &problem) {
        QMessageBox::critical(&window, QObject::tr("mp2p cannot start"),
                              problem + QStringLiteral("\n\n") + QObject::tr("mp2p will close now; start it again once this is fixed."));
        QApplication::exit(1);
    });
    // Closing the window leaves the overlays and saves resume data before quitting.
    QApplication::setQuitOnLastWindowClosed(false);
    QObject::connect(&app, &QGuiApplication::lastWindowClosed, &session, [&session] {
        session.shutdown([] { QApplication::quit(); });
    });
#ifdef MP2P_HAVE_UI_PARTS
    QSettings settings;
    const mp2p::AppSettings appSettings = mp2p::SettingsStore(&settings).load();
    mp2p::TrayController tray(&window, QIcon(QStringLiteral(":/icons/mp2p-desktop.svg")));
    tray.setCloseToTray(appSettings.closeToTray);
    CloseToTray closeToTray(&tray);
    window.installEventFilter(&closeToTray);
    QObject::connect(&session, &mp2p::PeerSession::ready, &tray, [&tray, &session] { tray.connectEngine(session.peer()->engine()); });
    QObject::connect(&tray, &mp2p::TrayController::quitRequested, &session, [&session] {
        session.shutdown([] { QApplication::quit(); });
    });
    QObject::connect(&instance, &mp2p::SingleInstance::argumentsReceived, &window, [&window, &tray](const QStringList &arguments) {
        tray.showWindow();
        window.raise();
        window.activateWindow();
        window.handleArguments(arguments);  // magnet links and .torrent files
    });
    // A first launch from a file manager or browser (.desktop: Exec=mp2p-desktop %U) opens its
    // .torrent files and magnet links once the peer is logged in.
    const QStringList initial = mp2p::SingleInstance::handOffArguments(app.arguments());
    if (!initial.isEmpty()) {
        auto *once = new QObject(&window);
        QObject::connect(&session, &mp2p::PeerSession::ready, once, [&window, initial, once] {
            window.handleArguments(initial);
            once->deleteLater();
        });
    }
    // Rate limits, the schedule, the listen address and the download folder follow the
    // settings at runtime from now on.
    window.applySavedSettings();
    tray.showInitially(appSettings.startMinimised || app.arguments().contains(QStringLiteral("--start-minimised")));
#else
    window.show();
#endif
    window.open();
    return app.exec();
}
