#pragma once

#include <base/database.h>

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace mp2p {

// A registered user as the UMS keeps it. `reputation` is set by the provider (R7), never by
// the user's own requests.
struct UserRecord {
    QString userId;
    QByteArray publicKey;      // raw 32 bytes
    QString displayName;
    QJsonObject network;       // {"addresses"?, "isp"?, "nat"?}
    qint64 reputation = 0;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

// A login challenge: single use, valid until expiresAt (exclusive).
struct ChallengeRecord {
    QString challengeId;
    QString userId;
    QString challenge;         // the base64url text handed to the client (and signed by it)
    qint64 expiresAt = 0;
};

enum class ChallengeCheck { Ok, Unknown, OtherUser, Used, Expired, Failed };
enum class ChallengeAdd { Ok, TooMany, Failed };

// One login: tokens name it ("sid"); refresh never goes past expiresAt; logout sets revokedAt.
struct SessionRecord {
    QString sessionId;
    QString userId;
    qint64 createdAt = 0;
    qint64 expiresAt = 0;
    qint64 revokedAt = 0;  // 0 = live
};

// One entry of the revocation feed: a session that ended (sessionId set), or every session of
// the user that began before revokedAt (sessionId empty: "end all my sessions").
struct RevocationRecord {
    qint64 seq = 0;
    QString userId;
    QString sessionId;
    qint64 revokedAt = 0;
    qint64 until = 0;  // no token this entry covers is valid after it: verifiers may forget it then
};

struct RevocationPage {
    QList<RevocationRecord> entries;  // ascending seq
    qint64 next = 0;                  // the cursor to ask with next time
    bool more = false;                // another page is waiting right now
    bool reset = false;               // the cursor was beyond anything stored (a new database)
};

// The UMS's SQLite (or PostgreSQL) file: users and login challenges. Every write runs in one
// transaction that is committed before the method returns.
class UmsStore {
public:
    // A user may hold this many live challenges; past it new ones are refused (429), never
    // evicting older ones, so a stranger flooding challenges in a user's name cannot cancel the
    // user's login (the per-address rate limit on the route bounds the stranger).
    static constexpr int MaxLiveChallengesPerUser = 1000;

    explicit UmsStore(const QString &path);

    bool open(QString *error);
    const Database &database() const { return m_db; }

    // Registers the key, or finds the user it already belongs to (*created says which).
    std::optional<UserRecord> registerUser(const QByteArray &publicKey, const QString &displayName, qint64 now,
                                           bool *created, QString *error);
    // Nothing with an empty *error means "no such user".
    std::optional<UserRecord> user(const QString &userId, QString *error) const;
    // Changes the given parts of the profile; returns the updated record (nothing = no such user).
    std::optional<UserRecord> updateProfile(const QString &userId, const std::optional<QString> &displayName,
                                            const std::optional<QJsonObject> &network, qint64 now,
                                            QString *error);
    std::optional<qint64> reputation(const QString &userId) const;
    qint64 userCount(QString *error) const;

    ChallengeAdd addChallenge(const ChallengeRecord &challenge, qint64 now, qint64 ttlSecs, QString *error);
    // Marks the challenge used when it belongs to userId, is unused and has not expired, and
    // hands back its text in *challengeText. A challenge of another user is left untouched.
    ChallengeCheck consumeChallenge(const QString &challengeId, const QString &userId, qint64 now,
                                    QString *challengeText, QString *error);

    // The user's tracker passkey; `fresh` is stored when there is none yet or `rotate` is set.
    std::optional<QString> passkey(const QString &userId, bool rotate, const QString &fresh, qint64 now,
                                   QString *error);
    std::optional<QString> userForPasskey(const QString &passkey) const;

    bool addSession(const SessionRecord &session, QString *error);
    // Nothing with an empty *error means "no such session".
    std::optional<SessionRecord> session(const QString &sessionId, QString *error) const;
    // Revokes one session of the user (or all of them with an empty sessionId); how many, -1 on
    // error. Each revoked session (and a revoke-all itself) enters the revocation feed in the same
    // transaction, kept until now + retainSecs (the longest a token it covers can still be valid).
    int revokeSessions(const QString &userId, const QString &sessionId, qint64 now, qint64 retainSecs, QString *error);
    // Feed entries after `cursor` that are still in force at `now`, at most `limit` of them.
    std::optional<RevocationPage> revocationsSince(qint64 cursor, qint64 now, int limit, QString *error) const;

private:
    Database m_db;
};

} // namespace mp2p
