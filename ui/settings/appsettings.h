#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

class QSettings;

namespace mp2p {

// Everything the desktop app keeps between runs. Limits are KiB/s (0 = unlimited); the
// listen address is "ip:port" or "[ipv6]:port" (port 0 = any free port).
struct AppSettings {
    enum class ProviderMode { Embedded, Url };

    ProviderMode providerMode = ProviderMode::Embedded;
    QString providerUrl;            // used when providerMode == Url
    // PEM file of the CA that signs the provider's HTTPS servers (a provider with its own CA);
    // empty = the system's CAs only. Trusted in addition to them, never instead.
    QString providerCaFile;
    QString downloadFolder;         // default: the user's Downloads folder
    int uploadLimitKiB = 0;
    int downloadLimitKiB = 0;
    QString listenAddress = QStringLiteral("0.0.0.0:6881");
    // Schedule: between scheduleFromHour:00 and scheduleToHour:00 (local time; wrapping past
    // midnight when from > to) the alternative limits apply instead of the ones above.
    bool scheduleEnabled = false;
    int scheduleFromHour = 8;
    int scheduleToHour = 18;
    int altUploadLimitKiB = 64;
    int altDownloadLimitKiB = 256;
    bool closeToTray = true;
    bool startMinimised = false;
    bool startAtLogin = false;
    QString language = QStringLiteral("system");  // "system", "en" or "ko"
    bool firstRunDone = false;      // the first-run dialog has been answered

    static AppSettings defaults();
    bool operator==(const AppSettings &) const = default;
};

// One refused value: `field` names the AppSettings member (e.g. "listenAddress") so a dialog
// can put `message` next to the right control.
struct SettingsProblem {
    QString field;
    QString message;
};

// Field names used in SettingsProblem::field.
namespace SettingsField {
inline constexpr const char *ProviderUrl = "providerUrl";
inline constexpr const char *ProviderCa = "providerCaFile";
inline constexpr const char *DownloadFolder = "downloadFolder";
inline constexpr const char *UploadLimit = "uploadLimitKiB";
inline constexpr const char *DownloadLimit = "downloadLimitKiB";
inline constexpr const char *ListenAddress = "listenAddress";
inline constexpr const char *Language = "language";
inline constexpr const char *StartAtLogin = "startAtLogin";
inline constexpr const char *Schedule = "schedule";
inline constexpr const char *AltUploadLimit = "altUploadLimitKiB";
inline constexpr const char *AltDownloadLimit = "altDownloadLimitKiB";
}

// Checks of single values, shared by the settings and first-run dialogs. Each returns an empty
// string when the value is fine, otherwise a translated message that says what to do.
class SettingsValidator {
    Q_DECLARE_TR_FUNCTIONS(mp2p::SettingsValidator)
public:
    static QString checkProviderUrl(const QString &url);
    static QString checkProviderCa(const QString &pemPath);  // reads the (small) file
    static QString checkDownloadFolder(const QString &path);
    static QString checkLimit(int kib);
    static QString checkListenAddress(const QString &address);
    static QString checkLanguage(const QString &language);
    static QString checkSchedule(bool enabled, int fromHour, int toHour);
    static QList<SettingsProblem> validate(const AppSettings &settings);

    static constexpr int maxLimitKiB = 10 * 1024 * 1024;  // 10 GiB/s: anything above is a typo
};

// Reads and writes AppSettings through a QSettings the caller owns (the app passes the
// default per-user one, tests an INI file in a temporary folder). save() refuses invalid
// settings and writes nothing then; load() replaces values it cannot use with defaults, so a
// hand-edited file never breaks the app. load() also moves keys of older versions to their
// current names (paths/downloads → transfers/downloadFolder), so one key holds each value.
class SettingsStore {
public:
    explicit SettingsStore(QSettings *settings);

    AppSettings load() const;
    // Moves old keys to their current names (load() does it too); true when something moved.
    bool migrate() const;
    bool save(const AppSettings &settings, QList<SettingsProblem> *problems = nullptr);
    QSettings *backend() const { return m_settings; }

private:
    QSettings *m_settings;
};

} // namespace mp2p
