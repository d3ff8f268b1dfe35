// Translations: Korean is compiled in and used by the widgets; English needs no file.
#include <firstrun/firstrundialog.h>
#include <settings/appsettings.h>
#include <translator.h>

#include <testrequire.h>

#include <QApplication>
#include <QFile>
#include <QXmlStreamReader>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>

using namespace mp2p;

class TestTranslations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void resolvesLanguages()
    {
        QCOMPARE(resolveLanguage(QStringLiteral("ko")), QStringLiteral("ko"));
        QCOMPARE(resolveLanguage(QStringLiteral("en")), QStringLiteral("en"));
        const QString system = resolveLanguage(QStringLiteral("system"));
        QVERIFY(system == QLatin1String("en") || system == QLatin1String("ko"));
    }

    void englishIsTheSource()
    {
        QCOMPARE(installTranslator(*qApp, QStringLiteral("en")), QStringLiteral("en"));
        FirstRunDialog dialog;
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Welcome to mp2p"));
    }

    void koreanIsUsedByTheWidgets()
    {
#ifndef MP2P_HAVE_TRANSLATIONS
        MP2P_REQUIRE(false, "Qt Linguist tools were not found at build time, so there are no .qm files "
                            "(apt-get install qt6-tools-dev qt6-l10n-tools, then configure again)");
#endif
        QCOMPARE(installTranslator(*qApp, QStringLiteral("ko")), QStringLiteral("ko"));
        FirstRunDialog dialog;
        QCOMPARE(dialog.windowTitle(), QStringLiteral("mp2p에 오신 것을 환영합니다"));
        QStringList radios;
        for (QRadioButton *b : dialog.findChildren<QRadioButton *>())
            radios.append(b->text());
        QVERIFY(radios.contains(QStringLiteral("로컬에서 실행(이 컴퓨터 / LAN)(&R)")));
        QCOMPARE(SettingsValidator::checkLimit(-1), QStringLiteral("제한 값은 음수일 수 없습니다. 무제한은 0을 쓰세요."));
        // Arguments still fill in.
        QVERIFY(SettingsValidator::checkLimit(SettingsValidator::maxLimitKiB + 1).contains(QString::number(SettingsValidator::maxLimitKiB)));
    }

    // Every source string of the app has a Korean translation: no "unfinished" entry and no
    // empty translation (plural forms included) in the shipped .ts file.
    void koreanIsComplete()
    {
        QFile ts(QStringLiteral(MP2P_TS_DIR "/mp2p_ko.ts"));
        QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
        QXmlStreamReader xml(&ts);
        int messages = 0;
        QStringList unfinished;
        QString source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("message")) {
                ++messages;
            } else if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                const bool done = xml.attributes().value(QLatin1String("type")).isEmpty();
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (!done || text.trimmed().isEmpty())
                    unfinished.append(source);
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(messages > 300);  // the main window, details, settings, tray, publish, first run
        QVERIFY2(unfinished.isEmpty(), qPrintable(unfinished.join(QStringLiteral(" | "))));
    }

    void koreanCoversTheMainWindow()
    {
#ifndef MP2P_HAVE_TRANSLATIONS
        MP2P_REQUIRE(false, "Qt Linguist tools were not found at build time, so there are no .qm files "
                            "(apt-get install qt6-tools-dev qt6-l10n-tools, then configure again)");
#endif
        QCOMPARE(installTranslator(*qApp, QStringLiteral("ko")), QStringLiteral("ko"));
        QCOMPARE(QCoreApplication::translate("mp2p::MainWindow", "&Open .torrent…"), QStringLiteral(".torrent 열기(&O)…"));
        QCOMPARE(QCoreApplication::translate("mp2p::DetailsPane", "F&iles"), QStringLiteral("파일(&I)"));
        QCOMPARE(QCoreApplication::translate("mp2p::SearchView", "%n result(s)", nullptr, 3), QStringLiteral("결과 3개"));
        installTranslator(*qApp, QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("mp2p::SearchView", "%n result(s)", nullptr, 1), QStringLiteral("1 result"));
    }
};

MP2P_TEST_MAIN(TestTranslations)
#include "tst_parts_i18n.moc"
