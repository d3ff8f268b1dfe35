#include "translator.h"

#include <QApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace mp2p {

QString resolveLanguage(const QString &language)
{
    if (language == QLatin1String("en") || language == QLatin1String("ko"))
        return language;
    for (const QString &ui : QLocale::system().uiLanguages()) {
        if (ui.startsWith(QLatin1String("ko"), Qt::CaseInsensitive))
            return QStringLiteral("ko");
        if (ui.startsWith(QLatin1String("en"), Qt::CaseInsensitive))
            return QStringLiteral("en");
    }
    return QStringLiteral("en");
}

QString installTranslator(QApplication &app, const QString &language)
{
    const QString chosen = resolveLanguage(language);
    if (chosen == QLatin1String("en"))
        return chosen;  // the source strings are English
    const QString appDir = QCoreApplication::applicationDirPath();
    const QStringList folders{QStringLiteral(":/i18n"), appDir, appDir + QStringLiteral("/i18n"),
                              QDir(appDir).filePath(QStringLiteral("../share/mp2p/translations"))};
    auto *ours = new QTranslator(&app);
    bool loaded = false;
    for (const QString &folder : folders) {
        if (ours->load(QStringLiteral("mp2p_") + chosen, folder)) {
            loaded = true;
            break;
        }
    }
    if (!loaded) {
        delete ours;
        return QStringLiteral("en");
    }
    app.installTranslator(ours);
    // Qt's own dialogs and buttons (OK, Cancel, file dialogs), from qt6-translations-l10n.
    auto *qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_") + chosen, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    else
        delete qt;
    return chosen;
}

} // namespace mp2p
