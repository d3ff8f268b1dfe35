#include "appsettings.h"

#include <base/tlstrust.h>

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QUrl>

#include <algorithm>

namespace mp2p {

namespace {

// QSettings keys; grouped so the INI file reads well when someone edits it by hand.
const QString kProviderMode = QStringLiteral("provider/mode");
const QString kProviderUrl = QStringLiteral("provider/url");
const QString kProviderCa = QStringLiteral("provider/caFile");
const QString kDownloadFolder = QStringLiteral("transfers/downloadFolder");
const QString kUploadLimit = QStringLiteral("limits/uploadKiBps");
const QString kDownloadLimit = QStringLiteral("limits/downloadKiBps");
const QString kListen = QStringLiteral("network/listen");
const QString kCloseToTray = QStringLiteral("tray/closeToTray");
const QString kStartMinimised = QStringLiteral("tray/startMinimised");
const QString kStartAtLogin = QStringLiteral("tray/startAtLogin");
const QString kLanguage = QStringLiteral("ui/language");
const QString kFirstRunDone = QStringLiteral("firstRun/done");
const QString kScheduleEnabled = QStringLiteral("schedule/enabled");
const QString kScheduleFrom = QStringLiteral("schedule/fromHour");
const QString kScheduleTo = QStringLiteral("schedule/toHour");
const QString kAltUpload = QStringLiteral("schedule/uploadKiBps");
const QString kAltDownload = QStringLiteral("schedule/downloadKiBps");
// Keys of earlier versions and where their value lives now.
const std::pair<QString, QString> kRenamedKeys[] = {
    {QStringLiteral("paths/downloads"), QStringLiteral("transfers/downloadFolder")},
};

// A folder can take downloads when it is a writable directory, or when it does not exist yet
// and its nearest existing ancestor is one (we create it on first use). Writability is probed
// by creating a file, because permission bits lie on some file systems (and for root).
bool canWriteInto(const QString &existingDir)
{
    QTemporaryFile probe(QDir(existingDir).filePath(QStringLiteral(".mp2p-write-probe-XXXXXX")));
    return probe.open();
}

void addIfBad(QList<SettingsProblem> *out, const char *field, const QString &message)
{
    if (!message.isEmpty())
        out->append({QString::fromLatin1(field), message});
}

} // namespace

AppSettings AppSettings::defaults()
{
    AppSettings s;
    s.downloadFolder = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    if (s.downloadFolder.isEmpty())
        s.downloadFolder = QDir::home().filePath(QStringLiteral("Downloads"));
    return s;
}

QString SettingsValidator::checkProviderUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (text.trimmed().isEmpty())
        return tr("Enter the provider's address, for example https://p2p.example.org.");
    if (!url.isValid() || url.host().isEmpty())
        return tr("This is not a valid address. Use the form https://host[:port].");
    if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        return tr("The address must start with http:// or https://.");
    return {};
}

QString SettingsValidator::checkProviderCa(const QString &path)
{
    if (path.trimmed().isEmpty())
        return {};
    if (QDir::isRelativePath(path.trimmed()))
        return tr("Use a full path (starting with /) to the CA certificate file.");
    QList<QSslCertificate> certificates;
    QString error;
    if (!readCaCertificates(path.trimmed(), &certificates, &error))
        return tr("This file cannot be used as the provider's CA: %1. Choose the CA certificate (.pem) your provider "
                  "gave you, or leave the field empty.").arg(error);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (std::none_of(certificates.cbegin(), certificates.cend(),
                     [&now](const QSslCertificate &c) { return c.effectiveDate() <= now && now < c.expiryDate(); }))
        return tr("The certificate in this file is not valid now (it expired on %1 or is not valid yet). Ask your "
                  "provider for its current CA certificate.").arg(certificates.first().expiryDate().toString(Qt::ISODate));
    return {};
}

QString SettingsValidator::checkDownloadFolder(const QString &path)
{
    if (path.trimmed().isEmpty())
        return tr("Choose a folder for downloads.");
    if (QDir::isRelativePath(path))
        return tr("Use a full path (starting with /), not a relative one.");
    QFileInfo info(QDir::cleanPath(path));
    while (!info.exists()) {
        const QString parent = info.absolutePath();
        if (parent == info.absoluteFilePath())
            break;
        info = QFileInfo(parent);
    }
    if (!info.exists() || !info.isDir())
        return tr("This folder cannot be created: part of the path is a file.");
    if (!canWriteInto(info.absoluteFilePath()))
        return tr("This folder is not writable. Choose one you own.");
    return {};
}

