#include "settingsdialog.h"

#include "autostart.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace mp2p {

namespace {

QSpinBox *limitBox(QWidget *parent, const QString &accessibleName)
{
    auto *box = new QSpinBox(parent);
    box->setRange(0, SettingsValidator::maxLimitKiB);
    box->setSingleStep(64);
    box->setSuffix(SettingsDialog::tr(" KiB/s"));
    box->setSpecialValueText(SettingsDialog::tr("Unlimited"));
    box->setAccessibleName(accessibleName);
    return box;
}

} // namespace

SettingsDialog::SettingsDialog(SettingsStore *store, Autostart *autostart, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_autostart(autostart)
{
    setWindowTitle(tr("Settings"));
    auto *form = new QFormLayout;

    form->addRow(tr("Service provider:"), buildProviderChoice());
    auto *caLabel = new QLabel(tr("Provider's &CA certificate:"), this);
    form->addRow(caLabel, buildCaChoice());
    caLabel->setBuddy(m_ca);
    auto *folderLabel = new QLabel(tr("&Download folder:"), this);
    form->addRow(folderLabel, buildFolderChoice());
    folderLabel->setBuddy(m_folder);

    m_upload = limitBox(this, tr("Upload limit"));
    m_download = limitBox(this, tr("Download limit"));
    form->addRow(tr("&Upload limit:"), withProblemLabel(SettingsField::UploadLimit, m_upload));
    form->addRow(tr("Do&wnload limit:"), withProblemLabel(SettingsField::DownloadLimit, m_download));

    m_listen = new QLineEdit(this);
    m_listen->setPlaceholderText(QStringLiteral("0.0.0.0:6881"));
    m_listen->setAccessibleName(tr("Listen address and port"));
    m_listen->setToolTip(tr("The address and port other peers connect to, e.g. 0.0.0.0:6881 (all interfaces)."));
    form->addRow(tr("&Listen on:"), withProblemLabel(SettingsField::ListenAddress, m_listen));

    form->addRow(tr("Schedule:"), buildSchedule());

    m_closeToTray = new QCheckBox(tr("Closing the window &keeps mp2p running in the tray"), this);
    m_startMinimised = new QCheckBox(tr("Start &minimised to the tray"), this);
    m_startAtLogin = new QCheckBox(tr("Start at lo&gin"), this);
    form->addRow(tr("Tray:"), m_closeToTray);
    form->addRow(QString(), m_startMinimised);
    form->addRow(QString(), withProblemLabel(SettingsField::StartAtLogin, m_startAtLogin));

    m_language = new QComboBox(this);
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("System default"), QStringLiteral("system"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));  // names in their own language
    m_language->addItem(QStringLiteral("한국어"), QStringLiteral("ko"));
    auto *languageLabel = new QLabel(tr("L&anguage (after restart):"), this);
    languageLabel->setBuddy(m_language);
    form->addRow(languageLabel, withProblemLabel(SettingsField::Language, m_language));

    form->addRow(tr("Tracker passkey:"), buildPasskeyRotation());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    setSettings(m_store->load());
}

QWidget *SettingsDialog::buildProviderChoice()
{
    m_embedded = new QRadioButton(tr("Run the services on this &computer (embedded, for this machine and the LAN)"), this);
    m_useUrl = new QRadioButton(tr("Use a &provider:"), this);
    m_url = new QLineEdit(this);
    m_url->setPlaceholderText(QStringLiteral("https://p2p.example.org"));
    m_url->setAccessibleName(tr("Provider URL"));
    auto *modes = new QButtonGroup(this);
    modes->addButton(m_embedded);
    modes->addButton(m_useUrl);
    auto *providerBox = new QWidget(this);
    auto *providerLayout = new QVBoxLayout(providerBox);
    providerLayout->setContentsMargins(0, 0, 0, 0);
    providerLayout->addWidget(m_embedded);
    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(m_useUrl);
    urlRow->addWidget(withProblemLabel(SettingsField::ProviderUrl, m_url), 1);
    providerLayout->addLayout(urlRow);
    connect(m_useUrl, &QRadioButton::toggled, this, &SettingsDialog::updateEnabled);
    return providerBox;
}

