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
    // A new choice replaces the previous one (the settings can switch languages).
    for (QTranslator *old : app.findChildren<QTranslator *>(QString(), Qt::FindDirectChildrenOnly)) {
        if (old->objectName().startsWith(QLatin1String("mp2p-translator"))) {
            QCoreApplication::removeTranslator(old);
            delete old;
        }
    }
    const QString chosen = resolveLanguage(language);
    const QString appDir = QCoreApplication::applicationDirPath();
    const QStringList folders{QStringLiteral(":/i18n"), appDir, appDir + QStringLiteral("/i18n"),
                              QDir(appDir).filePath(QStringLiteral("../share/mp2p/translations"))};
    auto *ours = new QTranslator(&app);
    ours->setObjectName(QStringLiteral("mp2p-translator"));
    bool loaded = false;
    for (const QString &folder : folders) {
        if (ours->load(QStringLiteral("mp2p_") + chosen, folder)) {
            loaded = true;
            break;
        }
    }
    if (!loaded) {
        delete ours;
        return QStringLiteral("en");  // the source strings are English
    }
    app.installTranslator(ours);
    // English needs only its plural forms ("1 result", "2 results") from mp2p_en.
    if (chosen == QLatin1String("en"))
        return chosen;
    // Qt's own dialogs and buttons (OK, Cancel, file dialogs), from qt6-translations-l10n.
    auto *qt = new QTranslator(&app);
    qt->setObjectName(QStringLiteral("mp2p-translator-qt"));
    if (qt->load(QStringLiteral("qtbase_") + chosen, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    else
        delete qt;
    return chosen;
}

} // namespace mp2p
