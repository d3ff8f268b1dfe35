#include "consentstore.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace mp2p {

namespace {

QList<Migration> migrations()
{
    return {{1,
             {QStringLiteral("CREATE TABLE consent (id INTEGER PRIMARY KEY AUTOINCREMENT, role TEXT NOT NULL, "
                             "time BIGINT NOT NULL, revoked INTEGER NOT NULL, record TEXT NOT NULL, "
                             "synced INTEGER NOT NULL DEFAULT 0)"),
              QStringLiteral("CREATE INDEX consent_role ON consent (role, id)")}}};
}

std::optional<ConsentRecord> parse(const QString &json)
{
    ApiError ignored;
    return consentFromJson(QJsonDocument::fromJson(json.toUtf8()).object(), &ignored);
}

} // namespace

ConsentStore::ConsentStore(QString path)
    : m_path(path)
    , m_db(QStringLiteral("consent"), DatabaseOptions{QStringLiteral("QSQLITE"), std::move(path)})
{
}

QStringList ConsentStore::files() const
{
    return {m_path, m_path + QStringLiteral("-wal")};
}

bool ConsentStore::open(QString *error)
{
    return m_db.open(error) && m_db.migrate(migrations(), error);
}

std::optional<ConsentRecord> ConsentStore::record(const KeyPair &key, VolunteerRoleKind role, const VolunteerLimits &limits,
                                                  bool revoked, qint64 now, QString *error)
{
    // Times only grow per role, so the PAMS (which keeps the newest) never prefers an older one.
    if (const auto previous = latest(role, error); previous && previous->fields.time >= now)
        now = previous->fields.time + 1;
    ConsentFields f;
    f.role = role;
    f.limits = limits;
    f.time = now;
    f.revoked = revoked;
    const ConsentRecord r = signConsent(key, f);
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO consent (role, time, revoked, record) VALUES (?, ?, ?, ?)"));
    q.addBindValue(volunteerRoleName(role));
    q.addBindValue(now);
    q.addBindValue(revoked ? 1 : 0);
    q.addBindValue(QString::fromUtf8(QJsonDocument(consentToJson(r)).toJson(QJsonDocument::Compact)));
    if (!execQuery(q, error))
        return std::nullopt;
    return r;
}

std::optional<ConsentRecord> ConsentStore::latest(VolunteerRoleKind role, QString *error) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT record FROM consent WHERE role = ? ORDER BY id DESC LIMIT 1"));
    q.addBindValue(volunteerRoleName(role));
    if (!execQuery(q, error) || !q.next())
        return std::nullopt;
    auto r = parse(q.value(0).toString());
    // A record whose signature does not verify (a hand-edited file) counts as no consent.
    if (!r || !verifyConsent(*r)) {
        *error = QStringLiteral("the latest %1 consent in consent.db is damaged; give consent again").arg(volunteerRoleName(role));
        return std::nullopt;
    }
    return r;
}

std::optional<QList<ConsentRecord>> ConsentStore::unsynced(QString *error) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT record FROM consent WHERE synced = 0 ORDER BY id"));
    if (!execQuery(q, error))
        return std::nullopt;
    QList<ConsentRecord> out;
    while (q.next())
        if (auto r = parse(q.value(0).toString()))
            out.append(*r);
    return out;
}

bool ConsentStore::markSynced(const ConsentRecord &r, QString *error)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE consent SET synced = 1 WHERE role = ? AND time = ?"));
    q.addBindValue(volunteerRoleName(r.fields.role));
    q.addBindValue(r.fields.time);
    return execQuery(q, error);
}

qint64 ConsentStore::dataVersion() const
{
    if (!m_versionQuery) {
        m_versionQuery.emplace(m_db.connection());
        m_versionQuery->prepare(QStringLiteral("PRAGMA data_version"));
    }
    const bool ok = m_versionQuery->exec() && m_versionQuery->next();
    const qint64 version = ok ? m_versionQuery->value(0).toLongLong() : -1;
    m_versionQuery->finish();
    return version;
}

} // namespace mp2p