QWidget *SettingsDialog::buildFolderChoice()
{
    m_folder = new QLineEdit(this);
    m_folder->setAccessibleName(tr("Download folder"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setAccessibleName(tr("Choose the download folder"));
    connect(browse, &QPushButton::clicked, this, &SettingsDialog::browseFolder);
    auto *folderBox = new QWidget(this);
    auto *folderLayout = new QHBoxLayout(folderBox);
    folderLayout->setContentsMargins(0, 0, 0, 0);
    folderLayout->addWidget(withProblemLabel(SettingsField::DownloadFolder, m_folder), 1);
    folderLayout->addWidget(browse, 0, Qt::AlignTop);
    return folderBox;
}

QWidget *SettingsDialog::buildCaChoice()
{
    m_ca = new QLineEdit(this);
    m_ca->setPlaceholderText(tr("none: the system's certificate authorities"));
    m_ca->setAccessibleName(tr("Provider CA certificate file"));
    m_ca->setToolTip(tr("Only for a provider that signs its HTTPS servers with its own CA: the PEM file it gave you. "
                        "It is trusted in addition to the system's CAs."));
    auto *browse = new QPushButton(tr("Br&owse…"), this);
    browse->setAccessibleName(tr("Choose the provider CA certificate file"));
    connect(browse, &QPushButton::clicked, this, &SettingsDialog::browseCa);
    auto *box = new QWidget(this);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(withProblemLabel(SettingsField::ProviderCa, m_ca), 1);
    layout->addWidget(browse, 0, Qt::AlignTop);
    return box;
}

QWidget *SettingsDialog::buildSchedule()
{
    m_schedule = new QCheckBox(tr("Use &alternative limits between"), this);
    m_schedule->setAccessibleName(tr("Use alternative limits during the scheduled hours"));
    auto hourBox = [this](const QString &name) {
        auto *box = new QSpinBox(this);
        box->setRange(0, 23);
        box->setSuffix(tr(":00"));
        box->setAccessibleName(name);
        return box;
    };
    m_fromHour = hourBox(tr("Schedule starts at hour"));
    m_toHour = hourBox(tr("Schedule ends at hour"));
    m_altUpload = limitBox(this, tr("Alternative upload limit"));
    m_altDownload = limitBox(this, tr("Alternative download limit"));
    auto *hours = new QWidget(this);
    auto *hoursLayout = new QHBoxLayout(hours);
    hoursLayout->setContentsMargins(0, 0, 0, 0);
    hoursLayout->addWidget(m_schedule);
    hoursLayout->addWidget(m_fromHour);
    hoursLayout->addWidget(new QLabel(tr("and"), this));
    hoursLayout->addWidget(m_toHour);
    hoursLayout->addStretch(1);
    auto *limits = new QWidget(this);
    auto *limitsLayout = new QHBoxLayout(limits);
    limitsLayout->setContentsMargins(0, 0, 0, 0);
    auto *upLabel = new QLabel(tr("Upload:"), this);
    upLabel->setBuddy(m_altUpload);
    auto *downLabel = new QLabel(tr("Download:"), this);
    downLabel->setBuddy(m_altDownload);
    limitsLayout->addWidget(upLabel);
    limitsLayout->addWidget(withProblemLabel(SettingsField::AltUploadLimit, m_altUpload), 1);
    limitsLayout->addWidget(downLabel);
    limitsLayout->addWidget(withProblemLabel(SettingsField::AltDownloadLimit, m_altDownload), 1);
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(withProblemLabel(SettingsField::Schedule, hours));
    layout->addWidget(limits);
    connect(m_schedule, &QCheckBox::toggled, this, &SettingsDialog::updateEnabled);
    return box;
}

QWidget *SettingsDialog::withProblemLabel(const char *field, QWidget *control)
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(control);
    auto *problem = new QLabel(box);
    problem->setObjectName(QStringLiteral("problem_") + QLatin1String(field));
    problem->setWordWrap(true);
    problem->setStyleSheet(QStringLiteral("color: #c0392b;"));
    problem->setAccessibleName(tr("Problem"));
    problem->hide();
    layout->addWidget(problem);
    const QString key = QString::fromLatin1(field);
    control->setObjectName(key);
    m_problemLabels.insert(key, problem);
    m_controls.insert(key, control);
    return box;
}

AppSettings SettingsDialog::settings() const
{
    AppSettings s = m_loaded;
    s.providerMode = m_useUrl->isChecked() ? AppSettings::ProviderMode::Url : AppSettings::ProviderMode::Embedded;
    s.providerUrl = m_url->text().trimmed();
    s.providerCaFile = m_ca->text().trimmed();
    s.downloadFolder = m_folder->text().trimmed();
    s.uploadLimitKiB = m_upload->value();
    s.downloadLimitKiB = m_download->value();
    s.listenAddress = m_listen->text().trimmed();
    s.closeToTray = m_closeToTray->isChecked();
    s.startMinimised = m_startMinimised->isChecked();
    s.startAtLogin = m_startAtLogin->isChecked();
    s.language = m_language->currentData().toString();
    s.scheduleEnabled = m_schedule->isChecked();
    s.scheduleFromHour = m_fromHour->value();
    s.scheduleToHour = m_toHour->value();
    s.altUploadLimitKiB = m_altUpload->value();
    s.altDownloadLimitKiB = m_altDownload->value();
    return s;
}

void SettingsDialog::setSettings(const AppSettings &s)
{
    m_loaded = s;
    (s.providerMode == AppSettings::ProviderMode::Url ? m_useUrl : m_embedded)->setChecked(true);
    m_url->setText(s.providerUrl);
    m_ca->setText(s.providerCaFile);
    m_folder->setText(s.downloadFolder);
    m_upload->setValue(s.uploadLimitKiB);
    m_download->setValue(s.downloadLimitKiB);
    m_listen->setText(s.listenAddress);
    m_closeToTray->setChecked(s.closeToTray);
    m_startMinimised->setChecked(s.startMinimised);
    m_startAtLogin->setChecked(s.startAtLogin);
    m_language->setCurrentIndex(qMax(0, m_language->findData(s.language)));
    m_schedule->setChecked(s.scheduleEnabled);
    m_fromHour->setValue(s.scheduleFromHour);
    m_toHour->setValue(s.scheduleToHour);
    m_altUpload->setValue(s.altUploadLimitKiB);
    m_altDownload->setValue(s.altDownloadLimitKiB);
    showProblems({});
    updateEnabled();
}

QString SettingsDialog::problemShown(const QString &field) const
{
    const QLabel *label = m_problemLabels.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

void SettingsDialog::showProblems(const QList<SettingsProblem> &problems)
{
    for (auto it = m_problemLabels.begin(); it != m_problemLabels.end(); ++it) {
        it.value()->clear();
        it.value()->hide();
        m_controls.value(it.key())->setAccessibleDescription(QString());
    }
    for (const SettingsProblem &p : problems) {
        if (QLabel *label = m_problemLabels.value(p.field)) {
            label->setText(p.message);
            label->show();
            m_controls.value(p.field)->setAccessibleDescription(p.message);  // read out by screen readers
        }
    }
    if (!problems.isEmpty()) {
        if (QWidget *first = m_controls.value(problems.first().field))
            first->setFocus(Qt::OtherFocusReason);
    }
}

void SettingsDialog::accept()
{
    const AppSettings s = settings();
    const QList<SettingsProblem> problems = SettingsValidator::validate(s);
    if (!problems.isEmpty()) {
        showProblems(problems);
        return;
    }
    // The autostart entry first: if it cannot be written, nothing is saved and the box says why.
    QString error;
    if (m_autostart && m_autostart->isEnabled() != s.startAtLogin && !m_autostart->setEnabled(s.startAtLogin, &error)) {
        showProblems({{QString::fromLatin1(SettingsField::StartAtLogin), error}});
        return;
    }
    if (!m_store->save(s)) {
        showProblems({{QString::fromLatin1(SettingsField::DownloadFolder),
                       tr("The settings could not be written to %1.").arg(m_store->backend()->fileName())}});
        return;
    }
    showProblems({});
    m_loaded = s;
    Q_EMIT settingsApplied(s);
    QDialog::accept();
}

void SettingsDialog::browseFolder()
{
    // open() instead of the static getExistingDirectory(): no nested event loop.
    auto *dialog = new QFileDialog(this, tr("Download folder"), m_folder->text());
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, m_folder, &QLineEdit::setText);
    dialog->open();
}

void SettingsDialog::browseCa()
{
    auto *dialog = new QFileDialog(this, tr("Provider CA certificate"), m_ca->text());
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({tr("PEM certificates (*.pem *.crt)"), tr("All files (*)")});
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, m_ca, &QLineEdit::setText);
    dialog->open();
}

void SettingsDialog::updateEnabled()
{
    m_url->setEnabled(m_useUrl->isChecked());
    for (QWidget *w : {static_cast<QWidget *>(m_fromHour), static_cast<QWidget *>(m_toHour),
                       static_cast<QWidget *>(m_altUpload), static_cast<QWidget *>(m_altDownload)})
        w->setEnabled(m_schedule->isChecked());
}

} // namespace mp2p