QString SettingsValidator::checkLimit(int kib)
{
    if (kib < 0)
        return tr("A limit cannot be negative. Use 0 for unlimited.");
    if (kib > maxLimitKiB)
        return tr("A limit above %1 KiB/s is not possible. Use 0 for unlimited.").arg(maxLimitKiB);
    return {};
}

QString SettingsValidator::checkListenAddress(const QString &text)
{
    const QString address = text.trimmed();
    const int colon = address.lastIndexOf(QLatin1Char(':'));
    QString host = address.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    else if (host.contains(QLatin1Char(':')))
        host.clear();  // an IPv6 address needs brackets, or the port is ambiguous
    bool portOk = false;
    const uint port = address.mid(colon + 1).toUInt(&portOk);
    if (colon <= 0 || host.isEmpty() || QHostAddress(host).isNull())
        return tr("Use an IP address and a port, such as 0.0.0.0:6881 or [::]:6881.");
    if (!portOk || port > 65535)
        return tr("The port must be a number from 0 to 65535 (0 picks a free port).");
    return {};
}

QString SettingsValidator::checkLanguage(const QString &language)
{
    static const QStringList known{QStringLiteral("system"), QStringLiteral("en"), QStringLiteral("ko")};
    return known.contains(language) ? QString() : tr("Choose a language from the list.");
}

QString SettingsValidator::checkSchedule(bool enabled, int fromHour, int toHour)
{
    if (fromHour < 0 || fromHour > 23 || toHour < 0 || toHour > 23)
        return tr("Hours go from 0 to 23.");
    if (enabled && fromHour == toHour)
        return tr("The schedule starts and ends at the same hour. Choose two different hours.");
    return {};
}

QList<SettingsProblem> SettingsValidator::validate(const AppSettings &s)
{
    QList<SettingsProblem> problems;
    if (s.providerMode == AppSettings::ProviderMode::Url)
        addIfBad(&problems, SettingsField::ProviderUrl, checkProviderUrl(s.providerUrl));
    addIfBad(&problems, SettingsField::ProviderCa, checkProviderCa(s.providerCaFile));
    addIfBad(&problems, SettingsField::DownloadFolder, checkDownloadFolder(s.downloadFolder));
    addIfBad(&problems, SettingsField::UploadLimit, checkLimit(s.uploadLimitKiB));
    addIfBad(&problems, SettingsField::DownloadLimit, checkLimit(s.downloadLimitKiB));
    addIfBad(&problems, SettingsField::ListenAddress, checkListenAddress(s.listenAddress));
    addIfBad(&problems, SettingsField::Language, checkLanguage(s.language));
    addIfBad(&problems, SettingsField::Schedule, checkSchedule(s.scheduleEnabled, s.scheduleFromHour, s.scheduleToHour));
    addIfBad(&problems, SettingsField::AltUploadLimit, checkLimit(s.altUploadLimitKiB));
    addIfBad(&problems, SettingsField::AltDownloadLimit, checkLimit(s.altDownloadLimitKiB));
    return problems;
}

SettingsStore::SettingsStore(QSettings *settings)
    : m_settings(settings)
{
}

bool SettingsStore::migrate() const
{
    bool moved = false;
    for (const auto &[oldKey, newKey] : kRenamedKeys) {
        if (!m_settings->contains(oldKey))
            continue;
        // A value under the current key was set later, by this version's dialog: it wins.
        if (!m_settings->contains(newKey))
            m_settings->setValue(newKey, m_settings->value(oldKey));
        m_settings->remove(oldKey);
        moved = true;
    }
    if (moved)
        m_settings->sync();
    return moved;
}

