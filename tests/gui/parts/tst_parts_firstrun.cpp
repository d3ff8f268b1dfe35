// The first-run dialog: local vs provider URL (validated), the identity with Copy.
#include "accessibility.h"

#include <firstrun/firstrundialog.h>
#include <settings/appsettings.h>

#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>

using namespace mp2p;

class TestFirstRun : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void localIsTheDefaultAndAccepts()
    {
        FirstRunDialog dialog;
        dialog.show();
        QCOMPARE(dialog.choice(), FirstRunDialog::Choice::Local);
        auto *url = dialog.findChild<QLineEdit *>();
        QVERIFY(url && !url->isEnabled());
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        AppSettings s = AppSettings::defaults();
        s.providerMode = AppSettings::ProviderMode::Url;
        dialog.applyTo(&s);
        QCOMPARE(s.providerMode, AppSettings::ProviderMode::Embedded);
        QVERIFY(s.firstRunDone);
    }

    void providerUrlIsValidated()
    {
        FirstRunDialog dialog;
        dialog.show();
        QRadioButton *provider = nullptr;
        for (QRadioButton *b : dialog.findChildren<QRadioButton *>()) {
            if (b->accessibleName() == QLatin1String("Use a provider URL"))
                provider = b;
        }
        QVERIFY(provider);
        provider->click();  // what the keyboard shortcut does too
        auto *url = dialog.findChild<QLineEdit *>();
        QVERIFY(url->isEnabled());
        QTest::keyClicks(url, QStringLiteral("p2p.example.org"));
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QVERIFY(!dialog.problemShown().isEmpty());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));

        url->setText(QStringLiteral("https://p2p.example.org"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.problemShown().isEmpty());
        AppSettings s = AppSettings::defaults();
        dialog.applyTo(&s);
        QCOMPARE(s.providerMode, AppSettings::ProviderMode::Url);
        QCOMPARE(s.providerUrl, QStringLiteral("https://p2p.example.org"));
        QVERIFY(SettingsValidator::validate(s).size() <= 1);  // the URL is fine (folder depends on the machine)
    }

    void keyboardAndScreenReaderFriendly()
    {
        FirstRunDialog dialog;
        QCOMPARE(inaccessibleControls(&dialog), QStringList());
    }

    void identityShownAndCopied()
    {
        FirstRunDialog dialog;
        QPushButton *copy = nullptr;
        for (QPushButton *b : dialog.findChildren<QPushButton *>()) {
            if (b->accessibleName() == QLatin1String("Copy your user id"))
                copy = b;
        }
        QVERIFY(copy);
        QVERIFY(!copy->isEnabled());  // nothing to copy before the identity exists
        QVERIFY(dialog.shownUserId().isEmpty());
        const QString id = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
        dialog.setUserId(id);
        QCOMPARE(dialog.shownUserId(), QStringLiteral("0123-4567-89ab"));
        QVERIFY(copy->isEnabled());
        QApplication::clipboard()->clear();
        copy->click();
        QCOMPARE(QApplication::clipboard()->text(), id);  // the full id, not the short one
    }
};

QTEST_MAIN(TestFirstRun)
#include "tst_parts_firstrun.moc"
