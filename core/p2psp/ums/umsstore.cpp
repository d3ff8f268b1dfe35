#include "umsstore.h"

#include <protocol/keys.h>

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace mp2p {

namespace {

// Portable SQL (SQLite and PostgreSQL): keys are stored as base64url TEXT because BLOB and
// BYTEA differ between the two, and the network profile as JSON text.
QList<Migration> migrations()
{
    return {
        {1,
         {QStringLiteral("CREATE TABLE users ("
                         "user_id TEXT PRIMARY KEY,"
                         "public_key TEXT NOT NULL UNIQUE,"
                         "display_name TEXT NOT NULL DEFAULT '',"
                         "network TEXT NOT NULL DEFAULT '{}',"
                         "reputation BIGINT NOT NULL DEFAULT 0,"
                         "created_at BIGINT NOT NULL,"
                         "updated_at BIGINT NOT NULL)"),
          QStringLiteral("CREATE TABLE challenges ("
                         "challenge_id TEXT PRIMARY KEY,"
                         "user_id TEXT NOT NULL REFERENCES users(user_id),"
                         "challenge TEXT NOT NULL,"
                         "expires_at BIGINT NOT NULL,"
                         "used INTEGER NOT NULL DEFAULT 0)"),
          QStringLiteral("CREATE INDEX challenges_by_user ON challenges (user_id, expires_at)"),
          QStringLiteral("CREATE INDEX challenges_by_expiry ON challenges (expires_at)")},
         false},
        // A tracker passkey per user (announce URLs cannot carry headers, so the credential is in
        // the URL: it must be good for nothing but announcing), and the login sessions tokens
        // name, so refresh is bounded and logout revokes.
        {2,
         {QStringLiteral("CREATE TABLE passkeys ("
                         "user_id TEXT PRIMARY KEY REFERENCES users(user_id),"
                         "passkey TEXT NOT NULL UNIQUE,"
                         "created_at BIGINT NOT NULL)"),
          QStringLiteral("CREATE TABLE sessions ("
                         "session_id TEXT PRIMARY KEY,"
                         "user_id TEXT NOT NULL REFERENCES users(user_id),"
                         "created_at BIGINT NOT NULL,"
                         "expires_at BIGINT NOT NULL,"
                         "revoked_at BIGINT NOT NULL DEFAULT 0)"),
          QStringLiteral("CREATE INDEX sessions_by_user ON sessions (user_id)")},
         false},
        // The revocation feed other mp2pd processes poll (GET /ums/v1/revocations): one row per
        // ended session, plus one per "end all my sessions" (session_id ''), numbered by seq so
        // a verifier asks only for what is new. until_at: no token it covers is valid after it.
        {3,
         {QStringLiteral("CREATE TABLE revocations ("
                         "seq BIGINT PRIMARY KEY,"
                         "user_id TEXT NOT NULL,"
                         "session_id TEXT NOT NULL DEFAULT '',"
                         "revoked_at BIGINT NOT NULL,"
                         "until_at BIGINT NOT NULL)"),
          QStringLiteral("CREATE INDEX revocations_by_until ON revocations (until_at)")},
         false},
    };
}

const QString UserColumns = QStringLiteral(
    "user_id, public_key, display_name, network, reputation, created_at, updated_at");

UserRecord userFromQuery(const QSqlQuery &q)
{
    UserRecord u;
    u.userId = q.value(0).toString();
    u.publicKey = fromBase64Url(q.value(1).toString().toLatin1()).value_or(QByteArray());
    u.displayName = q.value(2).toString();
    u.network = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
    u.reputation = q.value(4).toLongLong();
    u.createdAt = q.value(5).toLongLong();
    u.updatedAt = q.value(6).toLongLong();
    return u;
}

QString networkText(const QJsonObject &network)
{
    return QString::fromUtf8(QJsonDocument(network).toJson(QJsonDocument::Compact));
}

// Reads one user inside whatever transaction the connection is in.
std::optional<UserRecord> selectUser(const QSqlDatabase &db, const QString &userId, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM users WHERE user_id = ?").arg(UserColumns));
    q.addBindValue(userId);
    if (!execQuery(q, error) || !q.next())
        return std::nullopt;
    return userFromQuery(q);
}

} // namespace

UmsStore::UmsStore(const QString &path)
    : m_db(QStringLiteral("ums"), DatabaseOptions{QStringLiteral("QSQLITE"), path, 5000, true})
{
}

bool UmsStore::open(QString *error)
{
    return m_db.open(error) && m_db.migrate(migrations(), error);
}

std::optional<UserRecord> UmsStore::registerUser(const QByteArray &publicKey, const QString &displayName,
                                                 qint64 now, bool *created, QString *error)
{
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    const QString userId = userIdForPublicKey(publicKey);
    // ON CONFLICT DO NOTHING makes a concurrent double registration harmless: one insert
    // wins, both callers then read the same row.
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO users (user_id, public_key, display_name, network, reputation, "
                                  "created_at, updated_at) VALUES (?, ?, ?, '{}', 0, ?, ?) "
                                  "ON CONFLICT (user_id) DO NOTHING"));
    insert.addBindValue(userId);
    insert.addBindValue(QString::fromLatin1(toBase64Url(publicKey)));
    // A null QString binds as SQL NULL; "no name" is stored as the empty text.
    insert.addBindValue(displayName.isNull() ? QStringLiteral("") : displayName);
    insert.addBindValue(now);
    insert.addBindValue(now);
    if (!execQuery(insert, error))
        return std::nullopt;
    *created = insert.numRowsAffected() == 1;
    auto record = selectUser(db, userId, error);
    if (!record) {
        if (error && error->isEmpty())
            *error = QStringLiteral("the user row vanished right after it was written");
        return std::nullopt;
    }
    if (!tx.commit(error))
        return std::nullopt;
    return record;
}

