#include "autostart.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace mp2p {

namespace {

// The Exec key's quoting rules (Desktop Entry Specification, "The Exec key"): a quoted
// argument escapes ", `, $ and \ with a backslash.
QString quoteExecArgument(const QString &argument)
{
    QString quoted;
    for (QChar c : argument) {
        if (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('$') || c == QLatin1Char('\\'))
            quoted += QLatin1Char('\\');
        quoted += c;
    }
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

Autostart::Autostart(QString program)
    : m_program(program.isEmpty() ? QCoreApplication::applicationFilePath() : std::move(program))
{
}

QString Autostart::filePath() const
{
    // Read each time: XDG_CONFIG_HOME may change (tests point it at a temporary folder).
    const QString config = QStandardPaths::writableLocation(QStandardPaths::ConfigLocation);
    return QDir(config).filePath(QStringLiteral("autostart/") + fileName());
}

bool Autostart::isEnabled() const
{
    return QFile::exists(filePath());
}

QString Autostart::entryText() const
{
    return QStringLiteral("[Desktop Entry]\n"
                          "Type=Application\n"
                          "Name=mp2p Desktop\n"
                          "Comment=Keeps seeding in the background (started at login)\n"
                          "Exec=%1 --start-minimised\n"
                          "Icon=mp2p-desktop\n"
                          "Terminal=false\n"
                          "X-GNOME-Autostart-enabled=true\n")
        .arg(quoteExecArgument(m_program));
}

bool Autostart::setEnabled(bool enabled, QString *error)
{
    const QString path = filePath();
    if (!enabled) {
        if (QFile::exists(path) && !QFile::remove(path)) {
            *error = tr("Cannot remove %1. Delete it by hand to stop starting at login.").arg(path);
            return false;
        }
        return true;
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = tr("Cannot create the folder %1.").arg(QFileInfo(path).absolutePath());
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(entryText().toUtf8()) < 0 || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace mp2p
