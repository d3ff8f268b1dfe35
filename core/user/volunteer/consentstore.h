#pragma once

#include <base/database.h>
#include <p2psp/pams/consentrecord.h>

#include <QList>
#include <QSqlQuery>

#include <optional>

namespace mp2p {

// consent.db in the peer's data folder: every consent and revocation the user signed (the
// history is kept, so the user can see what they agreed to and when), and whether the PAMS has
// each one. Volunteering is off until a grant is recorded here.
class ConsentStore {
public:
    explicit ConsentStore(QString path);

    bool open(QString *error);
    // Signs and records a grant (or, with revoked, a revocation) for `role` at `now`.
    std::optional<ConsentRecord> record(const KeyPair &key, VolunteerRoleKind role, const VolunteerLimits &limits,
                                        bool revoked, qint64 now, QString *error);
    // The latest record per role; a role is consented when its latest record is a grant.
    std::optional<ConsentRecord> latest(VolunteerRoleKind role, QString *error) const;
    std::optional<QList<ConsentRecord>> unsynced(QString *error) const;  // not yet at the PAMS
    bool markSynced(const ConsentRecord &record, QString *error);
    // Changes whenever another connection (another process too) commits.
    qint64 dataVersion() const;
    // The files another process's commit touches (the database and its write-ahead log).
    QStringList files() const;

private:
    QString m_path;
    Database m_db;
    mutable std::optional<QSqlQuery> m_versionQuery;  // prepared once: asked on every file change
};

} // namespace mp2p
