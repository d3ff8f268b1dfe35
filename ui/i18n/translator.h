#pragma once

#include <QString>

class QApplication;

namespace mp2p {

// Installs the mp2p translation for `language` ("system" follows the system locale, or "en",
// "ko") plus Qt's own strings when they are installed. Looks in the resources (":/i18n",
// built when Qt Linguist tools are present), then next to the executable, then in
// <prefix>/share/mp2p/translations. English needs no file. Returns the language in use.
QString installTranslator(QApplication &app, const QString &language);

// "system" → the first of the system's UI languages we ship ("ko" or "en").
QString resolveLanguage(const QString &language);

} // namespace mp2p
