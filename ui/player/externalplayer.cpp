#include "externalplayer.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QProcess>
#include <QSettings>

namespace mp2p {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("mp2p::PlayerWindow", text);
}
} // namespace

QString externalPlayerCommand()
{
    return QSettings().value(QLatin1String(kExternalPlayerKey)).toString().trimmed();
}

bool openInExternalPlayer(const QUrl &streamUrl, const QString &command, QString *error)
{
    const QString url = streamUrl.toString(QUrl::FullyEncoded);
    if (command.isEmpty()) {
        if (QDesktopServices::openUrl(streamUrl))
            return true;
        *error = tr("No program is set to open web addresses. Set a player command (for example \"mpv\") "
                    "in Settings, or copy the stream URL into your player.");
        return false;
    }
    // Split like a shell would (quotes), but run no shell: the URL is one argument whatever it holds.
    QStringList args = QProcess::splitCommand(command);
    if (args.isEmpty()) {
        *error = tr("The player command \"%1\" is empty after parsing; set a program such as \"mpv\".").arg(command);
        return false;
    }
    const QString program = args.takeFirst();
    bool placed = false;
    for (QString &a : args) {
        if (a.contains(QLatin1String("%u"))) {
            a.replace(QLatin1String("%u"), url);
            placed = true;
        }
    }
    if (!placed)
        args.append(url);
    if (!QProcess::startDetached(program, args)) {
        *error = tr("Could not start \"%1\": is it installed and on the PATH?").arg(program);
        return false;
    }
    return true;
}

} // namespace mp2p
