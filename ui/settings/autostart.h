#pragma once

#include <QCoreApplication>
#include <QString>

namespace mp2p {

// "Start at login" on freedesktop desktops: an XDG autostart entry in
// $XDG_CONFIG_HOME/autostart (QStandardPaths::ConfigLocation). Present = enabled.
class Autostart {
    Q_DECLARE_TR_FUNCTIONS(mp2p::Autostart)
public:
    // `program` is what the entry runs; default: this executable. The entry always adds
    // --start-minimised, since a program started at login belongs in the tray.
    explicit Autostart(QString program = {});

    static QString fileName() { return QStringLiteral("mp2p-desktop.desktop"); }
    QString filePath() const;
    bool isEnabled() const;
    // Writes or removes the entry; false + a message the UI can show when that failed.
    bool setEnabled(bool enabled, QString *error);
    QString entryText() const;

private:
    QString m_program;
};

} // namespace mp2p
