#pragma once

#include "appsettings.h"

#include <QDialog>
#include <QHash>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace mp2p {

class Autostart;

// The settings window. OK validates every field; a bad value keeps the dialog open with the
// message under its control (and focus on the first bad one). Good values are saved to the
// store, the autostart entry is written or removed, and settingsApplied() tells the main
// window to apply them: rate limits, schedule, listen address, download folder and the
// provider's CA at once, the language and the provider at the next start.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    // Neither is owned. `autostart` may be null (then "Start at login" is only stored).
    SettingsDialog(SettingsStore *store, Autostart *autostart, QWidget *parent = nullptr);

    AppSettings settings() const;       // what the controls show now
    void setSettings(const AppSettings &settings);
    QString problemShown(const QString &field) const;  // empty when the field is fine

    void accept() override;

    // "Rotate tracker passkey": `rotate` asks the provider for a new passkey without blocking
    // and calls its argument with the outcome (ok, or a message saying what went wrong). Without
    // it (not logged in yet) the button is disabled.
    using PasskeyRotation = std::function<void(std::function<void(bool ok, const QString &problem)>)>;
    void setPasskeyRotation(PasskeyRotation rotate);
    QString passkeyResult() const;  // the line under the button

Q_SIGNALS:
    void settingsApplied(const mp2p::AppSettings &settings);

private:
    QWidget *buildProviderChoice();
    QWidget *buildFolderChoice();
    QWidget *buildCaChoice();
    QWidget *buildSchedule();
    QWidget *withProblemLabel(const char *field, QWidget *control);
    void showProblems(const QList<SettingsProblem> &problems);
    void browseFolder();
    void browseCa();
    void updateEnabled();
    QWidget *buildPasskeyRotation();
    void confirmRotation();

    SettingsStore *m_store;
    Autostart *m_autostart;
    AppSettings m_loaded;               // keeps values the dialog does not edit (firstRunDone)
    QRadioButton *m_embedded = nullptr;
    QRadioButton *m_useUrl = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_ca = nullptr;
    QLineEdit *m_folder = nullptr;
    QSpinBox *m_upload = nullptr;
    QSpinBox *m_download = nullptr;
    QLineEdit *m_listen = nullptr;
    QCheckBox *m_closeToTray = nullptr;
    QCheckBox *m_startMinimised = nullptr;
    QCheckBox *m_startAtLogin = nullptr;
    QComboBox *m_language = nullptr;
    QCheckBox *m_schedule = nullptr;
    QSpinBox *m_fromHour = nullptr;
    QSpinBox *m_toHour = nullptr;
    QSpinBox *m_altUpload = nullptr;
    QSpinBox *m_altDownload = nullptr;
    QPushButton *m_rotate = nullptr;
    QLabel *m_rotateResult = nullptr;
    PasskeyRotation m_rotation;
    QHash<QString, QLabel *> m_problemLabels;
    QHash<QString, QWidget *> m_controls;
};

} // namespace mp2p
