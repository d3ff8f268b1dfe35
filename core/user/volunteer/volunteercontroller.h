#pragma once

#include "consentstore.h"
#include "volunteerrole.h"

#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>

namespace mp2p {

class ProviderClient;

// Runs the volunteer roles under the user's consent (issue 7, BRIEF §4):
//  - no role starts without a current (latest, not revoked, signature-checked) consent;
//  - a role runs only inside its consented hours, re-evaluated every evaluateIntervalMs;
//  - new limits reach a running role at once (applyLimits);
//  - revoke() records a signed revocation and stops the role before it returns;
//  - a consent or revocation written by another process (`mp2p volunteer` while the peer runs)
//    is noticed at once: a file watch (inotify) on consent.db and its WAL triggers a look at
//    PRAGMA data_version; a slow timer re-checks the hours and is the fallback where
//    watching files does not work;
//  - records go to the PAMS (POST /pams/v1/consent) whenever the provider is ready.
class VolunteerController : public QObject {
    Q_OBJECT
public:
    using HourSource = std::function<int()>;  // local hour 0..23; tests inject one

    VolunteerController(ConsentStore *store, KeyPair key, QObject *parent = nullptr);
    ~VolunteerController() override;  // stops every role

    void addRole(VolunteerRole *role);  // not owned
    void setHourSource(HourSource hours);
    void setEvaluateInterval(int ms);   // the fallback timer; default 5 s
    void start();                       // first evaluation now, then on the timer

    // Records a signed grant with these limits (or new limits for a running role).
    bool consent(VolunteerRoleKind role, const VolunteerLimits &limits, QString *error);
    // Records a signed revocation and stops the role now.
    bool revoke(VolunteerRoleKind role, QString *error);
    void evaluate();

    bool isRunning(VolunteerRoleKind role) const;
    void syncWith(ProviderClient *provider);  // pushes unsynced records now and when ready

Q_SIGNALS:
    void roleStarted(const QString &role);
    void roleStopped(const QString &role, const QString &why);
    void roleFailed(const QString &role, const QString &problem);
    void consentSynced(int records);

private:
    void pushUnsynced();
    void evaluateIfChanged();  // a full evaluation when another process committed
    void watchFiles();         // (re)adds the store's files to m_watcher

    ConsentStore *m_store;
    KeyPair m_key;
    QHash<int, VolunteerRole *> m_roles;
    QHash<int, VolunteerLimits> m_applied;  // limits the running role has
    HourSource m_hours;
    QTimer m_timer;
    QFileSystemWatcher m_watcher;
    qint64 m_lastFullMs = 0;
    qint64 m_seenVersion = -1;
    ProviderClient *m_provider = nullptr;
};

} // namespace mp2p
