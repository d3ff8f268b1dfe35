// Settings: validation of every field, persistence, the dialog refusing bad values, autostart.
#include "accessibility.h"

#include <settings/appsettings.h>
#include <settings/autostart.h>
#include <settings/peersettings.h>
#include <settings/ratescheduler.h>
#include <settings/settingsdialog.h>
#include <user/managedpeer.h>

#include <base/tlstrust.h>

#include <testrequire.h>

#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSet>
#include <QSslConfiguration>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace mp2p;

class TestSettings : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    AppSettings good() const
    {
        AppSettings s = AppSettings::defaults();
        s.downloadFolder = m_dir.filePath(QStringLiteral("downloads"));  // does not exist yet: fine
        return s;
    }
    static QStringList fieldsOf(const QList<SettingsProblem> &problems)
    {
        QStringList fields;
        for (const SettingsProblem &p : problems) {
            fields.append(p.field);
            if (p.message.isEmpty())
                fields.append(QStringLiteral("<empty message>"));
        }
        return fields;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    }

    void goodSettingsPass()
    {
        QVERIFY(SettingsValidator::validate(good()).isEmpty());
        AppSettings s = good();
        s.providerMode = AppSettings::ProviderMode::Url;
        s.providerUrl = QStringLiteral("https://p2p.example.org:8443");
        s.listenAddress = QStringLiteral("[::1]:0");
        s.language = QStringLiteral("ko");
        QVERIFY(SettingsValidator::validate(s).isEmpty());
    }

    void eachBadFieldIsNamed_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("url: empty") << "providerUrl" << "";
        QTest::newRow("url: no scheme") << "providerUrl" << "p2p.example.org";
        QTest::newRow("url: ftp") << "providerUrl" << "ftp://p2p.example.org";
        QTest::newRow("url: garbage") << "providerUrl" << "http://exa mple.org";
        QTest::newRow("folder: empty") << "downloadFolder" << "";
        QTest::newRow("folder: relative") << "downloadFolder" << "downloads";
        QTest::newRow("folder: under a file") << "downloadFolder" << "@FILE@/sub";
        QTest::newRow("upload: negative") << "uploadLimitKiB" << "-1";
        QTest::newRow("download: negative") << "downloadLimitKiB" << "-100";
        QTest::newRow("download: huge") << "downloadLimitKiB" << "2000000000";
        QTest::newRow("listen: no port") << "listenAddress" << "0.0.0.0";
        QTest::newRow("listen: bad ip") << "listenAddress" << "300.1.1.1:6881";
        QTest::newRow("listen: bad port") << "listenAddress" << "0.0.0.0:70000";
        QTest::newRow("listen: text port") << "listenAddress" << "0.0.0.0:http";
        QTest::newRow("listen: v6 unbracketed") << "listenAddress" << "::1:6881";
        QTest::newRow("listen: host name") << "listenAddress" << "localhost:6881";
        QTest::newRow("language") << "language" << "fr";
    }

    void eachBadFieldIsNamed()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        const QString aFile = m_dir.filePath(QStringLiteral("plain-file"));
        QFile f(aFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        value.replace(QStringLiteral("@FILE@"), aFile);
        AppSettings s = good();
        if (field == QLatin1String("providerUrl")) {
            s.providerMode = AppSettings::ProviderMode::Url;
            s.providerUrl = value;
        } else if (field == QLatin1String("downloadFolder")) {
            s.downloadFolder = value;
        } else if (field == QLatin1String("uploadLimitKiB")) {
            s.uploadLimitKiB = value.toInt();
        } else if (field == QLatin1String("downloadLimitKiB")) {
            s.downloadLimitKiB = value.toInt();
        } else if (field == QLatin1String("listenAddress")) {
            s.listenAddress = value;
        } else {
            s.language = value;
        }
        QCOMPARE(fieldsOf(SettingsValidator::validate(s)), QStringList{field});
        // The store refuses it and writes nothing.
        const QString path = m_dir.filePath(QStringLiteral("refused.ini"));
        QFile::remove(path);
        QSettings ini(path, QSettings::IniFormat);
        SettingsStore store(&ini);
        QList<SettingsProblem> problems;
        QVERIFY(!store.save(s, &problems));
        QCOMPARE(problems.size(), 1);
        QVERIFY(ini.allKeys().isEmpty());
    }

    void urlIgnoredInEmbeddedMode()
    {
        AppSettings s = good();
        s.providerUrl = QStringLiteral("not a url");
        QVERIFY(SettingsValidator::validate(s).isEmpty());
    }

    void persistenceRoundTrip()
    {
        const QString path = m_dir.filePath(QStringLiteral("roundtrip.ini"));
        AppSettings s = good();
        s.providerMode = AppSettings::ProviderMode::Url;
        s.providerUrl = QStringLiteral("http://127.0.0.1:7800");
        s.uploadLimitKiB = 512;
        s.downloadLimitKiB = 2048;
        s.listenAddress = QStringLiteral("127.1.0.9:7000");
        s.closeToTray = false;
        s.startMinimised = true;
        s.startAtLogin = true;
        s.language = QStringLiteral("ko");
        s.firstRunDone = true;
        {
            QSettings ini(path, QSettings::IniFormat);
            SettingsStore store(&ini);
            QVERIFY(store.save(s));
        }
        QSettings again(path, QSettings::IniFormat);
        QCOMPARE(SettingsStore(&again).load(), s);
    }

    void loadRepairsAHandEditedFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("edited.ini"));
        {
            QSettings ini(path, QSettings::IniFormat);
            ini.setValue(QStringLiteral("provider/mode"), QStringLiteral("url"));
            ini.setValue(QStringLiteral("provider/url"), QStringLiteral("nonsense"));
            ini.setValue(QStringLiteral("limits/uploadKiBps"), -5);
            ini.setValue(QStringLiteral("network/listen"), QStringLiteral("everywhere"));
            ini.setValue(QStringLiteral("ui/language"), QStringLiteral("klingon"));
        }
        QSettings ini(path, QSettings::IniFormat);
        const AppSettings loaded = SettingsStore(&ini).load();
        const AppSettings d = AppSettings::defaults();
        QCOMPARE(loaded.providerMode, AppSettings::ProviderMode::Embedded);
        QCOMPARE(loaded.uploadLimitKiB, 0);
        QCOMPARE(loaded.listenAddress, d.listenAddress);
        QCOMPARE(loaded.language, QStringLiteral("system"));
        QVERIFY(SettingsValidator::validate(loaded).size() <= 1);  // only the folder may be odd on this machine
    }

    void dialogRefusesBadValues()
    {
        const QString path = m_dir.filePath(QStringLiteral("dialog.ini"));
        QFile::remove(path);
        QSettings ini(path, QSettings::IniFormat);
        SettingsStore store(&ini);
        QVERIFY(store.save(good()));
        SettingsDialog dialog(&store, nullptr);
        dialog.show();
        QSignalSpy applied(&dialog, &SettingsDialog::settingsApplied);

        auto *listen = dialog.findChild<QLineEdit *>(QStringLiteral("listenAddress"));
        auto *folder = dialog.findChild<QLineEdit *>(QStringLiteral("downloadFolder"));
        QVERIFY(listen && folder);
        listen->clear();
        QTest::keyClicks(listen, QStringLiteral("0.0.0.0:99999"));
        folder->setText(QStringLiteral("relative/path"));
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(applied.isEmpty());
        QVERIFY(!dialog.problemShown(QStringLiteral("listenAddress")).isEmpty());
        QVERIFY(!dialog.problemShown(QStringLiteral("downloadFolder")).isEmpty());
        QVERIFY(dialog.problemShown(QStringLiteral("providerUrl")).isEmpty());
        auto *label = dialog.findChild<QLabel *>(QStringLiteral("problem_listenAddress"));
        QVERIFY(label && label->isVisible());
        QCOMPARE(listen->accessibleDescription(), label->text());
        QCOMPARE(SettingsStore(&ini).load().listenAddress, good().listenAddress);  // nothing saved

        // Fixing them: accepted, saved, announced; the messages disappear.
        listen->setText(QStringLiteral("127.0.0.1:6999"));
        folder->setText(m_dir.filePath(QStringLiteral("dl2")));
        dialog.findChild<QSpinBox *>(QStringLiteral("uploadLimitKiB"))->setValue(300);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(applied.size(), 1);
        QVERIFY(dialog.problemShown(QStringLiteral("listenAddress")).isEmpty());
        const AppSettings saved = SettingsStore(&ini).load();
        QCOMPARE(saved.listenAddress, QStringLiteral("127.0.0.1:6999"));
        QCOMPARE(saved.uploadLimitKiB, 300);
        QCOMPARE(applied.first().first().value<AppSettings>(), saved);
    }

    void dialogIsKeyboardAndScreenReaderFriendly()
    {
        QSettings ini(m_dir.filePath(QStringLiteral("dialog-a11y.ini")), QSettings::IniFormat);
        SettingsStore store(&ini);
        SettingsDialog dialog(&store, nullptr);
        const QStringList bad = inaccessibleControls(&dialog);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QStringLiteral(", "))));
    }

    void dialogRefusesBadProviderUrl()
    {
        QSettings ini(m_dir.filePath(QStringLiteral("dialog-url.ini")), QSettings::IniFormat);
        SettingsStore store(&ini);
        QVERIFY(store.save(good()));
        SettingsDialog dialog(&store, nullptr);
        AppSettings s = dialog.settings();
        s.providerMode = AppSettings::ProviderMode::Url;
        s.providerUrl = QStringLiteral("ftp://example.org");
        dialog.setSettings(s);
        dialog.accept();
        QVERIFY(!dialog.problemShown(QStringLiteral("providerUrl")).isEmpty());
        QCOMPARE(SettingsStore(&ini).load().providerMode, AppSettings::ProviderMode::Embedded);
    }

    void autostartWrittenAndRemoved()
    {
        Autostart autostart(QStringLiteral("/opt/mp2p dir/bin/mp2p-desktop"));
        QCOMPARE(autostart.filePath(), m_dir.filePath(QStringLiteral("config/autostart/mp2p-desktop.desktop")));
        QVERIFY(!autostart.isEnabled());
        QString error;
        QVERIFY2(autostart.setEnabled(true, &error), qPrintable(error));
        QFile file(autostart.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.startsWith(QStringLiteral("[Desktop Entry]\n")));
        QVERIFY(text.contains(QStringLiteral("Exec=\"/opt/mp2p dir/bin/mp2p-desktop\" --start-minimised\n")));
        QVERIFY(autostart.setEnabled(false, &error));
        QVERIFY(!QFile::exists(autostart.filePath()));
        QVERIFY(autostart.setEnabled(false, &error));  // already gone: fine
    }

    void dialogAppliesStartAtLogin()
    {
        QSettings ini(m_dir.filePath(QStringLiteral("dialog-login.ini")), QSettings::IniFormat);
        SettingsStore store(&ini);
        QVERIFY(store.save(good()));
        Autostart autostart(QStringLiteral("/usr/bin/mp2p-desktop"));
        SettingsDialog dialog(&store, &autostart);
        AppSettings s = dialog.settings();
        s.startAtLogin = true;
        dialog.setSettings(s);
        dialog.accept();
        QVERIFY(autostart.isEnabled());
        QVERIFY(SettingsStore(&ini).load().startAtLogin);
        SettingsDialog again(&store, &autostart);
        s.startAtLogin = false;
        again.setSettings(s);
        again.accept();
        QVERIFY(!autostart.isEnabled());
    }

    void appliesToPeerConfig()
    {
        AppSettings s = good();
        s.providerMode = AppSettings::ProviderMode::Url;
        s.providerUrl = QStringLiteral("https://p2p.example.org");
        s.uploadLimitKiB = 100;
        s.downloadLimitKiB = SettingsValidator::maxLimitKiB;  // must not overflow int
        s.listenAddress = QStringLiteral("127.1.0.5:6000");
        PeerConfig peer;
        applySettingsToPeer(s, &peer);
        QCOMPARE(peer.providerUrl, QUrl(QStringLiteral("https://p2p.example.org")));
        QCOMPARE(peer.engine.uploadRateLimit, 100 * 1024);
        QVERIFY(peer.engine.downloadRateLimit > 0);
        QCOMPARE(peer.maxDownloadBps, qint64(SettingsValidator::maxLimitKiB) * 1024);
        QCOMPARE(peer.engine.listenInterfaces, QStringLiteral("127.1.0.5:6000"));
        QCOMPARE(peer.engine.outgoingInterfaces, QStringLiteral("127.1.0.5"));
        s.listenAddress = QStringLiteral("[::]:6881");
        applySettingsToPeer(s, &peer);
        QVERIFY(peer.engine.outgoingInterfaces.isEmpty());
    }

    void oldDownloadKeyIsMigrated()
    {
        const QString ini = m_dir.filePath(QStringLiteral("migrate.ini"));
        const QString folder = m_dir.filePath(QStringLiteral("old-downloads"));
        {
            QSettings q(ini, QSettings::IniFormat);
            q.setValue(QStringLiteral("paths/downloads"), folder);  // written by an earlier version
        }
        QSettings q(ini, QSettings::IniFormat);
        SettingsStore store(&q);
        QCOMPARE(store.load().downloadFolder, folder);
        QVERIFY(!q.contains(QStringLiteral("paths/downloads")));  // one key from now on
        QCOMPARE(q.value(QStringLiteral("transfers/downloadFolder")).toString(), folder);
        QVERIFY(!store.migrate());  // nothing left to move
        // Both present: the current key (set by this version's dialog) wins; the old one goes.
        q.setValue(QStringLiteral("paths/downloads"), QStringLiteral("/elsewhere"));
        QVERIFY(store.migrate());
        QCOMPARE(store.load().downloadFolder, folder);
        QVERIFY(!q.contains(QStringLiteral("paths/downloads")));
    }

    void scheduleIsValidatedAndPersisted()
    {
        AppSettings s = good();
        s.scheduleEnabled = true;
        s.scheduleFromHour = 9;
        s.scheduleToHour = 9;
        QCOMPARE(fieldsOf(SettingsValidator::validate(s)), QStringList{QStringLiteral("schedule")});
        s.scheduleToHour = 24;
        QCOMPARE(fieldsOf(SettingsValidator::validate(s)), QStringList{QStringLiteral("schedule")});
        s.scheduleToHour = 17;
        s.altUploadLimitKiB = -1;
        QCOMPARE(fieldsOf(SettingsValidator::validate(s)), QStringList{QStringLiteral("altUploadLimitKiB")});
        s.altUploadLimitKiB = 32;
        QSettings q(m_dir.filePath(QStringLiteral("schedule.ini")), QSettings::IniFormat);
        SettingsStore store(&q);
        QVERIFY(store.save(s));
        QCOMPARE(store.load(), s);
        // The dialog refuses the same hour twice with a message next to the schedule.
        SettingsDialog dialog(&store, nullptr);
        AppSettings bad = s;
        bad.scheduleToHour = bad.scheduleFromHour;
        dialog.setSettings(bad);
        dialog.accept();
        QVERIFY(!dialog.problemShown(QStringLiteral("schedule")).isEmpty());
        QCOMPARE(store.load(), s);  // nothing written
    }

    void schedulerSwitchesLimits()
    {
        QCOMPARE(RateScheduler::inWindow(23, 22, 6), true);
        QCOMPARE(RateScheduler::inWindow(5, 22, 6), true);
        QCOMPARE(RateScheduler::inWindow(6, 22, 6), false);
        QCOMPARE(RateScheduler::inWindow(12, 9, 17), true);
        QCOMPARE(RateScheduler::inWindow(17, 9, 17), false);
        QList<QPair<int, int>> applied;
        RateScheduler scheduler([&](int up, int down) { applied.append({up, down}); });
        QTime now(8, 30);
        scheduler.setClock([&now] { return now; });
        AppSettings s = good();
        s.uploadLimitKiB = 100;
        s.downloadLimitKiB = 0;
        s.scheduleEnabled = true;
        s.scheduleFromHour = 9;
        s.scheduleToHour = 17;
        s.altUploadLimitKiB = 10;
        s.altDownloadLimitKiB = 20;
        scheduler.setSettings(s);
        QCOMPARE(applied, (QList<QPair<int, int>>{{100 * 1024, 0}}));
        scheduler.check();  // nothing changed: not pushed again
        QCOMPARE(applied.size(), 1);
        now = QTime(9, 0);
        scheduler.check();
        QCOMPARE(applied.last(), qMakePair(10 * 1024, 20 * 1024));
        QVERIFY(scheduler.alternativeActive());
        now = QTime(17, 0);
        scheduler.check();
        QCOMPARE(applied.last(), qMakePair(100 * 1024, 0));
        QCOMPARE(applied.size(), 3);
        // The timer does the checking by itself.
        scheduler.setCheckIntervalMs(20);
        scheduler.setSettings(s);
        now = QTime(10, 0);
        QTRY_VERIFY_WITH_TIMEOUT(scheduler.alternativeActive(), 5000);
        // Schedule off: the normal limits at any hour.
        s.scheduleEnabled = false;
        scheduler.setSettings(s);
        QVERIFY(!scheduler.alternativeActive());
        QCOMPARE(applied.last(), qMakePair(100 * 1024, 0));
    }
    // The provider's CA: a file that is no PEM certificate is refused next to its field and
    // nothing is saved; a real CA (made here with openssl) is saved, then trusted at once and
    // taken out again when the field is cleared, without a restart.
    void providerCaIsCheckedSavedAndApplied()
    {
        QSettings ini(m_dir.filePath(QStringLiteral("dialog-ca.ini")), QSettings::IniFormat);
        SettingsStore store(&ini);
        QVERIFY(store.save(good()));
        SettingsDialog dialog(&store, nullptr);
        dialog.show();
        auto *ca = dialog.findChild<QLineEdit *>(QStringLiteral("providerCaFile"));
        QVERIFY(ca);

        const QString junk = m_dir.filePath(QStringLiteral("junk.pem"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("-----BEGIN NOTHING-----\nnot base64 at all\n");
        f.close();
        ca->setText(junk);
        dialog.accept();
        QVERIFY(dialog.isVisible());
        const QString shown = dialog.problemShown(QStringLiteral("providerCaFile"));
        QVERIFY2(shown.contains(QStringLiteral("no PEM certificate")) && shown.contains(junk), qPrintable(shown));
        QVERIFY(SettingsStore(&ini).load().providerCaFile.isEmpty());
        ca->setText(QStringLiteral("relative/ca.pem"));
        dialog.accept();
        QVERIFY(!dialog.problemShown(QStringLiteral("providerCaFile")).isEmpty());
        ca->setText(m_dir.filePath(QStringLiteral("missing.pem")));
        dialog.accept();
        QVERIFY(dialog.problemShown(QStringLiteral("providerCaFile")).contains(QStringLiteral("cannot read")));
        QVERIFY(SettingsStore(&ini).load().providerCaFile.isEmpty());

        const QString openssl = QStringLiteral("/usr/bin/openssl");
        MP2P_REQUIRE(QFile::exists(openssl), "/usr/bin/openssl is missing (apt-get install openssl)");
        const QString pem = m_dir.filePath(QStringLiteral("ca.pem"));
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(openssl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                          QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                          QStringLiteral("/CN=mp2p settings test CA"), QStringLiteral("-keyout"), m_dir.filePath(QStringLiteral("ca.key")),
                          QStringLiteral("-out"), pem});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAll().constData());
        ca->setText(pem);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(SettingsStore(&ini).load().providerCaFile, pem);

        // What the main window does with the saved value (applySavedSettings).
        const QSslCertificate ours = QSslCertificate::fromPath(pem).value(0);
        QVERIFY(!ours.isNull());
        QVERIFY(!QSslConfiguration::defaultConfiguration().caCertificates().contains(ours));
        QString error;
        QVERIFY2(replaceTrustedProviderCa(SettingsStore(&ini).load().providerCaFile, &error), qPrintable(error));
        QVERIFY(QSslConfiguration::defaultConfiguration().caCertificates().contains(ours));
        QCOMPARE(QSslConfiguration::defaultConfiguration().caCertificates().size(), QSslConfiguration::systemCaCertificates().size() + 1);
        QVERIFY(!replaceTrustedProviderCa(junk, &error));  // a bad file leaves the trusted set alone
        QVERIFY(QSslConfiguration::defaultConfiguration().caCertificates().contains(ours));
        QVERIFY(replaceTrustedProviderCa(QString(), &error));
        QVERIFY(!QSslConfiguration::defaultConfiguration().caCertificates().contains(ours));
        // The system's CAs stay trusted throughout (setting a list ends Qt's on-demand loading of them).
        const QList<QSslCertificate> system = QSslConfiguration::systemCaCertificates();
        const QList<QSslCertificate> now = QSslConfiguration::defaultConfiguration().caCertificates();
        QCOMPARE(QSet<QSslCertificate>(now.cbegin(), now.cend()), QSet<QSslCertificate>(system.cbegin(), system.cend()));
    }

    // "Rotate tracker passkey": disabled until there is a session, asks first, runs the call
    // only on Yes, and says how it went.
    void passkeyRotationAsksAndReports()
    {
        QSettings ini(m_dir.filePath(QStringLiteral("dialog-passkey.ini")), QSettings::IniFormat);
        SettingsStore store(&ini);
        QVERIFY(store.save(good()));
        SettingsDialog dialog(&store, nullptr);
        dialog.show();
        auto *button = dialog.findChild<QPushButton *>(QStringLiteral("rotatePasskey"));
        QVERIFY(button);
        QVERIFY(!button->isEnabled());

        int calls = 0;
        std::function<void(bool, const QString &)> pending;
        dialog.setPasskeyRotation([&](std::function<void(bool, const QString &)> done) {
            ++calls;
            pending = std::move(done);
        });
        QVERIFY(button->isEnabled());
        const auto answer = [&dialog](QMessageBox::StandardButton which) {
            QMessageBox *box = nullptr;
            QTRY_VERIFY_WITH_TIMEOUT((box = dialog.findChild<QMessageBox *>(QStringLiteral("confirmRotation"))) && box->isVisible(), 5000);
            QTest::mouseClick(box->button(which), Qt::LeftButton);
        };

        QTest::mouseClick(button, Qt::LeftButton);
        answer(QMessageBox::Cancel);
        QCOMPARE(calls, 0);

        QTest::mouseClick(button, Qt::LeftButton);
        answer(QMessageBox::Yes);
        QTRY_COMPARE_WITH_TIMEOUT(calls, 1, 5000);
        QVERIFY(!button->isEnabled());  // one rotation at a time; the GUI did not wait for it
        pending(false, QStringLiteral("the provider answered 401"));
        QVERIFY2(dialog.passkeyResult().contains(QStringLiteral("not rotated")) && dialog.passkeyResult().contains(QStringLiteral("401")),
                 qPrintable(dialog.passkeyResult()));
        QVERIFY(button->isEnabled());

        QTest::mouseClick(button, Qt::LeftButton);
        answer(QMessageBox::Yes);
        QTRY_COMPARE_WITH_TIMEOUT(calls, 2, 5000);
        pending(true, QString());
        QVERIFY2(dialog.passkeyResult().contains(QStringLiteral("new passkey is in use")), qPrintable(dialog.passkeyResult()));
    }
};

MP2P_TEST_MAIN(TestSettings)
#include "tst_parts_settings.moc"