AppSettings SettingsStore::load() const
{
    migrate();
    const AppSettings d = AppSettings::defaults();
    AppSettings s = d;
    const QSettings &q = *m_settings;
    s.providerMode = q.value(kProviderMode).toString() == QLatin1String("url") ? AppSettings::ProviderMode::Url
                                                                               : AppSettings::ProviderMode::Embedded;
    s.providerUrl = q.value(kProviderUrl).toString();
    // Kept even when the file is gone: applying it then says so, and the dialog asks for another.
    s.providerCaFile = q.value(kProviderCa).toString();
    s.downloadFolder = q.value(kDownloadFolder, d.downloadFolder).toString();
    s.uploadLimitKiB = q.value(kUploadLimit, 0).toInt();
    s.downloadLimitKiB = q.value(kDownloadLimit, 0).toInt();
    s.listenAddress = q.value(kListen, d.listenAddress).toString();
    s.closeToTray = q.value(kCloseToTray, d.closeToTray).toBool();
    s.startMinimised = q.value(kStartMinimised, d.startMinimised).toBool();
    s.startAtLogin = q.value(kStartAtLogin, d.startAtLogin).toBool();
    s.language = q.value(kLanguage, d.language).toString();
    s.firstRunDone = q.value(kFirstRunDone, false).toBool();
    s.scheduleEnabled = q.value(kScheduleEnabled, d.scheduleEnabled).toBool();
    s.scheduleFromHour = q.value(kScheduleFrom, d.scheduleFromHour).toInt();
    s.scheduleToHour = q.value(kScheduleTo, d.scheduleToHour).toInt();
    s.altUploadLimitKiB = q.value(kAltUpload, d.altUploadLimitKiB).toInt();
    s.altDownloadLimitKiB = q.value(kAltDownload, d.altDownloadLimitKiB).toInt();
    // A hand-edited or stale file: fall back field by field instead of refusing to start.
    if (s.providerMode == AppSettings::ProviderMode::Url && !SettingsValidator::checkProviderUrl(s.providerUrl).isEmpty())
        s.providerMode = AppSettings::ProviderMode::Embedded;
    if (!SettingsValidator::checkLimit(s.uploadLimitKiB).isEmpty())
        s.uploadLimitKiB = d.uploadLimitKiB;
    if (!SettingsValidator::checkLimit(s.downloadLimitKiB).isEmpty())
        s.downloadLimitKiB = d.downloadLimitKiB;
    if (!SettingsValidator::checkListenAddress(s.listenAddress).isEmpty())
        s.listenAddress = d.listenAddress;
    if (!SettingsValidator::checkLanguage(s.language).isEmpty())
        s.language = d.language;
    if (!SettingsValidator::checkSchedule(s.scheduleEnabled, s.scheduleFromHour, s.scheduleToHour).isEmpty()) {
        s.scheduleEnabled = false;
        s.scheduleFromHour = d.scheduleFromHour;
        s.scheduleToHour = d.scheduleToHour;
    }
    if (!SettingsValidator::checkLimit(s.altUploadLimitKiB).isEmpty())
        s.altUploadLimitKiB = d.altUploadLimitKiB;
    if (!SettingsValidator::checkLimit(s.altDownloadLimitKiB).isEmpty())
        s.altDownloadLimitKiB = d.altDownloadLimitKiB;
    return s;
}

bool SettingsStore::save(const AppSettings &s, QList<SettingsProblem> *problems)
{
    const QList<SettingsProblem> found = SettingsValidator::validate(s);
    if (problems)
        *problems = found;
    if (!found.isEmpty())
        return false;
    QSettings &q = *m_settings;
    q.setValue(kProviderMode, s.providerMode == AppSettings::ProviderMode::Url ? QStringLiteral("url") : QStringLiteral("embedded"));
    q.setValue(kProviderUrl, s.providerUrl.trimmed());
    q.setValue(kProviderCa, s.providerCaFile.trimmed());
    q.setValue(kDownloadFolder, QDir::cleanPath(s.downloadFolder));
    q.setValue(kUploadLimit, s.uploadLimitKiB);
    q.setValue(kDownloadLimit, s.downloadLimitKiB);
    q.setValue(kListen, s.listenAddress.trimmed());
    q.setValue(kCloseToTray, s.closeToTray);
    q.setValue(kStartMinimised, s.startMinimised);
    q.setValue(kStartAtLogin, s.startAtLogin);
    q.setValue(kLanguage, s.language);
    q.setValue(kFirstRunDone, s.firstRunDone);
    q.setValue(kScheduleEnabled, s.scheduleEnabled);
    q.setValue(kScheduleFrom, s.scheduleFromHour);
    q.setValue(kScheduleTo, s.scheduleToHour);
    q.setValue(kAltUpload, s.altUploadLimitKiB);
    q.setValue(kAltDownload, s.altDownloadLimitKiB);
    q.sync();
    return q.status() == QSettings::NoError;
}

} // namespace mp2p
