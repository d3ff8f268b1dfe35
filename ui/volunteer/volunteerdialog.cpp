#include "volunteerdialog.h"

#include <user/volunteer/consentstore.h>
#include <user/volunteer/volunteercontroller.h>

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace mp2p {

namespace {

QSpinBox *spinBox(int min, int max, int value, const QString &suffix, const QString &accessibleName, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setRange(min, max);
    box->setValue(value);
    box->setSuffix(suffix);
    box->setAccessibleName(accessibleName);
    return box;
}

} // namespace

VolunteerDialog::VolunteerDialog(VolunteerController *controller, const ConsentStore *store, QWidget *parent)
    : QDialog(parent), m_controller(controller), m_store(store)
{
    setWindowTitle(tr("Volunteer idle resources"));
    setAccessibleName(windowTitle());

    auto *intro = new QLabel(tr("Nothing is shared until you choose a role below and press \"I agree\". "
                                "You can stop at any moment; stopping takes effect at once."), this);
    intro->setWordWrap(true);

    auto *roles = new QGroupBox(tr("Roles"), this);
    m_relay = new QCheckBox(tr("&Relay Server: forward connections for peers nobody can reach"), roles);
    m_cache = new QCheckBox(tr("&Cache Server: keep popular content near its downloaders"), roles);
    m_relay->setAccessibleName(tr("Volunteer as a relay server"));
    m_cache->setAccessibleName(tr("Volunteer as a cache server"));
    auto *roleLayout = new QVBoxLayout(roles);
    roleLayout->addWidget(m_relay);
    roleLayout->addWidget(m_cache);

    auto *limits = new QGroupBox(tr("Limits"), this);
    m_uploadKiB = spinBox(0, 1024 * 1024, 1024, tr(" KiB/s"), tr("Upload limit in KiB per second, 0 for none"), limits);
    m_uploadKiB->setSpecialValueText(tr("no limit"));
    m_diskGiB = spinBox(1, 100000, 10, tr(" GiB"), tr("Disk quota for the cache in GiB"), limits);
    m_maxRelayed = spinBox(0, 10000, 20, QString(), tr("Most relayed connections at a time, 0 for none"), limits);
    m_maxRelayed->setSpecialValueText(tr("no limit"));
    m_fromHour = spinBox(0, 23, 0, tr(":00"), tr("Volunteer from this hour"), limits);
    m_toHour = spinBox(0, 24, 24, tr(":00"), tr("Volunteer until this hour"), limits);
    auto *form = new QFormLayout(limits);
    form->addRow(tr("&Upload bandwidth:"), m_uploadKiB);
    form->addRow(tr("&Disk quota (cache):"), m_diskGiB);
    form->addRow(tr("&Relayed connections:"), m_maxRelayed);
    form->addRow(tr("&From:"), m_fromHour);
    form->addRow(tr("&Until:"), m_toHour);

    m_disclosure = new QLabel(this);
    m_disclosure->setWordWrap(true);
    m_disclosure->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_disclosure->setAccessibleName(tr("What will be shared"));
    m_disclosure->setFocusPolicy(Qt::StrongFocus);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Volunteering status"));

    auto *buttons = new QDialogButtonBox(this);
    m_agree = buttons->addButton(tr("I &agree"), QDialogButtonBox::AcceptRole);
    m_stopAll = buttons->addButton(tr("&Stop volunteering"), QDialogButtonBox::DestructiveRole);
    buttons->addButton(QDialogButtonBox::Close);
    m_agree->setAccessibleName(tr("Agree and start volunteering with these limits"));
    m_stopAll->setAccessibleName(tr("Revoke consent and stop every role now"));
    connect(m_agree, &QPushButton::clicked, this, &VolunteerDialog::agree);
    connect(m_stopAll, &QPushButton::clicked, this, &VolunteerDialog::stopAll);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(roles);
    layout->addWidget(limits);
    layout->addWidget(new QLabel(tr("<b>What will be shared</b>"), this));
    layout->addWidget(m_disclosure);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    loadCurrentConsent();
    for (QCheckBox *box : {m_relay, m_cache})
        connect(box, &QCheckBox::toggled, this, &VolunteerDialog::updateDisclosure);
    for (QSpinBox *box : {m_uploadKiB, m_diskGiB, m_maxRelayed, m_fromHour, m_toHour})
        connect(box, &QSpinBox::valueChanged, this, &VolunteerDialog::updateDisclosure);
    updateDisclosure();
}

void VolunteerDialog::loadCurrentConsent()
{
    QStringList running;
    for (VolunteerRoleKind role : {VolunteerRoleKind::Relay, VolunteerRoleKind::Cache}) {
        QString error;
        const auto latest = m_store ? m_store->latest(role, &error) : std::nullopt;
        const bool granted = latest && !latest->fields.revoked;
        (role == VolunteerRoleKind::Relay ? m_relay : m_cache)->setChecked(granted);
        if (!granted)
            continue;
        const VolunteerLimits &l = latest->fields.limits;
        m_uploadKiB->setValue(int(l.uploadBytesPerSec / 1024));
        if (role == VolunteerRoleKind::Cache)
            m_diskGiB->setValue(int(qMax<qint64>(1, l.diskQuotaBytes >> 30)));
        if (role == VolunteerRoleKind::Relay)
            m_maxRelayed->setValue(l.maxRelayedConnections);
        m_fromHour->setValue(l.startHour);
        m_toHour->setValue(l.endHour);
        running << volunteerRoleName(role);
    }
    m_status->setText(running.isEmpty() ? tr("You are not volunteering.")
                                        : tr("You consented to: %1.").arg(running.join(QStringLiteral(", "))));
}

VolunteerLimits VolunteerDialog::limitsFor(VolunteerRoleKind role) const
{
    VolunteerLimits limits;
    limits.uploadBytesPerSec = qint64(m_uploadKiB->value()) * 1024;
    if (role == VolunteerRoleKind::Cache)
        limits.diskQuotaBytes = qint64(m_diskGiB->value()) << 30;
    if (role == VolunteerRoleKind::Relay)
        limits.maxRelayedConnections = m_maxRelayed->value();
    limits.startHour = m_fromHour->value();
    limits.endHour = m_toHour->value();
    return limits;
}

bool VolunteerDialog::roleChosen(VolunteerRoleKind role) const
{
    return (role == VolunteerRoleKind::Relay ? m_relay : m_cache)->isChecked();
}

QString VolunteerDialog::disclosure() const
{
    const QString rate = m_uploadKiB->value() == 0 ? tr("with no upload limit")
                                                   : tr("at most %1 KiB/s of upload").arg(m_uploadKiB->value());
    QStringList parts;
    if (m_relay->isChecked()) {
        const QString connections = m_maxRelayed->value() == 0
            ? tr("with no limit on connections")
            : tr("at most %n connection(s) at a time", nullptr, m_maxRelayed->value());
        parts << tr("As a relay, this computer forwards the BitTorrent connections of other peers that nobody "
                    "can reach; the provider lists your address as their relay. It uses %1, %2.")
                     .arg(rate, connections);
    }
    if (m_cache->isChecked())
        parts << tr("As a cache, this computer downloads the content the provider's OMS assigns to it (overlays "
                    "with many downloaders near you), keeps at most %1 GiB of it on disk and uploads it to "
                    "other peers, %2.")
                     .arg(m_diskGiB->value())
                     .arg(rate);
    if (parts.isEmpty())
        return tr("No role is chosen: nothing will be shared.");
    const bool always = m_fromHour->value() == 0 && m_toHour->value() == 24;
    parts << (always ? tr("At any hour of the day.")
                     : tr("Only from %1:00 to %2:00, local time.").arg(m_fromHour->value()).arg(m_toHour->value()));
    parts << tr("Your consent (time, roles, limits) is signed with your key and recorded on this computer and "
                "at the provider's PAMS, which credits the bytes you relay or serve.");
    return parts.join(QLatin1Char(' '));
}

void VolunteerDialog::updateDisclosure()
{
    m_diskGiB->setEnabled(m_cache->isChecked());
    m_maxRelayed->setEnabled(m_relay->isChecked());
    const bool hoursValid = m_fromHour->value() != m_toHour->value();
    m_agree->setEnabled(hoursValid);
    m_disclosure->setText(hoursValid ? disclosure()
                                     : tr("\"From\" and \"Until\" are the same hour: choose a range of at least "
                                          "one hour (0:00 to 24:00 means always)."));
}

bool VolunteerDialog::apply(VolunteerRoleKind role, bool wanted)
{
    QString error;
    const auto latest = m_store ? m_store->latest(role, &error) : std::nullopt;
    const bool granted = latest && !latest->fields.revoked;
    bool ok = true;
    if (wanted && (!granted || !(latest->fields.limits == limitsFor(role))))
        ok = m_controller->consent(role, limitsFor(role), &error);
    else if (!wanted && granted)
        ok = m_controller->revoke(role, &error);
    if (!ok)
        m_lastError = tr("Could not record your choice for the %1 role: %2").arg(volunteerRoleName(role), error);
    return ok;
}

void VolunteerDialog::agree()
{
    m_lastError.clear();
    const bool relayOk = apply(VolunteerRoleKind::Relay, m_relay->isChecked());
    const bool cacheOk = apply(VolunteerRoleKind::Cache, m_cache->isChecked());
    loadCurrentConsent();
    if (!relayOk || !cacheOk) {
        m_status->setText(m_lastError);
        return;
    }
    accept();
}

void VolunteerDialog::stopAll()
{
    m_lastError.clear();
    m_relay->setChecked(false);
    m_cache->setChecked(false);
    apply(VolunteerRoleKind::Relay, false);
    apply(VolunteerRoleKind::Cache, false);
    loadCurrentConsent();
    if (!m_lastError.isEmpty())
        m_status->setText(m_lastError);
}

} // namespace mp2p
