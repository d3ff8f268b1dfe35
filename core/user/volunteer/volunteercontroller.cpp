#include "volunteercontroller.h"

#include <user/provider/providerclient.h>

#include <QDateTime>
#include <QFile>
#include <QLoggingCategory>
#include <QTime>

Q_LOGGING_CATEGORY(lcVolunteer, "mp2p.volunteer")

namespace mp2p {

VolunteerController::VolunteerController(ConsentStore *store, KeyPair key, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_key(std::move(key))
    , m_hours([] { return QTime::currentTime().hour(); })
{
    // Another process's commit shows up as a change of consent.db or its WAL: look then. The
    // timer only re-checks the consented hours (and catches changes where inotify is missing),
    // so the idle app wakes once every few seconds for this, not twice a second.
    m_timer.setInterval(5000);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        watchFiles();  // a file that was replaced drops out of the watch
        evaluateIfChanged();
    });
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this] {
        watchFiles();
        evaluateIfChanged();
    });
}

void VolunteerController::watchFiles()
{
    const QStringList watched = m_watcher.files();
    for (const QString &file : m_store->files())
        if (!watched.contains(file) && QFile::exists(file))
            m_watcher.addPath(file);
}

void VolunteerController::evaluateIfChanged()
{
    const qint64 version = m_store->dataVersion();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // At least once a minute regardless, for the hours of the day.
    if (version != m_seenVersion || now - m_lastFullMs >= 60000) {
        m_seenVersion = version;
        evaluate();
    }
}

VolunteerController::~VolunteerController()
{
    for (VolunteerRole *role : std::as_const(m_roles))
        if (role->isRunning())
            role->stop();
}

void VolunteerController::addRole(VolunteerRole *role) { m_roles.insert(int(role->kind()), role); }
void VolunteerController::setHourSource(HourSource hours) { m_hours = std::move(hours); }
void VolunteerController::setEvaluateInterval(int ms) { m_timer.setInterval(ms); }

void VolunteerController::start()
{
    m_seenVersion = m_store->dataVersion();
    evaluate();
    watchFiles();
    m_timer.start();
}

bool VolunteerController::isRunning(VolunteerRoleKind kind) const
{
    VolunteerRole *role = m_roles.value(int(kind));
    return role && role->isRunning();
}

void VolunteerController::evaluate()
{
    m_lastFullMs = QDateTime::currentMSecsSinceEpoch();
    const int hour = m_hours();
    for (VolunteerRole *role : std::as_const(m_roles)) {
        QString error;
        const auto consent = m_store->latest(role->kind(), &error);
        const bool consented = consent && !consent->fields.revoked;
        const bool inHours = consented && consent->fields.limits.allowsHour(hour);
        if (!inHours) {
            if (role->isRunning()) {
                role->stop();
                m_applied.remove(int(role->kind()));
                const QString why = !consented ? QStringLiteral("consent revoked") : QStringLiteral("outside the consented hours");
                qCInfo(lcVolunteer) << role->name() << "stopped:" << why;
                Q_EMIT roleStopped(role->name(), why);
            }
            continue;
        }
        const VolunteerLimits &limits = consent->fields.limits;
        if (!role->isRunning()) {
            if (!role->start(limits, &error)) {
                Q_EMIT roleFailed(role->name(), error);
                continue;
            }
            m_applied.insert(int(role->kind()), limits);
            qCInfo(lcVolunteer) << role->name() << "started under the consent of" << consent->fields.time;
            Q_EMIT roleStarted(role->name());
        } else if (m_applied.value(int(role->kind())) != limits) {
            role->applyLimits(limits);
            m_applied.insert(int(role->kind()), limits);
        }
    }
}

bool VolunteerController::consent(VolunteerRoleKind role, const VolunteerLimits &limits, QString *error)
{
    if (!m_store->record(m_key, role, limits, false, QDateTime::currentSecsSinceEpoch(), error))
        return false;
    evaluate();
    pushUnsynced();
    return true;
}

bool VolunteerController::revoke(VolunteerRoleKind role, QString *error)
{
    VolunteerLimits limits;
    if (const auto current = m_store->latest(role, error))
        limits = current->fields.limits;
    const bool recorded = m_store->record(m_key, role, limits, true, QDateTime::currentSecsSinceEpoch(), error).has_value();
    // Stop even if the record could not be written: the user asked to stop.
    if (VolunteerRole *r = m_roles.value(int(role)); r && r->isRunning()) {
        r->stop();
        m_applied.remove(int(role));
        Q_EMIT roleStopped(r->name(), QStringLiteral("consent revoked"));
    }
    pushUnsynced();
    return recorded;
}

void VolunteerController::syncWith(ProviderClient *provider)
{
    m_provider = provider;
    connect(provider, &ProviderClient::ready, this, &VolunteerController::pushUnsynced, Qt::UniqueConnection);
    pushUnsynced();
}

void VolunteerController::pushUnsynced()
{
    if (!m_provider || !m_provider->isReady())
        return;
    QString error;
    const auto records = m_store->unsynced(&error);
    if (!records)
        return;
    for (const ConsentRecord &r : *records) {
        m_provider->call("POST", QStringLiteral("pams"), QStringLiteral("/pams/v1/consent"), consentToJson(r),
                         [this, r](const JsonReply &reply) {
            // 409: the PAMS holds a newer one already; either way this record is settled.
            if (reply.ok() || reply.status == 409) {
                QString e;
                m_store->markSynced(r, &e);
                Q_EMIT consentSynced(1);
            } else {
                qCWarning(lcVolunteer) << "the PAMS did not take the consent:" << reply.problem;
            }
        });
    }
}

} // namespace mp2p