std::optional<UserRecord> UmsStore::user(const QString &userId, QString *error) const
{
    if (error)
        error->clear();
    return selectUser(m_db.connection(), userId, error);
}

std::optional<UserRecord> UmsStore::updateProfile(const QString &userId, const std::optional<QString> &displayName,
                                                  const std::optional<QJsonObject> &network, qint64 now,
                                                  QString *error)
{
    error->clear();
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    // COALESCE keeps the column when its new value is not given (bound as NULL).
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE users SET display_name = COALESCE(?, display_name), "
                             "network = COALESCE(?, network), updated_at = ? WHERE user_id = ?"));
    q.addBindValue(displayName ? QVariant(*displayName) : QVariant(QMetaType(QMetaType::QString)));
    q.addBindValue(network ? QVariant(networkText(*network)) : QVariant(QMetaType(QMetaType::QString)));
    q.addBindValue(now);
    q.addBindValue(userId);
    if (!execQuery(q, error) || q.numRowsAffected() != 1)
        return std::nullopt;
    auto record = selectUser(db, userId, error);
    if (!record || !tx.commit(error))
        return std::nullopt;
    return record;
}

std::optional<qint64> UmsStore::reputation(const QString &userId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT reputation FROM users WHERE user_id = ?"));
    q.addBindValue(userId);
    QString ignored;
    if (!execQuery(q, &ignored) || !q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

qint64 UmsStore::userCount(QString *error) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM users"));
    if (!execQuery(q, error) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

ChallengeAdd UmsStore::addChallenge(const ChallengeRecord &challenge, qint64 now, qint64 ttlSecs, QString *error)
{
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    // Challenges that expired a while ago are dropped here, opportunistically; recently expired
    // ones stay for one more lifetime so a late client hears "expired", not "unknown".
    QSqlQuery purge(db);
    purge.prepare(QStringLiteral("DELETE FROM challenges WHERE expires_at < ?"));
    purge.addBindValue(now - ttlSecs);
    if (!execQuery(purge, error))
        return ChallengeAdd::Failed;
    // A new challenge never evicts an older live one: a stranger asking for challenges in the
    // user's name would otherwise cancel the user's own login in progress. The cap answers 429.
    QSqlQuery live(db);
    live.prepare(QStringLiteral("SELECT COUNT(*) FROM challenges WHERE user_id = ? AND used = 0 AND expires_at > ?"));
    live.addBindValue(challenge.userId);
    live.addBindValue(now);
    if (!execQuery(live, error) || !live.next())
        return ChallengeAdd::Failed;
    if (live.value(0).toInt() >= MaxLiveChallengesPerUser)
        return ChallengeAdd::TooMany;
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO challenges (challenge_id, user_id, challenge, expires_at, used) "
                                  "VALUES (?, ?, ?, ?, 0)"));
    insert.addBindValue(challenge.challengeId);
    insert.addBindValue(challenge.userId);
    insert.addBindValue(challenge.challenge);
    insert.addBindValue(challenge.expiresAt);
    return execQuery(insert, error) && tx.commit(error) ? ChallengeAdd::Ok : ChallengeAdd::Failed;
}

ChallengeCheck UmsStore::consumeChallenge(const QString &challengeId, const QString &userId, qint64 now,
                                          QString *challengeText, QString *error)
{
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT user_id, challenge, expires_at, used FROM challenges WHERE challenge_id = ?"));
    q.addBindValue(challengeId);
    if (!execQuery(q, error))
        return ChallengeCheck::Failed;
    if (!q.next())
        return ChallengeCheck::Unknown;
    if (q.value(0).toString() != userId)
        return ChallengeCheck::OtherUser;
    if (q.value(3).toInt() != 0)
        return ChallengeCheck::Used;
    if (now >= q.value(2).toLongLong())
        return ChallengeCheck::Expired;
    *challengeText = q.value(1).toString();
    // "AND used = 0" plus the row count makes the check-and-mark atomic even when two logins
    // race for the same challenge on two connections.
    QSqlQuery mark(db);
    mark.prepare(QStringLiteral("UPDATE challenges SET used = 1 WHERE challenge_id = ? AND used = 0"));
    mark.addBindValue(challengeId);
    if (!execQuery(mark, error))
        return ChallengeCheck::Failed;
    if (mark.numRowsAffected() != 1)
        return ChallengeCheck::Used;
    return tx.commit(error) ? ChallengeCheck::Ok : ChallengeCheck::Failed;
}

std::optional<QString> UmsStore::passkey(const QString &userId, bool rotate, const QString &fresh, qint64 now,
                                         QString *error)
{
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    if (!rotate) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT passkey FROM passkeys WHERE user_id = ?"));
        q.addBindValue(userId);
        if (!execQuery(q, error))
            return std::nullopt;
        if (q.next())
            return q.value(0).toString();
    }
    QSqlQuery upsert(db);
    upsert.prepare(QStringLiteral("INSERT INTO passkeys (user_id, passkey, created_at) VALUES (?, ?, ?) "
                                  "ON CONFLICT (user_id) DO UPDATE SET passkey = excluded.passkey, "
                                  "created_at = excluded.created_at"));
    upsert.addBindValue(userId);
    upsert.addBindValue(fresh);
    upsert.addBindValue(now);
    if (!execQuery(upsert, error) || !tx.commit(error))
        return std::nullopt;
    return fresh;
}

std::optional<QString> UmsStore::userForPasskey(const QString &passkey) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT user_id FROM passkeys WHERE passkey = ?"));
    q.addBindValue(passkey);
    QString ignored;
    if (!execQuery(q, &ignored) || !q.next())
        return std::nullopt;
    return q.value(0).toString();
}

bool UmsStore::addSession(const SessionRecord &session, QString *error)
{
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO sessions (session_id, user_id, created_at, expires_at, revoked_at) "
                             "VALUES (?, ?, ?, ?, 0)"));
    q.addBindValue(session.sessionId);
    q.addBindValue(session.userId);
    q.addBindValue(session.createdAt);
    q.addBindValue(session.expiresAt);
    return execQuery(q, error) && tx.commit(error);
}

std::optional<SessionRecord> UmsStore::session(const QString &sessionId, QString *error) const
{
    if (error)
        error->clear();
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT session_id, user_id, created_at, expires_at, revoked_at FROM sessions "
                             "WHERE session_id = ?"));
    q.addBindValue(sessionId);
    if (!execQuery(q, error) || !q.next())
        return std::nullopt;
    return SessionRecord{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(),
                         q.value(3).toLongLong(), q.value(4).toLongLong()};
}

} // namespace mp2p
